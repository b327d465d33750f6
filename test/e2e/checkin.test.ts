/**
 * End to end, as a user would run it: the built app (`node dist/main/start.js all`) on the
 * real PostgreSQL and Redis, Slack requests signed like Slack signs them, and a fake Slack
 * Web API that records what the bot sent.
 */
import { randomBytes } from 'node:crypto';
import { startApp, waitFor, type AppProcess } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../support/fake-slack';
import { blockActionBody, postToSlackApp, slashCommandBody, viewSubmissionBody, type SlackRequestBody } from '../support/slack-requests';

const SECRET = 'e2e-signing-secret-0123456789';
const TEAM = 'T0E2E';
const CHANNEL = 'C0TEAM';

let slack: FakeSlack;
let app: AppProcess;
let database: TestDatabase;

async function send(body: SlackRequestBody, opts: { secret?: string; timestamp?: number; signature?: string } = { secret: SECRET }) {
  return postToSlackApp(`${app.url}/slack/events`, { ...body, ...opts });
}

let responseSeq = 0;
/** Runs `/pulse <text>` as `userId` and returns the private reply the app sent to response_url. */
async function pulse(userId: string, text: string): Promise<string> {
  const id = `pulse-${++responseSeq}`;
  const res = await send(slashCommandBody({ command: '/pulse', text, userId, channelId: CHANNEL, teamId: TEAM, responseUrl: slack.responseUrl(id) }));
  expect(res.status).toBe(200);
  const [reply] = await waitFor(() => (slack.responses(id).length ? slack.responses(id) : null), `reply to /pulse ${text}`);
  const body = reply as { text: string; response_type: string };
  expect(body.response_type).toBe('ephemeral');
  return body.text;
}

/** The current check-in DM of a user, as Slack stores it. */
function checkinOf(userId: string): StoredMessage {
  const dms = slack.dmOf(userId);
  expect(dms).toHaveLength(1);
  return dms[0]!;
}

/** The value of the score button `score` in a check-in message. */
function buttonValue(message: StoredMessage, score: number): string {
  const actions = (message.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions');
  const button = actions?.elements?.find((e) => e.action_id === `checkin_score_${score}`);
  if (!button) throw new Error(`no button ${score}`);
  return button.value;
}

function click(userId: string, message: StoredMessage, score: number, actionTs?: string): SlackRequestBody {
  return blockActionBody({
    userId,
    teamId: TEAM,
    actionId: `checkin_score_${score}`,
    value: buttonValue(message, score),
    blockId: 'checkin_scores',
    channelId: message.channel,
    messageTs: message.ts,
    responseUrl: slack.responseUrl(`click-${userId}-${score}-${++responseSeq}`),
    message: { text: message.text, blocks: message.blocks as unknown[] },
    ...(actionTs ? { action: { action_ts: actionTs } } : {}),
  });
}

async function responseRows(): Promise<Array<{ score: number | null; comment: string | null }>> {
  const { rows } = await database.pool.query('select score, comment from responses order by score');
  return rows;
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  slack = await startFakeSlack({ teamId: TEAM });
  slack.addUser({ id: 'UMGR', name: 'manager', tz: 'Europe/Stockholm', locale: 'en-US' });
  slack.addUser({ id: 'UANNA', name: 'anna', tz: 'America/New_York', locale: 'en-US' });
  slack.addUser({ id: 'UBEN', name: 'ben', tz: 'Asia/Kolkata', locale: 'en-GB' });
  slack.addUser({ id: 'UBOT', name: 'somebot', isBot: true });
  slack.addUser({ id: 'UGONE', name: 'gone', deleted: true });
  slack.addChannel(CHANNEL, ['UMGR', 'UANNA', 'UBEN', 'UBOT', 'UGONE'], { name: 'team' });
  app = await startApp({
    SLACK_BOT_TOKEN: 'xoxb-e2e-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}e2e${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
  });
});

afterAll(async () => {
  const code = await app?.stop();
  await slack?.close();
  await database?.close();
  expect(code).toBe(0);
});

test('setup → now → DMs to every human → click → modal → comment → status', async () => {
  expect(await pulse('UMGR', 'setup')).toMatch(/Setting up this channel as a team/);
  const team = await waitFor(async () => {
    const { rows } = await database.pool.query(
      `select t.id, count(tm.member_id)::int as n from teams t join team_members tm on tm.team_id = t.id and tm.active group by t.id`,
    );
    return rows[0]?.n === 3 ? rows[0] : null;
  }, 'the team to be synced');
  expect(team.n).toBe(3);

  expect(await pulse('UMGR', 'now')).toMatch(/on their way to 3 members/);
  await waitFor(() => ['UMGR', 'UANNA', 'UBEN'].every((u) => slack.dmOf(u).length === 1), 'three check-in DMs');
  expect(slack.dmOf('UBOT')).toHaveLength(0);
  expect(slack.dmOf('UGONE')).toHaveLength(0);
  const anna = checkinOf('UANNA');
  expect(anna.text).toMatch(/Check-in/);
  expect(JSON.stringify(anna.blocks)).toMatch(/anonymous/);

  const res = await send(click('UANNA', anna, 7));
  expect(res.status).toBe(200);
  const opened = await waitFor(() => slack.callsTo('views.open')[0], 'the comment modal');
  const view = opened.args.view as { callback_id: string; private_metadata: string };
  expect(view.callback_id).toBe('checkin_comment');
  await waitFor(() => /You answered \*7\*/.test(JSON.stringify(checkinOf('UANNA').blocks)), 'the DM to show 7');

  const submitted = await send(
    viewSubmissionBody({
      userId: 'UANNA',
      teamId: TEAM,
      callbackId: 'checkin_comment',
      privateMetadata: view.private_metadata,
      values: { comment: { comment: { type: 'plain_text_input', value: 'A good week, busy release.' } } },
      viewId: 'V0ANNA1',
    }),
  );
  expect(submitted.status).toBe(200);
  await waitFor(() => /comment is saved/.test(JSON.stringify(checkinOf('UANNA').blocks)), 'the DM to show the comment saved');
  expect(await responseRows()).toEqual([{ score: 7, comment: 'A good week, busy release.' }]);

  expect(await pulse('UMGR', 'status')).toMatch(/^1 of 3 answered/);
});

test('clicking twice keeps one answer, a redelivered click changes nothing, changing the score keeps one row', async () => {
  const ben = checkinOf('UBEN');
  const first = click('UBEN', ben, 4, '1700000000.000100');
  expect((await send(first)).status).toBe(200);
  expect((await send(first)).status).toBe(200); // the same interaction delivered again
  await waitFor(() => /You answered \*4\*/.test(JSON.stringify(checkinOf('UBEN').blocks)), 'the DM to show 4');
  expect((await send(click('UBEN', checkinOf('UBEN'), 9))).status).toBe(200);
  await waitFor(() => /You answered \*9\*/.test(JSON.stringify(checkinOf('UBEN').blocks)), 'the DM to show 9');
  const rows = await responseRows();
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.score)).toEqual([7, 9]);
  expect(await pulse('UMGR', 'status')).toMatch(/^2 of 3 answered/);
});

test("someone else's button, a non-manager's /pulse and bad commands are refused and change nothing", async () => {
  const before = await responseRows();
  const annaMessage = checkinOf('UANNA');
  const stolen = click('UBEN', annaMessage, 1);
  expect((await send(stolen)).status).toBe(200);
  await waitFor(() => slack.allResponses.some((r) => /belongs to someone else/.test(JSON.stringify(r.body))), 'the refusal');
  expect(await pulse('UANNA', 'status')).toMatch(/only this team's managers/);
  expect(await pulse('UMGR', 'schedule frii 14:00')).toMatch(/frii/);
  expect(await pulse('UMGR', 'schedule sat 10:00')).toMatch(/not one of the team's working days/);
  expect(await pulse('UMGR', 'now')).toMatch(/already open/);
  expect(await responseRows()).toEqual(before);
});

test('unsigned, wrongly signed and 6-minute-old requests get 401 and change nothing', async () => {
  const callsBefore = slack.calls.length;
  const rowsBefore = await responseRows();
  const body = click('UANNA', checkinOf('UANNA'), 1);
  const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
  const cases = [
    await send(body, {}),
    await send(body, { secret: 'not-the-secret-0123456789' }),
    await send(body, { signature: 'v0=deadbeef', timestamp: Math.floor(Date.now() / 1000) }),
    await send(body, { secret: SECRET, timestamp: sixMinutesAgo }),
    await send(slashCommandBody({ command: '/pulse', text: 'now', userId: 'UMGR', channelId: CHANNEL, teamId: TEAM, responseUrl: slack.responseUrl('x') }), {}),
  ];
  expect(cases.map((c) => c.status)).toEqual([401, 401, 401, 401, 401]);
  await new Promise((r) => setTimeout(r, 500)); // give a wrongly accepted request time to show
  expect(slack.calls.length).toBe(callsBefore);
  expect(await responseRows()).toEqual(rowsBefore);
});
