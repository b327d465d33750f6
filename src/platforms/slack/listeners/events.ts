/** Channel joins and leaves keep the team in step; opening App Home refreshes it (Bolt acks events first). */
import type { App } from '@slack/bolt';
import { noteMembershipChange, requestHome } from '../../../core/use-cases/answers';
import type { WebDeps } from '../../../core/use-cases/deps';

/** Registers the Events API listeners. */
export function registerEvents(app: App, deps: WebDeps): void {
  for (const [type, change] of [
    ['member_joined_channel', 'joined'],
    ['member_left_channel', 'left'],
  ] as const) {
    app.event(type, async ({ event, body }) => {
      await noteMembershipChange(deps, {
        platform: 'slack',
        workspaceExternalId: body.team_id,
        channelId: event.channel,
        userId: event.user,
        change,
        // The event id makes a redelivered event the same job.
        eventKey: body.event_id,
      });
    });
  }
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    await requestHome(deps, { platform: 'slack', workspaceExternalId: body.team_id, userId: event.user });
  });
}
