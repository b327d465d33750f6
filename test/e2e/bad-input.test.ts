/**
 * Bad input, table-driven, through the real HTTP receiver: every case gets a clear answer (or the
 * quiet 200 Slack expects) and leaves every table of the database exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startWorld, type World } from '../support/e2e-world';
import {
  blockActionBody,
  eventCallbackBody,
  postToSlackApp,
  signSlackRequest,
  slashCommandBody,
  viewSubmissionBody,
  type SlackRequestBody,
} from '../support/slack-requests';

const TEAM = 'T0BAD';
const CHANNEL = 'C0BAD';

let world: World;
let database: TestDatabase;
let deliveryOfAnna: string;

/** Every row of every table, as text: the database is "unchanged" when this is. */
async function snapshot(): Promise<string> {
  const { rows: tables } = await database.pool.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1");
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await database.pool.query<{ row: string }>(`select row_to_json(t)::text as row from "${name}" t order by 1`);
    parts.push(`${name}: ${rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
}

const now = () => Math.floor(Date.now() / 1000);
const raw = (body: string, contentType: SlackRequestBody['contentType']): SlackRequestBody => ({ body, contentType });
const form = (fields: Record<string, string>) => raw(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
const command = (text: string, extra: Partial<Parameters<typeof slashCommandBody>[0]> = {}) =>
  slashCommandBody({ command: '/pulse', text, userId: 'UMGR', channelId: CHANNEL, teamId: TEAM, responseUrl: world.slack.responseUrl(`bad-${randomUUID()}`), ...extra });
const click = (userId: string, value: string) =>
  blockActionBody({ userId, teamId: TEAM, actionId: 'checkin_score_5', value, channelId: 'D0X', messageTs: '1.1', responseUrl: world.slack.responseUrl(`bad-${randomUUID()}`) });

interface Case {
  name: string;
  body: () => SlackRequestBody;
  sign?: 'none' | 'forged' | 'stale' | 'v1';
  status: number;
  /** What the person is told: in the HTTP answer, or at the response_url. */
  says?: RegExp;
}

const cases: Case[] = [
  { name: 'no signature', body: () => command('status'), sign: 'none', status: 401 },
  { name: 'forged signature', body: () => command('status'), sign: 'forged', status: 401 },
  { name: 'stale signature (6 minutes)', body: () => command('status'), sign: 'stale', status: 401 },
  { name: 'wrong signature version', body: () => command('status'), sign: 'v1', status: 401 },
  { name: 'forged signature on an event', body: () => eventCallbackBody(TEAM, { type: 'member_joined_channel', user: 'UEVIL', channel: CHANNEL }), sign: 'forged', status: 401 },
  { name: 'malformed JSON body', body: () => raw('{"type": "event_callback", ', 'application/json'), status: 400 },
  { name: 'JSON that is not an object', body: () => raw('[1,2,3]', 'application/json'), status: 404 },
  { name: 'form payload that is not JSON', body: () => form({ payload: '{not json' }), status: 400 },
  { name: 'empty form', body: () => form({}), status: 404 },
  { name: 'unknown event type', body: () => eventCallbackBody(TEAM, { type: 'totally_new_event', user: 'UMGR' }), status: 200 },
  { name: 'event envelope without an event', body: () => raw(JSON.stringify({ type: 'event_callback', team_id: TEAM, event_id: 'Ev1' }), 'application/json'), status: 404 },
  { name: 'unknown action id', body: () => blockActionBody({ userId: 'UMGR', teamId: TEAM, actionId: 'mystery_button', value: 'x', channelId: CHANNEL, messageTs: '1.1', responseUrl: world.slack.responseUrl('x') }), status: 200 },
  { name: 'unknown view callback', body: () => viewSubmissionBody({ userId: 'UMGR', teamId: TEAM, callbackId: 'mystery_modal', values: {} }), status: 200 },
  { name: 'unknown slash command', body: () => slashCommandBody({ command: '/whatever', text: 'x', userId: 'UMGR', channelId: CHANNEL, teamId: TEAM, responseUrl: world.slack.responseUrl('x') }), status: 200, says: /not a Symmetry command/ },
  { name: 'score above 10', body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: 11 })), status: 200, says: /scores go from 1 to 10/ },
  { name: 'score below 1', body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: 0 })), status: 200, says: /scores go from 1 to 10/ },
  { name: 'score that is not a number', body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: '7; drop table responses' })), status: 200, says: /scores go from 1 to 10/ },
  { name: 'button value that is not JSON', body: () => click('UANNA', "'); DROP TABLE responses;--"), status: 200, says: /scores go from 1 to 10/ },
  { name: "another person's check-in", body: () => click('UBEN', JSON.stringify({ d: deliveryOfAnna, s: 3 })), status: 200, says: /belongs to someone else/ },
  { name: 'a delivery that does not exist', body: () => click('UANNA', JSON.stringify({ d: randomUUID(), s: 3 })), status: 200, says: /belongs to someone else/ },
  {
    name: 'comment over 2,000 characters',
    body: () => viewSubmissionBody({ userId: 'UANNA', teamId: TEAM, callbackId: 'checkin_comment', privateMetadata: JSON.stringify({ d: deliveryOfAnna }), values: { comment: { comment: { type: 'plain_text_input', value: 'é'.repeat(2001) } } } }),
    status: 200,
    says: /keep it to 2000 characters \(this is 2001\)/,
  },
  { name: 'modal with forged metadata', body: () => viewSubmissionBody({ userId: 'UANNA', teamId: TEAM, callbackId: 'checkin_comment', privateMetadata: '<script>', values: {} }), status: 200, says: /belongs to someone else/ },
  { name: 'unicode subcommand', body: () => command('ѕеtuр'), status: 200, says: /is not a command/ },
  { name: 'right-to-left text', body: () => command('جدول الجمعة 14:00'), status: 200, says: /is not a command/ },
  { name: '10 KB argument', body: () => command(`ask ${'x'.repeat(10_240)}`), status: 200, says: /takes at most 4000/ },
  { name: 'SQL meta-characters', body: () => command("schedule fri 14:00'; DROP TABLE teams;--"), status: 200, says: /not a time|not a day|DROP/ },
  { name: 'shell meta-characters', body: () => command('config timezone $(reboot)'), status: 200, says: /time zone/ },
  { name: 'bad hour', body: () => command('schedule fri 25:00'), status: 200, says: /is not a time/ },
  { name: 'threshold below 3', body: () => command('config threshold 2'), status: 200, says: /threshold/ },
  { name: 'kudos to a user of another workspace', body: () => slashCommandBody({ command: '/kudos', text: '<@UELSEWHERE> for the help', userId: 'UMGR', channelId: CHANNEL, teamId: TEAM, responseUrl: world.slack.responseUrl(`bad-${randomUUID()}`) }), status: 200, says: /cannot find <@UELSEWHERE>/ },
  { name: 'kudos without a reason', body: () => slashCommandBody({ command: '/kudos', text: '<@UBEN>', userId: 'UMGR', channelId: CHANNEL, teamId: TEAM, responseUrl: world.slack.responseUrl(`bad-${randomUUID()}`) }), status: 200, says: /reason/ },
  { name: 'a request from another workspace', body: () => command('now', { teamId: 'T0INTRUDER' }), status: 200, says: /installed in another workspace/ },
  { name: 'an event from another workspace', body: () => eventCallbackBody('T0INTRUDER', { type: 'member_joined_channel', user: 'UEVIL', channel: CHANNEL, team: 'T0INTRUDER' }), status: 200 },
];

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: ['UMGR', 'UANNA', 'UBEN'].map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Madrid' })),
  });
  await world.pulse('UMGR', 'setup');
  await waitFor(async () => (await database.pool.query('select count(*)::int as n from team_members')).rows[0].n === 3, 'the team');
  await world.pulse('UMGR', 'now');
  // Settled before the table starts: every DM sent, so no background job changes a snapshot.
  await waitFor(async () => (await database.pool.query("select count(*)::int as n from deliveries where state = 'sent'")).rows[0].n === 3, 'three check-ins sent');
  deliveryOfAnna = JSON.parse(JSON.parse(JSON.stringify(world.checkinOf('UANNA').blocks))[1].elements[0].value).d;
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('at least 30 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const before = await snapshot();
  const body = c.body();
  const responsesBefore = world.slack.allResponses.length;
  const ts = c.sign === 'stale' ? now() - 6 * 60 : now();
  const signature =
    c.sign === 'none' ? undefined : c.sign === 'forged' ? signSlackRequest('not-the-secret', ts, body.body) : c.sign === 'v1' ? signSlackRequest(world.secret, ts, body.body).replace('v0=', 'v1=') : signSlackRequest(world.secret, ts, body.body);
  const res = await postToSlackApp(`${world.app.url}/slack/events`, { ...body, ...(signature ? { signature, timestamp: ts } : {}) });
  expect(res.status).toBe(c.status);
  if (c.says) {
    const told = await waitFor(
      () => {
        const answers = [res.text, ...world.slack.allResponses.slice(responsesBefore).map((r) => JSON.stringify(r.body))].join('\n');
        return c.says!.test(answers) ? answers : null;
      },
      `the answer to "${c.name}"`,
      5000,
    );
    expect(told).toMatch(c.says);
  }
  await new Promise((r) => setTimeout(r, 150)); // a wrongly queued job would have written by now
  expect(await snapshot()).toBe(before);
});
