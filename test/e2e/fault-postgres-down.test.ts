/**
 * Fault: PostgreSQL becomes unreachable (a proxy in front of it is cut) while answers are queued.
 * The jobs retry with backoff instead of failing, /healthz says 503 meanwhile, and once PostgreSQL
 * is back every answer lands, once.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { checkinDms, savedScoreIn, startWorld, watchQueues, type QueueWatch, type World } from '../support/e2e-world';
import { startTcpProxy, viaPort, type TcpProxy } from '../support/tcp-proxy';

const TEAM = 'T0PGDOWN';
const CHANNEL = 'C0PGDOWN';
const MANAGER = 'UMGR';
const PEOPLE = ['UP1', 'UP2', 'UP3', 'UP4'];
const SCORES: Record<string, number> = { UP1: 3, UP2: 8, UP3: 10 };
/** UP4 clicks while the web cannot reach PostgreSQL: refused without its click proof, queued with it. */
const QUIET = 'UP4';

let world: World;
let database: TestDatabase;
let webPg: TcpProxy;
let workerPg: TcpProxy;
let queues: QueueWatch;

const dm = (user: string) => {
  const dms = checkinDms(world.slack, user);
  if (dms.length !== 1) throw new Error(`${user} has ${dms.length} check-in DMs`);
  return dms[0]!;
};
const scores = async () =>
  (await database.pool.query<{ score: number }>('select score from responses order by score')).rows.map((r) => r.score);
const health = async () => {
  const res = await fetch(`${world.app.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
};

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  const pgPort = Number(new URL(process.env.DATABASE_URL!).port || 5432);
  // Web and worker each reach PostgreSQL through their own proxy, so the test can cut them one at a time.
  webPg = await startTcpProxy(pgPort);
  workerPg = await startTcpProxy(pgPort);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [MANAGER, ...PEOPLE].map((id) => ({ id, tz: 'Europe/Lisbon' })),
    split: true,
    env: { DATABASE_URL: viaPort(process.env.DATABASE_URL!, webPg.port), LOG_LEVEL: 'error' },
    workerEnv: { DATABASE_URL: viaPort(process.env.DATABASE_URL!, workerPg.port) },
  });
  queues = watchQueues(world.env);
}, 60_000);

afterAll(async () => {
  webPg?.restore();
  workerPg?.restore();
  await queues?.close();
  const code = await world?.stop();
  await webPg?.close();
  await workerPg?.close();
  await database?.close();
  expect(code).toBe(0);
});

test('PostgreSQL unreachable while clicks are queued: jobs retry with backoff, /healthz is 503, every answer lands once after', async () => {
  expect(await world.pulse(MANAGER, 'setup')).toMatch(/Setting up/);
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === 5,
    'the team to be synced',
  );
  expect(await world.pulse(MANAGER, 'now')).toMatch(/on their way to 5 members/);
  await waitFor(() => PEOPLE.every((u) => checkinDms(world.slack, u).length === 1), 'the check-in DMs');

  // The worker loses PostgreSQL first; the web still checks and queues the clicks.
  workerPg.cut();
  for (const [user, score] of Object.entries(SCORES)) {
    expect((await world.send(world.click(user, dm(user), score))).status).toBe(200);
  }
  const recordJobs = async () =>
    (await queues.jobs('platform', ['delayed', 'waiting', 'prioritized', 'active', 'failed', 'completed'])).filter(
      (j) => j.name === 'record-score',
    );
  await waitFor(async () => (await recordJobs()).length === 3, 'the three clicks to be queued');
  // Then the web loses it too: /healthz must say so.
  webPg.cut();
  const down = await waitFor(async () => {
    const h = await health();
    return h.status === 503 ? h : null;
  }, '/healthz to report PostgreSQL down');
  expect(down.body).toMatchObject({ postgres: 'down', redis: 'up' });

  // A click the web cannot check now (a button without its click proof, as on a DM sent before proofs existed) or a
  // command is answered plainly, not left silent, and queues nothing.
  const quiet = QUIET;
  const answered = world.slack.allResponses.length;
  const withoutProof = (value: string) => JSON.stringify({ ...JSON.parse(value), p: undefined });
  expect((await world.send(world.click(quiet, dm(quiet), 5, { value: withoutProof }))).status).toBe(200);
  await waitFor(
    () =>
      world.slack.allResponses
        .slice(answered)
        .some((r) => /could not confirm your answer just now/.test(JSON.stringify(r.body))),
    'the retry message',
  );
  expect(await world.pulse(MANAGER, 'status')).toMatch(/Something went wrong on our side\. Nothing was changed/);
  expect(await recordJobs()).toHaveLength(3);
  // The same click with the proof its button carries needs no query: it is queued, and the comment form opens.
  const modals = world.slack.callsTo('views.open').length;
  expect((await world.send(world.click(quiet, dm(quiet), 5))).status).toBe(200);
  await waitFor(async () => (await recordJobs()).length === 4, 'the proven click to be queued');
  await waitFor(() => world.slack.callsTo('views.open').length === modals + 1, 'its comment form');

  // Retrying with backoff: every click's job has failed at least twice and waits for its next attempt; none gave up.
  await waitFor(
    async () => {
      const jobs = await recordJobs();
      return jobs.length === 4 && jobs.every((j) => j.attemptsMade >= 2) ? jobs : null;
    },
    'the jobs to retry twice',
    30_000,
    100,
  );
  const waiting = await recordJobs();
  expect(await Promise.all(waiting.map((j) => j.getState()))).not.toContain('failed');
  // Exponential: the delay before the next attempt grows with each failure (1 s base, jitter at most halves it).
  for (const j of waiting) expect(j.opts.backoff).toMatchObject({ type: 'exponential', delay: 1000 });
  expect(await scores()).toEqual([]);
  expect((await health()).status).toBe(503);
  expect(PEOPLE.map((u) => savedScoreIn(dm(u)))).toEqual([null, null, null, null]);

  webPg.restore();
  workerPg.restore();
  await waitFor(async () => (await health()).status === 200, '/healthz to recover', 30_000, 100);
  await waitFor(
    () => Object.keys(SCORES).every((u) => savedScoreIn(dm(u)) === SCORES[u]) && savedScoreIn(dm(QUIET)) === 5,
    'every DM to show its answer saved',
    60_000,
    100,
  );
  await waitFor(() => queues.idle(), 'the queues to drain', 30_000, 100);
  expect(await scores()).toEqual([3, 5, 8, 10]);
  expect(await world.pulse(MANAGER, 'status')).toMatch(/^4 of 5 answered/);
}, 150_000);
