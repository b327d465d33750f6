/**
 * End to end: customer signals through POST /api/signals on the running app (token, strict
 * validation, nothing stored from a bad batch, duplicates upserted), then `/pulse symmetry` and
 * `/pulse summary` reading team mood beside customer satisfaction, with the correlation caveat;
 * their charts arriving in the manager's DM (only when a round shows a mood, never for a teammate),
 * and the chart posted under a summary.
 */
import { randomBytes } from 'node:crypto';
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { pngIn } from '../../src/sandbox/simulation';
import { startWorld, watchQueues, type QueueWatch, type World } from '../support/e2e-world';
import { decodePng } from '../support/png';
import { seedClosedRounds, type SeededRound } from '../support/symmetry-seed';

const TEAM = 'T0SYM';
const CHANNEL = 'C0SYMMETRY';
const PEOPLE = ['UMGR', 'UA', 'UB'];
const TOKEN = randomBytes(24).toString('hex');
const MOODS = [6.0, 6.4, 7.0, 6.2, 7.4, 7.8, 6.6, 8.0];

/** The reply's second sentence when a chart is on its way to the caller's DM. */
const CHART_COMING = 'The trend chart (PNG) is on its way to your messages with Symmetry.';

let world: World;
let database: TestDatabase;
let queues: QueueWatch;

/** Every send-chart job BullMQ holds (waiting, running, done or failed). */
async function chartJobs() {
  const jobs = await queues.jobs('platform', ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed']);
  return jobs.filter((j) => j.name === 'send-chart');
}

function postSignals(body: unknown, token: string | null = TOKEN) {
  return fetch(`${world.app.url}/api/signals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
}

async function storedCount(): Promise<number> {
  return (await database.pool.query('select count(*)::int as n from customer_signals')).rows[0].n;
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: PEOPLE.map((id) => ({ id, name: id.toLowerCase(), tz: 'UTC', locale: 'en-US' })),
    env: { SIGNALS_TOKEN: TOKEN },
  });
  queues = watchQueues(world.env);
});

afterAll(async () => {
  await queues?.close();
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

let rounds: SeededRound[];

test('before any round: /pulse symmetry says there is nothing yet', async () => {
  await world.pulse('UMGR', 'setup');
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n ===
      PEOPLE.length,
    'the team',
  );
  expect(await world.pulse('UMGR', 'symmetry')).toMatch(/No round has closed yet/);
  const { rows } = await database.pool.query<{ id: string }>('select id from teams where channel_id = $1', [CHANNEL]);
  // The running app reads its own clock: the rounds close before it (every figure below is placed relative to them).
  rounds = await seedClosedRounds(database.pool, rows[0]!.id, MOODS, new Date());
});

test('POST /api/signals: 401 without or with a wrong token; bad items and unknown teams refuse the whole batch', async () => {
  const item = { team: CHANNEL, metric: 'csat', value: 80, at: new Date().toISOString() };
  expect((await postSignals(item, null)).status).toBe(401);
  expect((await postSignals(item, 'x'.repeat(48))).status).toBe(401);
  for (const [bad, field] of [
    [{ ...item, metric: 'ces' }, 'metric'],
    [{ ...item, value: 140 }, 'value'],
    [{ ...item, at: 'last friday' }, 'at'],
    [{ ...item, responses: -3 }, 'responses'],
    [{ ...item, team: 'CUNKNOWN' }, 'team'],
  ] as const) {
    const res = await postSignals([item, item, bad]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: Array<{ index: number; field: string }> };
    expect(body.problems).toEqual([expect.objectContaining({ index: 2, field })]);
  }
  expect(await storedCount()).toBe(0);
});

test('a week of signals per round goes in whole, a re-sent day is upserted, and /pulse symmetry reads it', async () => {
  const at = (i: number) => new Date(rounds[i]!.closesAt.getTime() - 86_400_000).toISOString();
  // Customers follow the mood one round later: csat[i+1] = 70 + 10·(mood[i] − 6).
  const batch = [
    { team: CHANNEL, metric: 'csat', value: 75, responses: 20, at: at(0), source: 'zendesk' },
    ...MOODS.slice(0, -1).map((m, i) => ({
      team: CHANNEL,
      metric: 'csat',
      value: 70 + 10 * (m - 6),
      responses: 20,
      at: at(i + 1),
      source: 'zendesk',
    })),
  ];
  const res = await postSignals(batch);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ stored: 8 });
  // The nightly export runs again with the same figures: replaced, not added.
  expect((await postSignals(batch)).status).toBe(200);
  expect(await storedCount()).toBe(8);

  // Every summary carries the symmetry line for its round, read at the team's lag: the same round by default.
  // Same-round pairs: mood 6.0 6.4 7.0 6.2 7.4 7.8 6.6 8.0 beside CSAT 75 70 74 80 72 84 88 76; by Python's
  // statistics.correlation r = 0.07, and with n = 8 the 95% interval is −0.67 … 0.74: no direction may be claimed.
  const summary = await world.command('UMGR', '/pulse', 'summary');
  const summaryText = JSON.stringify(summary.blocks);
  expect(summaryText).toContain('Average mood: *8.0* / 10');
  expect(summaryText).toContain('*Symmetry*: team mood beside customer satisfaction');
  expect(summaryText).toContain('Customer CSAT (same round): r = 0.07, 95% interval -0.67 to 0.74, n = 8 rounds.');
  expect(summaryText).toContain('Not enough evidence yet of a relation with customer CSAT');
  expect(summaryText).toContain('takes about 62 (r = 0.35) to 194 (r = 0.2) rounds');
  expect(summaryText).not.toMatch(/moved together|opposite directions/);

  // A value other than 0 or 1 is refused and changes nothing.
  expect(await world.pulse('UMGR', 'config symmetry-lag 2')).toContain('/pulse config symmetry-lag 1');
  expect(await world.pulse('UMGR', 'config')).toContain('symmetry-lag: 0');
  // The lag is fixed in advance: with a correlation already shown at lag 0, another lag is refused.
  expect(await world.pulse('UMGR', 'config symmetry-lag 1')).toContain('The customer lag stays at 0');
  expect(await world.pulse('UMGR', 'config')).toContain('symmetry-lag: 0');
  // Before any customer figure (as for a team choosing it before its first rounds) the lag can be chosen.
  await database.pool.query('delete from customer_signals');
  expect(await world.pulse('UMGR', 'config symmetry-lag 1')).toContain('symmetry-lag: 1');
  expect((await postSignals(batch)).status).toBe(200);

  const reply = await world.command('UMGR', '/pulse', 'symmetry 8');
  expect(reply.text).toMatch(/Team mood beside customer satisfaction, last 8 round/);
  expect(reply.text).toContain(CHART_COMING);
  const text = JSON.stringify(reply.blocks);
  expect(text).toContain('mood *8.0* / 10 (▲1.4) · CSAT *76%* (▼12)');
  // Customers follow the mood one round later exactly: 7 lagged pairs, r = 1.
  expect(text).toContain(
    'Customer CSAT (customers one round later): r = 1.00, 95% interval 1.00 to 1.00, n = 7 rounds.',
  );
  expect(text).toContain('The whole interval is above 0: team mood and customer CSAT have moved together so far.');
  expect(text).not.toContain('same round');
  expect(text).toContain('Correlation is not cause');

  // Fewer rounds: how many more lagged pairs are needed; and only managers may ask.
  expect(JSON.stringify((await world.command('UMGR', '/pulse', 'symmetry 3')).blocks)).toContain(
    '4 more rounds with both a team mood and a customer figure are needed',
  );
  expect(await world.pulse('UA', 'symmetry')).toMatch(/only this team's managers/);
});

test("each of those replies brings its chart to the manager's DM as a PNG; the refused teammate gets no chart job", async () => {
  const dm = world.slack.dmChannelOf('UMGR')!;
  // symmetry 8, summary, symmetry 3: three charts, each a file shared into the DM with the bytes of an 800 × 400 PNG.
  const files = await waitFor(
    () => (world.slack.filesIn(dm).length === 3 ? world.slack.filesIn(dm) : null),
    'three charts in the DM',
    20_000,
  );
  const names = world.slack.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename));
  expect(names.filter((n) => n.startsWith('pulse-symmetry-')).length).toBe(2);
  expect(names.filter((n) => n.startsWith('pulse-summary-')).length).toBe(1);
  for (const file of files) {
    expect(file.title).toBe('Team mood and customer satisfaction');
    // The channel, then the chart's caption: the reading it shows, with n and its interval (or what is missing).
    expect(file.comment!.split('\n')[0]).toBe(`<#${CHANNEL}>`);
    expect(file.comment!.split('\n')[1]).toMatch(/^Customer CSAT\b/);
    const png = decodePng(pngIn(file.upload!.data)!);
    expect([png.width, png.height]).toEqual([800, 400]);
  }
  const comments = files.map((file) => file.comment);
  expect(comments).toContainEqual(
    expect.stringContaining(
      'Customer CSAT (customers one round later): r = 1.00 [1.00, 1.00], n = 7: moving together so far',
    ),
  );
  expect(comments).toContainEqual(expect.stringContaining('Customer CSAT: 4 more rounds'));
  const jobs = await chartJobs();
  expect(jobs.map((j) => j.data.platformUserId)).toEqual(['UMGR', 'UMGR', 'UMGR']);
  expect(new Set(jobs.map((j) => JSON.stringify(Object.keys(j.data).sort())))).toEqual(
    new Set([JSON.stringify(['platformUserId', 'requestedAt', 'rounds', 'teamId', 'view'])]),
  );
});

test('the threshold still applies: raising k hides every mood and the correlation waits', async () => {
  expect(await world.pulse('UMGR', 'config threshold 6')).toMatch(/threshold: 6/);
  const before = (await chartJobs()).length;
  const reply = await world.command('UMGR', '/pulse', 'symmetry 8');
  const text = JSON.stringify(reply.blocks);
  expect(text).not.toMatch(/mood \*/);
  expect(text.match(/mood not shown/g)).toHaveLength(8);
  expect(text).toContain('6 more rounds');
  // No round shows a mood: no chart, and the reply does not mention one.
  expect(reply.text).not.toContain(CHART_COMING);
  expect((await world.command('UMGR', '/pulse', 'summary 2')).text).not.toContain(CHART_COMING);
  expect(await chartJobs()).toHaveLength(before);
});

test('a round that closes posts its summary with the symmetry line and the trend chart (PNG) in its thread', async () => {
  expect(await world.pulse('UMGR', 'config threshold 5')).toMatch(/threshold: 5/);
  const { rows } = await database.pool.query<{ id: string }>('select id from teams where channel_id = $1', [CHANNEL]);
  const teamId = rows[0]!.id;
  const opened = await database.pool.query<{ id: string }>(
    `insert into rounds (team_id, period, kind, opens_at, closes_at) values ($1, 'e2e-chart', 'manual', now() - interval '1 day', now() - interval '1 minute') returning id`,
    [teamId],
  );
  for (const score of [7, 7, 8, 8, 9]) {
    await database.pool.query(
      `insert into responses (round_id, team_id, question_id, respondent_hash, score) values ($1, $2, 'mood', $3, $4)`,
      [opened.rows[0]!.id, teamId, randomBytes(8).toString('hex'), score],
    );
  }
  const upload = await waitFor(
    () => world.slack.callsTo('files.completeUploadExternal').find((c) => c.args.channel_id === CHANNEL),
    'the chart upload',
    20_000,
  );
  const summary = world.slack
    .messagesIn(CHANNEL)
    .find(
      (m) =>
        String((m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '') ===
        `summary-${opened.rows[0]!.id}`,
    );
  expect(JSON.stringify(summary?.blocks)).toContain('Average mood: *7.8* / 10');
  expect(JSON.stringify(summary?.blocks)).toContain('*Symmetry*: team mood beside customer satisfaction');
  expect(upload.args).toMatchObject({ channel_id: CHANNEL, thread_ts: summary!.ts });
  const requested = world.slack
    .callsTo('files.getUploadURLExternal')
    .map((c) => c.args as { filename: string; length: number })
    .filter((a) => /^pulse-\d{4}-\d\d-\d\d\.png$/.test(a.filename));
  expect(requested).toHaveLength(1);
  expect(Number(requested[0]!.length)).toBeGreaterThan(5000);
  expect(world.slack.filesIn(CHANNEL)).toEqual([expect.objectContaining({ threadTs: summary!.ts })]);
  expect(decodePng(pngIn(world.slack.filesIn(CHANNEL)[0]!.upload!.data)!).width).toBe(800);
});
