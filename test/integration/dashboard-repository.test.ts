/** The dashboard's query layer on the real database: k per round, "Other teams" pooling, workspace scoping, the period. */
import { HEATMAP_MEASURES, type Heatmap, type HeatmapRow } from '../../src/core/dashboard';
import { createDashboardRepository } from '../../src/db/repositories/dashboard-repository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { seedClosedRound, seedDashboardTeam, seedWorkspace } from '../support/dashboard-seed';

let t: TestDatabase;
let dashboard: ReturnType<typeof createDashboardRepository>;
beforeAll(() => {
  t = openTestDatabase();
  dashboard = createDashboardRepository(t.db);
});
afterAll(async () => {
  await t.close();
});

const NOW = new Date('2026-11-30T23:30:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

const teamRow = (map: Heatmap, channelId: string) =>
  map.rows.find((r): r is Extract<HeatmapRow, { kind: 'team' }> => r.kind === 'team' && r.channelId === channelId);
const otherRow = (map: Heatmap) => map.rows.find((r) => r.kind === 'other');
/** A row's values: those given, every other measure (eNPS, drivers) the dash. */
const vals = (given: Record<string, number | null>) => ({
  ...Object.fromEntries(HEATMAP_MEASURES.map((m) => [m.key, null])),
  ...given,
});

describe('DashboardRepository.heatmap', () => {
  it('shows a team from its rounds that met k, leaving out a round under k', async () => {
    const ws = await seedWorkspace(t.repos);
    const { team, members } = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 6) });
    // Met k=5: 5 of 6 answered, mean (6+7+8+9+10)/5 = 8.
    await seedClosedRound(t.repos, team, members, daysAgo(14), [6, 7, 8, 9, 10, null]);
    // Under k: 2 answers of 1 must not pull the mean down.
    await seedClosedRound(t.repos, team, members, daysAgo(7), [1, 1, null, null, null, null]);
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(map.rows).toEqual([
      { kind: 'team', teamId: team.id, channelId: 'CA', name: null, values: vals({ mood: 8, response_rate: 5 / 6 }) },
    ]);
  });

  it('leaves people away out of the response rate: they were not asked', async () => {
    const ws = await seedWorkspace(t.repos);
    const { team, members } = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 7) });
    // A6 was away that week: 5 answered of the 6 asked, not of 7.
    await seedClosedRound(t.repos, team, members, daysAgo(7), [6, 7, 8, 9, 10, null, null], { away: [5] });
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(teamRow(map, 'CA')?.values).toEqual(vals({ mood: 8, response_rate: 5 / 6 }));
  });

  it("reads each round's tally written by its close; a round closed without one is counted from its answers alike", async () => {
    const ws = await seedWorkspace(t.repos);
    const { team, members } = await seedDashboardTeam(t.repos, ws, { channelId: 'CT', people: people('T', 6) });
    const roundId = await seedClosedRound(t.repos, team, members, daysAgo(7), [2, 4, 6, 8, 10, null], {
      driverItems: ['driver:growth-1'],
      answers: { 'driver:growth-1': [7, 7, 8, 8, 9, null] },
    });
    const { rows } = await t.pool.query('select tally from rounds where id = $1', [roundId]);
    expect(rows[0].tally).toEqual({
      asked: 6,
      scores: [
        { q: 'driver:growth-1', s: 7, n: 2 },
        { q: 'driver:growth-1', s: 8, n: 2 },
        { q: 'driver:growth-1', s: 9, n: 1 },
        ...[2, 4, 6, 8, 10].map((s) => ({ q: 'mood', s, n: 1 })),
      ],
    });
    const expected = vals({ mood: 6, response_rate: 5 / 6, growth: 7.8 });
    expect(teamRow(await dashboard.heatmap(ws.id, NOW), 'CT')?.values).toEqual(expected);
    // The heatmap reads the tally, not the answers: a tally saying 10 were asked halves the rate.
    await t.pool.query(`update rounds set tally = jsonb_set(tally, '{asked}', '10') where id = $1`, [roundId]);
    expect(teamRow(await dashboard.heatmap(ws.id, NOW), 'CT')?.values).toEqual({ ...expected, response_rate: 0.5 });
    // Without a tally (a round closed by hand) the same figures come from the answers.
    await t.pool.query('update rounds set tally = null where id = $1', [roundId]);
    expect(teamRow(await dashboard.heatmap(ws.id, NOW), 'CT')?.values).toEqual(expected);
  });

  it('pools teams under k into "Other teams" when together they reach k, and never names them', async () => {
    const ws = await seedWorkspace(t.repos);
    const a = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 3) });
    const b = await seedDashboardTeam(t.repos, ws, { channelId: 'CB', people: people('B', 3) });
    await seedClosedRound(t.repos, a.team, a.members, daysAgo(3), [2, 4, 6]);
    await seedClosedRound(t.repos, b.team, b.members, daysAgo(3), [8, 10, null]);
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(map.rows).toEqual([{ kind: 'other', teams: 2, values: vals({ mood: 6, response_rate: 5 / 6 }) }]);
    expect(teamRow(map, 'CA')).toBeUndefined();
  });

  it('shows the pool with no figure when its distinct people do not reach k (one person in two teams counts once)', async () => {
    const ws = await seedWorkspace(t.repos);
    // The same three people make up both teams: five answers, three people.
    const a = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('P', 3) });
    const b = await seedDashboardTeam(t.repos, ws, { channelId: 'CB', people: people('P', 2) });
    await seedClosedRound(t.repos, a.team, a.members, daysAgo(3), [2, 4, 6]);
    await seedClosedRound(t.repos, b.team, b.members, daysAgo(3), [8, 10]);
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(otherRow(map)).toEqual({ kind: 'other', teams: 2, values: vals({ mood: null, response_rate: null }) });
  });

  it('never shows one team under k, alone or as "Other teams": it would be the organisation minus the rest', async () => {
    const ws = await seedWorkspace(t.repos);
    const shown = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 5) });
    const lone = await seedDashboardTeam(t.repos, ws, { channelId: 'CB', people: people('B', 4) });
    await seedClosedRound(t.repos, shown.team, shown.members, daysAgo(3), [5, 5, 5, 5, 5]);
    await seedClosedRound(t.repos, lone.team, lone.members, daysAgo(3), [9, 9, 9, 9]);
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(map.rows.map((r) => (r.kind === 'team' ? r.channelId : 'other'))).toEqual(['CA']);
  });

  it('adds eNPS and each driver, from the latest round that asked them, under k per item, and the dash under k', async () => {
    const ws = await seedWorkspace(t.repos);
    const a = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 6) });
    const b = await seedDashboardTeam(t.repos, ws, { channelId: 'CB', people: people('B', 6) });
    // CA, k=5. An older eNPS round (all 0: −100) that the latest eNPS round replaces.
    await seedClosedRound(t.repos, a.team, a.members, daysAgo(21), [5, 5, 5, 5, 5, null], {
      enps: true,
      answers: { enps: [0, 0, 0, 0, 0, null] },
    });
    await seedClosedRound(t.repos, a.team, a.members, daysAgo(14), [6, 7, 8, 9, 10, null], {
      enps: true,
      driverItems: ['driver:recognition-1', 'driver:recognition-2', 'driver:growth-1'],
      answers: {
        // Promoters 10, 9, 10; passive 8; detractor 3: (3 − 1) / 5 = +40.
        enps: [10, 9, 8, 3, 10, null],
        // Item means 7 and 9, both with 5 scores: recognition (7 + 9) / 2 = 8.
        'driver:recognition-1': [8, 8, 6, 6, 7, null],
        'driver:recognition-2': [9, 9, 9, 9, 9, null],
        // Two scores, under k: growth is not shown.
        'driver:growth-1': [5, 5, null, null, null, null],
      },
    });
    // CB, k=5: its mood meets k, its eNPS (4 answers) and its one driver item (4 scores) do not.
    await seedClosedRound(t.repos, b.team, b.members, daysAgo(7), [5, 5, 5, 5, 5, 5], {
      enps: true,
      driverItems: ['driver:recognition-1'],
      answers: { enps: [10, 10, 10, 10, null, null], 'driver:recognition-1': [7, 7, 7, 7, null, null] },
    });
    const map = await dashboard.heatmap(ws.id, NOW);
    // Mood over both rounds: (5 × 5 + 6 + 7 + 8 + 9 + 10) / 10 = 6.5.
    expect(teamRow(map, 'CA')?.values).toEqual(vals({ mood: 6.5, response_rate: 5 / 6, enps: 40, recognition: 8 }));
    expect(teamRow(map, 'CB')?.values).toEqual(vals({ mood: 5, response_rate: 1 }));
  });

  it('shows no eNPS or driver figure in "Other teams": k distinct people cannot be counted per item across teams', async () => {
    const ws = await seedWorkspace(t.repos);
    const a = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 3) });
    const b = await seedDashboardTeam(t.repos, ws, { channelId: 'CB', people: people('B', 3) });
    const asks = { enps: true, driverItems: ['driver:peers-1', 'driver:growth-1'] };
    await seedClosedRound(t.repos, a.team, a.members, daysAgo(3), [2, 4, 6], {
      ...asks,
      answers: { enps: [10, 10, 6], 'driver:peers-1': [6, 6, 6], 'driver:growth-1': [9, 9, null] },
    });
    await seedClosedRound(t.repos, b.team, b.members, daysAgo(3), [8, 10, null], {
      ...asks,
      answers: { enps: [9, 7, 8], 'driver:peers-1': [8, 8, null], 'driver:growth-1': [9, 9, null] },
    });
    const map = await dashboard.heatmap(ws.id, NOW);
    // eNPS has 6 answers and peers 5 scores (each ≥ k = 3 by count), but the pool cannot tell they are k
    // distinct people: only mood and response rate are shown, every other cell is the dash.
    expect(otherRow(map)).toEqual({ kind: 'other', teams: 2, values: vals({ mood: 6, response_rate: 5 / 6 }) });
  });

  it("uses each team's own k (never below 3) and the largest k of a pool", async () => {
    const ws = await seedWorkspace(t.repos);
    const small = await seedDashboardTeam(t.repos, ws, { channelId: 'CS', people: people('S', 3), threshold: 3 });
    const lowered = await seedDashboardTeam(t.repos, ws, { channelId: 'CL', people: people('L', 2), threshold: 1 });
    await seedClosedRound(t.repos, small.team, small.members, daysAgo(3), [7, 8, 9]);
    await seedClosedRound(t.repos, lowered.team, lowered.members, daysAgo(3), [1, 2]);
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(teamRow(map, 'CS')?.values.mood).toBe(8);
    // k=1 is read as 3: two answers stay hidden (and alone, unlisted).
    expect(teamRow(map, 'CL')).toBeUndefined();
    expect(otherRow(map)).toBeUndefined();
  });

  it("reads only the workspace's own teams, its last four closed rounds, and the last 90 days", async () => {
    const ws = await seedWorkspace(t.repos);
    const other = await seedWorkspace(t.repos);
    const { team, members } = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 5) });
    const foreign = await seedDashboardTeam(t.repos, other, { channelId: 'CA', people: people('A', 5) });
    await seedClosedRound(t.repos, foreign.team, foreign.members, daysAgo(2), [1, 1, 1, 1, 1]);
    // Older than 90 days, and a fifth-newest round: both left out.
    await seedClosedRound(t.repos, team, members, daysAgo(95), [1, 1, 1, 1, 1]);
    await seedClosedRound(t.repos, team, members, daysAgo(40), [2, 2, 2, 2, 2]);
    for (const d of [30, 20, 10, 5]) await seedClosedRound(t.repos, team, members, daysAgo(d), [8, 8, 8, 8, 8]);
    // A round closing after `now` is not in the period.
    await seedClosedRound(t.repos, team, members, new Date(NOW.getTime() + 3_600_000), [1, 1, 1, 1, 1]);
    const map = await dashboard.heatmap(ws.id, NOW);
    expect(map.rows).toEqual([
      { kind: 'team', teamId: team.id, channelId: 'CA', name: null, values: vals({ mood: 8, response_rate: 1 }) },
    ]);
    expect(map.from).toEqual(daysAgo(90));
  });
});

describe('DashboardRepository lists', () => {
  it('lists open actions and those done in the period, newest first', async () => {
    const ws = await seedWorkspace(t.repos);
    const { team } = await seedDashboardTeam(t.repos, ws, { channelId: 'CA', people: people('A', 1) });
    const open = await t.repos.actions.add({ teamId: team.id, text: 'No-meeting Wednesdays', createdBy: 'U0' });
    const done = await t.repos.actions.add({ teamId: team.id, text: 'New chairs', createdBy: 'U0' });
    const old = await t.repos.actions.add({ teamId: team.id, text: 'Old thing', createdBy: 'U0' });
    await t.repos.actions.markDone(done.id, daysAgo(1));
    await t.repos.actions.markDone(old.id, daysAgo(200));
    const listed = await dashboard.listActions(team.id, daysAgo(90));
    expect(listed.map((a) => a.text).sort()).toEqual(['New chairs', 'No-meeting Wednesdays']);
    expect(listed.find((a) => a.id === open.id)?.doneAt).toBeNull();
  });

  it("lists a person's live kudos received, not those taken back, not another workspace's", async () => {
    const ws = await seedWorkspace(t.repos);
    const other = await seedWorkspace(t.repos);
    const give = (workspaceId: string, giver: string, sourceKey: string, reason: string, givenAt: Date) =>
      t.repos.kudos.give({
        workspaceId,
        giver,
        recipient: 'U1',
        sourceKey,
        shoutoutKey: sourceKey,
        emoji: null,
        reason,
        values: [],
        tags: [],
        giverDate: givenAt.toISOString().slice(0, 10),
        givenAt,
        limit: 10,
      });
    await give(ws.id, 'U2', 'cmd:1', 'fixed the export', daysAgo(2));
    await give(ws.id, 'U3', 'cmd:2', 'taken back', daysAgo(1));
    await t.repos.kudos.revoke(ws.id, 'U3', 'cmd:2', daysAgo(1));
    await give(other.id, 'U4', 'cmd:3', 'elsewhere', daysAgo(1));
    const listed = await dashboard.listKudosReceived(ws.id, 'U1', daysAgo(30), 10);
    expect(listed).toEqual([{ giver: 'U2', reason: 'fixed the export', values: [], givenAt: daysAgo(2) }]);
  });
});
