/**
 * End to end: joins and leaves keep the team in step (a redelivered event counts once), a 429
 * from Slack delays DMs without losing or doubling any, and /healthz tells when a store is down.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startWorld, type World } from '../support/e2e-world';
import { eventCallbackBody, memberJoinedChannelEvent, memberLeftChannelEvent } from '../support/slack-requests';
import { startTcpProxy, viaPort, type TcpProxy } from '../support/tcp-proxy';

const TEAM = 'T0LIM';
const CHANNEL = 'C0LIMITS';
const HUMANS = ['UM1', 'UP1', 'UP2', 'UP3', 'UP4'];

let world: World;
let database: TestDatabase;
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;

const pulse = (text: string) => world.pulse('UM1', text);

async function activeMembers(): Promise<string[]> {
  const { rows } = await database.pool.query(
    `select m.platform_user_id as id from team_members tm join members m on m.id = tm.member_id join teams t on t.id = tm.team_id
     where tm.active and t.channel_id = $1 order by 1`,
    [CHANNEL],
  );
  return rows.map((r: { id: string }) => r.id);
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  const databaseUrl = process.env.DATABASE_URL!;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  pgProxy = await startTcpProxy(Number(new URL(databaseUrl).port || 5432));
  redisProxy = await startTcpProxy(Number(new URL(redisUrl).port || 6379));
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [...HUMANS, 'UNEW'].map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Amsterdam' })),
    channelMembers: HUMANS,
    env: {
      DATABASE_URL: viaPort(databaseUrl, pgProxy.port),
      REDIS_URL: viaPort(redisUrl, redisProxy.port),
      LOG_LEVEL: 'error',
    },
  });
});

afterAll(async () => {
  const code = await world?.stop();
  await pgProxy?.close();
  await redisProxy?.close();
  await database?.close();
  expect(code).toBe(0);
});

test('a join redelivered three times adds the person once; a leave removes them', async () => {
  await pulse('setup');
  await waitFor(async () => (await activeMembers()).length === HUMANS.length, 'the team to be synced');

  world.slack.addChannel(CHANNEL, [...HUMANS, 'UNEW']);
  const joined = eventCallbackBody(TEAM, memberJoinedChannelEvent({ user: 'UNEW', channel: CHANNEL, team: TEAM }), {
    eventId: 'Ev0JOIN1',
  });
  expect((await world.send(joined)).status).toBe(200);
  expect((await world.send(joined, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
    200,
  );
  expect((await world.send(joined, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
    200,
  );
  await waitFor(async () => (await activeMembers()).includes('UNEW'), 'UNEW to join the team');
  expect(await activeMembers()).toEqual([...HUMANS, 'UNEW'].sort());
  expect(world.slack.callsTo('users.info').filter((c) => c.args.user === 'UNEW')).toHaveLength(1);

  const left = eventCallbackBody(TEAM, memberLeftChannelEvent({ user: 'UP4', channel: CHANNEL, team: TEAM }), {
    eventId: 'Ev0LEFT1',
  });
  expect((await world.send(left)).status).toBe(200);
  await waitFor(async () => !(await activeMembers()).includes('UP4'), 'UP4 to leave the team');
  expect(await activeMembers()).toEqual(['UM1', 'UNEW', 'UP1', 'UP2', 'UP3']);
});

test("the team carries its channel's name as Slack sends it with a command, renamed by a later one", async () => {
  const name = async () =>
    (await database.pool.query('select name from teams where channel_id = $1', [CHANNEL])).rows[0]?.name as unknown;
  // Set up above from a slash command naming the channel as the scrubbed payload does (`team-pulse`).
  expect(await name()).toBe('team-pulse');
  await world.command('UM1', '/pulse', 'status', 'pulse-renamed');
  expect(await name()).toBe('pulse-renamed');
  // What Slack sends for a private channel is no name: the one on record stays.
  await world.command('UM1', '/pulse', 'status', 'privategroup');
  expect(await name()).toBe('pulse-renamed');
});

test('Slack answering 429 with Retry-After delays the DMs; every member still gets exactly one', async () => {
  world.slack.failNext('chat.postMessage', 3, { status: 429, retryAfterSeconds: 1 });
  expect(await pulse('now')).toMatch(/on their way to 5 members/);
  const members = await activeMembers();
  await waitFor(() => members.every((u) => world.slack.dmOf(u).length >= 1), 'every member to get a DM', 20_000);
  await new Promise((r) => setTimeout(r, 1500)); // a doubled DM would show up by now
  expect(members.map((u) => world.slack.dmOf(u).length)).toEqual(members.map(() => 1));
  expect(world.slack.rateLimitedCount('chat.postMessage')).toBe(3);
  const metrics = await (await fetch(`${world.app.url}/metrics`)).text();
  // Check-in DMs go out from the fan-out queue.
  expect(metrics).toMatch(/^symmetry_platform_rate_limited_total\{queue="symmetry-fanout"\} 3$/m);
  expect(world.slack.dmOf('UP4')).toHaveLength(0);
});

test('/healthz is 503 while PostgreSQL or Redis is unreachable, and 200 again after', async () => {
  const health = async () => {
    const res = await fetch(`${world.app.url}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  expect((await health()).status).toBe(200);

  redisProxy.cut();
  const redisDown = await waitFor(async () => {
    const h = await health();
    return h.status === 503 ? h : null;
  }, '/healthz to notice Redis is down');
  expect(redisDown.body).toMatchObject({ redis: 'down', postgres: 'up' });
  redisProxy.restore();
  await waitFor(async () => (await health()).status === 200, '/healthz to recover from Redis', 20_000);

  pgProxy.cut();
  const pgDown = await waitFor(async () => {
    const h = await health();
    return h.status === 503 ? h : null;
  }, '/healthz to notice PostgreSQL is down');
  expect(pgDown.body).toMatchObject({ postgres: 'down' });
  pgProxy.restore();
  await waitFor(async () => (await health()).status === 200, '/healthz to recover from PostgreSQL', 20_000);
});
