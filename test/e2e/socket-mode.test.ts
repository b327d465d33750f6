/**
 * End to end in Socket Mode: the built app started with SLACK_APP_TOKEN opens its connection through
 * the fake Slack's `apps.connections.open`, and every command, click, modal and event arrives as an
 * envelope on that WebSocket (no signed HTTP requests). The app must ack each envelope over the socket.
 */
import { randomBytes } from 'node:crypto';
import { startApp, waitFor, type AppProcess } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { buttonOf } from '../support/e2e-world';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack';
import type { SocketAck } from '../support/fake-socket-mode';
import {
  blockActionBody,
  eventCallbackBody,
  memberJoinedChannelEvent,
  postToSlackApp,
  slashCommandBody,
  viewSubmissionBody,
} from '../support/slack-requests';

const TEAM = 'T0SOCKET';
const CHANNEL = 'C0SOCKET';
const BOT_TOKEN = 'xoxb-socket-e2e';
const APP_TOKEN = `xapp-1-A0A1SYMMTRY-${randomBytes(6).toString('hex')}`;
const HUMANS = ['UMGR', 'UANNA', 'UBEN'];

let slack: FakeSlack;
let app: AppProcess;
let database: TestDatabase;
let seq = 0;

async function activeMembers(): Promise<string[]> {
  const { rows } = await database.pool.query<{ id: string }>(
    `select m.platform_user_id as id from team_members tm join members m on m.id = tm.member_id join teams t on t.id = tm.team_id
     where tm.active and t.channel_id = $1 order by 1`,
    [CHANNEL],
  );
  return rows.map((r) => r.id);
}

/** The ack must answer the envelope just sent, with an empty payload (Bolt's bare `ack()`). */
const expectBareAck = (ack: SocketAck) =>
  expect(ack).toEqual({ envelope_id: slack.socketMode.envelopes.at(-1)!.envelope_id, payload: {} });

/** Runs `/pulse <text>` as an envelope; returns the ack and the private reply sent to response_url. */
async function pulse(userId: string, text: string): Promise<{ ack: SocketAck; reply: string }> {
  const id = `socket-cmd-${++seq}`;
  const ack = await slack.socketMode.deliver(
    slashCommandBody({
      command: '/pulse',
      text,
      userId,
      channelId: CHANNEL,
      teamId: TEAM,
      responseUrl: slack.responseUrl(id),
    }),
  );
  const [reply] = await waitFor(
    () => (slack.responses(id).length ? slack.responses(id) : null),
    `the reply to /pulse ${text}`,
  );
  return { ack, reply: (reply as { text: string }).text };
}

function checkinOf(userId: string): StoredMessage {
  const dms = slack
    .dmOf(userId)
    .filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === 'symmetry_checkin');
  if (dms.length !== 1) throw new Error(`${userId} has ${dms.length} check-in DMs`);
  return dms[0]!;
}

const shows = (userId: string, pattern: RegExp) => pattern.test(JSON.stringify(checkinOf(userId).blocks));

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  slack = await startFakeSlack({ teamId: TEAM, tokens: [BOT_TOKEN, APP_TOKEN], socketPingMs: 500 });
  slack.addUser({ id: 'UMGR', name: 'manager', tz: 'Europe/Stockholm' });
  slack.addUser({ id: 'UANNA', name: 'anna', tz: 'America/New_York' });
  slack.addUser({ id: 'UBEN', name: 'ben', tz: 'Asia/Kolkata' });
  slack.addUser({ id: 'UBOT', name: 'somebot', isBot: true });
  slack.addUser({ id: 'UNEW', name: 'newcomer', tz: 'Europe/Amsterdam' });
  slack.addChannel(CHANNEL, [...HUMANS, 'UBOT'], { name: 'team' });
  app = await startApp({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_SIGNING_SECRET: `socket-secret-${randomBytes(8).toString('hex')}`,
    SLACK_API_URL: slack.url,
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}s${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
  });
});

afterAll(async () => {
  const code = await app?.stop();
  if (code !== 0) console.error(`app exited with ${code}; its last output:\n${app?.output().slice(-3000)}`);
  await slack?.close();
  await database?.close();
});

test('connects with the app-level token through apps.connections.open; /slack/events is not served', async () => {
  // startApp returned once /healthz answered, and the web process starts listening only after the `hello`.
  const opens = slack.callsTo('apps.connections.open');
  expect(opens).toHaveLength(1);
  expect(opens[0]).toMatchObject({ token: APP_TOKEN, status: 200, response: { ok: true } });
  expect(slack.socketMode.connections()).toBe(1);
  // Every other Web API call carries the bot token: the app-level token is only for opening connections.
  expect(slack.calls.filter((c) => c.method !== 'apps.connections.open').every((c) => c.token === BOT_TOKEN)).toBe(
    true,
  );

  const events = await postToSlackApp(
    `${app.url}/slack/events`,
    slashCommandBody({
      command: '/pulse',
      text: 'now',
      userId: 'UMGR',
      channelId: CHANNEL,
      teamId: TEAM,
      responseUrl: slack.responseUrl('http'),
    }),
  );
  expect(events.status).toBe(404);
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
});

test('/pulse setup and /pulse now as slash_commands envelopes: acked, replied, team synced, every human gets a DM', async () => {
  const setup = await pulse('UMGR', 'setup');
  expectBareAck(setup.ack);
  expect(setup.reply).toMatch(/Setting up this channel as a team/);
  await waitFor(async () => (await activeMembers()).join() === [...HUMANS].sort().join(), 'the team to be synced');

  const now = await pulse('UMGR', 'now');
  expectBareAck(now.ack);
  expect(now.reply).toMatch(/on their way to 3 members/);
  await waitFor(() => HUMANS.every((u) => slack.dmOf(u).length === 1), 'three check-in DMs');
  expect(slack.dmOf('UBOT')).toHaveLength(0);
  expect(JSON.stringify(checkinOf('UANNA').blocks)).toMatch(/anonymous/);
});

test('a score click as an interactive block_actions envelope: acked, the DM shows the score, the comment modal opens', async () => {
  const dm = checkinOf('UANNA');
  const button = buttonOf(dm, 7);
  const click = blockActionBody({
    userId: 'UANNA',
    teamId: TEAM,
    actionId: button.action_id,
    value: button.value,
    blockId: 'checkin_scores',
    channelId: dm.channel,
    messageTs: dm.ts,
    responseUrl: slack.responseUrl(`click-${++seq}`),
    message: { text: dm.text, blocks: dm.blocks as unknown[] },
  });
  const ack = await slack.socketMode.deliver(click);
  expectBareAck(ack);
  expect(slack.socketMode.envelopes.at(-1)).toMatchObject({
    type: 'interactive',
    accepts_response_payload: false,
    payload: { type: 'block_actions' },
  });
  await waitFor(() => shows('UANNA', /You answered \*7\*/), 'the DM to show 7');
  const opened = await waitFor(() => slack.callsTo('views.open')[0], 'the comment modal');
  expect((opened.args.view as { callback_id: string }).callback_id).toBe('checkin_comment');
});

test('a view_submission envelope is acked with the response payload (errors for a forged modal, empty when saved)', async () => {
  const comment = (value: string) => ({ comment: { comment: { type: 'plain_text_input', value } } });
  const forged = await slack.socketMode.deliver(
    viewSubmissionBody({
      userId: 'UBEN',
      teamId: TEAM,
      callbackId: 'checkin_comment',
      privateMetadata: '{"d":"not-a-delivery"}',
      values: comment('x'),
    }),
  );
  expect(slack.socketMode.envelopes.at(-1)!.accepts_response_payload).toBe(true);
  expect(forged.envelope_id).toBe(slack.socketMode.envelopes.at(-1)!.envelope_id);
  expect(forged.payload).toMatchObject({ response_action: 'errors' });

  const view = slack.callsTo('views.open')[0]!.args.view as { private_metadata: string };
  const saved = await slack.socketMode.deliver(
    viewSubmissionBody({
      userId: 'UANNA',
      teamId: TEAM,
      callbackId: 'checkin_comment',
      privateMetadata: view.private_metadata,
      values: comment('Socket Mode works.'),
      viewId: 'V0SOCK1',
    }),
  );
  expectBareAck(saved);
  await waitFor(() => shows('UANNA', /comment is saved/), 'the DM to show the comment saved');
  const { rows } = await database.pool.query('select score, comment from responses');
  expect(rows).toEqual([{ score: 7, comment: 'Socket Mode works.' }]);
});

test('a member_joined_channel events_api envelope: acked, the newcomer joins the team', async () => {
  slack.addChannel(CHANNEL, [...HUMANS, 'UBOT', 'UNEW'], { name: 'team' });
  const ack = await slack.socketMode.deliver(
    eventCallbackBody(TEAM, memberJoinedChannelEvent({ user: 'UNEW', channel: CHANNEL, team: TEAM })),
  );
  expectBareAck(ack);
  expect(slack.socketMode.envelopes.at(-1)).toMatchObject({
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
  });
  await waitFor(async () => (await activeMembers()).includes('UNEW'), 'UNEW to join the team');
  expect(await activeMembers()).toEqual([...HUMANS, 'UNEW'].sort());
});

test('every envelope was acked exactly once; the app answers pings', async () => {
  const acked = slack.socketMode.received.filter((r) => !r.stray).map((r) => (r.message as SocketAck).envelope_id);
  expect(acked).toEqual(slack.socketMode.envelopes.map((e) => e.envelope_id));
  expect(slack.socketMode.received.filter((r) => r.stray)).toEqual([]);
  await waitFor(() => slack.socketMode.pongs() > 0, 'a pong to our pings', 5_000);
});

test('when Slack sends `disconnect`, the app opens a fresh connection and keeps working', async () => {
  expect(slack.socketMode.connectionsOpened()).toBe(1); // pings answered: no reconnect so far
  slack.socketMode.disconnect('refresh_requested');
  // @slack/socket-mode waits clientPingTimeout (5 s) before reconnecting.
  await waitFor(
    () => slack.socketMode.connectionsOpened() === 2 && slack.socketMode.connections() === 1,
    'a new connection',
    20_000,
  );
  expect(slack.callsTo('apps.connections.open')).toHaveLength(2);
  const status = await pulse('UMGR', 'status');
  expectBareAck(status.ack);
  expect(status.reply).toMatch(/^1 of 3 answered/);
});

test('Slack answering 503 to apps.connections.open during a refresh is retried, not fatal', async () => {
  slack.failNext('apps.connections.open', 2, { status: 503 });
  slack.socketMode.disconnect('refresh_requested');
  const connected = () => slack.socketMode.connectionsOpened() === 3 && slack.socketMode.connections() === 1;
  await waitFor(() => app.child.exitCode !== null || connected(), 'a new connection after the 503s', 30_000);
  expect(app.child.exitCode).toBeNull();
  expect(slack.callsTo('apps.connections.open').map((c) => c.status)).toEqual([200, 200, 503, 503, 200]);
  expectBareAck((await pulse('UMGR', 'status')).ack);
}, 45_000);

test('stops cleanly: exit code 0 and the WebSocket is closed', async () => {
  expect(slack.socketMode.connectionsOpened()).toBe(3); // no reconnects but the ones Slack asked for
  expect(await app.stop()).toBe(0);
  await waitFor(() => slack.socketMode.connections() === 0, 'the connection to close');
});
