/**
 * One deployment, several Slack workspaces, through the real web server: workspaces install the app through the
 * OAuth flow (install page → Slack's authorize page → redirect with a code → oauth.v2.access → stored sealed), each
 * is then served with its own token, an Enterprise Grid org-wide install serves two of its workspaces (team_id on
 * every call), a forged or replayed `state` is refused, and `app_uninstalled` deletes that workspace's tokens at once
 * while the other goes on.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { attachFakeOAuth, type Approval, type FakeOAuth } from '../../src/sandbox/fake-slack-oauth';
import { freePort, startApp, waitFor, type AppProcess } from '../support/app-process';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import {
  eventCallbackBody,
  memberJoinedChannelEvent,
  postToSlackApp,
  slashCommandBody,
} from '../support/slack-requests';

jest.setTimeout(90_000);

const CLIENT = { clientId: '1111.2222', clientSecret: `e2e-client-secret-${randomBytes(8).toString('hex')}` };
const secret = `e2e-secret-${randomBytes(8).toString('hex')}`;
const uid = () => randomBytes(3).toString('hex').toUpperCase();
const TEAM_A = `TA${uid()}`;
const TEAM_B = `TB${uid()}`;
const ENTERPRISE = `E${uid()}`;
const GRID_1 = `TG1${uid()}`;
const GRID_2 = `TG2${uid()}`;
/** Each workspace's team channel and its two people. */
const people = (team: string) => [`U1${team}`, `U2${team}`];
const channelOf = (team: string) => `C${team}`;

let slack: FakeSlack;
let oauth: FakeOAuth;
let app: AppProcess;
let pool: Pool;
let seq = 0;

interface Redirect {
  url: string;
  cookie: string;
}

/** The browser's part of an install: the install page, Slack's authorize page, and back to the app's redirect. */
async function authorize(approval: Approval): Promise<Redirect> {
  const page = await fetch(`${app.url}/slack/install`);
  expect(page.status).toBe(200);
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const link = /href="([^"]+\/oauth\/v2\/authorize[^"]+)"/.exec(await page.text())![1]!.replace(/&amp;/g, '&');
  oauth.approveAs(approval);
  const approved = await fetch(link, { redirect: 'manual' });
  expect(approved.status).toBe(302);
  return { url: approved.headers.get('location')!, cookie };
}

const follow = async ({ url, cookie }: Redirect) => {
  const res = await fetch(url, { headers: { cookie } });
  return { status: res.status, text: await res.text() };
};

async function install(approval: Approval): Promise<void> {
  const done = await follow(await authorize(approval));
  expect(done).toEqual({ status: 200, text: expect.stringMatching(/^Symmetry is installed/) });
}

const installations = async () =>
  (
    await pool.query<{ team_id: string; enterprise_id: string }>(
      'select team_id, enterprise_id from slack_installations',
    )
  ).rows;

/** `/pulse <text>` from `userId` in their workspace's channel; the extra form fields say where it comes from (Grid). */
async function pulse(team: string, userId: string, text: string, extra: Record<string, string> = {}) {
  const id = `r${++seq}`;
  const body = slashCommandBody({
    command: '/pulse',
    text,
    userId,
    channelId: channelOf(team),
    teamId: team,
    responseUrl: slack.responseUrl(id),
  });
  const form = new URLSearchParams(body.body);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  const res = await postToSlackApp(`${app.url}/slack/events`, { ...body, body: form.toString(), secret });
  expect(res.status).toBe(200);
  const [reply] = await waitFor(() => (slack.responses(id).length ? slack.responses(id) : null), `/pulse ${text}`);
  return (reply as { text: string }).text;
}

/** `/pulse now` once the team's members are synced (setup reads the channel in a job). */
const roundNow = (team: string, manager: string, extra: Record<string, string> = {}) =>
  waitFor(async () => !/no members/.test(await pulse(team, manager, 'now', extra)), `a round in ${team}`);

/** Calls the bot made to Slack about a channel or a person (DMs go to the user id). */
const callsAbout = (target: string) => slack.calls.filter((c) => c.args.channel === target);

beforeAll(async () => {
  slack = await startFakeSlack();
  for (const team of [TEAM_A, TEAM_B, GRID_1, GRID_2]) {
    for (const id of people(team)) slack.addUser({ id, tz: 'UTC' });
    slack.addChannel(channelOf(team), people(team));
  }
  const port = String(await freePort());
  oauth = attachFakeOAuth(slack, {
    ...CLIENT,
    redirectUri: `http://127.0.0.1:${port}/slack/oauth_redirect`,
    expiresInSeconds: 12 * 3600,
  });
  const env = {
    PORT: port,
    SLACK_SIGNING_SECRET: secret,
    SLACK_CLIENT_ID: CLIENT.clientId,
    SLACK_CLIENT_SECRET: CLIENT.clientSecret,
    SLACK_STATE_SECRET: randomBytes(32).toString('hex'),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SLACK_API_URL: slack.url,
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}o${uid()}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
  };
  app = await startApp(env, 'all');
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  const code = await app?.stop();
  await slack?.close();
  await pool?.end();
  if (code !== 0) console.error(app.output().slice(-3000));
});

test('two workspaces install through the OAuth flow and each is served with its own token; the table holds no token text', async () => {
  await install({ teamId: TEAM_A });
  await install({ teamId: TEAM_B });
  expect((await installations()).map((r) => r.team_id)).toEqual(expect.arrayContaining([TEAM_A, TEAM_B]));
  const { rows } = await pool.query<{ row: string }>('select row_to_json(t)::text as row from slack_installations t');
  expect(rows.join('\n')).not.toMatch(/xox[bep]/);

  for (const team of [TEAM_A, TEAM_B]) {
    const [manager, other] = people(team);
    expect(await pulse(team, manager!, 'setup')).toMatch(/team/i);
    await roundNow(team, manager!);
    await waitFor(() => callsAbout(other!).some((c) => c.method === 'chat.postMessage'), `${other}'s check-in DM`);
  }
  // Every call about a workspace's channel or people used that workspace's token, never the other's.
  for (const team of [TEAM_A, TEAM_B]) {
    const own = oauth.tokensOf(team);
    const calls = [channelOf(team), ...people(team)].flatMap(callsAbout);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !own.includes(c.token!))).toEqual([]);
  }
});

test('a forged state, a state without its browser cookie, and a replayed redirect are refused and install nothing', async () => {
  const before = await installations();
  const forged = await follow({
    url: `${app.url}/slack/oauth_redirect?code=anything&state=forged`,
    cookie: 'slack-app-oauth-state=forged',
  });
  expect(forged.status).toBe(400);
  expect(forged.text).toMatch(/did not finish \(slack_oauth_invalid_state\)/);

  const redirect = await authorize({ teamId: `TX${uid()}` });
  const noCookie = await follow({ url: redirect.url, cookie: '' });
  expect(noCookie.status).toBe(400);
  expect(await installations()).toEqual(before);

  // The redirect is used once as it should be, then replayed with the same state and cookie.
  const replayTeam = `TR${uid()}`;
  const fresh = await authorize({ teamId: replayTeam });
  expect((await follow(fresh)).status).toBe(200);
  const after = await installations();
  const replayed = await follow(fresh);
  expect(replayed.status).toBe(400);
  expect(replayed.text).toMatch(/slack_oauth_invalid_state/);
  expect(await installations()).toEqual(after);
});

test('an Enterprise Grid org-wide install serves two of its workspaces, each call naming its workspace (team_id)', async () => {
  await install({ enterpriseId: ENTERPRISE, orgWide: true });
  expect(await installations()).toEqual(expect.arrayContaining([{ team_id: '', enterprise_id: ENTERPRISE }]));
  const grid = { enterprise_id: ENTERPRISE, is_enterprise_install: 'true' };
  for (const team of [GRID_1, GRID_2]) {
    const [manager, other] = people(team);
    expect(await pulse(team, manager!, 'setup', grid)).toMatch(/team/i);
    await roundNow(team, manager!, grid);
    await waitFor(() => callsAbout(other!).some((c) => c.method === 'chat.postMessage'), `${other}'s check-in DM`);
    const calls = [channelOf(team), ...people(team)].flatMap(callsAbout);
    // The org's token, and this workspace's id on every call (the fake refuses an org token without it).
    expect(calls.filter((c) => !oauth.tokensOf(ENTERPRISE).includes(c.token!))).toEqual([]);
    expect(calls.filter((c) => c.args.team_id !== team)).toEqual([]);
    expect(calls.filter((c) => c.response?.ok !== true)).toEqual([]);
  }
});

test('app_uninstalled from A deletes its tokens at once and closes it; B is still served', async () => {
  const event = eventCallbackBody(TEAM_A, {
    type: 'app_uninstalled',
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
  });
  const res = await postToSlackApp(`${app.url}/slack/events`, { ...event, secret });
  expect(res.status).toBe(200);
  await waitFor(async () => !(await installations()).some((r) => r.team_id === TEAM_A), "A's installation deleted");
  expect((await installations()).some((r) => r.team_id === TEAM_B)).toBe(true);
  const { rows } = await pool.query<{ uninstalled: boolean }>(
    'select uninstalled_at is not null as uninstalled from workspaces where external_id = $1',
    [TEAM_A],
  );
  expect(rows).toEqual([{ uninstalled: true }]);

  // B goes on: a person joining B's channel is looked up with B's own token.
  const joiner = `U3${TEAM_B}`;
  slack.addUser({ id: joiner, tz: 'UTC' });
  const joined = eventCallbackBody(
    TEAM_B,
    memberJoinedChannelEvent({ user: joiner, channel: channelOf(TEAM_B), team: TEAM_B }),
  );
  expect((await postToSlackApp(`${app.url}/slack/events`, { ...joined, secret })).status).toBe(200);
  const lookup = await waitFor(
    () => slack.callsTo('users.info').find((c) => c.args.user === joiner),
    `${joiner} looked up`,
  );
  expect(lookup).toMatchObject({ token: oauth.tokensOf(TEAM_B).at(-1), response: { ok: true } });
  const { rows: stillB } = await pool.query(
    'select 1 from workspaces where external_id = $1 and uninstalled_at is null',
    [TEAM_B],
  );
  expect(stillB).toHaveLength(1);
});
