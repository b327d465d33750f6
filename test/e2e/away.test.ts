/**
 * Away end to end (issue #18), on the built app with the real receiver, PostgreSQL and Redis and the fake
 * Slack Web API: `/pulse away` and its bad input, and a round where a vacation status means no DM, an
 * expired one means a DM, and someone who says they are back gets their check-in within the round.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { checkinDms, startWorld, type World } from '../support/e2e-world';

const TEAM = 'T0AWAY';
const CHANNEL = 'C0AWAY';
// The test's own clock, for statuses that expired an hour ago or expire in a week.
const nowSeconds = Math.floor(Date.now() / 1000);

let world: World;
let database: TestDatabase;

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [
      { id: 'UMGR', name: 'manager', tz: 'Europe/Stockholm' },
      {
        id: 'UVAC',
        name: 'vac',
        tz: 'Europe/Paris',
        status: { emoji: ':palm_tree:', text: 'Vacationing', expiration: 0 },
      },
      {
        id: 'UEXP',
        name: 'exp',
        tz: 'America/New_York',
        status: { emoji: ':palm_tree:', text: 'Vacationing', expiration: nowSeconds - 3600 },
      },
      {
        id: 'UTXT',
        name: 'txt',
        tz: 'Europe/Paris',
        status: { emoji: ':speech_balloon:', text: 'En congé', expiration: nowSeconds + 7 * 86_400 },
      },
      { id: 'USELF', name: 'self', tz: 'Asia/Tokyo' },
    ],
  });
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

async function awayUntilOf(userId: string): Promise<Date | null> {
  const { rows } = await database.pool.query('select away_until from members where platform_user_id = $1', [userId]);
  return rows[0]?.away_until ?? null;
}

async function states(): Promise<Record<string, string>> {
  const { rows } = await database.pool.query(
    'select m.platform_user_id as who, d.state from deliveries d join members m on m.id = d.member_id',
  );
  return Object.fromEntries(rows.map((r: { who: string; state: string }) => [r.who, r.state]));
}

test('/pulse away: a clear answer for a nonsense date, a past date and a date over a year ahead, and nothing changes', async () => {
  expect(await world.pulse('USELF', 'away 2w')).toMatch(/not on a Symmetry team yet/);
  expect(await world.pulse('UMGR', 'setup')).toMatch(/Setting up this channel as a team/);
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === 5,
    'the team to be synced',
  );

  expect(await world.pulse('USELF', 'away until 2026-02-30')).toMatch(/is not a day or a length of leave/);
  expect(await world.pulse('USELF', 'away until 2001-01-01')).toMatch(
    /2001-01-01 has already passed in your time zone \(Asia\/Tokyo/,
  );
  expect(await world.pulse('USELF', 'away until 2999-01-01')).toMatch(/2999-01-01 is more than a year ahead/);
  expect(await world.pulse('USELF', 'away 3 fortnights')).toMatch(/is not a day or a length of leave/);
  expect(await awayUntilOf('USELF')).toBeNull();
  expect(await world.pulse('USELF', 'away')).toMatch(/You are not away/);

  const set = await world.pulse('USELF', 'away 2w');
  const lastDay = /You are away through (\d{4}-\d{2}-\d{2}) \(your time zone, Asia\/Tokyo\)/.exec(set)?.[1];
  expect(lastDay).toBeDefined();
  // Through the end of that day in Tokyo: midnight after it, Tokyo time (UTC+9, no DST).
  expect((await awayUntilOf('USELF'))?.toISOString()).toBe(
    new Date(Date.parse(`${lastDay}T00:00:00+09:00`) + 86_400_000).toISOString(),
  );
  expect(await world.pulse('USELF', 'away')).toContain(`You are away through ${lastDay}`);
});

test('a round: a vacation status (emoji or French text) means no DM, an expired one a DM; back with `/pulse away off`, a DM within the round, once', async () => {
  expect(await world.pulse('UMGR', 'now')).toMatch(/on their way to 5 members/);
  // A positive sign that every delivery was handled: none pending or sending.
  await waitFor(async () => {
    const s = await states();
    return Object.keys(s).length === 5 && Object.values(s).every((state) => state === 'sent' || state === 'away');
  }, 'every delivery handled');
  expect(await states()).toEqual({ UMGR: 'sent', UEXP: 'sent', UVAC: 'away', UTXT: 'away', USELF: 'away' });
  expect(checkinDms(world.slack, 'UEXP')).toHaveLength(1);
  expect(checkinDms(world.slack, 'UVAC')).toHaveLength(0);
  expect(checkinDms(world.slack, 'UTXT')).toHaveLength(0);
  expect(checkinDms(world.slack, 'USELF')).toHaveLength(0);
  // The status is read once at delivery (users.info without include_locale), not for someone away by their own word.
  const statusReads = (user: string) =>
    world.slack.callsTo('users.info').filter((c) => c.args.user === user && !c.args.include_locale).length;
  expect({ UVAC: statusReads('UVAC'), UEXP: statusReads('UEXP'), USELF: statusReads('USELF') }).toEqual({
    UVAC: 1,
    UEXP: 1,
    USELF: 0,
  });
  expect(await world.pulse('UMGR', 'status')).toMatch(/^0 of 2 answered/);

  expect(await world.pulse('USELF', 'away off')).toMatch(/Welcome back/);
  expect(await awayUntilOf('USELF')).toBeNull();
  // The minute tick (every second here) finds him back and sends his check-in: one DM.
  await waitFor(() => checkinDms(world.slack, 'USELF').length === 1, 'his check-in after coming back');
  await waitFor(async () => (await states()).USELF === 'sent', 'his delivery recorded sent');
  expect(await world.pulse('UMGR', 'status')).toMatch(/^0 of 3 answered/);
  expect(checkinDms(world.slack, 'USELF')).toHaveLength(1);
  expect(checkinDms(world.slack, 'UVAC')).toHaveLength(0);
});
