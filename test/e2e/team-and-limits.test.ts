/**
 * End to end: joins and leaves keep the team in step (a redelivered event counts once), a 429
 * from Slack delays DMs without losing or doubling any, and /healthz tells when a store is down.
 */
import { randomBytes } from 'node:crypto';
import { startApp, waitFor, type AppProcess } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { eventCallbackBody, memberJoinedChannelEvent, memberLeftChannelEvent, postToSlackApp, slashCommandBody, type SlackRequestBody } from '../support/slack-requests';
import { startTcpProxy, viaPort, type TcpProxy } from '../support/tcp-proxy';

const SECRET = 'e2e-signing-secret-abcdefghij';
const TEAM = 'T0LIM';
const CHANNEL = 'C0LIMITS';
const HUMANS = ['UM1', 'UP1', 'UP2', 'UP3', 'UP4'];

let slack: FakeSlack;
let app: AppProcess;
let database: TestDatabase;
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;

const send = (body: SlackRequestBody, headers: Record<string, string> = {}) => postToSlackApp(`${app.url}/slack/events`, { ...body, secret: SECRET, headers });

let seq = 0;
async function pulse(text: string): Promise<string> {
  const id = `r${++seq}`;
  expect((await send(slashCommandBody({ command: '/pulse', text, userId: 'UM1', channelId: CHANNEL, teamId: TEAM, responseUrl: slack.responseUrl(id) }))).status).toBe(200);
  const [reply] = await waitFor(() => (slack.responses(id).length ? slack.responses(id) : null), `reply to /pulse ${text}`);
  return (reply as { text: string }).text;
}

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
  slack = await startFakeSlack({ teamId: TEAM });
  for (const id of [...HUMANS, 'UNEW']) slack.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Amsterdam' });
  slack.addChannel(CHANNEL, HUMANS);
  const databaseUrl = process.env.DATABASE_URL!;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  pgProxy = await startTcpProxy(Number(new URL(databaseUrl).port || 5432));
  redisProxy = await startTcpProxy(Number(new URL(redisUrl).port || 6379));
  app = await startApp({
    SLACK_BOT_TOKEN: 'xoxb-e2e-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: viaPort(databaseUrl, pgProxy.port),
    REDIS_URL: viaPort(redisUrl, redisProxy.port),
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}lim${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'error',
    TICK_SECONDS: '1',
  });
});

afterAll(async () => {
  const code = await app?.stop();
  await slack?.close();
  await pgProxy?.close();
  await redisProxy?.close();
  await database?.close();
  expect(code).toBe(0);
});

test('a join redelivered three times adds the person once; a leave removes them', async () => {
  await pulse('setup');
  await waitFor(async () => (await activeMembers()).length === HUMANS.length, 'the team to be synced');

  slack.addChannel(CHANNEL, [...HUMANS, 'UNEW']);
  const joined = eventCallbackBody(TEAM, memberJoinedChannelEvent({ user: 'UNEW', channel: CHANNEL, team: TEAM }), { eventId: 'Ev0JOIN1' });
  expect((await send(joined)).status).toBe(200);
  expect((await send(joined, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
  expect((await send(joined, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
  await waitFor(async () => (await activeMembers()).includes('UNEW'), 'UNEW to join the team');
  expect(await activeMembers()).toEqual([...HUMANS, 'UNEW'].sort());
  expect(slack.callsTo('users.info').filter((c) => c.args.user === 'UNEW')).toHaveLength(1);

  const left = eventCallbackBody(TEAM, memberLeftChannelEvent({ user: 'UP4', channel: CHANNEL, team: TEAM }), { eventId: 'Ev0LEFT1' });
  expect((await send(left)).status).toBe(200);
  await waitFor(async () => !(await activeMembers()).includes('UP4'), 'UP4 to leave the team');
  expect(await activeMembers()).toEqual(['UM1', 'UNEW', 'UP1', 'UP2', 'UP3']);
});

test('Slack answering 429 with Retry-After delays the DMs; every member still gets exactly one', async () => {
  slack.failNext('chat.postMessage', 3, { status: 429, retryAfterSeconds: 1 });
  expect(await pulse('now')).toMatch(/on their way to 5 members/);
  const members = await activeMembers();
  await waitFor(() => members.every((u) => slack.dmOf(u).length >= 1), 'every member to get a DM', 20_000);
  await new Promise((r) => setTimeout(r, 1500)); // a doubled DM would show up by now
  expect(members.map((u) => slack.dmOf(u).length)).toEqual(members.map(() => 1));
  expect(slack.rateLimitedCount('chat.postMessage')).toBe(3);
  expect(slack.dmOf('UP4')).toHaveLength(0);
});

test('/healthz is 503 while PostgreSQL or Redis is unreachable, and 200 again after', async () => {
  const health = async () => {
    const res = await fetch(`${app.url}/healthz`);
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
