/**
 * Fault: SIGTERM (a deploy, a scale-down) reaches the web and the worker while work is in flight,
 * with Slack answering slowly. Each exits 0 within 10 s; what was in flight is finished, not lost:
 * the command being handled still opens its round and answers, the DMs being sent are recorded,
 * and a worker started afterwards sends the rest, so everybody gets exactly one check-in DM.
 */
import { waitFor, type AppProcess } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { checkinDms, startWorld, watchQueues, type QueueWatch, type World } from '../support/e2e-world';
import { slashCommandBody } from '../support/slack-requests';

const TEAM = 'T0SIGTERM';
const CHANNEL = 'C0SIGTERM';
const MANAGER = 'UMGR';
const SIZE = 40;
const PEOPLE = [MANAGER, ...Array.from({ length: SIZE - 1 }, (_, i) => `US${String(i).padStart(2, '0')}`)];
/** A workspace admin on no team: the web asks Slack (users.info) whether they may run /pulse. */
const ADMIN = 'UADMIN';
const SLOW_SLACK_MS = 1500;

let world: World;
let worldStopped = false;
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

/** SIGTERM; resolves with how the process ended and how long it took. */
async function terminate(app: AppProcess): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const t0 = Date.now();
  app.child.kill('SIGTERM');
  const { code, signal } = await app.exited;
  return { code, signal, ms: Date.now() - t0 };
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [...PEOPLE.map((id) => ({ id, tz: 'Asia/Tokyo' })), { id: ADMIN, isAdmin: true }],
    channelMembers: PEOPLE,
    split: true,
    env: { LOG_LEVEL: 'error' },
  });
  queues = watchQueues(world.env);
  expect(await world.pulse(MANAGER, 'setup')).toMatch(/Setting up/);
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === SIZE,
    'the team to be synced',
  );
}, 60_000);

afterAll(async () => {
  await queues?.close();
  if (!worldStopped) await world?.stop();
  await database?.close();
});

test('SIGTERM to the web while it handles a command: exits 0 within 10 s and the command still takes effect', async () => {
  world.slack.setDelay(SLOW_SLACK_MS);
  const responseUrl = world.slack.responseUrl('admin-now');
  const res = await world.send(
    slashCommandBody({ command: '/pulse', text: 'now', userId: ADMIN, channelId: CHANNEL, teamId: TEAM, responseUrl }),
  );
  expect(res.status).toBe(200);
  // The listener is now waiting on Slack (users.info for the admin): that is the work in flight.
  await waitFor(
    () => world.slack.callsTo('users.info').some((c) => c.args.user === ADMIN && c.response === undefined),
    'the listener to ask Slack about the admin',
  );

  const ended = await terminate(world.app);
  expect(ended).toMatchObject({ code: 0, signal: null });
  expect(ended.ms).toBeLessThan(10_000);

  // What the listener was doing was finished: the admin got the answer and the round opened.
  const [reply] = await waitFor(
    () => (world.slack.responses('admin-now').length ? world.slack.responses('admin-now') : null),
    'the reply to /pulse now',
    20_000,
  );
  expect(JSON.stringify(reply)).toMatch(/on their way to 40 members/);
  await waitFor(
    async () =>
      (await database.pool.query(`select count(*)::int as n from rounds where status = 'open'`)).rows[0].n === 1,
    'the round to open',
    20_000,
  );
}, 60_000);

test('SIGTERM to the worker mid-fan-out: exits 0 within 10 s, the DMs in flight are recorded, a new worker sends the rest once', async () => {
  const posted = () => world.slack.callsTo('chat.postMessage');
  await waitFor(
    () =>
      posted().filter((c) => c.response === undefined).length >= 3 && posted().some((c) => c.response !== undefined),
    'DMs in flight at Slack',
    30_000,
    20,
  );
  const inFlight = posted().filter((c) => c.response === undefined).length;

  const ended = await terminate(world.worker!);
  expect(ended).toMatchObject({ code: 0, signal: null });
  expect(ended.ms).toBeLessThan(10_000);

  // Every DM Slack got was recorded as sent before the worker exited: nothing left half-done.
  const atSlack = PEOPLE.filter((u) => checkinDms(world.slack, u).length === 1).length;
  expect(atSlack).toBeGreaterThanOrEqual(inFlight);
  expect(atSlack).toBeLessThan(SIZE);
  const states = await deliveryStates();
  expect(states.sending ?? 0).toBe(0);
  expect(states.sent).toBe(atSlack);

  // A worker started afterwards finds the rest waiting (not locked by the old one) and sends each once.
  world.slack.setDelay(0);
  const restartedAt = Date.now();
  await world.startWorker();
  await waitFor(async () => (await deliveryStates()).sent === SIZE, 'every delivery to be sent', 60_000, 200);
  await waitFor(() => queues.idle(), 'the queues to drain', 30_000, 100);
  // Faster than BullMQ's stalled-job recovery (30 s and more): no job was left locked by the stopped worker.
  expect(Date.now() - restartedAt).toBeLessThan(25_000);
  expect(PEOPLE.map((u) => checkinDms(world.slack, u).length).filter((n) => n !== 1)).toEqual([]);
  expect(posted().filter((c) => c.status === 200).length).toBe(SIZE);

  // Done with this world: its worker must not pick up the next test's deliveries (same database, another Slack).
  worldStopped = true;
  expect(await world.stop()).toBe(0);
}, 90_000);

test('SIGTERM to one `all` process (npm start) with a listener and jobs waiting on a very slow Slack: exits 0 within 10 s', async () => {
  const other = await startWorld({
    teamId: 'T0SIGALL',
    channel: 'C0SIGALL',
    users: [...PEOPLE.map((id) => ({ id, tz: 'Asia/Tokyo' })), { id: ADMIN, isAdmin: true }],
    channelMembers: PEOPLE,
    env: { LOG_LEVEL: 'error' },
  });
  try {
    expect(await other.pulse(MANAGER, 'setup')).toMatch(/Setting up/);
    await waitFor(
      async () =>
        (
          await database.pool.query(
            `select count(*)::int as n from team_members tm join teams t on t.id = tm.team_id where t.channel_id = 'C0SIGALL'`,
          )
        ).rows[0].n === SIZE,
      'the team to be synced',
    );
    // Each Slack call now takes longer than half the 10 s budget: web and worker must wind down side by side.
    other.slack.setDelay(6500);
    expect(await other.pulse(MANAGER, 'now')).toMatch(/on their way to 40 members/);
    const posted = () => other.slack.callsTo('chat.postMessage');
    await waitFor(
      // Several at once: at the default pace (20 calls/s) a round is spread over four jobs, one DM in flight each.
      () => posted().filter((c) => c.response === undefined).length >= 3,
      'DMs in flight at Slack',
      20_000,
      20,
    );
    // The listener starts 2 s into those DMs, so it is still running when they end and the worker would take the next ones.
    await new Promise((r) => setTimeout(r, Math.max(0, posted()[0]!.at + 2000 - Date.now())));
    const responseUrl = other.slack.responseUrl('all-status');
    expect(
      (
        await other.send(
          slashCommandBody({
            command: '/pulse',
            text: 'status',
            userId: ADMIN,
            channelId: 'C0SIGALL',
            teamId: 'T0SIGALL',
            responseUrl,
          }),
        )
      ).status,
    ).toBe(200);
    await waitFor(
      () => other.slack.callsTo('users.info').some((c) => c.args.user === ADMIN && c.response === undefined),
      'the listener to ask Slack about the admin',
    );

    const ended = await terminate(other.app);
    expect(ended).toMatchObject({ code: 0, signal: null });
    expect(ended.ms).toBeLessThan(10_000);
    expect(other.slack.responses('all-status').map((r) => JSON.stringify(r))).toEqual([
      expect.stringMatching(/of 40 answered/),
    ]);
    const { rows } = await database.pool.query(
      `select count(*)::int as n from deliveries d join rounds r on r.id = d.round_id join teams t on t.id = r.team_id where t.channel_id = 'C0SIGALL' and d.state = 'sending'`,
    );
    expect(rows[0].n).toBe(0);
  } finally {
    await other.stop();
  }
}, 60_000);
