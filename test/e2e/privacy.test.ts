/**
 * Privacy end to end: the anonymity audit over every table and every log line (at debug level),
 * secrets and comments never in the logs (also when a Slack call fails and a comment job fails),
 * `/pulse export` under the threshold, `/pulse forget-me`.
 */
import { waitFor } from '../support/app-process';
import { findLinks, type KnownAnswer } from '../support/anonymity-scan';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { savedScoreIn, startWorld, type World } from '../support/e2e-world';
import { eventCallbackBody, reactionAddedEvent } from '../support/slack-requests';

const TEAM = 'T0PRIV';
const CHANNEL = 'C0PRIV';
const ANSWERS: KnownAnswer[] = [
  { platformUserId: 'UMGR', score: 8, texts: ['Proud of how we handled the outage together'] },
  { platformUserId: 'UAMY', score: 3, texts: ['Exhausted after three weeks of on-call duty'] },
  { platformUserId: 'UBAS', score: 6, texts: ['Fine week, looking forward to the offsite'] },
];
/** Whose comment job meets a failing Slack call: twice, before it goes through. */
const FAILING = ANSWERS[2]!;

let world: World;
let database: TestDatabase;

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: ANSWERS.map((a) => ({ id: a.platformUserId, name: a.platformUserId.toLowerCase(), tz: 'Europe/Oslo' })),
    env: { LOG_LEVEL: 'debug' },
  });
  await world.pulse('UMGR', 'setup');
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from team_members')).rows[0].n === 3,
    'the team',
  );
  await world.pulse('UMGR', 'config threshold 3');
  await world.pulse('UMGR', 'now');
  await waitFor(() => ANSWERS.every((a) => world.slack.dmOf(a.platformUserId).length === 1), 'the check-ins');
  for (const a of ANSWERS) {
    const opened = world.slack.callsTo('views.open').length;
    await world.send(world.click(a.platformUserId, world.checkinOf(a.platformUserId), a.score));
    await waitFor(() => world.slack.callsTo('views.open').length > opened, 'the modal');
    if (a === FAILING) {
      // Once the DM shows the score, the next chat.update is the comment job's: it fails with an HTTP 500,
      // then with invalid_auth (a call made with the bot token refused), and goes through on the third attempt.
      await waitFor(() => savedScoreIn(world.checkinOf(a.platformUserId)) === a.score, `${a.platformUserId}'s score`);
      world.slack.failNext('chat.update', 1, { status: 500 });
      world.slack.failNext('chat.update', 1, { error: 'invalid_auth' });
    }
    await world.submitModal(a.platformUserId, { comment: a.texts[0]! });
    await waitFor(
      () => JSON.stringify(world.checkinOf(a.platformUserId).blocks).includes('comment is saved'),
      `${a.platformUserId}'s comment`,
    );
  }
  // A kudos from Amy to Bas, to see what forget-me does with it.
  const message = world.slack.postAs('UBAS', CHANNEL, 'Runbook updated');
  await world.send(
    eventCallbackBody(
      TEAM,
      reactionAddedEvent({ user: 'UAMY', reaction: 'clap', channel: CHANNEL, ts: message.ts, itemUser: 'UBAS' }),
      { eventId: 'Ev0PRIV1' },
    ),
  );
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from kudos')).rows[0].n === 1,
    'the kudos',
  );
  await database.pool.query(`update rounds set closes_at = now() - interval '1 minute'`);
  await waitFor(
    async () => (await database.pool.query(`select summary_state from rounds`)).rows[0]?.summary_state === 'posted',
    'the summary',
    20_000,
  );
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('the audit finds a planted link, so it can fail', async () => {
  const planted = `{"member":"UAMY","score":3}\nuser UBAS said ${ANSWERS[2]!.texts[0]}`;
  expect(await findLinks(database.pool, ANSWERS, planted)).toHaveLength(2);
});

test('anonymity audit: no table row and no log line (at debug level) pairs a person with their answer', async () => {
  const logs = world.app.output();
  expect(logs.split('\n').length).toBeGreaterThan(30); // there is something to scan
  expect(await findLinks(database.pool, ANSWERS, logs)).toEqual([]);
});

/** Every JSON line the app printed, parsed. */
function logEntries(): Array<Record<string, unknown>> {
  return world.app
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Every value under a key named token, authorization, comment or score, at any depth of an entry. */
function sensitiveValues(value: unknown, out: unknown[] = []): unknown[] {
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (/^(token|authorization|comment|score)$/i.test(key)) out.push(v);
      sensitiveValues(v, out);
    }
  }
  return out;
}

test('secrets and comments never reach the logs at debug level, also when a Slack call fails and a comment job fails', () => {
  const entries = logEntries();
  // The failures happened and were logged: the comment job failed twice (an HTTP 500, then invalid_auth).
  const failed = entries.filter((e) => e.msg === 'job failed' && e.job === 'record-comment');
  expect(failed.map((e) => e.err)).toEqual(['platform_error', 'platform_error']);
  const refused = entries
    .filter((e) => e.msg === 'the chat platform refused a call' && e.job === 'record-comment')
    .map((e) => e.platformError);
  expect(refused).toEqual(['slack_webapi_http_error', 'invalid_auth']);
  expect(JSON.stringify(world.checkinOf(FAILING.platformUserId).blocks)).toContain('comment is saved');

  const logs = world.app.output();
  expect(logs).not.toContain('xoxb-e2e-token');
  expect(logs).not.toContain(world.secret);
  expect(logs).not.toContain(world.env.ANONYMITY_SECRET!);
  expect(logs).not.toMatch(/ANONYMITY_SECRET=|[0-9a-f]{64}/);
  for (const a of ANSWERS) expect(logs).not.toContain(a.texts[0]);
  // A field of these names, wherever it appears, is censored (today the app logs none: ids and error codes only).
  expect(sensitiveValues(entries).filter((v) => v !== '[redacted]')).toEqual([]);
});

test('/pulse export: a CSV of whole rounds, sent privately to the manager; others are refused', async () => {
  expect(await world.pulse('UAMY', 'export')).toMatch(/only this team's managers/);
  expect(await world.pulse('UMGR', 'export')).toMatch(/Preparing the export/);
  const upload = await waitFor(
    () => world.slack.uploads.find((u) => u.content.includes('round_closed')),
    'the CSV upload',
  );
  expect(upload.content).toContain('round_closed,period,withheld,invited,respondents,response_rate,mood_average');
  expect(upload.content).toMatch(/,no,3,3,1\.00,5\.7,/); // (8+3+6)/3
  // The file is shared once its upload completes (a later call than the bytes): wait for that share, then check where it went.
  const dm = world.slack.dmChannelOf('UMGR')!;
  await waitFor(
    () => world.slack.filesIn(dm).some((f) => f.upload?.fileId === upload.fileId),
    "the CSV to be shared in the manager's DM",
  );
  // The CSV itself was shared once, and only there (the summary's chart goes to the channel, as it should).
  const sharesOfCsv = world.slack
    .callsTo('files.completeUploadExternal')
    .filter((c) => (c.args.files as Array<{ id: string }>).some((f) => f.id === upload.fileId));
  expect(sharesOfCsv.map((c) => c.args.channel_id)).toEqual([dm]);
  // Under the threshold the same round is exported without a single number.
  await world.pulse('UMGR', 'config threshold 5');
  await world.pulse('UMGR', 'export');
  const withheld = await waitFor(
    () => world.slack.uploads.filter((u) => u.content.includes('round_closed')).at(1),
    'the second CSV',
  );
  expect(withheld.content).toMatch(/,yes,,,,,,,,/);
  expect(withheld.content).not.toMatch(/5\.7/);
});

test("/pulse forget-me deletes the caller's answers, check-ins and membership, and anonymizes their kudos", async () => {
  const reply = await world.pulse('UAMY', 'forget-me');
  expect(reply).toMatch(
    /Removed: 1 answer\(s\), 1 check-in record\(s\), your membership of 1 team\(s\) and your settings; 1 kudos/,
  );
  expect(
    (await database.pool.query("select count(*)::int as n from members where platform_user_id = 'UAMY'")).rows[0].n,
  ).toBe(0);
  expect((await database.pool.query('select score from responses order by score')).rows.map((r) => r.score)).toEqual([
    6, 8,
  ]);
  expect((await database.pool.query('select count(*)::int as n from deliveries')).rows[0].n).toBe(2);
  const { rows } = await database.pool.query('select giver, recipient from kudos');
  expect(rows[0].giver).toMatch(/^forgotten:/);
  expect(rows[0].recipient).toBe('UBAS');
  expect(JSON.stringify(rows)).not.toContain('UAMY');
  expect(await world.pulse('UAMY', 'mine')).toMatch(/no check-in answers/);
});
