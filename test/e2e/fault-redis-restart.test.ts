/**
 * Fault: Redis (append-only file on, as docker-compose.yml runs it) is restarted in the middle of a
 * round while people click. Every answer a person was told is saved is in PostgreSQL afterwards; a
 * click while Redis is down is answered "please retry" and nothing is stored for it.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { checkinDms, savedScoreIn, startWorld, watchQueues, type World } from '../support/e2e-world';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { respondentHash } from '../../src/core/anonymity';
import { MOOD_QUESTION_ID } from '../../src/core/model';

const TEAM = 'T0REDIS';
const CHANNEL = 'C0REDIS';
const MANAGER = 'UMGR';
const PEOPLE = ['UR1', 'UR2', 'UR3', 'UR4', 'UR5', 'UR6'];
const RETRY = /could not confirm your answer just now\. Please click your score again/;

let world: World;
let database: TestDatabase;
let redis: PrivateRedis;

const dm = (user: string) => {
  const [message, ...more] = checkinDms(world.slack, user);
  if (!message || more.length) throw new Error(`${user} has ${more.length + (message ? 1 : 0)} check-in DMs`);
  return message;
};
const savedScore = (user: string) => savedScoreIn(dm(user));

/** What PostgreSQL holds as the user's mood score for the open round (null: nothing). */
async function storedScore(user: string): Promise<number | null> {
  const { rows } = await database.pool.query<{ round: string; member: string }>(
    `select d.round_id as round, d.member_id as member from deliveries d join members m on m.id = d.member_id where m.platform_user_id = $1`,
    [user],
  );
  const [row] = rows;
  if (!row) throw new Error(`no delivery for ${user}`);
  const hash = respondentHash(world.env.ANONYMITY_SECRET!, row.round, row.member);
  const { rows: answers } = await database.pool.query<{ score: number }>(
    'select score from responses where round_id = $1 and question_id = $2 and respondent_hash = $3',
    [row.round, MOOD_QUESTION_ID, hash],
  );
  return answers[0]?.score ?? null;
}

/** Clicks `score` in the user's DM; resolves with the response_url id the app answers on. */
async function click(user: string, score: number): Promise<string> {
  const body = world.click(user, dm(user), score);
  const responseId = /\/respond\/([^"\\]+)/.exec(decodeURIComponent(body.body))![1]!;
  expect((await world.send(body)).status).toBe(200);
  return responseId;
}
const repliesTo = (responseId: string) => world.slack.responses(responseId).map((r) => JSON.stringify(r));

/** The HTTP status of /healthz. */
async function health(): Promise<number> {
  const res = await fetch(`${world.app.url}/healthz`);
  await res.arrayBuffer();
  return res.status;
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  redis = await startPrivateRedis();
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [MANAGER, ...PEOPLE].map((id) => ({ id, tz: 'Europe/Stockholm' })),
    split: true,
    env: { REDIS_URL: redis.url, LOG_LEVEL: 'error' },
  });
}, 60_000);

afterAll(async () => {
  if (redis && !redis.running()) await redis.start();
  const code = await world?.stop();
  await redis?.close();
  await database?.close();
  expect(code).toBe(0);
});

test('Redis restarted mid-round: every answer shown as saved is in PostgreSQL; a click while it is down is refused', async () => {
  expect(await world.pulse(MANAGER, 'setup')).toMatch(/Setting up/);
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === 7,
    'the team to be synced',
  );
  expect(await world.pulse(MANAGER, 'now')).toMatch(/on their way to 7 members/);
  await waitFor(() => PEOPLE.every((u) => checkinDms(world.slack, u).length === 1), 'the check-in DMs');

  // Redis up: saved, and shown as saved.
  await click('UR1', 7);
  await waitFor(() => savedScore('UR1') === 7, 'UR1 to see 7 saved');

  // A click racing the shutdown: it must end either saved (and shown so) or refused (and not stored).
  const racing = await click('UR3', 5);
  await redis.shutdown();
  await waitFor(async () => (await health()) === 503, '/healthz to notice Redis is down');

  // Redis down: the click is refused with "please retry" at response_url, and not stored.
  const refusedId = await click('UR4', 8);
  const refusal = await waitFor(() => repliesTo(refusedId)[0], 'the reply to the click while Redis is down');
  expect(refusal).toMatch(RETRY);
  expect(refusal).toMatch(/"response_type":"ephemeral"/);

  await redis.start();
  await waitFor(async () => (await health()) === 200, '/healthz to recover', 30_000, 100);
  // The running worker reconnected by itself.
  await click('UR5', 9);
  await waitFor(() => savedScore('UR5') === 9, 'UR5 to see 9 saved', 30_000);
  expect(await storedScore('UR4')).toBeNull();
  expect(savedScore('UR4')).toBeNull();

  // An accepted click whose job is still waiting in Redis when Redis restarts (no worker running): the
  // append-only file keeps it, and the next worker saves it.
  expect(await world.worker!.stop()).toBe(0);
  const queuedId = await click('UR2', 4);
  const queues = watchQueues(world.env);
  try {
    await waitFor(
      // A mood click's first job opens its comment form, then queues the score (the form is long expired by then).
      async () =>
        (await queues.jobs('platform', ['prioritized', 'waiting'])).some((j) => j.name === 'open-comment-form'),
      'the click to be queued',
    );
  } finally {
    await queues.close();
  }
  await redis.shutdown();
  await redis.start();
  await world.startWorker();
  await waitFor(() => savedScore('UR2') === 4, 'UR2 to see 4 saved after the restart', 30_000);
  expect(repliesTo(queuedId)).toEqual([]);

  // The person refused while Redis was down clicks again, and this time it is saved.
  await click('UR4', 6);
  await waitFor(() => savedScore('UR4') === 6, 'UR4 to see their retried 6 saved', 30_000);

  const drained = watchQueues(world.env);
  try {
    await waitFor(() => drained.idle(), 'the queues to drain', 30_000, 100);
    expect((await drained.jobs('platform', ['failed'])).map((j) => j.name)).toEqual([]);
  } finally {
    await drained.close();
  }

  // The click racing the shutdown: shown as saved (and stored, checked below), or refused; never silently dropped.
  // Both can happen: Redis may apply the enqueue and shut down before its reply leaves, so the web hears
  // an error (and asks for a retry) for a job that Redis kept; the DM then shows it saved, truthfully.
  const shown = savedScore('UR3');
  const refused = repliesTo(racing).some((r) => RETRY.test(r));
  expect(shown !== null || refused).toBe(true);
  if (shown !== null) expect(shown).toBe(5);
  console.log(
    `the click racing the shutdown was ${[refused && 'refused', shown !== null && 'saved'].filter(Boolean).join(' and ')}`,
  );

  // Every answer a person was told is saved is in PostgreSQL, with the score they were shown.
  for (const user of PEOPLE)
    expect({ user, stored: await storedScore(user) }).toEqual({ user, stored: savedScore(user) });
  expect([savedScore('UR1'), savedScore('UR2'), savedScore('UR4'), savedScore('UR5'), savedScore('UR6')]).toEqual([
    7,
    4,
    6,
    9,
    null,
  ]);
}, 120_000);
