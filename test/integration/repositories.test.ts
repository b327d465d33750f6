/** The PostgreSQL repositories against a real, migrated database (see test/support/global-setup.ts). */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_KUDOS_SETTINGS,
  DEFAULT_TEAM_SETTINGS,
  type Member,
  type TeamSettings,
  type UserProfile,
} from '../../src/core/model';
import { openTestDatabase, type TestDatabase } from '../support/db';

/** A fresh comment id and a placeholder seal (these tests are about the answer, not the way back to its author). */
const sealed = () => ({ commentId: randomUUID(), authorSeal: 'v1.test' });

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const T0 = new Date('2026-11-27T13:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

function profile(platformUserId: string, extra: Partial<UserProfile> = {}): UserProfile {
  return {
    platformUserId,
    isBot: false,
    deleted: false,
    isAdmin: false,
    timezone: 'Europe/Paris',
    locale: 'fr-FR',
    ...extra,
  };
}

/** A workspace of its own (unique key per test, so test files may share the database). */
async function seedTeam(memberCount = 3, settings: TeamSettings = DEFAULT_TEAM_SETTINGS) {
  const ws = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
  const { team } = await t.repos.teams.ensure({ workspaceId: ws.id, channelId: 'C1', managers: ['U0'], settings });
  const members = await t.repos.members.upsertMany(
    ws.id,
    Array.from({ length: memberCount }, (_, i) => profile(`U${i + 1}`)),
  );
  await t.repos.teams.replaceMembers(
    team.id,
    members.map((m) => m.id),
  );
  return { ws, team, members };
}

async function openRound(teamId: string, period = '2026-11-27') {
  const { round } = await t.repos.rounds.ensure({
    teamId,
    period,
    kind: 'scheduled',
    opensAt: T0,
    closesAt: hours(72),
  });
  return round;
}

async function count(sqlText: string, params: unknown[]): Promise<number> {
  const { rows } = await t.pool.query<{ n: number }>(`select count(*)::int as n from ${sqlText}`, params);
  return rows[0]!.n;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('WorkspaceRepository', () => {
  it('ensure is idempotent by (platform, external id), also when concurrent', async () => {
    const external = `T${randomUUID()}`;
    const [a, b] = await Promise.all([
      t.repos.workspaces.ensure('slack', external),
      t.repos.workspaces.ensure('slack', external),
    ]);
    const c = await t.repos.workspaces.ensure('slack', external);
    expect(a).toEqual({
      id: expect.any(String),
      platform: 'slack',
      externalId: external,
      kudos: DEFAULT_KUDOS_SETTINGS,
    });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await count('workspaces where external_id = $1', [external])).toBe(1);
    // Same id on the other platform is another workspace.
    expect((await t.repos.workspaces.ensure('teams', external)).id).not.toBe(a.id);
  });

  it("findForCommand reads a known workspace with the caller's member row and the channel's team, each of that workspace only", async () => {
    const external = `T${randomUUID()}`;
    expect(await t.repos.workspaces.findForCommand('slack', external, 'UCALLER', 'CTEAM')).toBeNull();
    const ws = await t.repos.workspaces.ensure('slack', external);
    expect(await t.repos.workspaces.findForCommand('slack', external, 'UCALLER', 'CTEAM')).toEqual({
      workspace: ws,
      member: null,
      team: null,
    });
    const profile = { isBot: false, deleted: false, isAdmin: true, timezone: 'UTC', locale: 'fr' };
    const [member] = await t.repos.members.upsertMany(ws.id, [{ platformUserId: 'UCALLER', ...profile }]);
    const { team } = await t.repos.teams.ensure({
      workspaceId: ws.id,
      channelId: 'CTEAM',
      managers: ['U0'],
      settings: DEFAULT_TEAM_SETTINGS,
    });
    // The same user id and channel id in another workspace are other people and another team.
    const other = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
    await t.repos.members.upsertMany(other.id, [{ platformUserId: 'UOTHER', ...profile }]);
    await t.repos.teams.ensure({
      workspaceId: other.id,
      channelId: 'COTHER',
      managers: ['U0'],
      settings: DEFAULT_TEAM_SETTINGS,
    });
    expect(await t.repos.workspaces.findForCommand('slack', external, 'UCALLER', 'CTEAM')).toEqual({
      workspace: ws,
      member,
      team,
    });
    expect(await t.repos.workspaces.findForCommand('slack', external, 'UOTHER', 'COTHER')).toEqual({
      workspace: ws,
      member: null,
      team: null,
    });
    expect(await t.repos.workspaces.findForCommand('teams', external, 'UCALLER', 'CTEAM')).toBeNull();
  });

  it('findById returns the workspace or null', async () => {
    const ws = await t.repos.workspaces.ensure('teams', randomUUID());
    expect(await t.repos.workspaces.findById(ws.id)).toEqual(ws);
    expect(await t.repos.workspaces.findById(randomUUID())).toBeNull();
  });
});

describe('MemberRepository', () => {
  it('upsertMany inserts, refreshes and returns members in input order', async () => {
    const ws = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
    const first = await t.repos.members.upsertMany(ws.id, [profile('U2'), profile('U1', { isAdmin: true })]);
    expect(first.map((m) => m.platformUserId)).toEqual(['U2', 'U1']);
    expect(first[1]).toEqual({
      id: expect.any(String),
      workspaceId: ws.id,
      platformUserId: 'U1',
      timezone: 'Europe/Paris',
      locale: 'fr-FR',
      isAdmin: true,
      awayUntil: null,
    });

    // A repeated id in one call keeps its last profile; unknown zone/locale keep the known ones.
    const second = await t.repos.members.upsertMany(ws.id, [
      profile('U1', { isAdmin: false, timezone: null, locale: null }),
      profile('U3', { timezone: null, locale: null }),
      profile('U1', { isAdmin: false, timezone: 'America/New_York', locale: null }),
    ]);
    expect(second.map((m) => m.platformUserId)).toEqual(['U1', 'U3', 'U1']);
    expect(second[0]).toEqual({ ...first[1], isAdmin: false, timezone: 'America/New_York' });
    expect(second[1]).toMatchObject({ timezone: null, locale: null });
    expect(await count('members where workspace_id = $1', [ws.id])).toBe(3);

    expect(await t.repos.members.findById(first[0]!.id)).toEqual(first[0]);
    expect(await t.repos.members.findByPlatformId(ws.id, 'U1')).toEqual(second[0]);
    expect(await t.repos.members.findByPlatformId(ws.id, 'nobody')).toBeNull();
    expect(await t.repos.members.findById(randomUUID())).toBeNull();
  });

  it('upsertMany handles a large channel in a few statements', async () => {
    const ws = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
    const profiles = Array.from({ length: 4500 }, (_, i) => profile(`U${i}`));
    const [a, b] = await Promise.all([
      t.repos.members.upsertMany(ws.id, profiles),
      t.repos.members.upsertMany(ws.id, profiles),
    ]);
    expect(a).toHaveLength(4500);
    expect(ids(b)).toEqual(ids(a));
    expect(await count('members where workspace_id = $1', [ws.id])).toBe(4500);
  });
});

describe('TeamRepository', () => {
  it('ensure creates once and then returns the existing team', async () => {
    const ws = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
    const input = { workspaceId: ws.id, channelId: 'C9', managers: ['U1'], settings: DEFAULT_TEAM_SETTINGS };
    const [a, b] = await Promise.all([t.repos.teams.ensure(input), t.repos.teams.ensure(input)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(b.team).toEqual(a.team);
    const again = await t.repos.teams.ensure({ ...input, managers: ['U2'] });
    expect(again).toEqual({ team: a.team, created: false });
    expect(a.team).toEqual({
      id: expect.any(String),
      workspaceId: ws.id,
      channelId: 'C9',
      name: null,
      managers: ['U1'],
      schedule: null,
      settings: DEFAULT_TEAM_SETTINGS,
    });
    expect(await count('teams where workspace_id = $1', [ws.id])).toBe(1);
    expect(await t.repos.teams.findByChannel(ws.id, 'C9')).toEqual(a.team);
    expect(await t.repos.teams.findByChannel(ws.id, 'C0')).toBeNull();
    expect(await t.repos.teams.findById(randomUUID())).toBeNull();
  });

  it('setSchedule, updateSettings, setManagers and setName persist', async () => {
    const { team } = await seedTeam(0);
    const settings: TeamSettings = {
      ...DEFAULT_TEAM_SETTINGS,
      threshold: 7,
      reminderHours: null,
      holidays: ['2026-12-25'],
    };
    await t.repos.teams.setSchedule(team.id, { days: ['fri'], time: '14:00' });
    await t.repos.teams.updateSettings(team.id, settings);
    await t.repos.teams.setManagers(team.id, ['U7', 'U8']);
    await t.repos.teams.setName(team.id, 'ops');
    expect(await t.repos.teams.findById(team.id)).toEqual({
      ...team,
      name: 'ops',
      schedule: { days: ['fri'], time: '14:00' },
      settings,
      managers: ['U7', 'U8'],
    });
    await t.repos.teams.setSchedule(team.id, null);
    expect((await t.repos.teams.findById(team.id))?.schedule).toBeNull();
  });

  it('replaceMembers, addMember and removeMember keep exactly the active members', async () => {
    const { team, members } = await seedTeam(4);
    const [m1, m2, m3, m4] = members as [Member, Member, Member, Member];
    expect(ids(await t.repos.teams.listActiveMembers(team.id))).toEqual(ids(members));

    await t.repos.teams.replaceMembers(team.id, [m2.id, m3.id, m3.id]);
    expect(ids(await t.repos.teams.listActiveMembers(team.id))).toEqual([m2.id, m3.id]);

    await t.repos.teams.removeMember(team.id, m2.id);
    await t.repos.teams.removeMember(team.id, m2.id);
    await t.repos.teams.addMember(team.id, m1.id);
    await t.repos.teams.addMember(team.id, m4.id);
    await t.repos.teams.addMember(team.id, m4.id);
    expect(ids(await t.repos.teams.listActiveMembers(team.id))).toEqual([m1.id, m3.id, m4.id]);

    const { rows } = await t.pool.query('select member_id, active, left_at from team_members where team_id = $1', [
      team.id,
    ]);
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.member_id === m2.id)).toMatchObject({ active: false, left_at: expect.any(Date) });
    expect(rows.find((r) => r.member_id === m1.id)).toMatchObject({ active: true, left_at: null });

    await t.repos.teams.replaceMembers(team.id, []);
    expect(await t.repos.teams.listActiveMembers(team.id)).toEqual([]);
  });

  it("listScheduled returns a workspace's scheduled teams with their active members in at most 2 queries", async () => {
    const a = await seedTeam(3);
    const b = await seedTeam(2);
    const unscheduled = await seedTeam(2);
    // A second team in a's workspace, unscheduled.
    await t.repos.teams.ensure({
      workspaceId: a.ws.id,
      channelId: 'C2',
      managers: ['U0'],
      settings: DEFAULT_TEAM_SETTINGS,
    });
    await t.repos.teams.setSchedule(a.team.id, { days: ['mon', 'fri'], time: '09:30' });
    await t.repos.teams.setSchedule(b.team.id, { days: ['wed'], time: '16:00' });
    await t.repos.teams.removeMember(a.team.id, a.members[0]!.id);

    const query = jest.spyOn(t.pool, 'query');
    const scheduled = await t.repos.teams.listScheduled(a.ws.id);
    expect(query.mock.calls.length).toBeLessThanOrEqual(2);
    query.mockRestore();
    // Each workspace sees its own scheduled teams only.
    expect(scheduled.map((s) => s.team.id)).toEqual([a.team.id]);
    expect((await t.repos.teams.listScheduled(unscheduled.ws.id)).map((s) => s.team.id)).toEqual([]);

    const byId = new Map([...scheduled, ...(await t.repos.teams.listScheduled(b.ws.id))].map((s) => [s.team.id, s]));
    expect(byId.get(a.team.id)?.team.schedule).toEqual({ days: ['mon', 'fri'], time: '09:30' });
    expect(ids(byId.get(a.team.id)!.members)).toEqual(ids(a.members.slice(1)));
    expect(ids(byId.get(b.team.id)!.members)).toEqual(ids(b.members));
  });
});

describe('RoundRepository', () => {
  it('ensure makes one round per (team, period), returning the existing one with created=false', async () => {
    const { team } = await seedTeam(0);
    const input = {
      teamId: team.id,
      period: '2026-11-27',
      kind: 'scheduled' as const,
      opensAt: T0,
      closesAt: hours(72),
    };
    const results = await Promise.all([1, 2, 3].map(() => t.repos.rounds.ensure(input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const round = results[0]!.round;
    expect(round).toEqual({
      id: expect.any(String),
      teamId: team.id,
      period: '2026-11-27',
      kind: 'scheduled',
      opensAt: T0,
      closesAt: hours(72),
      status: 'open',
      questions: [],
      driverItems: [],
      enps: false,
      summaryState: 'pending',
      // An open round has no tally yet: its close writes it.
      tally: null,
    });
    for (const r of results) expect(r.round).toEqual(round);

    const later = await t.repos.rounds.ensure({ ...input, opensAt: hours(1), closesAt: hours(99) });
    expect(later).toEqual({ round, created: false });
    expect(await count('rounds where team_id = $1', [team.id])).toBe(1);
    expect(await t.repos.rounds.findById(round.id)).toEqual(round);
    expect(await t.repos.rounds.findById(randomUUID())).toBeNull();
  });

  it('findOpen returns the most recently opened open round', async () => {
    const { team } = await seedTeam(0);
    expect(await t.repos.rounds.findOpen(team.id)).toBeNull();
    const older = await openRound(team.id, '2026-11-20');
    const { round: newer } = await t.repos.rounds.ensure({
      teamId: team.id,
      period: 'manual-1',
      kind: 'manual',
      opensAt: hours(24),
      closesAt: hours(48),
    });
    expect(await t.repos.rounds.findOpen(team.id)).toEqual(newer);
    await t.repos.rounds.close(newer.id, hours(30));
    expect(await t.repos.rounds.findOpen(team.id)).toEqual(older);
  });

  it('close succeeds once; listDueToClose lists open rounds past closesAt', async () => {
    const { team, ws } = await seedTeam(0);
    const round = await openRound(team.id);
    const due = (now: Date) => t.repos.rounds.listDueToClose(ws.id, now);
    expect(await due(hours(71))).toEqual([]);
    expect(await due(hours(72))).toEqual([round]);
    // Another workspace's tick does not see it.
    const other = await seedTeam(0);
    expect(await t.repos.rounds.listDueToClose(other.ws.id, hours(72))).toEqual([]);

    const closes = await Promise.all([
      t.repos.rounds.close(round.id, hours(73)),
      t.repos.rounds.close(round.id, hours(74)),
    ]);
    expect(closes.sort()).toEqual([false, true]);
    expect(await t.repos.rounds.close(round.id, hours(75))).toBe(false);
    // The close counted the round: nobody was asked yet, so nobody answered.
    expect(await t.repos.rounds.findById(round.id)).toEqual({
      ...round,
      status: 'closed',
      tally: { asked: 0, scores: [] },
    });
    expect(await due(hours(100))).toEqual([]);
    const { rows } = await t.pool.query('select closed_at from rounds where id = $1', [round.id]);
    expect([hours(73).getTime(), hours(74).getTime()]).toContain(rows[0].closed_at.getTime());
  });
});

describe('DeliveryRepository', () => {
  it('ensureMany makes one pending delivery per member, also from concurrent calls', async () => {
    const { team, members } = await seedTeam(3);
    const round = await openRound(team.id);
    const [a, b] = await Promise.all([
      t.repos.deliveries.ensureMany(round.id, ids(members)),
      t.repos.deliveries.ensureMany(round.id, [...ids(members)].reverse()),
    ]);
    expect(a).toHaveLength(3);
    expect(new Set(b.map((d) => d.id))).toEqual(new Set(a.map((d) => d.id)));
    expect(a[0]).toEqual({
      id: expect.any(String),
      roundId: round.id,
      memberId: expect.any(String),
      state: 'pending',
      channelId: null,
      messageId: null,
      sentAt: null,
      remindedAt: null,
      answeredAt: null,
      batch: null,
      awayReason: null,
      awayUntil: null,
      statusRead: false,
    });
    expect(new Set(a.map((d) => d.memberId))).toEqual(new Set(ids(members)));
    expect(await count('deliveries where round_id = $1', [round.id])).toBe(3);
    expect(await t.repos.deliveries.ensureMany(round.id, [])).toEqual([]);
    // Only the deliveries of the members asked for.
    expect(await t.repos.deliveries.ensureMany(round.id, [members[0]!.id])).toEqual([
      a.find((d) => d.memberId === members[0]!.id),
    ]);
  });

  it('ensureMany takes thousands of members at once', async () => {
    const ws = await t.repos.workspaces.ensure('slack', `T${randomUUID()}`);
    const { team } = await t.repos.teams.ensure({
      workspaceId: ws.id,
      channelId: 'C1',
      managers: [],
      settings: DEFAULT_TEAM_SETTINGS,
    });
    const members = await t.repos.members.upsertMany(
      ws.id,
      Array.from({ length: 5000 }, (_, i) => profile(`U${i}`)),
    );
    const round = await openRound(team.id);
    const query = jest.spyOn(t.pool, 'query');
    const [a, b] = await Promise.all([
      t.repos.deliveries.ensureMany(round.id, ids(members)),
      t.repos.deliveries.ensureMany(round.id, ids(members).slice(2500)),
    ]);
    expect(query.mock.calls.length).toBeLessThanOrEqual(4);
    query.mockRestore();
    expect(a).toHaveLength(5000);
    expect(b).toHaveLength(2500);
    expect(await count('deliveries where round_id = $1', [round.id])).toBe(5000);
  });

  it('markSending succeeds once; markSent, markFailed and markReminded record state', async () => {
    const { team, members } = await seedTeam(2);
    const round = await openRound(team.id);
    const [d, other] = await t.repos.deliveries.ensureMany(round.id, ids(members));

    const sending = await Promise.all([1, 2, 3].map(() => t.repos.deliveries.markSending(d!.id)));
    expect(sending.filter(Boolean)).toHaveLength(1);
    expect(await t.repos.deliveries.markSending(d!.id)).toBe(false);

    await t.repos.deliveries.markSent(d!.id, { channelId: 'D1', messageId: '1700.01' }, hours(0));
    // A late failure report does not downgrade a DM that was sent.
    await t.repos.deliveries.markFailed(d!.id);
    const reminded = await Promise.all([
      t.repos.deliveries.markReminded(d!.id, hours(24)),
      t.repos.deliveries.markReminded(d!.id, hours(25)),
    ]);
    expect(reminded.sort()).toEqual([false, true]);
    const after = await t.repos.deliveries.findById(d!.id);
    expect(after).toMatchObject({
      state: 'sent',
      channelId: 'D1',
      messageId: '1700.01',
      sentAt: hours(0),
      answeredAt: null,
    });
    expect([hours(24).getTime(), hours(25).getTime()]).toContain(after!.remindedAt!.getTime());

    await t.repos.deliveries.markFailed(other!.id);
    expect((await t.repos.deliveries.findById(other!.id))?.state).toBe('failed');
    expect(await t.repos.deliveries.markSending(other!.id)).toBe(false);
    expect(await t.repos.deliveries.findById(randomUUID())).toBeNull();
  });

  it("listUnsent lists a workspace's pending and sending deliveries of open rounds only", async () => {
    const { team, members, ws } = await seedTeam(4);
    const elsewhere = await seedTeam(2);
    await t.repos.deliveries.ensureMany((await openRound(elsewhere.team.id)).id, ids(elsewhere.members));
    const round = await openRound(team.id);
    const [pending, sending, sent, failed] = await t.repos.deliveries.ensureMany(round.id, ids(members));
    await t.repos.deliveries.markSending(sending!.id);
    await t.repos.deliveries.markSending(sent!.id);
    await t.repos.deliveries.markSent(sent!.id, { channelId: 'D', messageId: 'm' }, T0);
    await t.repos.deliveries.markFailed(failed!.id);
    const closed = await openRound(team.id, '2026-11-20');
    await t.repos.deliveries.ensureMany(closed.id, ids(members));
    await t.repos.rounds.close(closed.id, T0);

    const mine = await t.repos.deliveries.listUnsent(ws.id, 100_000);
    expect(mine.map((d) => d.id).sort()).toEqual([pending!.id, sending!.id].sort());
    expect(await t.repos.deliveries.listUnsent(ws.id, 1)).toHaveLength(1);
    expect(await t.repos.deliveries.listUnsent(elsewhere.ws.id, 100_000)).toHaveLength(2);
  });

  it('listDueForReminder honours the team reminderHours, answers, earlier reminders and closed rounds', async () => {
    const seed = async (reminderHours: number | null) => {
      const { team, members } = await seedTeam(5, { ...DEFAULT_TEAM_SETTINGS, reminderHours });
      const round = await openRound(team.id);
      const ds = await t.repos.deliveries.ensureMany(round.id, ids(members));
      for (const d of ds) await t.repos.deliveries.markSent(d.id, { channelId: 'D', messageId: d.id }, T0);
      return { team, round, ds };
    };
    const every4h = await seed(4);
    const never = await seed(null);
    const [due, answered, reminded, pending] = every4h.ds;
    await t.repos.answers.saveScore({
      deliveryId: answered!.id,
      roundId: every4h.round.id,
      teamId: every4h.team.id,
      questionId: 'mood',
      respondentHash: 'h',
      score: 7,
      at: hours(1),
    });
    await t.repos.deliveries.markReminded(reminded!.id, hours(2));
    await t.pool.query(`update deliveries set state = 'pending', sent_at = null where id = $1`, [pending!.id]);
    const closedRound = await seed(1);
    await t.repos.rounds.close(closedRound.round.id, hours(2));

    const relevant = new Set([...every4h.ds, ...never.ds, ...closedRound.ds].map((d) => d.id));
    const spaces = [every4h, never, closedRound].map((x) => x.team.workspaceId);
    const list = async (now: Date) =>
      (await Promise.all(spaces.map((w) => t.repos.deliveries.listDueForReminder(w, now, 100_000))))
        .flat()
        .filter((d) => relevant.has(d.id))
        .map((d) => d.id)
        .sort();

    expect(await list(hours(3.99))).toEqual([]);
    expect(await list(hours(4))).toEqual([due!.id, every4h.ds[4]!.id].sort());
    expect(await list(hours(1000))).toEqual([due!.id, every4h.ds[4]!.id].sort());
    await t.repos.deliveries.markReminded(due!.id, hours(4));
    expect(await list(hours(5))).toEqual([every4h.ds[4]!.id]);
  });

  it('ensureMany with a batch size creates the new deliveries in batches of that size, and leaves existing ones as they are', async () => {
    const { team, members } = await seedTeam(7);
    const round = await openRound(team.id);
    const [existing] = await t.repos.deliveries.ensureMany(round.id, [members[0]!.id]);
    const all = await t.repos.deliveries.ensureMany(round.id, ids(members), 3);
    expect(all).toHaveLength(7);
    expect(all.find((d) => d.id === existing!.id)?.batch).toBeNull();
    const born = all.filter((d) => d.id !== existing!.id);
    // Chunks of three in member order; the member who already had a delivery leaves a gap in theirs.
    const order = ids(members).sort();
    const expected = [0, 3, 6]
      .map((from) =>
        order
          .slice(from, from + 3)
          .filter((m) => m !== members[0]!.id)
          .sort(),
      )
      .filter((c) => c.length > 0);
    const byBatch = new Map<string, string[]>();
    for (const d of born) byBatch.set(d.batch!, [...(byBatch.get(d.batch!) ?? []), d.memberId]);
    expect([...byBatch.values()].map((m) => m.sort()).sort()).toEqual(expected.sort());
  });

  it('assignBatches cuts unsent deliveries into batches once, also from concurrent calls, and loadBatch/claimBatch work on one batch only', async () => {
    const { team, members } = await seedTeam(25);
    const round = await openRound(team.id);
    const all = await t.repos.deliveries.ensureMany(round.id, ids(members));
    const allIds = all.map((d) => d.id);
    // One delivery went out already (a per-delivery job) and one is claimed by such a job: neither is batched.
    await t.repos.deliveries.markSent(allIds[0]!, { channelId: 'D1', messageId: '1.1' }, T0);
    await t.pool.query(`update deliveries set state = 'sending' where id = $1`, [allIds[1]]);
    const [first, second] = await Promise.all([
      t.repos.deliveries.assignBatches(allIds, 10),
      t.repos.deliveries.assignBatches([...allIds].reverse(), 10),
    ]);
    const { rows } = await t.pool.query<{ id: string; batch: string | null }>(
      'select id, batch from deliveries where round_id = $1 order by id',
      [round.id],
    );
    const batched = rows.filter((r) => r.batch !== null);
    expect(batched).toHaveLength(23);
    expect(rows.find((r) => r.id === allIds[0])?.batch).toBeNull();
    expect(rows.find((r) => r.id === allIds[1])?.batch).toBeNull();
    // In id order, ten to a batch, each named after its first delivery; both calls report the same batches.
    const sorted = batched.map((r) => r.id).sort();
    expect(new Set(batched.map((r) => r.batch))).toEqual(new Set([sorted[0], sorted[10], sorted[20]]));
    expect(first).toEqual([sorted[0], sorted[10], sorted[20]].sort());
    expect(second).toEqual(first);
    // Asking again changes nothing.
    expect(await t.repos.deliveries.assignBatches(allIds, 3)).toEqual(first);

    const loaded = (await t.repos.deliveries.loadBatch(sorted[20]!))!;
    expect(loaded.round.id).toBe(round.id);
    expect(loaded.team.id).toBe(team.id);
    expect(loaded.deliveries.map((d) => d.delivery.id)).toEqual(sorted.slice(20));
    expect(loaded.deliveries.every((d) => d.member.id === d.delivery.memberId)).toBe(true);
    // Claims only pending deliveries of that batch; another batch's id is not claimed.
    expect((await t.repos.deliveries.claimBatch(sorted[20]!, [sorted[20]!, sorted[21]!, sorted[0]!])).sort()).toEqual(
      [sorted[20], sorted[21]].sort(),
    );
    expect(await t.repos.deliveries.claimBatch(sorted[20]!, [sorted[20]!])).toEqual([]);
    await t.repos.deliveries.markSentMany(
      [{ id: sorted[20]!, ref: { channelId: 'D20', messageId: '20.1' } }],
      hours(1),
    );
    await t.repos.deliveries.releaseMany([sorted[21]!, sorted[20]!]);
    expect(await t.repos.deliveries.findById(sorted[20]!)).toMatchObject({
      state: 'sent',
      channelId: 'D20',
      messageId: '20.1',
      sentAt: hours(1),
    });
    expect((await t.repos.deliveries.findById(sorted[21]!))?.state).toBe('pending');
    // A per-delivery job never claims a batched delivery.
    expect(await t.repos.deliveries.markSending(sorted[22]!)).toBe(false);
    await t.repos.deliveries.failBatch(sorted[20]!);
    expect(await t.repos.deliveries.loadBatch(sorted[20]!)).toBeNull();
    expect((await t.repos.deliveries.findById(sorted[20]!))?.state).toBe('sent');
  });

  it('countForRound counts total and answered deliveries', async () => {
    const { team, members } = await seedTeam(3);
    const round = await openRound(team.id);
    expect(await t.repos.deliveries.countForRound(round.id)).toEqual({ total: 0, answered: 0, away: 0 });
    const [d] = await t.repos.deliveries.ensureMany(round.id, ids(members));
    await t.repos.answers.saveComment({
      deliveryId: d!.id,
      roundId: round.id,
      teamId: team.id,
      questionId: 'mood',
      respondentHash: 'x',
      comment: 'ok',
      at: T0,
      ...sealed(),
    });
    expect(await t.repos.deliveries.countForRound(round.id)).toEqual({ total: 3, answered: 1, away: 0 });
  });

  it('countForRounds counts many rounds in one call, each on its own, and zeros for a round without deliveries', async () => {
    const { team, members } = await seedTeam(4);
    const [a, b, empty] = [
      await openRound(team.id, 'p-a'),
      await openRound(team.id, 'p-b'),
      await openRound(team.id, 'p-empty'),
    ];
    const inA = await t.repos.deliveries.ensureMany(a!.id, ids(members));
    await t.repos.deliveries.ensureMany(b!.id, ids(members).slice(0, 2));
    for (const d of inA.slice(0, 3)) {
      await t.repos.answers.saveScore({
        deliveryId: d.id,
        roundId: a!.id,
        teamId: team.id,
        questionId: 'mood',
        respondentHash: d.id,
        score: 5,
        at: T0,
      });
    }
    const counts = await t.repos.deliveries.countForRounds([a!.id, b!.id, empty!.id, a!.id]);
    expect(Object.fromEntries(counts)).toEqual({
      [a!.id]: { total: 4, answered: 3, away: 0 },
      [b!.id]: { total: 2, answered: 0, away: 0 },
      [empty!.id]: { total: 0, answered: 0, away: 0 },
    });
    expect(await t.repos.deliveries.countForRounds([])).toEqual(new Map());
  });
});

describe('AnswerRepository.listForRounds', () => {
  it('gives each round its own answers in hash order and its distinct mood respondents, without hashes', async () => {
    const { team } = await seedTeam(1);
    const [a, b, empty] = [
      await openRound(team.id, 'l-a'),
      await openRound(team.id, 'l-b'),
      await openRound(team.id, 'l-empty'),
    ];
    const save = (roundId: string, hash: string, questionId: string, score: number | null, comment: string | null) =>
      t.pool.query(
        'insert into responses (round_id, team_id, question_id, respondent_hash, score, comment) values ($1, $2, $3, $4, $5, $6)',
        [roundId, team.id, questionId, hash, score, comment],
      );
    await save(a!.id, 'h3', 'mood', 3, null);
    await save(a!.id, 'h1', 'mood', 9, 'good week');
    await save(a!.id, 'h1', 'q-extra', 6, null);
    await save(a!.id, 'h2', 'mood', null, 'only a comment');
    await save(b!.id, 'h9', 'mood', 7, null);
    // Driver and eNPS answers are the drivers view's (listScores or a tally), not a summary's.
    await save(b!.id, 'h9', 'driver:growth-1', 4, null);
    await save(b!.id, 'h8', 'driver:growth-1', 4, null);
    await save(b!.id, 'h9', 'enps', 0, null);

    const lists = await t.repos.answers.listForRounds([a!.id, b!.id, empty!.id]);
    expect(lists.get(a!.id)).toEqual({
      answers: [
        { questionId: 'mood', score: 9, comment: 'good week' },
        { questionId: 'q-extra', score: 6, comment: null },
        { questionId: 'mood', score: null, comment: 'only a comment' },
        { questionId: 'mood', score: 3, comment: null },
      ],
      // h1 and h3 scored the mood question; h2 only commented.
      respondents: 2,
    });
    expect(lists.get(b!.id)).toEqual({ answers: [{ questionId: 'mood', score: 7, comment: null }], respondents: 1 });
    expect(lists.get(empty!.id)).toEqual({ answers: [], respondents: 0 });
    expect(JSON.stringify([...lists.values()])).not.toMatch(/"h\d"/);
    // The trend's read: only the mood scores, sorted, one per respondent who scored.
    const moods = await t.repos.answers.listMoodScores([a!.id, b!.id, empty!.id]);
    expect(Object.fromEntries(moods)).toEqual({ [a!.id]: [3, 9], [b!.id]: [7], [empty!.id]: [] });
    // The drivers' read: how many gave each score to each question, scores only.
    const scores = await t.repos.answers.listScores([b!.id, empty!.id]);
    const byQuestion = (list: Array<{ questionId: string }>) =>
      [...list].sort((x, y) => x.questionId.localeCompare(y.questionId));
    expect(byQuestion(scores.get(b!.id)!)).toEqual([
      { questionId: 'driver:growth-1', score: 4, n: 2 },
      { questionId: 'enps', score: 0, n: 1 },
      { questionId: 'mood', score: 7, n: 1 },
    ]);
    expect(scores.get(empty!.id)).toEqual([]);
  });
});

describe('AnswerRepository', () => {
  async function seedDelivery() {
    const { team, members } = await seedTeam(1);
    const round = await openRound(team.id);
    const [delivery] = await t.repos.deliveries.ensureMany(round.id, ids(members));
    const key = {
      deliveryId: delivery!.id,
      roundId: round.id,
      teamId: team.id,
      questionId: 'mood',
      respondentHash: randomUUID(),
    };
    return { round, delivery: delivery!, key };
  }

  it('saveScore twice keeps one response with the last score and the first answered_at', async () => {
    const { round, delivery, key } = await seedDelivery();
    await t.repos.answers.saveScore({ ...key, score: 4, at: hours(1) });
    await t.repos.answers.saveScore({ ...key, score: 9, at: hours(2) });
    expect(await count('responses where round_id = $1', [round.id])).toBe(1);
    expect(await t.repos.answers.findOwn(round.id, 'mood', key.respondentHash)).toEqual({ score: 9, comment: null });
    expect((await t.repos.deliveries.findById(delivery.id))?.answeredAt).toEqual(hours(1));
  });

  it('concurrent saves of the same respondent end in one response', async () => {
    const { round, key } = await seedDelivery();
    await Promise.all([
      t.repos.answers.saveScore({ ...key, score: 3, at: hours(1) }),
      t.repos.answers.saveComment({ ...key, comment: 'busy week', at: hours(1), ...sealed() }),
      t.repos.answers.saveScore({ ...key, score: 3, at: hours(1) }),
    ]);
    expect(await t.repos.answers.findOwn(round.id, 'mood', key.respondentHash)).toEqual({
      score: 3,
      comment: 'busy week',
    });
  });

  it('saveComment keeps the score, and inserts with a null score when there is none yet', async () => {
    const { round, delivery, key } = await seedDelivery();
    await t.repos.answers.saveComment({ ...key, comment: 'first', at: hours(1), ...sealed() });
    expect(await t.repos.answers.findOwn(round.id, 'mood', key.respondentHash)).toEqual({
      score: null,
      comment: 'first',
    });
    expect((await t.repos.deliveries.findById(delivery.id))?.answeredAt).toEqual(hours(1));
    await t.repos.answers.saveScore({ ...key, score: 6, at: hours(2) });
    await t.repos.answers.saveComment({ ...key, comment: 'second', at: hours(3), ...sealed() });
    expect(await t.repos.answers.findOwn(round.id, 'mood', key.respondentHash)).toEqual({
      score: 6,
      comment: 'second',
    });
    expect(await t.repos.answers.findOwn(round.id, 'other', key.respondentHash)).toBeNull();
  });

  it("listOwn reads one respondent's answers to the questions asked, by question, and nobody else's", async () => {
    const { round, key } = await seedDelivery();
    const other = { ...key, respondentHash: randomUUID() };
    await t.repos.answers.saveScore({ ...key, score: 7, at: hours(1) });
    await t.repos.answers.saveComment({ ...key, comment: 'mine', at: hours(1), ...sealed() });
    await t.repos.answers.saveScore({ ...key, questionId: 'driver:autonomy-1', score: 4, at: hours(1) });
    await t.repos.answers.saveScore({ ...key, questionId: 'driver:growth-1', score: 2, at: hours(1) });
    await t.repos.answers.saveScore({ ...other, questionId: 'driver:recognition-1', score: 9, at: hours(1) });
    const own = await t.repos.answers.listOwn(
      round.id,
      ['mood', 'driver:autonomy-1', 'driver:recognition-1'],
      key.respondentHash,
    );
    expect(Object.fromEntries(own)).toEqual({
      mood: { score: 7, comment: 'mine' },
      'driver:autonomy-1': { score: 4, comment: null },
    });
    expect((await t.repos.answers.listOwn(round.id, [], key.respondentHash)).size).toBe(0);
  });

  it("a save asked to read back returns the respondent's other answers as they stood, and only theirs", async () => {
    const { key } = await seedDelivery();
    const other = { ...key, respondentHash: randomUUID() };
    await t.repos.answers.saveScore({ ...key, score: 3, at: hours(1) });
    await t.repos.answers.saveScore({ ...key, questionId: 'driver:autonomy-1', score: 4, at: hours(1) });
    await t.repos.answers.saveScore({ ...key, questionId: 'driver:growth-1', score: 2, at: hours(1) });
    await t.repos.answers.saveScore({ ...other, questionId: 'driver:recognition-1', score: 9, at: hours(1) });
    const readBack = ['mood', 'driver:autonomy-1', 'driver:recognition-1'];
    // An edit of the mood: its new version is the saved row, never its old one among the others.
    const saved = await t.repos.answers.saveScore({ ...key, score: 8, at: hours(2), readBack });
    expect(saved?.score).toBe(8);
    expect(Object.fromEntries(saved?.others ?? [])).toEqual({ 'driver:autonomy-1': { score: 4, comment: null } });
    const comment = await t.repos.answers.saveComment({ ...key, comment: 'why', at: hours(2), ...sealed(), readBack });
    expect(comment).toMatchObject({ score: 8, comment: 'why' });
    expect([...(comment?.others?.keys() ?? [])]).toEqual(['driver:autonomy-1']);
    // Nothing to read back: no others at all (not an empty read).
    expect(await t.repos.answers.saveScore({ ...key, score: 6, at: hours(3) })).toEqual({ score: 6, comment: 'why' });
  });

  it('rejects a score outside 1–10 and leaves the delivery unanswered (one transaction)', async () => {
    const { round, delivery, key } = await seedDelivery();
    await expect(t.repos.answers.saveScore({ ...key, score: 11, at: hours(1) })).rejects.toThrow();
    await expect(t.repos.answers.saveScore({ ...key, score: 0, at: hours(1) })).rejects.toThrow();
    expect(await t.repos.answers.findOwn(round.id, 'mood', key.respondentHash)).toBeNull();
    expect((await t.repos.deliveries.findById(delivery.id))?.answeredAt).toBeNull();
  });
});

describe('anonymity of responses', () => {
  it('has no timestamp and no column pointing at members or deliveries', async () => {
    const { rows: columns } = await t.pool.query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = 'responses' order by ordinal_position`,
    );
    // comment_id is a random v4 id; author_seal is the author's address sealed with AES-GCM (opaque without the secret).
    expect(columns.map((c) => c.column_name)).toEqual([
      'round_id',
      'team_id',
      'question_id',
      'respondent_hash',
      'score',
      'comment',
      'comment_id',
      'author_seal',
    ]);
    for (const c of columns) {
      expect(c.data_type).not.toMatch(/time|date|interval/i);
      expect(c.column_name).not.toMatch(/member|delivery|user|person|_at$/i);
    }
  });

  it('references only rounds and teams', async () => {
    const { rows } = await t.pool.query<{ referenced: string }>(
      `select distinct ccu.table_name as referenced
         from information_schema.table_constraints tc
         join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.table_schema = 'public' and tc.table_name = 'responses' and tc.constraint_type = 'FOREIGN KEY'
        order by 1`,
    );
    expect(rows.map((r) => r.referenced)).toEqual(['rounds', 'teams']);
    // Only the conversations on comments point at responses (by the random comment id), and they name no member.
    const { rows: inbound } = await t.pool.query(
      `select tc.table_name from information_schema.table_constraints tc
         join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'responses' and tc.table_schema = 'public'`,
    );
    expect(inbound).toEqual([{ table_name: 'comment_replies' }]);
    const { rows: replyColumns } = await t.pool.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'comment_replies'`,
    );
    for (const c of replyColumns) expect(c.column_name).not.toMatch(/member|delivery|respondent|author_id|user/i);
  });
});
