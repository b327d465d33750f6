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
import { runPulseCommand } from '../../src/core/use-cases/pulse-command';
import { translate } from '../../src/core/i18n';
import { syncTeam } from '../../src/core/use-cases/membership';
import { buildProcessors } from '../../src/main/worker';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};

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
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock,
    logger: silent,
    messenger,
    anonymitySecret: 'k'.repeat(40),
    directory: messenger,
  };
  // Ana is in Auckland (UTC+13 in December), Bo in Los Angeles (UTC-8).
  messenger.addUser('UANA', { timezone: 'Pacific/Auckland' });
  messenger.addUser('UBO', { timezone: 'America/Los_Angeles' });
  messenger.addUser('UCY', { timezone: 'Europe/Paris' });
  messenger.addUser('UBOT', { isBot: true });
  const externalId = `T${randomUUID().slice(0, 8)}`;
  const workspace = await database.repos.workspaces.ensure('slack', externalId);
  const processors = buildProcessors(deps);
  let n = 0;
  const react = async (
    giver: string,
    author: string,
    ts: string,
    opts: { emoji?: string; action?: 'add' | 'remove'; eventKey?: string } = {},
  ) => {
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
  const count = async () =>
    (await database.pool.query('select count(*)::int as n from kudos where revoked_at is null')).rows[0].n as number;
  return { deps, clock, queue, messenger, workspace, externalId, react, shoutouts, count, processors };
}

test('nobody gives kudos to themselves or to a bot, and bots give none', async () => {
  const w = await makeWorld('2026-12-01T00:00:00Z');
  await w.react('UANA', 'UANA', '1.1');
  await w.react('UANA', 'UBOT', '1.2');
  await w.react('UBOT', 'UANA', '1.3');
  expect(await w.count()).toBe(0);
  expect(w.shoutouts()).toHaveLength(0);
  const self = await runKudosCommand(w.deps, {
    platform: 'slack',
    workspaceExternalId: w.externalId,
    channelId: 'CGEN',
    userId: 'UANA',
    text: '<@UANA> for being me',
    commandId: 'c1',
  });
  expect(self.key).toBe('kudos.self');
  const bot = await runKudosCommand(w.deps, {
    platform: 'slack',
    workspaceExternalId: w.externalId,
    channelId: 'CGEN',
    userId: 'UANA',
    text: '<@UBOT> for the deploys',
    commandId: 'c2',
  });
  expect(bot).toEqual({ key: 'kudos.bot', params: { user: 'UBOT' }, locale: 'en' });
  expect(w.queue.waiting).toHaveLength(0);
});

test('a doubled or redelivered reaction counts once; one shout-out per message, updated as kudos come and go', async () => {
  const w = await makeWorld('2026-12-01T00:00:00Z');
  w.messenger.channelMessages.set('CGEN:5.5', {
    text: 'Shipped the new onboarding flow',
    permalink: 'https://x.slack.com/archives/CGEN/p55',
  });
  await w.react('UANA', 'UCY', '5.5', { eventKey: 'EvA' });
  await w.react('UANA', 'UCY', '5.5', { eventKey: 'EvA' }); // the same event again
  await w.react('UANA', 'UCY', '5.5', { eventKey: 'EvB' }); // the same reaction, a new event
  expect(await w.count()).toBe(1);
  expect(w.shoutouts()).toHaveLength(1);
  const first = w.shoutouts()[0]!;
  expect(first.message).toMatchObject({
    givers: ['UANA'],
    recipients: ['UCY'],
    excerpt: 'Shipped the new onboarding flow',
    withdrawn: false,
  });
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
  const notices = () =>
    w.messenger.direct.filter(
      (d) => d.to === 'UANA' && d.message.kind === 'text' && d.message.key === 'kudos.limit_reached',
    );
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
  await database.repos.workspaces.updateKudosSettings(w.workspace.id, {
    ...w.workspace.kudos,
    values: ['teamwork', 'customer-care'],
  });
  const reply = await runKudosCommand(w.deps, {
    platform: 'slack',
    workspaceExternalId: w.externalId,
    channelId: 'CGEN',
    userId: 'UANA',
    text: '<@UBO> <@UCY> for the calm release #TeamWork',
    commandId: 'k1',
  });
  expect(reply).toEqual({ key: 'kudos.sent', params: { recipients: '<@UBO>, <@UCY>' }, locale: 'en' });
  await w.queue.drain(w.processors);
  expect(w.shoutouts()).toHaveLength(1);
  expect(w.shoutouts()[0]!.message).toMatchObject({
    givers: ['UANA'],
    recipients: ['UBO', 'UCY'],
    reason: 'the calm release',
    values: ['teamwork'],
    tags: [],
  });
  const board = await database.repos.kudos.leaderboard(w.workspace.id, new Date('2026-11-01T00:00:00Z'), 5);
  expect(board.receivers.map((r) => r.user).sort()).toEqual(['UBO', 'UCY']);
  expect(board.givers).toEqual([{ user: 'UANA', count: 2 }]);
  expect(board.values).toEqual([{ value: 'teamwork', count: 2 }]);
  expect(board.tags).toEqual([]);
});

test('a tag that is not a value never refuses the kudos: stored as a free tag, shown, counted apart, the giver told which', async () => {
  const w = await makeWorld('2026-12-01T12:00:00Z');
  const give = (text: string, commandId: string) =>
    runKudosCommand(w.deps, {
      platform: 'slack',
      workspaceExternalId: w.externalId,
      channelId: 'CGEN',
      userId: 'UANA',
      text,
      commandId,
    });
  const stored = async () =>
    (
      await database.pool.query(
        'select source_key, recipient, "values", tags from kudos where revoked_at is null order by seq',
      )
    ).rows as Array<{ source_key: string; recipient: string; values: string[]; tags: string[] }>;

  // No values configured: every tag is free, and there is nothing to point out to the giver.
  expect(await give('<@UBO> for a great demo #teamwork', 'f1')).toEqual({
    key: 'kudos.sent',
    params: { recipients: '<@UBO>' },
    locale: 'en',
  });
  await w.queue.drain(w.processors);
  expect(await stored()).toEqual([{ source_key: 'cmd:f1', recipient: 'UBO', values: [], tags: ['teamwork'] }]);
  expect(w.shoutouts().at(-1)!.message).toMatchObject({ reason: 'a great demo', values: [], tags: ['teamwork'] });

  // Values configured: the known one (any case) is a value, the others free tags, and the reply names only those.
  await database.repos.workspaces.updateKudosSettings(w.workspace.id, {
    ...w.workspace.kudos,
    values: ['teamwork', 'customer-care'],
  });
  const reply = await give('<@UBO> <@UCY> for the calm release #Customer-Care #speed #Fun!', 'f2');
  expect(reply).toEqual({
    key: 'kudos.sent_free_tags',
    params: {
      recipients: '<@UBO>, <@UCY>',
      tags: '#speed #fun',
      values: '#teamwork #customer-care',
      proposed: 'teamwork,customer-care,speed,fun',
    },
    locale: 'en',
  });
  await w.queue.drain(w.processors);
  expect((await stored()).slice(1)).toEqual([
    { source_key: 'cmd:f2', recipient: 'UBO', values: ['customer-care'], tags: ['speed', 'fun'] },
    { source_key: 'cmd:f2', recipient: 'UCY', values: ['customer-care'], tags: ['speed', 'fun'] },
  ]);
  expect(w.shoutouts()).toHaveLength(2);
  expect(w.shoutouts()[1]!.message).toMatchObject({
    recipients: ['UBO', 'UCY'],
    values: ['customer-care'],
    tags: ['speed', 'fun'],
  });
  // The note went to the giver in the command's private reply only: nobody got a DM or a post about it.
  expect(w.messenger.direct).toEqual([]);

  // The leaderboard counts the values and, apart, the free tags (one per kudos, so two for a kudos to two people).
  const board = await database.repos.kudos.leaderboard(w.workspace.id, new Date('2026-11-01T00:00:00Z'), 5);
  expect(board.values).toEqual([{ value: 'customer-care', count: 2 }]);
  expect(board.tags).toEqual([
    { tag: 'fun', count: 2 },
    { tag: 'speed', count: 2 },
    { tag: 'teamwork', count: 1 },
  ]);
  const text = await runPulseCommand(w.deps, {
    platform: 'slack',
    workspaceExternalId: w.externalId,
    channelId: 'CGEN',
    userId: 'UANA',
    text: 'kudos 4',
  });
  expect(translate('en', text.key, text.params)).toMatch(
    /\*Values\*: #customer-care 2\n\*Free tags\*: #fun 2 · #speed 2 · #teamwork 1$/,
  );

  // The same command again (a retry) stores nothing more; the daily limit counts kudos, not tags.
  expect((await give('<@UBO> <@UCY> for the calm release #Customer-Care #speed #Fun!', 'f2')).key).toBe(
    'kudos.sent_free_tags',
  );
  await w.queue.drain(w.processors);
  expect(await stored()).toHaveLength(3);
  expect(await give('<@UBO> <@UCY> <@UANA> for more #a #b #c', 'f3')).toEqual({ key: 'kudos.self', locale: 'en' });
  expect((await give('<@UBO> <@UCY> <@UBOT> for more', 'f4')).key).toBe('kudos.bot');
  expect(await give('<@UCY> <@UBO> for more #x', 'f5')).toMatchObject({ key: 'kudos.sent_free_tags' });
  await w.queue.drain(w.processors);
  expect(await stored()).toHaveLength(5);
  expect(await give('<@UBO> for one too many #x', 'f6')).toEqual({
    key: 'kudos.limit_left',
    params: { left: 0, limit: 5 },
    locale: 'en',
  });
});

test("the weekly digest goes out once with the team's scheduled round, naming who was recognized", async () => {
  const w = await makeWorld('2026-12-03T09:00:00Z'); // Thursday
  await w.react('UANA', 'UBO', '30.1');
  await w.react('UCY', 'UBO', '30.2');
  await w.react('UBO', 'UCY', '30.3');
  w.messenger.channels.set('CTEAM', ['UANA', 'UBO', 'UCY']);
  const { team } = await database.repos.teams.ensure({
    workspaceId: w.workspace.id,
    channelId: 'CTEAM',
    managers: ['UANA'],
    settings: { ...DEFAULT_TEAM_SETTINGS, timezone: 'UTC' },
  });
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
  expect(digests()[0]!.message).toMatchObject({
    total: 3,
    receivers: [
      { user: 'UBO', count: 2 },
      { user: 'UCY', count: 1 },
    ],
  });
});
