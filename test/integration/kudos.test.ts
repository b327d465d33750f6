/**
 * Kudos rules on the real PostgreSQL with a fixed clock: no self- or bot kudos, the daily limit
 * counted in the giver's own time zone (across their midnight), the limit notice sent once,
 * a doubled reaction counted once, one shout-out per message that follows kudos coming and going.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import type { ShoutoutMessage } from '../../src/core/messages';
import { DEFAULT_TEAM_SETTINGS } from '../../src/core/model';
import { runTick } from '../../src/core/use-cases/tick';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { runKudosCommand } from '../../src/core/use-cases/kudos';
import { syncTeam } from '../../src/core/use-cases/membership';
import { buildProcessors } from '../../src/main/worker';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
beforeEach(() => truncateAll(database.pool));
afterAll(() => database.close());

async function makeWorld(startAt: string) {
  const clock = new ManualClock(new Date(startAt));
  const queue = new MemoryQueue();
  const messenger = new RecordingMessenger();
  const deps: WorkerDeps = { repos: database.repos, queue, clock, logger: silent, messenger, anonymitySecret: 'k'.repeat(40), directory: messenger };
  // Ana is in Auckland (UTC+13 in December), Bo in Los Angeles (UTC-8).
  messenger.addUser('UANA', { timezone: 'Pacific/Auckland' });
  messenger.addUser('UBO', { timezone: 'America/Los_Angeles' });
  messenger.addUser('UCY', { timezone: 'Europe/Paris' });
  messenger.addUser('UBOT', { isBot: true });
  const externalId = `T${randomUUID().slice(0, 8)}`;
  const workspace = await database.repos.workspaces.ensure('slack', externalId);
  const processors = buildProcessors(deps);
  let n = 0;
  const react = async (giver: string, author: string, ts: string, opts: { emoji?: string; action?: 'add' | 'remove'; eventKey?: string } = {}) => {
    clock.advance(1000); // people react a moment apart
    await queue.enqueue('kudos-reaction', {
      workspaceId: workspace.id,
      giver,
      author,
      channelId: 'CGEN',
      messageId: ts,
      emoji: opts.emoji ?? 'clap',
      action: opts.action ?? 'add',
      eventKey: opts.eventKey ?? `Ev${++n}`,
    });
    await queue.drain(processors);
  };
  const shoutouts = () => messenger.channelPosts.filter((p) => p.message.kind === 'shoutout');
  const count = async () => (await database.pool.query('select count(*)::int as n from kudos where revoked_at is null')).rows[0].n as number;
  return { deps, clock, queue, messenger, workspace, externalId, react, shoutouts, count, processors };
}

test('nobody gives kudos to themselves or to a bot, and bots give none', async () => {
  const w = await makeWorld('2026-12-01T00:00:00Z');
  await w.react('UANA', 'UANA', '1.1');
  await w.react('UANA', 'UBOT', '1.2');
  await w.react('UBOT', 'UANA', '1.3');
  expect(await w.count()).toBe(0);
  expect(w.shoutouts()).toHaveLength(0);
  const self = await runKudosCommand(w.deps, { platform: 'slack', workspaceExternalId: w.externalId, channelId: 'CGEN', userId: 'UANA', text: '<@UANA> for being me', commandId: 'c1' });
  expect(self.key).toBe('kudos.self');
  const bot = await runKudosCommand(w.deps, { platform: 'slack', workspaceExternalId: w.externalId, channelId: 'CGEN', userId: 'UANA', text: '<@UBOT> for the deploys', commandId: 'c2' });
  expect(bot).toEqual({ key: 'kudos.bot', params: { user: 'UBOT' }, locale: 'en' });
  expect(w.queue.waiting).toHaveLength(0);
});

test('a doubled or redelivered reaction counts once; one shout-out per message, updated as kudos come and go', async () => {
  const w = await makeWorld('2026-12-01T00:00:00Z');
  w.messenger.channelMessages.set('CGEN:5.5', { text: 'Shipped the new onboarding flow', permalink: 'https://x.slack.com/archives/CGEN/p55' });
  await w.react('UANA', 'UCY', '5.5', { eventKey: 'EvA' });
  await w.react('UANA', 'UCY', '5.5', { eventKey: 'EvA' }); // the same event again
  await w.react('UANA', 'UCY', '5.5', { eventKey: 'EvB' }); // the same reaction, a new event
  expect(await w.count()).toBe(1);
  expect(w.shoutouts()).toHaveLength(1);
  const first = w.shoutouts()[0]!;
  expect(first.message).toMatchObject({ givers: ['UANA'], recipients: ['UCY'], excerpt: 'Shipped the new onboarding flow', withdrawn: false });
  expect(w.messenger.threads.get(first.ref.messageId)).toBe('5.5'); // no recognition channel: in the thread

  await w.react('UBO', 'UCY', '5.5');
  expect(w.shoutouts()).toHaveLength(1);
  expect((w.messenger.updates.at(-1)!.message as ShoutoutMessage).givers).toEqual(['UANA', 'UBO']);

  await w.react('UANA', 'UCY', '5.5', { action: 'remove' });
  await w.react('UBO', 'UCY', '5.5', { action: 'remove' });
  expect(await w.count()).toBe(0);
  expect((w.messenger.updates.at(-1)!.message as ShoutoutMessage).withdrawn).toBe(true);
  expect(w.shoutouts()).toHaveLength(1);
});

test("the daily limit counts in the giver's own time zone, and the notice is sent once a day", async () => {
  // 10:00 UTC on 1 Dec is 23:00 on 1 Dec in Auckland.
  const w = await makeWorld('2026-12-01T10:00:00Z');
  for (let i = 1; i <= 5; i += 1) await w.react('UANA', 'UBO', `10.${i}`);
  expect(await w.count()).toBe(5);
  await w.react('UANA', 'UBO', '10.6');
  await w.react('UANA', 'UBO', '10.7');
  expect(await w.count()).toBe(5);
  const notices = () => w.messenger.direct.filter((d) => d.to === 'UANA' && d.message.kind === 'text' && d.message.key === 'kudos.limit_reached');
  expect(notices()).toHaveLength(1);

  // 11:30 UTC is 00:30 on 2 Dec in Auckland: a new day for Ana (while it is still 1 Dec in Los Angeles).
  w.clock.set(new Date('2026-12-01T11:30:00Z'));
  await w.react('UANA', 'UBO', '10.8');
  expect(await w.count()).toBe(6);
  for (let i = 9; i <= 13; i += 1) await w.react('UANA', 'UBO', `10.${i}`);
  expect(await w.count()).toBe(10);
  expect(notices()).toHaveLength(2);

  // Bo's own day is separate from Ana's.
  await w.react('UBO', 'UANA', '20.1');
  expect(await w.count()).toBe(11);
});

test('/kudos with a reason and values posts one shout-out and counts in the leaderboard', async () => {
  const w = await makeWorld('2026-12-01T12:00:00Z');
  await database.repos.workspaces.updateKudosSettings(w.workspace.id, { ...w.workspace.kudos, values: ['teamwork', 'customer-care'] });
  const wrong = await runKudosCommand(w.deps, { platform: 'slack', workspaceExternalId: w.externalId, channelId: 'CGEN', userId: 'UANA', text: '<@UBO> for the fix #speed', commandId: 'k0' });
  expect(wrong.key).toBe('kudos.unknown_value');
  const reply = await runKudosCommand(w.deps, { platform: 'slack', workspaceExternalId: w.externalId, channelId: 'CGEN', userId: 'UANA', text: '<@UBO> <@UCY> for the calm release #teamwork', commandId: 'k1' });
  expect(reply.key).toBe('kudos.sent');
  await w.queue.drain(w.processors);
  expect(w.shoutouts()).toHaveLength(1);
  expect(w.shoutouts()[0]!.message).toMatchObject({ givers: ['UANA'], recipients: ['UBO', 'UCY'], reason: 'the calm release', values: ['teamwork'] });
  const board = await database.repos.kudos.leaderboard(w.workspace.id, new Date('2026-11-01T00:00:00Z'), 5);
  expect(board.receivers.map((r) => r.user).sort()).toEqual(['UBO', 'UCY']);
  expect(board.givers).toEqual([{ user: 'UANA', count: 2 }]);
  expect(board.values).toEqual([{ value: 'teamwork', count: 2 }]);
});

test('the weekly digest goes out once with the team\'s scheduled round, naming who was recognized', async () => {
  const w = await makeWorld('2026-12-03T09:00:00Z'); // Thursday
  await w.react('UANA', 'UBO', '30.1');
  await w.react('UCY', 'UBO', '30.2');
  await w.react('UBO', 'UCY', '30.3');
  w.messenger.channels.set('CTEAM', ['UANA', 'UBO', 'UCY']);
  const { team } = await database.repos.teams.ensure({ workspaceId: w.workspace.id, channelId: 'CTEAM', managers: ['UANA'], settings: { ...DEFAULT_TEAM_SETTINGS, timezone: 'UTC' } });
  await syncTeam(w.deps, team.id);
  await database.repos.teams.setSchedule(team.id, { days: ['fri'], time: '10:00' });
  const digests = () => w.messenger.channelPosts.filter((p) => p.message.kind === 'digest');
  for (const at of ['2026-12-04T20:00:00Z', '2026-12-04T21:00:00Z']) {
    w.clock.set(new Date(at)); // Friday, after every member's 10:00
    await runTick(w.deps);
    await w.queue.drain(w.processors);
  }
  expect(digests()).toHaveLength(1);
  expect(digests()[0]!.to).toBe('CTEAM');
  expect(digests()[0]!.message).toMatchObject({ total: 3, receivers: [{ user: 'UBO', count: 2 }, { user: 'UCY', count: 1 }] });
});
