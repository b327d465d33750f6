/** `/pulse`: ack, run the core command, answer privately to the caller. */
import type { App } from '@slack/bolt';
import { runPulseCommand } from '../../../core/use-cases/pulse-command';
import type { WebDeps } from '../../../core/use-cases/deps';
import { answerPrivately } from './respond';

/** Registers the slash commands. */
export function registerCommands(app: App, deps: WebDeps): void {
  app.command('/pulse', async ({ ack, command, respond }) => {
    await ack();
    await answerPrivately(respond, deps.logger, () =>
      runPulseCommand(deps, {
        platform: 'slack',
        workspaceExternalId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
        text: command.text ?? '',
      }),
    );
  });
}
