/**
 * Away on the real queues (BullMQ on Redis) and the real PostgreSQL (issue #18): people away by their
 * own `/pulse away` or by their status are not asked, not reminded and not counted in the response
 * rate; the summary says how many were away; someone back before the round closes is asked then, once.
 */
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import type { SummaryMessage } from '../../src/core/messages';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { runTick } from '../../src/core/use-cases/tick';
import { createJobQueue, type BullJobQueue } from '../../src/jobs/producer';
import type { RunningWorkers } from '../../src/jobs/workers';
import { connectProducer } from '../../src/main/redis';
import { buildProcessors } from '../../src/main/worker';
import { waitFor } from '../support/app-process';
import { deliveryIdOf, seedTeam, silentLogger } from '../support/checkin-team';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { RecordingMessenger } from '../support/recording-messenger';
import { runRealWorkers, TEST_REDIS_URL, testQueuePrefix } from '../support/real-workers';

const REDIS_URL = TEST_REDIS_URL;
const PREFIX = testQueuePrefix('away');

let database: TestDatabase;
let producer: ReturnType<typeof connectProducer>;
let queue: BullJobQueue;
let workers: RunningWorkers | null = null;

beforeAll(async () => {
  database = openTestDatabase();
  producer = connectProducer(REDIS_URL);
  queue = createJobQueue(producer, PREFIX);
});
beforeEach(async () => {
  // The tick looks at every team in the database.
  await truncateAll(database.pool);
});
afterEach(async () => {
  await workers?.close(5000);
  workers = null;
});
afterAll(async () => {
  await queue.close();
  producer.disconnect();
  await database.close();
});

const runWorkers = (deps: WorkerDeps): RunningWorkers => runRealWorkers(REDIS_URL, PREFIX, deps);

/** The deliveries of the team's rounds by state (a positive sign that every due DM was handled). */
async function statesOf(teamId: string): Promise<Record<string, number>> {
  const { rows } = await database.pool.query<{ state: string; n: number }>(
    'select d.state, count(*)::int as n from deliveries d join rounds r on r.id = d.round_id where r.team_id = $1 group by d.state',
    [teamId],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

const user = (i: number) => `U${String(i).padStart(5, '0')}`;

test('a fan-out of 1,000 with 100 away sends 900 DMs, reminds none of the 100, and the summary counts 900 invited and says 100 away', async () => {
  const messenger = new RecordingMessenger();
  const clock = new ManualClock(new Date('2026-11-27T13:59:00Z')); // a Friday
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock,
    logger: silentLogger,
    messenger,
    anonymitySecret: randomBytes(32).toString('hex'),
  };
  const people = Array.from({ length: 1000 }, (_, i) => user(i));
  const team = await seedTeam(deps, messenger, people);
  // 50 said `/pulse away` (through next Friday); 50 more have a vacation status, 25 of them with no expiry.
  const selfAway = people.slice(900, 950);
  const statusAway = people.slice(950);
  const workspace = (await database.repos.workspaces.findById(team.workspaceId))!;
  for (const id of selfAway) {
    const member = (await database.repos.members.findByPlatformId(workspace.id, id))!;
    await database.repos.members.setAwayUntil(member.id, new Date('2026-12-05T00:00:00Z'));
  }
  statusAway.forEach((id, i) =>
    messenger.statuses.set(id, {
      emoji: ':palm_tree:',
      text: 'Vacationing',
      expiresAt: i % 2 ? null : new Date('2026-12-07T00:00:00Z'),
    }),
  );
  // A status that does not say away does not keep anyone from being asked.
  messenger.statuses.set(user(0), { emoji: ':spiral_calendar_pad:', text: 'In a meeting', expiresAt: null });

  clock.set(new Date('2026-11-27T14:00:00Z'));
  await runTick(deps);
  workers = runWorkers(deps);
  await waitFor(
    async () => {
      const s = await statesOf(team.id);
      return s.sent === 900 && s.away === 100 && !s.pending && !s.sending;
    },
    '900 sent and 100 away',
    120_000,
    200,
  );

  const asked = new Set(messenger.direct.filter((s) => s.message.kind === 'checkin').map((s) => s.to));
  expect(messenger.direct.filter((s) => s.message.kind === 'checkin')).toHaveLength(900);
  expect([...selfAway, ...statusAway].filter((id) => asked.has(id))).toEqual([]);
  expect(asked.has(user(0))).toBe(true);
  // Their status is read once per member per round, and never for someone away by their own word.
  expect([...messenger.statusReads.values()].every((n) => n === 1)).toBe(true);
  expect(selfAway.filter((id) => messenger.statusReads.has(id))).toEqual([]);
  expect(messenger.statusReads.size).toBe(950);

  // 450 of the 900 answer.
  const processors = buildProcessors(deps);
  for (const id of people.slice(0, 450)) {
    expect(
      await processors['record-score'](
        { deliveryId: deliveryIdOf(messenger, id), questionId: 'mood', score: 7, clickId: `c-${id}` },
        { attemptsMade: 0 },
      ),
    ).toBe('saved');
  }

  // 24 h later: a reminder to each of the 450 who did not answer, none to anyone away.
  clock.set(new Date('2026-11-28T14:00:00Z'));
  const report = await runTick(deps);
  expect(report.remindersEnqueued).toBe(450);
  await waitFor(
    () => messenger.direct.filter((s) => s.message.kind === 'reminder').length === 450,
    '450 reminders',
    60_000,
    200,
  );
  const reminded = new Set(messenger.direct.filter((s) => s.message.kind === 'reminder').map((s) => s.to));
  expect([...selfAway, ...statusAway].filter((id) => reminded.has(id))).toEqual([]);

  // The round closes (72 h window) with everyone still away: the summary counts 900 invited, 100 away.
  clock.set(new Date('2026-11-30T14:01:00Z'));
  await runTick(deps);
  const posted = await waitFor(
    () => messenger.channelPosts.find((p) => p.message.kind === 'summary'),
    'the summary',
    60_000,
    200,
  );
  const summary = (posted.message as SummaryMessage).summary;
  expect(summary).toMatchObject({ kind: 'summary', invited: 900, away: 100, respondents: 450, responseRate: 0.5 });
  expect(messenger.checkinsTo(user(900))).toHaveLength(0);
});

test('someone back before the round closes gets their check-in then, once: their own away ended early, or their status expired (read once)', async () => {
  const messenger = new RecordingMessenger();
  const clock = new ManualClock(new Date('2026-11-27T13:59:00Z'));
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock,
    logger: silentLogger,
    messenger,
    anonymitySecret: randomBytes(32).toString('hex'),
  };
  const team = await seedTeam(deps, messenger, ['UANN', 'UBEN', 'UCAT', 'UDAN']);
  const workspace = (await database.repos.workspaces.findById(team.workspaceId))!;
  const ben = (await database.repos.members.findByPlatformId(workspace.id, 'UBEN'))!;
  const dan = (await database.repos.members.findByPlatformId(workspace.id, 'UDAN'))!;
  await database.repos.members.setAwayUntil(ben.id, new Date('2026-12-10T00:00:00Z'));
  await database.repos.members.setAwayUntil(dan.id, new Date('2026-12-10T00:00:00Z'));
  // Cat is on a plane until Saturday noon.
  messenger.statuses.set('UCAT', { emoji: ':airplane:', text: '', expiresAt: new Date('2026-11-28T12:00:00Z') });

  clock.set(new Date('2026-11-27T14:00:00Z'));
  await runTick(deps);
  workers = runWorkers(deps);
  await waitFor(async () => (await statesOf(team.id)).away === 3, 'three away');
  expect(messenger.direct.filter((s) => s.message.kind === 'checkin').map((s) => s.to)).toEqual(['UANN']);

  // Saturday 11:00: Cat's status has not expired, Ben and Dan are away: the tick returns nobody.
  clock.set(new Date('2026-11-28T11:00:00Z'));
  expect((await runTick(deps)).awayBack).toBe(0);

  // Ben says he is back (`/pulse away off`); Cat's status expires at noon. Dan stays away.
  await database.repos.members.setAwayUntil(ben.id, null);
  clock.set(new Date('2026-11-28T12:00:00Z'));
  expect((await runTick(deps)).awayBack).toBe(2);
  await waitFor(
    () => messenger.checkinsTo('UBEN').length === 1 && messenger.checkinsTo('UCAT').length === 1,
    'Ben and Cat asked',
  );
  await waitFor(async () => (await statesOf(team.id)).sent === 3, 'three sent');
  // Cat's status was read once this round, when her check-in was first due.
  expect(messenger.statusReads.get('UCAT')).toBe(1);

  // Later ticks make no second DM; Dan is still not asked; the delivery stays one per (round, member).
  clock.set(new Date('2026-11-28T12:05:00Z'));
  expect((await runTick(deps)).awayBack).toBe(0);
  const { rows } = await database.pool.query<{ n: number }>(
    'select count(*)::int as n from deliveries d join rounds r on r.id = d.round_id where r.team_id = $1',
    [team.id],
  );
  expect(rows[0]!.n).toBe(4);
  expect(await statesOf(team.id)).toEqual({ sent: 3, away: 1 });
  expect(messenger.checkinsTo('UBEN')).toHaveLength(1);
  expect(messenger.checkinsTo('UCAT')).toHaveLength(1);
  expect(messenger.checkinsTo('UDAN')).toHaveLength(0);
});
