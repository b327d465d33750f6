/** `/pulse`: ack, run the core command, answer privately to the caller. */
import type { App } from '@slack/bolt';
import { runPulseCommand } from '../../../core/use-cases/pulse-command';
import type { WebDeps } from '../../../core/use-cases/deps';
import { answerPrivately } from './respond';

/** What Slack sends as `channel_name` where a conversation has no name of its own to show: not a name. */
const NOT_A_CHANNEL_NAME = new Set(['directmessage', 'privategroup']);

/** Registers the slash commands. */
export function registerCommands(app: App, deps: WebDeps): void {
  app.command('/pulse', async ({ ack, command, respond }) => {
    await ack();
    await answerPrivately(respond, deps.logger, () =>
      runPulseCommand(deps, {
        platform: 'slack',
        workspaceExternalId: command.team_id,
        channelId: command.channel_id,
        channelName: NOT_A_CHANNEL_NAME.has(command.channel_name) ? null : command.channel_name,
        userId: command.user_id,
        text: command.text ?? '',
      }),
    );
  });
}
