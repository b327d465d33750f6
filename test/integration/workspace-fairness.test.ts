/**
 * Many workspaces on one deployment: the tick's work is each workspace's own (a backlog in one
 * never crowds another out of a tick), and a workspace at its Slack rate limit never holds the
 * workers another workspace's DMs need. Real PostgreSQL, real BullMQ workers, the real Slack
 * messenger and pacer against the fake Slack; one bot token for both workspaces (the fake tells
 * the workspaces apart by their people).
 */
import { Redis } from 'ioredis';
import { ManualClock } from '../../src/core/clock';
import { DEFAULT_TEAM_SETTINGS, type UserProfile } from '../../src/core/model';
import { fanOut } from '../../src/core/use-cases/checkins';
import { fanOutSpread } from '../../src/core/use-cases/fanout-batches';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { runTick } from '../../src/core/use-cases/tick';
import { createRedisPacer } from '../../src/jobs/pacer';
import { createJobQueue } from '../../src/jobs/producer';
import { startWorkers } from '../../src/jobs/workers';
import { connectWorker, redisOptionsFromUrl } from '../../src/main/redis';
import { buildProcessors } from '../../src/main/worker';
import { createSlackClient } from '../../src/platforms/slack/client';
import { createSlackMessenger } from '../../src/platforms/slack/messenger';
import { waitFor } from '../support/app-process';
import { silentLogger } from '../support/checkin-team';
import { useEmptiedDatabase } from '../support/db';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';
import { TEST_REDIS_URL, testQueuePrefix } from '../support/real-workers';

const NOW = new Date('2026-11-27T23:30:00Z');
const testDatabase = useEmptiedDatabase();

const person = (id: string): UserProfile => ({
  platformUserId: id,
  isBot: false,
  deleted: false,
  isAdmin: false,
  timezone: 'Europe/Paris',
  locale: 'en-US',
});

/** A workspace with one team of `size` people and an open round with their (unsent) deliveries in batches. */
async function seedRound(externalId: string, size: number) {
  const repos = testDatabase().repos;
  const ws = await repos.workspaces.ensure('slack', externalId);
  const ids = Array.from({ length: size }, (_, i) => `U${externalId}${String(i).padStart(5, '0')}`);
  const { team } = await repos.teams.ensure({
    workspaceId: ws.id,
    channelId: `C${externalId}`,
    managers: [ids[0]!],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  const members = await repos.members.upsertMany(ws.id, ids.map(person));
  await repos.teams.replaceMembers(
    team.id,
    members.map((m) => m.id),
  );
  const { round } = await repos.rounds.ensure({
    teamId: team.id,
    period: 'manual-202611272330',
    kind: 'manual',
    opensAt: NOW,
    closesAt: new Date(NOW.getTime() + 48 * 3_600_000),
  });
  return { ws, team, round, ids, memberIds: members.map((m) => m.id) };
}

test("the tick re-enqueues each workspace's unsent DMs: a backlog of 5,001 in one leaves another's in the same tick", async () => {
  const big = await seedRound('TBIG', 5001);
  await testDatabase().repos.deliveries.ensureMany(big.round.id, big.memberIds, 100);
  const small = await seedRound('TSMALL', 3);
  const smallDeliveries = await testDatabase().repos.deliveries.ensureMany(small.round.id, small.memberIds, 100);

  const queue = new MemoryQueue();
  const deps: WorkerDeps = {
    repos: testDatabase().repos,
    queue,
    clock: new ManualClock(NOW),
    logger: silentLogger,
    messenger: new RecordingMessenger(),
    anonymitySecret: 'fairness-test-secret-0123456789abcdef',
  };
  await runTick(deps);
  const batches = new Set(
    queue.added.filter((j) => j.name === 'deliver-checkins').map((j) => (j.payload as { batch: string }).batch),
  );
  // The small workspace's one batch is there, though the big one's oldest 5,000 alone fill a tick's batch.
  expect(batches.has(smallDeliveries[0]!.batch!)).toBe(true);
  // And the big workspace's backlog up to the tick's per-workspace share: 5,000 of its 5,001, in 50 or 51 batches of 100.
  expect(batches.size - 1).toBeGreaterThanOrEqual(50);
  expect(batches.size - 1).toBeLessThanOrEqual(51);
});

/** BullMQ workers on the test Redis running the app's processors with `deps` (and its logger). */
const realWorkers = (deps: WorkerDeps, prefix: string, concurrency: number) =>
  startWorkers({
    connect: () => connectWorker(TEST_REDIS_URL),
    workerConnection: redisOptionsFromUrl(TEST_REDIS_URL),
    prefix,
    concurrency,
    processors: buildProcessors(deps),
    logger: deps.logger,
  });

describe('with real workers and the Slack messenger', () => {
  let slack: FakeSlack;
  let redis: Redis;
  beforeEach(async () => {
    slack = await startFakeSlack({ teamId: 'TBUSY' });
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    redis.disconnect();
    await slack.close();
  });

  /** 20 people of one workspace paced at 5 calls/s, four workers; `spread`: the deps' fan-out spread. How many hand-backs. */
  async function pacedRound(team: string, spread?: WorkerDeps['fanOutSpread']): Promise<number> {
    const { ids, round, memberIds } = await seedRound(team, 20);
    for (const id of ids) slack.addUser({ id, teamId: 'TBUSY' });
    const prefix = testQueuePrefix('pace');
    const producer = connectWorker(TEST_REDIS_URL);
    const queue = createJobQueue(producer, prefix);
    // The workers' own debug lines: how many times a job was handed back to wait for its workspace's pace.
    let handedBack = 0;
    const logger = {
      ...silentLogger,
      debug: (_fields: unknown, message?: string) => void (message?.includes('at its pace') && (handedBack += 1)),
      child: () => logger,
    };
    const deps: WorkerDeps = {
      repos: testDatabase().repos,
      queue,
      clock: new ManualClock(NOW),
      logger,
      // 5 calls a second for the workspace; a DM is two calls (users.info for the status, chat.postMessage).
      messenger: createSlackMessenger(
        createSlackClient('xoxb-pace', slack.url, silentLogger),
        createRedisPacer(redis, prefix, 'slack', 5),
      ),
      anonymitySecret: 'fairness-test-secret-0123456789abcdef',
      ...(spread ? { fanOutSpread: spread } : {}),
    };
    // With the full spread, four batches of five for four workers: they wait on one another's slots.
    await fanOut(deps, round, memberIds, 'slack');
    const workers = realWorkers(deps, prefix, 4);
    try {
      const dms = () => slack.callsTo('chat.postMessage').filter((c) => c.status === 200);
      await waitFor(() => dms().length >= ids.length, 'every DM', 40_000);
      expect(new Set(dms().map((c) => c.args.channel))).toEqual(new Set(ids));
      expect(dms()).toHaveLength(ids.length);
      // A DM handed back after its person's status was read does not read it again.
      const reads = slack.callsTo('users.info').map((c) => String(c.args.user));
      expect(reads.sort()).toEqual([...ids].sort());
      // And nothing else was called: two calls a DM (how far apart they went is pacer.test.ts's to show).
      expect(slack.calls.filter((c) => c.method !== 'users.info' && c.method !== 'chat.postMessage')).toEqual([]);
      return handedBack;
    } finally {
      await workers.close(2000);
      await queue.close();
      producer.disconnect();
    }
  }

  test("jobs handed back at their workspace's pace make progress: each person's status is read once, every DM sent once, the pace kept", async () => {
    // Spread over four jobs of five, which take turns at 5 calls/s: some are handed back, and still all goes out once.
    expect(await pacedRound('TPACE')).toBeGreaterThan(0);
  }, 60_000);

  test("a round spread over as many jobs as its workspace's pace keeps busy is never handed back", async () => {
    // At 5 calls/s a job finds its next slot within 200 ms only alone: one job for the round, no queue round trips.
    expect(fanOutSpread(5, 200)).toBe(1);
    expect(await pacedRound('TPACE1', () => fanOutSpread(5, 200))).toBe(0);
  }, 60_000);

  test("a workspace answered 429 for a minute does not hold the workers another workspace's DMs need", async () => {
    const busy = await seedRound('TBUSY', 40);
    const calm = await seedRound('TCALM', 10);
    for (const id of busy.ids) slack.addUser({ id, teamId: 'TBUSY' });
    for (const id of calm.ids) slack.addUser({ id, teamId: 'TCALM' });
    // The busy workspace may post one message a minute; the calm one has no limit.
    slack.limit('chat.postMessage', { perSeconds: 60, max: 1, teamId: 'TBUSY' });

    const prefix = testQueuePrefix('fair');
    const producer = connectWorker(TEST_REDIS_URL);
    const queue = createJobQueue(producer, prefix);
    const deps: WorkerDeps = {
      repos: testDatabase().repos,
      queue,
      clock: new ManualClock(NOW),
      logger: silentLogger,
      messenger: createSlackMessenger(
        createSlackClient('xoxb-fairness', slack.url, silentLogger),
        createRedisPacer(redis, prefix, 'slack', 20),
      ),
      anonymitySecret: 'fairness-test-secret-0123456789abcdef',
    };
    // The busy workspace's eight batches are queued first; two workers only.
    await fanOut(deps, busy.round, busy.memberIds, 'slack');
    await fanOut(deps, calm.round, calm.memberIds, 'slack');
    const workers = realWorkers(deps, prefix, 2);
    try {
      const dmsTo = (team: string) =>
        slack.callsTo('chat.postMessage').filter((c) => c.status === 200 && slack.teamOf(c) === team);
      // Within the busy workspace's first Retry-After (a minute), every DM of the calm one goes out.
      await waitFor(() => dmsTo('TCALM').length >= calm.ids.length, "the calm workspace's DMs", 40_000);
      expect(new Set(dmsTo('TCALM').map((c) => c.args.channel))).toEqual(new Set(calm.ids));
      expect(dmsTo('TCALM')).toHaveLength(calm.ids.length);
      // The busy one got its one message a minute and was told to wait; nothing of it was lost or failed.
      expect(dmsTo('TBUSY')).toHaveLength(1);
      expect(slack.rateLimitedCount('chat.postMessage')).toBeGreaterThanOrEqual(1);
      const { rows } = await testDatabase().pool.query<{ state: string; n: number }>(
        `select state, count(*)::int as n from deliveries where round_id = $1 group by state order by state`,
        [busy.round.id],
      );
      expect(rows).toEqual([
        { state: 'pending', n: 39 },
        { state: 'sent', n: 1 },
      ]);
    } finally {
      await workers.close(2000);
      await queue.close();
      producer.disconnect();
    }
  }, 60_000);
});
