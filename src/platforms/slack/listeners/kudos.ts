/** Kudos: reactions on messages and `/kudos`, acked first and handed to the core. */
import type { App } from '@slack/bolt';
import type { WebDeps } from '../../../core/use-cases/deps';
import { answerPrivately } from './respond';
import { noteReaction, runKudosCommand } from '../../../core/use-cases/kudos';

/** Registers reaction_added/removed and the /kudos command. */
export function registerKudos(app: App, deps: WebDeps): void {
  for (const [type, action] of [
    ['reaction_added', 'add'],
    ['reaction_removed', 'remove'],
  ] as const) {
    app.event(type, async ({ event, body }) => {
      if (event.item.type !== 'message') return;
      await noteReaction(deps, {
        platform: 'slack',
        workspaceExternalId: body.team_id,
        giver: event.user,
        author: event.item_user ?? null,
        channelId: event.item.channel,
        messageId: event.item.ts,
        emoji: event.reaction,
        action,
        // A redelivered event has the same id, so it is the same job.
        eventKey: body.event_id,
      });
    });
  }

  app.command('/kudos', async ({ ack, command, respond }) => {
    await ack();
    await answerPrivately(respond, deps.logger, () =>
      runKudosCommand(deps, {
        platform: 'slack',
        workspaceExternalId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
        text: command.text ?? '',
        // Slack sends a fresh trigger id with every command: it names this /kudos.
        commandId: command.trigger_id,
      }),
    );
  });
}
