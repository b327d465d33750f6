/**
 * Fault: the worker process is killed (SIGKILL, no chance to clean up) in the middle of a round's
 * fan-out to 2,000 people, some DMs already at Slack but not yet recorded as sent. A new worker takes
 * over: every member ends up with exactly one check-in DM, nobody with two.
 *
 * The jobs the dead worker held are recovered by BullMQ's stalled-job check (lock 30 s, checked
 * every 30 s, two checks needed), so this test spends most of its time waiting for that.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { checkinDms, startWorld, watchQueues, type QueueWatch, type World } from '../support/e2e-world';

const TEAM = 'T0KILL';
const CHANNEL = 'C0KILL';
const MANAGER = 'UMGR';
const SIZE = 2000;
const PEOPLE = [MANAGER, ...Array.from({ length: SIZE - 1 }, (_, i) => `UK${String(i).padStart(4, '0')}`)];

let world: World;
let database: TestDatabase;
let queues: QueueWatch;

const deliveryStates = async () =>
  Object.fromEntries(
    (
      await database.pool.query<{ state: string; n: number }>(
        'select state, count(*)::int as n from deliveries group by state',
      )
    ).rows.map((r) => [r.state, r.n]),
  ) as Record<string, number>;

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: PEOPLE.map((id, i) => ({
      id,
      tz: ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'][i % 4]!,
    })),
    split: true,
    // Slack's pace is not what this test is about: let the fan-out go as fast as the machine can.
    env: { SLACK_MAX_CALLS_PER_SECOND: '1000', LOG_LEVEL: 'error' },
  });
  queues = watchQueues(world.env);
}, 60_000);

afterAll(async () => {
  await queues?.close();
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('SIGKILL mid-fan-out to 2,000 people, new worker: every member gets exactly one check-in DM', async () => {
  expect(await world.pulse(MANAGER, 'setup')).toMatch(/Setting up this channel as a team/);
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === SIZE,
    'the team of 2,000 to be synced',
    60_000,
    200,
  );
  expect(await world.pulse(MANAGER, 'now')).toMatch(/on their way to 2000 members/);

  const posted = () => world.slack.callsTo('chat.postMessage');
  await waitFor(() => posted().length >= 300, 'a few hundred DMs', 60_000, 10);
  // Slow Slack down so the worker dies with calls in flight: Slack will have posted those DMs,
  // the worker will never have recorded them (the case the retry must check for, not resend).
  world.slack.setDelay(400);
  await waitFor(
    () => posted().filter((c) => c.response === undefined).length >= 3,
    'DMs in flight at Slack',
    10_000,
    5,
  );
  const worker = world.worker!;
  worker.child.kill('SIGKILL');
  expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
  world.slack.setDelay(0);
  await waitFor(() => posted().every((c) => c.response !== undefined), 'the calls in flight to finish at Slack', 5_000);

  const sentBeforeKill = PEOPLE.filter((u) => checkinDms(world.slack, u).length > 0).length;
  expect(sentBeforeKill).toBeGreaterThanOrEqual(300);
  expect(sentBeforeKill).toBeLessThan(SIZE);
  // Marked "sending" and already at Slack: the dead worker's unrecorded DMs.
  const { rows: unrecorded } = await database.pool.query<{ user: string }>(
    `select m.platform_user_id as user from deliveries d join members m on m.id = d.member_id where d.state = 'sending'`,
  );
  expect(unrecorded.filter((r) => checkinDms(world.slack, r.user).length === 1).length).toBeGreaterThanOrEqual(1);

  const killedAt = Date.now();
  await world.startWorker();
  await waitFor(async () => (await deliveryStates()).sent === SIZE, 'every delivery to be sent', 120_000, 250);
  await waitFor(() => queues.idle(), 'the queues to drain', 30_000, 100);
  const recoveredInMs = Date.now() - killedAt;

  const counts = PEOPLE.map((u) => checkinDms(world.slack, u).length);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
  expect(posted().filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok).length).toBe(SIZE);
  expect(await deliveryStates()).toEqual({ sent: SIZE });
  // The DMs the dead worker left unrecorded were found in the DM history, not sent again.
  expect(world.slack.callsTo('conversations.history').length).toBeGreaterThanOrEqual(unrecorded.length);
  console.log(
    `worker killed after ${sentBeforeKill} DMs (${unrecorded.length} in flight); all ${SIZE} delivered ${Math.round(recoveredInMs / 1000)} s after the kill`,
  );
}, 240_000);
