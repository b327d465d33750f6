/**
 * End to end, as a user would run it: the built app (`node dist/main/start.js all`) on the
 * real PostgreSQL and Redis, Slack requests signed like Slack signs them, and a fake Slack
 * Web API that records what the bot sent.
 */
import { Agent, get } from 'node:http';
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startWorld, type World } from '../support/e2e-world';
import { postToSlackApp, slashCommandBody, viewSubmissionBody } from '../support/slack-requests';

const TEAM = 'T0E2E';
const CHANNEL = 'C0TEAM';

let world: World;
let database: TestDatabase;

async function responseRows(): Promise<Array<{ score: number | null; comment: string | null }>> {
  const { rows } = await database.pool.query('select score, comment from responses order by score');
  return rows;
}

const shows = (user: string, pattern: RegExp) => pattern.test(JSON.stringify(world.checkinOf(user).blocks));

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [
      { id: 'UMGR', name: 'manager', tz: 'Europe/Stockholm', locale: 'en-US' },
      { id: 'UANNA', name: 'anna', tz: 'America/New_York', locale: 'en-US' },
      { id: 'UBEN', name: 'ben', tz: 'Asia/Kolkata', locale: 'en-GB' },
      { id: 'UBOT', name: 'somebot', isBot: true },
      { id: 'UGONE', name: 'gone', deleted: true },
    ],
  });
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('setup → now → DMs to every human → click → modal → comment → status', async () => {
  expect(await world.pulse('UMGR', 'setup')).toMatch(/Setting up this channel as a team/);
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === 3,
    'the team to be synced',
  );

  expect(await world.pulse('UMGR', 'now')).toMatch(/on their way to 3 members/);
  await waitFor(() => ['UMGR', 'UANNA', 'UBEN'].every((u) => world.slack.dmOf(u).length === 1), 'three check-in DMs');
  expect(world.slack.dmOf('UBOT')).toHaveLength(0);
  expect(world.slack.dmOf('UGONE')).toHaveLength(0);
  const anna = world.checkinOf('UANNA');
  expect(anna.text).toMatch(/Check-in/);
  expect(JSON.stringify(anna.blocks)).toMatch(/anonymous/);

  expect((await world.send(world.click('UANNA', anna, 7))).status).toBe(200);
  const opened = await waitFor(() => world.slack.callsTo('views.open')[0], 'the comment modal');
  expect((opened.args.view as { callback_id: string }).callback_id).toBe('checkin_comment');
  await waitFor(() => shows('UANNA', /You answered \*7\*/), 'the DM to show 7');

  expect(await world.submitModal('UANNA', { comment: 'A good week, busy release.' }, 'V0ANNA1')).toBe(200);
  await waitFor(() => shows('UANNA', /comment is saved/), 'the DM to show the comment saved');
  expect(await responseRows()).toEqual([{ score: 7, comment: 'A good week, busy release.' }]);

  expect(await world.pulse('UMGR', 'status')).toMatch(/^1 of 3 answered/);
});

test('clicking twice keeps one answer, a redelivered click changes nothing, changing the score keeps one row', async () => {
  const first = world.click('UBEN', world.checkinOf('UBEN'), 4, { actionTs: '1700000000.000100' });
  expect((await world.send(first)).status).toBe(200);
  expect((await world.send(first)).status).toBe(200); // the same interaction delivered again
  await waitFor(() => shows('UBEN', /You answered \*4\*/), 'the DM to show 4');
  expect((await world.send(world.click('UBEN', world.checkinOf('UBEN'), 9))).status).toBe(200);
  await waitFor(() => shows('UBEN', /You answered \*9\*/), 'the DM to show 9');
  const rows = await responseRows();
  expect(rows.map((r) => r.score)).toEqual([7, 9]);
  expect(await world.pulse('UMGR', 'status')).toMatch(/^2 of 3 answered/);
});

test("someone else's button, a non-manager's /pulse, a forged modal and bad commands are refused and change nothing", async () => {
  const before = await responseRows();
  expect((await world.send(world.click('UBEN', world.checkinOf('UANNA'), 1))).status).toBe(200);
  await waitFor(
    () => world.slack.allResponses.some((r) => /belongs to someone else/.test(JSON.stringify(r.body))),
    'the refusal',
  );
  const forged = await world.send(
    viewSubmissionBody({
      userId: 'UBEN',
      teamId: TEAM,
      callbackId: 'checkin_comment',
      privateMetadata: '{"d":"not-a-delivery"}',
      values: { comment: { comment: { type: 'plain_text_input', value: 'x' } } },
    }),
  );
  expect(forged.json).toMatchObject({ response_action: 'errors' });
  const tooLong = await world.send(
    viewSubmissionBody({
      userId: 'UANNA',
      teamId: TEAM,
      callbackId: 'checkin_comment',
      privateMetadata: (world.slack.callsTo('views.open')[0]!.args.view as { private_metadata: string })
        .private_metadata,
      values: { comment: { comment: { type: 'plain_text_input', value: 'x'.repeat(2001) } } },
    }),
  );
  expect(JSON.stringify(tooLong.json)).toMatch(/keep it to 2000 characters/);
  expect(await world.pulse('UANNA', 'status')).toMatch(/only this team's managers/);
  expect(await world.pulse('UMGR', 'schedule frii 14:00')).toMatch(/frii/);
  expect(await world.pulse('UMGR', 'schedule sat 10:00')).toMatch(/not one of the team's working days/);
  expect(await world.pulse('UMGR', 'now')).toMatch(/already open/);
  expect(await responseRows()).toEqual(before);
});

test('unsigned, wrongly signed and 6-minute-old requests get 401 and change nothing', async () => {
  const callsBefore = world.slack.calls.length;
  const rowsBefore = await responseRows();
  const body = world.click('UANNA', world.checkinOf('UANNA'), 1);
  const url = `${world.app.url}/slack/events`;
  const now = Math.floor(Date.now() / 1000);
  const cases = [
    await postToSlackApp(url, body),
    await postToSlackApp(url, { ...body, secret: 'not-the-secret-0123456789' }),
    await postToSlackApp(url, { ...body, signature: 'v0=deadbeef', timestamp: now }),
    await postToSlackApp(url, { ...body, secret: world.secret, timestamp: now - 6 * 60 }),
    await postToSlackApp(
      url,
      slashCommandBody({
        command: '/pulse',
        text: 'now',
        userId: 'UMGR',
        channelId: CHANNEL,
        teamId: TEAM,
        responseUrl: world.slack.responseUrl('x'),
      }),
    ),
  ];
  expect(cases.map((c) => c.status)).toEqual([401, 401, 401, 401, 401]);
  await new Promise((r) => setTimeout(r, 500)); // give a wrongly accepted request time to show
  expect(world.slack.calls.length).toBe(callsBefore);
  expect(await responseRows()).toEqual(rowsBefore);
});

test('the web keeps idle connections 65 s (longer than a load balancer does), and says so', async () => {
  const { port } = new URL(world.app.url);
  const keepAlive = await new Promise<string | string[] | undefined>((resolve, reject) => {
    const agent = new Agent({ keepAlive: true });
    get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
      res.resume();
      res.on('end', () => {
        agent.destroy();
        resolve(res.headers['keep-alive']);
      });
    }).on('error', reject);
  });
  expect(keepAlive).toBe('timeout=65');
});

test('/metrics exposes the named series, and they moved with the scenario', async () => {
  const res = await fetch(`${world.app.url}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  const value = (series: string) =>
    Number(new RegExp(`^${series.replace(/[{}"/]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  expect(value('symmetry_http_requests_total{route="/slack/events",status="200"}')).toBeGreaterThan(5);
  expect(value('symmetry_http_requests_total{route="/slack/events",status="401"}')).toBeGreaterThanOrEqual(5);
  expect(value('symmetry_http_ack_seconds_count{route="/slack/events"}')).toBeGreaterThan(5);
  expect(value('symmetry_dms_sent_total{kind="checkin"}')).toBe(3);
  expect(value('symmetry_answers_total{kind="score"}')).toBeGreaterThanOrEqual(3);
  expect(value('symmetry_answers_total{kind="comment"}')).toBe(1);
  expect(text).toMatch(/^symmetry_jobs\{queue="symmetry-platform",state="completed"\} \d+/m);
  expect(text).toMatch(/^# TYPE symmetry_platform_rate_limited_total counter/m);
  expect(text).toMatch(/^# TYPE symmetry_kudos_total counter/m);
  // The event-loop lag docs/operations.md tells operators to alert on (time a request waits before the ack histogram starts).
  expect(value('symmetry_process_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
  // Counts only: no person and no answer in any label.
  expect(text).not.toMatch(/UANNA|UBEN|UMGR|busy release/);
});
