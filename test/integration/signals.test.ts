/**
 * Customer signals on the real database: validation refuses a bad batch whole, a batch is stored
 * atomically, a repeated (team, metric, source, day) is replaced; the CSV import is all or nothing;
 * the HTTP handler's token rules; and the symmetry view of seeded rounds.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TEAM_SETTINGS, type Team } from '../../src/core/model';
import { recordSignals } from '../../src/core/use-cases/signals';
import { loadSymmetry } from '../../src/core/use-cases/round-history';
import { summaryMessage } from '../../src/core/use-cases/summaries';
import { symmetryText } from '../../src/core/symmetry';
import { importSignalsCsv } from '../../src/main/import-signals';
import { createSignalsHandler } from '../../src/main/signals-http';
import { ManualClock } from '../../src/core/clock';
import type { WebDeps } from '../../src/core/use-cases/deps';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { seedClosedRounds } from '../support/symmetry-seed';

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** The test's own clock: a fixed Thursday noon UTC (the seeded rounds close a day before it). */
const NOW = new Date('2026-03-12T12:00:00Z');
const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};

async function seedTeam(): Promise<Team> {
  const ws = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
  const { team } = await t.repos.teams.ensure({
    workspaceId: ws.id,
    channelId: `C${randomUUID().slice(0, 8).toUpperCase()}`,
    managers: ['U0'],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  return team;
}

async function stored(
  teamId: string,
): Promise<Array<{ metric: string; value: number; responses: number; day: string; source: string }>> {
  const { rows } = await t.pool.query(
    `select metric, value, responses, to_char(day, 'YYYY-MM-DD') as day, source from customer_signals where team_id = $1 order by day, metric, source`,
    [teamId],
  );
  return rows;
}

test('each kind of malformed item refuses the whole batch, naming the item and field; nothing is stored', async () => {
  const team = await seedTeam();
  const good = { team: team.channelId, metric: 'csat', value: 88, responses: 40, at: '2026-03-06T17:00:00Z' };
  const cases: Array<[unknown, string]> = [
    [{ ...good, metric: 'ces' }, 'metric'],
    [{ ...good, value: 101 }, 'value'],
    [{ ...good, metric: 'nps', value: -101 }, 'value'],
    [{ ...good, value: '88' }, 'value'],
    [{ ...good, responses: 0 }, 'responses'],
    [{ ...good, responses: 2.5 }, 'responses'],
    [{ ...good, at: '2026-03-06' }, 'at'],
    [{ ...good, at: 'yesterday' }, 'at'],
    [{ ...good, team: '' }, 'team'],
    [{ ...good, source: 'has spaces' }, 'source'],
    [{ ...good, extra: 1 }, 'extra'],
    [(({ value: _v, ...rest }) => rest)(good), 'value'],
    [{ ...good, team: 'CNOSUCHTEAM' }, 'team'],
  ];
  for (const [bad, field] of cases) {
    const result = await recordSignals(t.repos.signals, [good, bad]);
    expect(result.ok).toBe(false);
    if (result.ok) continue;
    expect(result.problems).toEqual([expect.objectContaining({ index: 1, field })]);
  }
  const notObject = await recordSignals(t.repos.signals, [good, 42]);
  expect(notObject).toEqual({ ok: false, problems: [{ index: 1, field: '', message: 'must be an object' }] });
  expect(await stored(team.id)).toEqual([]);
});

test('a batch is stored whole; a repeated team, metric, source and day replaces the stored value', async () => {
  const team = await seedTeam();
  const other = await seedTeam();
  const first = await recordSignals(t.repos.signals, [
    { team: team.channelId, metric: 'csat', value: 80, responses: 10, at: '2026-03-06T08:00:00Z' },
    { team: team.channelId, metric: 'nps', value: -12.5, at: '2026-03-06T23:30:00-02:00' }, // 2026-03-07 UTC
    { team: other.channelId, metric: 'csat', value: 91, at: '2026-03-06T08:00:00Z', source: 'zendesk' },
  ]);
  expect(first).toEqual({ ok: true, stored: 3 });
  // Same day and source again (the nightly export re-run, with a later figure); same day, other source kept apart.
  expect(
    await recordSignals(t.repos.signals, {
      team: team.channelId,
      metric: 'csat',
      value: 84,
      responses: 12,
      at: '2026-03-06T20:00:00Z',
    }),
  ).toEqual({ ok: true, stored: 1 });
  expect(
    await recordSignals(t.repos.signals, {
      team: team.channelId,
      metric: 'csat',
      value: 70,
      at: '2026-03-06T20:00:00Z',
      source: 'survey',
    }),
  ).toEqual({ ok: true, stored: 1 });
  expect(await stored(team.id)).toEqual([
    { metric: 'csat', value: 84, responses: 12, day: '2026-03-06', source: 'api' },
    { metric: 'csat', value: 70, responses: 1, day: '2026-03-06', source: 'survey' },
    { metric: 'nps', value: -12.5, responses: 1, day: '2026-03-07', source: 'api' },
  ]);
  // Two rows with one key in a batch: the later one wins.
  expect(
    await recordSignals(t.repos.signals, [
      { team: other.channelId, metric: 'csat', value: 10, at: '2026-03-08T08:00:00Z' },
      { team: other.channelId, metric: 'csat', value: 20, at: '2026-03-08T09:00:00Z' },
    ]),
  ).toEqual({ ok: true, stored: 1 });
  expect((await stored(other.id)).map((r) => r.value)).toEqual([91, 20]);
});

test('a batch fails whole at the database too (one transaction)', async () => {
  const team = await seedTeam();
  const rows = [
    {
      teamId: team.id,
      metric: 'csat' as const,
      value: 50,
      responses: 1,
      at: new Date('2026-03-01T00:00:00Z'),
      day: '2026-03-01',
      source: 'api',
    },
    // Slips past the core (the repository is called directly) and breaks the range check.
    {
      teamId: team.id,
      metric: 'csat' as const,
      value: 500,
      responses: 1,
      at: new Date('2026-03-02T00:00:00Z'),
      day: '2026-03-02',
      source: 'api',
    },
  ];
  await expect(t.repos.signals.upsertMany(rows)).rejects.toThrow();
  expect(await stored(team.id)).toEqual([]);
});

test('the CSV import reports every bad row by line and stores nothing; a good file is stored with progress', async () => {
  const team = await seedTeam();
  const bad = [
    'team,metric,value,responses,at,source',
    `${team.channelId},csat,90,10,2026-03-06T17:00:00Z,`,
    `${team.channelId},nps,abc,,2026-03-06T17:00:00Z,delighted`,
    `CNOPE,csat,90,,2026-03-06T17:00:00Z,`,
  ].join('\n');
  const result = await importSignalsCsv(bad, t.repos.signals);
  expect(result).toEqual({
    ok: false,
    problems: [
      { line: 3, field: 'value', message: 'must be a number' },
      expect.objectContaining({ line: 4, field: 'team' }),
    ],
  });
  const unknownTeam = await importSignalsCsv(
    bad
      .split('\n')
      .filter((_, i) => i !== 2)
      .join('\n'),
    t.repos.signals,
  );
  expect(unknownTeam).toEqual({ ok: false, problems: [expect.objectContaining({ line: 3, field: 'team' })] });
  expect(await importSignalsCsv('team,metric,score,at\n', t.repos.signals)).toEqual({
    ok: false,
    problems: [
      { line: 1, field: 'value', message: 'column is missing from the header' },
      expect.objectContaining({ line: 1, field: 'score' }),
    ],
  });
  expect(await stored(team.id)).toEqual([]);

  const ticks: number[] = [];
  const good = `at,team,metric,value,responses,source\r\n"2026-03-06T17:00:00Z",${team.channelId},csat,"90.5",10,zendesk\r\n2026-03-07T17:00:00Z,${team.channelId},nps,31,,\r\n`;
  expect(
    await importSignalsCsv(good, t.repos.signals, {
      start: (n) => ticks.push(-n),
      increment: () => ticks.push(1),
      stop: () => ticks.push(0),
    }),
  ).toEqual({ ok: true, stored: 2 });
  expect(ticks).toEqual([-2, 1, 1, 0]);
  expect(await stored(team.id)).toEqual([
    { metric: 'csat', value: 90.5, responses: 10, day: '2026-03-06', source: 'zendesk' },
    { metric: 'nps', value: 31, responses: 1, day: '2026-03-07', source: 'api' },
  ]);
});

test('POST /api/signals: 404 without a configured token, 401 without or with a wrong one, 400 naming the problem', async () => {
  const team = await seedTeam();
  const token = 'a'.repeat(32);
  const serve = async (configured: string | undefined): Promise<Server> => {
    const server = createServer(createSignalsHandler(configured, t.repos.signals, silent));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  };
  const post = (server: Server, body: string, auth?: string) =>
    fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/signals`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    });
  const item = JSON.stringify({ team: team.channelId, metric: 'csat', value: 77, at: '2026-03-06T17:00:00Z' });
  const off = await serve(undefined);
  const on = await serve(token);
  try {
    expect((await post(off, item, `Bearer ${token}`)).status).toBe(404);
    expect((await post(on, item)).status).toBe(401);
    expect((await post(on, item, `Bearer ${'b'.repeat(32)}`)).status).toBe(401);
    expect((await post(on, item, `Bearer ${token}x`)).status).toBe(401);
    expect((await post(on, item, token)).status).toBe(401);
    const badJson = await post(on, '{', `Bearer ${token}`);
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: 'invalid_json' });
    const bad = await post(
      on,
      `[${item}, {"team": "${team.channelId}", "metric": "csat", "value": 120, "at": "2026-03-06T17:00:00Z"}]`,
      `Bearer ${token}`,
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'invalid_signals',
      message: 'nothing was stored',
      problems: [{ index: 1, field: 'value', message: 'must be between 0 and 100 for csat (a percentage)' }],
    });
    expect(await stored(team.id)).toEqual([]);
    const ok = await post(on, item, `bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ stored: 1 });
  } finally {
    await Promise.all([off, on].map((s) => new Promise((resolve) => s.close(resolve))));
  }
});

test('the symmetry view: k applies to every mood, customers averaged by responses per round window, r once 6 rounds pair up', async () => {
  const team = await seedTeam();
  const deps = {
    repos: t.repos,
    clock: new ManualClock(NOW),
    logger: silent,
    anonymitySecret: 'x'.repeat(32),
    queue: { enqueue: async () => {}, enqueueMany: async () => {} },
  } as unknown as WebDeps;
  const moods = [6.0, 6.4, null, 6.2, 7.4, 7.8, 6.6, 8.0];
  const rounds = await seedClosedRounds(t.pool, team.id, moods, NOW);
  const inWindow = (i: number) => new Date(rounds[i]!.closesAt.getTime() - 86_400_000).toISOString();
  // Round 1: two days weighted 1:3 → (60·10 + 80·30) / 40 = 75.
  const signals = [
    {
      team: team.channelId,
      metric: 'csat',
      value: 60,
      responses: 10,
      at: new Date(rounds[1]!.opensAt.getTime() + 3_600_000).toISOString(),
    },
    { team: team.channelId, metric: 'csat', value: 80, responses: 30, at: inWindow(1) },
    { team: team.channelId, metric: 'nps', value: 20, at: inWindow(7) },
  ];
  expect((await recordSignals(t.repos.signals, signals)).ok).toBe(true);

  const early = await loadSymmetry(deps, team, 8);
  expect(early.rounds.map((r) => r.mood)).toEqual(moods);
  expect(early.rounds.map((r) => r.csat)).toEqual([null, 75, null, null, null, null, null, null]);
  expect(early.rounds[7]).toMatchObject({ nps: 20, npsChange: null, moodChange: 1.4 });
  expect(early.rounds[3]!.moodChange).toBeNull(); // the round before was withheld
  expect(symmetryText('en', early).readings).toEqual([
    'Customer CSAT: 5 more rounds with both a team mood and a customer figure are needed before a correlation is shown (1 so far).',
    'Customer NPS: 5 more rounds with both a team mood and a customer figure are needed before a correlation is shown (1 so far).',
  ]);

  // Customers one round after the mood: csat[i+1] = 70 + 10·(mood[i] − 6), and 72 where the mood before was withheld.
  const lagged = moods.slice(0, -1).map((m, i) => ({
    team: team.channelId,
    metric: 'csat',
    value: m === null ? 72 : 70 + 10 * (m - 6),
    responses: 5,
    at: inWindow(i + 1),
  }));
  expect(
    (
      await recordSignals(t.repos.signals, [
        { team: team.channelId, metric: 'csat', value: 75, at: inWindow(0) },
        ...lagged,
      ])
    ).ok,
  ).toBe(true);
  await t.pool.query('delete from customer_signals where team_id = $1 and value = 60', [team.id]); // round 1: only the lagged figure now
  const view = await loadSymmetry(deps, team, 8);
  expect(view.rounds.map((r) => r.csat)).toEqual([75, 70, 74, 72, 72, 84, 88, 76]);
  expect(view.rounds.map((r) => r.csatChange)).toEqual([null, -5, 4, -2, 0, 12, 4, -12]);
  // The team reads the same round (the default lag, set before looking): the perfect lagged relation is not picked.
  // Same-round pairs (round 2 withheld): mood 6.0 6.4 6.2 7.4 7.8 6.6 8.0 beside CSAT 75 70 72 72 84 88 76;
  // Python's statistics.correlation gives r = 0.2517, and with n = 7 the 95% interval is −0.62 … 0.84.
  expect(view.readings.csat).toMatchObject({ lag: 0, paired: 7, roundsNeeded: 0 });
  expect(view.readings.csat!.correlation!.r).toBeCloseTo(0.2517059432506083, 10);
  const sameText = symmetryText('en', view);
  expect(sameText.rounds[2]).toMatch(/^\d{4}-\d\d-\d\d: mood not shown \(under the threshold\) · CSAT \*74%\* \(▲4\)$/);
  expect(sameText.readings.slice(0, 2)).toEqual([
    'Customer CSAT (same round): r = 0.25, 95% interval -0.62 to 0.84, n = 7 rounds.',
    'Not enough evidence yet of a relation with customer CSAT: the interval includes 0, so it shows no direction.',
  ]);

  // A team that chose "customers one round later" (stored in its settings) reads only that lag.
  await t.repos.teams.updateSettings(team.id, { ...team.settings, symmetryLag: 1 });
  const laggedTeam = (await t.repos.teams.findById(team.id))!;
  expect(laggedTeam.settings.symmetryLag).toBe(1);
  const laggedView = await loadSymmetry(deps, laggedTeam, 8);
  // Lagged pairs skip the withheld round 2 and the last round (no round after it): 6 pairs, r = 1.
  expect(laggedView.readings.csat).toMatchObject({ lag: 1, paired: 6, roundsNeeded: 0 });
  expect(laggedView.readings.csat!.correlation!.r).toBeCloseTo(1, 10);
  const text = symmetryText('en', laggedView);
  expect(text.readings.slice(0, 2)).toEqual([
    'Customer CSAT (customers one round later): r = 1.00, 95% interval 1.00 to 1.00, n = 6 rounds.',
    'The whole interval is above 0: team mood and customer CSAT have moved together so far.',
  ]);
  expect(text.caveat).toMatch(/Correlation is not cause/);
  expect(symmetryText('fr', laggedView).readings[0]).toMatch(
    /^CSAT client \(clients un tour plus tard\) : r = 1,00, intervalle à 95 % de 1,00 à 1,00, n = 6 tours\.$/,
  );

  // The summary of the newest round carries the symmetry line, up to that round only.
  const summary = await summaryMessage(deps, team, {
    kind: 'withheld',
    roundId: rounds[4]!.id,
    period: 'p',
    closesAt: rounds[4]!.closesAt,
    needed: 5,
  });
  expect(summary.symmetry?.rounds.map((r) => r.mood)).toEqual(moods.slice(0, 5));
  const none = await summaryMessage(deps, await seedTeam(), {
    kind: 'withheld',
    roundId: 'x',
    period: 'p',
    closesAt: NOW,
    needed: 5,
  });
  expect(none.symmetry).toBeUndefined();
});

test('a help desk rule per rating (README): 100 for good, 0 for bad, one source per ticket, minutes without seconds; a resent call changes nothing', async () => {
  const team = await seedTeam();
  const deps = {
    repos: t.repos,
    clock: new ManualClock(NOW),
    logger: silent,
    anonymitySecret: 'x'.repeat(32),
    queue: { enqueue: async () => {}, enqueueMany: async () => {} },
  } as unknown as WebDeps;
  const [round] = await seedClosedRounds(t.pool, team.id, [7.0], NOW);
  // What the two triggers send, as Zendesk renders {{ticket.id}} and {{ticket.updated_at_with_timestamp}} (no seconds).
  const minute = (d: Date) => d.toISOString().slice(0, 16) + 'Z';
  const rating = (ticket: number, good: boolean, hoursAfterOpening: number) => ({
    team: team.channelId,
    metric: 'csat',
    value: good ? 100 : 0,
    at: minute(new Date(round!.opensAt.getTime() + hoursAfterOpening * 3_600_000)),
    source: `zendesk-${ticket}`,
  });
  for (const body of [rating(4711, true, 2), rating(4712, false, 3), rating(4713, true, 30), rating(4713, true, 30)]) {
    expect(await recordSignals(t.repos.signals, body)).toEqual({ ok: true, stored: 1 });
  }
  expect(await stored(team.id)).toHaveLength(3);
  const view = await loadSymmetry(deps, team, 1);
  expect(view.rounds[0]!.csat).toBe(66.7); // two good ratings of three
});
