/** `/pulse`: ack, run the core command, answer privately to the caller. */
import type { App } from '@slack/bolt';
import { runPulseCommand } from '../../../core/use-cases/pulse-command';
import type { WebDeps } from '../../../core/use-cases/deps';
import { renderMessage, replyText } from '../render';

/** Registers the slash commands. */
export function registerCommands(app: App, deps: WebDeps): void {
  app.command('/pulse', async ({ ack, command, respond }) => {
    await ack();
    const reply = await runPulseCommand(deps, {
      platform: 'slack',
      workspaceExternalId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      text: command.text ?? '',
    });
    const text = replyText(reply.locale, reply.key, reply.params);
    const blocks = (reply.messages ?? []).flatMap((m) => [{ type: 'divider' as const }, ...(renderMessage(m).blocks ?? [])]);
    await respond({ response_type: 'ephemeral', text, ...(blocks.length ? { blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...blocks].slice(0, 50) } : {}) });
  });
}
