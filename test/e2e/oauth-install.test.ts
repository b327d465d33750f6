/**
 * One deployment, several Slack workspaces, through the real web server: workspaces install the app through the
 * OAuth flow (install page → Slack's authorize page → redirect with a code → oauth.v2.access → stored sealed), each
 * is then served with its own token, an Enterprise Grid org-wide install serves two of its workspaces (team_id on
 * every call), a forged or replayed `state` is refused, and `app_uninstalled` deletes that workspace's tokens at once
 * while the other goes on; and a manager of one workspace can see nothing of the other by any `/pulse` subcommand
 * (with the other's ids pasted in), Reply button or reply form.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { respondentHash } from '../../src/core/anonymity';
import { sealAddress } from '../../src/core/sealed-address';
import { PULSE_SUBCOMMANDS } from '../../src/core/commands/pulse/registry';
import { QUICK_REPLIES, MOOD_QUESTION_ID } from '../../src/core/model';
import {
  THREAD_QUICK_PREFIX,
  THREAD_REPLY_ACTION,
  THREAD_REPLY_CALLBACK,
  THREAD_TEXT_ACTION,
  THREAD_TEXT_BLOCK,
} from '../../src/platforms/slack/thread-render';
import { SEED_SECRET, seedClosedRound, seedDashboardTeam } from '../support/dashboard-seed';
import { databaseSnapshot } from '../support/db-snapshot';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { attachFakeOAuth, type Approval, type FakeOAuth } from '../../src/sandbox/fake-slack-oauth';
import { freePort, startApp, waitFor, type AppProcess } from '../support/app-process';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import {
  blockActionBody,
  eventCallbackBody,
  memberJoinedChannelEvent,
  postToSlackApp,
  slashCommandBody,
  viewSubmissionBody,
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
let database: TestDatabase;
let pool: Pool;
let seq = 0;
let anonymitySecret: string;

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
  return ((await pulseReply(team, userId, text, extra)) as { text: string }).text;
}

/** The whole reply (text and blocks) `/pulse <text>` got through its response_url. */
async function pulseReply(team: string, userId: string, text: string, extra: Record<string, string> = {}) {
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
  return reply;
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
  anonymitySecret = randomBytes(32).toString('hex');
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
    ANONYMITY_SECRET: anonymitySecret,
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
  };
  app = await startApp(env, 'all');
  database = openTestDatabase();
  pool = database.pool;
});

afterAll(async () => {
  const code = await app?.stop();
  await slack?.close();
  await database?.close();
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

/** What one workspace holds for the isolation test: a team of five at k = 3 with data whose every text names it. */
interface SeededWorkspace {
  workspaceId: string;
  teamId: string;
  channel: string;
  manager: string;
  crew: string[];
  commentIds: string[];
  /** Texts only this workspace holds: comments, the question, the action, the kudos reason. */
  texts: string[];
}

/**
 * A second team in `team`'s workspace (channel `CK<team>`, its manager and four more, k = 3) through the real
 * repositories: two closed rounds answered by all five, a comment in each, a question, an action and a kudos.
 */
async function seedWorkspaceData(team: string): Promise<SeededWorkspace> {
  const { repos } = database;
  const manager = people(team)[0]!;
  const crew = [manager, ...[1, 2, 3, 4].map((i) => `UK${i}${team}`)];
  const channel = `CK${team}`;
  for (const id of crew.slice(1)) slack.addUser({ id, tz: 'UTC' });
  slack.addChannel(channel, crew);
  const workspace = await repos.workspaces.ensure('slack', team);
  const seeded = await seedDashboardTeam(repos, workspace, {
    channelId: channel,
    people: crew,
    managers: [manager],
    threshold: 3,
  });
  const texts = [`the roadmap worries me (${team})`, `the on-call rota is unfair (${team})`];
  const commentIds: string[] = [];
  for (const [i, daysAgo] of [10, 3].entries()) {
    const closesAt = new Date(Date.now() - daysAgo * 86_400_000);
    const author = seeded.members[i + 1]!;
    const commentId = randomUUID();
    // The comment is saved while its round is open: an answer after the close is refused.
    await seedClosedRound(repos, seeded.team, seeded.members, closesAt, [4, 5, 6, 7, 8], {
      beforeClose: async (roundId, deliveries) => {
        const saved = await repos.answers.saveComment({
          deliveryId: deliveries.find((d) => d.memberId === author.id)!.id,
          roundId,
          teamId: seeded.team.id,
          questionId: MOOD_QUESTION_ID,
          respondentHash: respondentHash(SEED_SECRET, roundId, author.id),
          comment: texts[i]!,
          at: closesAt,
          commentId,
          authorSeal: sealAddress(anonymitySecret, commentId, author.id),
        });
        expect(saved?.comment).toBe(texts[i]);
      },
    });
    commentIds.push(commentId);
  }
  const question = `How is the ${team} migration going?`;
  await repos.questions.add({ teamId: seeded.team.id, kind: 'text', text: question, createdBy: manager });
  const action = `Fewer meetings in ${team}`;
  await repos.actions.add({ teamId: seeded.team.id, text: action, createdBy: manager });
  const reason = `for fixing the ${team} build`;
  await repos.kudos.give({
    workspaceId: workspace.id,
    giver: crew[1]!,
    recipient: crew[2]!,
    sourceKey: `cmd:${randomUUID()}`,
    shoutoutKey: `cmd:${randomUUID()}`,
    emoji: null,
    reason,
    values: [],
    tags: [],
    givenAt: new Date(),
    giverDate: new Date().toISOString().slice(0, 10),
    limit: 50,
  });
  return {
    workspaceId: workspace.id,
    teamId: seeded.team.id,
    channel,
    manager,
    crew,
    commentIds,
    texts: [...texts, question, action, reason],
  };
}

/** A signed interactive request (block action or view submission); the text of the app's HTTP answer. */
async function interact(body: ReturnType<typeof blockActionBody>): Promise<string> {
  const res = await postToSlackApp(`${app.url}/slack/events`, { ...body, secret });
  expect(res.status).toBe(200);
  return res.text;
}

/** The manager's reply form on a comment, submitted. */
const replyForm = (team: string, userId: string, commentId: string, text: string) =>
  interact(
    viewSubmissionBody({
      userId,
      teamId: team,
      callbackId: THREAD_REPLY_CALLBACK,
      privateMetadata: JSON.stringify({ c: commentId }),
      values: { [THREAD_TEXT_BLOCK]: { [THREAD_TEXT_ACTION]: { type: 'plain_text_input', value: text } } },
    }),
  );

test("a manager of A sees nothing of B by any /pulse subcommand (B's ids pasted in), Reply button or reply form; B is unchanged", async () => {
  const a = await seedWorkspaceData(TEAM_A);
  const b = await seedWorkspaceData(TEAM_B);
  // B's manager starts a conversation on one of B's comments through the real form; its author gets it.
  const bReply = `thanks, let us talk about it (${TEAM_B})`;
  await replyForm(TEAM_B, b.manager, b.commentIds[1]!, bReply);
  await waitFor(() => slack.calls.some((c) => JSON.stringify(c.args).includes(bReply)), "B's reply delivered");

  const bRows = async () =>
    (await databaseSnapshot(pool))
      .split('\n')
      .map((line) => line.replace(/^\w+: /, ''))
      // B's rows (A's own rows may name B's ids: A's manager pasted them in as text, e.g. as a question).
      .filter((line) => [b.workspaceId, b.teamId, ...b.commentIds].some((key) => line.includes(key)))
      .filter((line) => ![a.workspaceId, a.teamId].some((key) => line.includes(key)));
  const before = await bRows();
  expect(before.length).toBeGreaterThan(10);
  const mark = slack.calls.length;
  const seen: unknown[] = [];

  // Every subcommand, bare and with each of B's ids as its argument (a new subcommand is covered as it is added).
  const args = ['', `<#${b.channel}|team>`, b.channel, TEAM_B, ...b.commentIds, `<@${b.manager}>`, 'leaderboard'];
  for (const entry of PULSE_SUBCOMMANDS) {
    for (const arg of args) {
      seen.push(await pulseReply(TEAM_A, a.manager, `${entry.name} ${arg}`.trim(), { channel_id: a.channel }));
    }
  }
  // Buttons and the reply form, forged with B's comment ids.
  const probe = `probe from ${TEAM_A}`;
  for (const commentId of b.commentIds) {
    const click = (actionId: string) => {
      const id = `x${++seq}`;
      return interact(
        blockActionBody({
          userId: a.manager,
          teamId: TEAM_A,
          actionId,
          value: commentId,
          channelId: a.channel,
          messageTs: '1700000000.000100',
          responseUrl: slack.responseUrl(id),
        }),
      ).then((ack) => seen.push(ack, ...slack.responses(id)));
    };
    await click(THREAD_REPLY_ACTION);
    for (const quick of QUICK_REPLIES) await click(`${THREAD_QUICK_PREFIX}${quick}`);
    const refused = await replyForm(TEAM_A, a.manager, commentId, probe);
    expect(refused).toMatch(/response_action.*errors/);
    seen.push(refused);
  }

  const aTokens = oauth.tokensOf(TEAM_A);
  const toA = JSON.stringify([...seen, ...slack.calls.slice(mark).filter((c) => aTokens.includes(c.token!))]);
  // The commands really read data: A's own comments and kudos (its recipient on the leaderboard) reached A's manager.
  expect([a.texts[0]!, a.texts[1]!, a.crew[2]!].filter((text) => !toA.includes(text))).toEqual([]);
  const ofB = [...b.texts, bReply, channelOf(TEAM_B), people(TEAM_B)[1]!, ...b.crew.slice(1)];
  expect(ofB.filter((text) => toA.includes(text))).toEqual([]);
  // Nothing reached B's people, and B's rows are as they were.
  expect(JSON.stringify(slack.calls.slice(mark)).includes(probe)).toBe(false);
  expect(await bRows()).toEqual(before);
}, 600_000);

test('app_uninstalled from A deletes its tokens at once and closes it; B is still served', async () => {
  const event = eventCallbackBody(TEAM_A, {
    type: 'app_uninstalled',
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
  });
  const res = await postToSlackApp(`${app.url}/slack/events`, { ...event, secret });
  expect(res.status).toBe(200);
  await waitFor(async () => !(await installations()).some((r) => r.team_id === TEAM_A), "A's installation deleted");
  expect((await installations()).some((r) => r.team_id === TEAM_B)).toBe(true);
  // The workspace is closed right after its tokens are forgotten, in the same handler: wait for it.
  const closed = async () =>
    (
      await pool.query<{ uninstalled: boolean }>(
        'select uninstalled_at is not null as uninstalled from workspaces where external_id = $1',
        [TEAM_A],
      )
    ).rows;
  await waitFor(async () => (await closed()).some((r) => r.uninstalled), 'A closed');
  expect(await closed()).toEqual([{ uninstalled: true }]);

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

test('app_uninstalled from an org-wide install deletes it and closes every workspace of the organization it served', async () => {
  const event = eventCallbackBody(GRID_1, {
    type: 'app_uninstalled',
    event_ts: `${Math.floor(Date.now() / 1000)}.000200`,
  });
  // As Slack sends it for an org-wide install: the organization's id, and an org-wide authorization.
  const body = JSON.parse(event.body) as {
    enterprise_id?: string;
    authorizations: Array<Record<string, unknown>>;
  };
  body.enterprise_id = ENTERPRISE;
  body.authorizations = body.authorizations.map((a) => ({
    ...a,
    enterprise_id: ENTERPRISE,
    is_enterprise_install: true,
  }));
  const res = await postToSlackApp(`${app.url}/slack/events`, { ...event, body: JSON.stringify(body), secret });
  expect(res.status).toBe(200);
  const closed = async () =>
    (
      await pool.query<{ external_id: string; uninstalled: boolean }>(
        'select external_id, uninstalled_at is not null as uninstalled from workspaces where external_id = any($1) order by external_id',
        [[GRID_1, GRID_2]],
      )
    ).rows;
  await waitFor(async () => (await closed()).every((r) => r.uninstalled), 'both workspaces of the organization closed');
  expect(await closed()).toEqual([
    { external_id: GRID_1, uninstalled: true },
    { external_id: GRID_2, uninstalled: true },
  ]);
  expect((await installations()).filter((r) => r.enterprise_id === ENTERPRISE)).toEqual([]);
  // B, a workspace of its own, is still served.
  const { rows } = await pool.query('select 1 from workspaces where external_id = $1 and uninstalled_at is null', [
    TEAM_B,
  ]);
  expect(rows).toHaveLength(1);
});
