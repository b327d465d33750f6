/**
 * End to end: `/pulse setup` of a channel of 5,000 people, with the fake Slack enforcing Slack's
 * per-method tier limits (windows shortened 30 times, counts kept, so the test need not wait
 * minutes). The team is read from the directory, users.list 200 a page (25 pages), never with one
 * users.info per member; a 429 on a page is waited out for its Retry-After and the page asked again;
 * bots and deactivated people are left out as before.
 */
import { waitFor } from '../support/app-process';
import { useWorld } from '../support/e2e-suite';
import type { FakeUser } from '../support/fake-slack';

const TEAM = 'T0BIGDIR';
const CHANNEL = 'C0BIGDIR';
const MANAGER = 'U0BIGMGR';
const BOT_USER = 'U0A1BOTUSER';
// With the app's own bot user the workspace directory and the channel are 5,000 people each: 25 pages.
const people: FakeUser[] = [
  { id: MANAGER, name: 'manager', tz: 'Europe/Stockholm' },
  ...Array.from({ length: 4998 }, (_, i): FakeUser => {
    const id = `U0P${String(i).padStart(5, '0')}`;
    if (i % 1000 === 1) return { id, name: `bot${i}`, isBot: true };
    if (i % 1000 === 2) return { id, name: `gone${i}`, deleted: true };
    return { id, name: `p${i}`, tz: i % 2 ? 'Asia/Tokyo' : 'America/New_York', locale: i % 3 ? 'fr-FR' : 'en-US' };
  }),
];
const HUMANS = people.filter((u) => !u.isBot && !u.deleted).map((u) => u.id);

const suite = useWorld({
  teamId: TEAM,
  channel: CHANNEL,
  users: people,
  channelMembers: [BOT_USER, ...people.map((u) => u.id)],
  slack: { tierLimits: { speedUp: 30 } },
  env: { LOG_LEVEL: 'error' },
});

test('setup of a channel of 5,000 reads 25 users.list pages, no users.info per member, and waits out each 429', async () => {
  const { world, database } = suite;
  expect(await world.pulse(MANAGER, 'setup')).toBeTruthy();
  const synced = async () => {
    const { rows } = await database.pool.query<{ id: string; tz: string | null; locale: string | null }>(
      `select m.platform_user_id as id, m.timezone as tz, m.locale from team_members tm
       join members m on m.id = tm.member_id join teams t on t.id = tm.team_id
       where tm.active and t.channel_id = $1 order by 1`,
      [CHANNEL],
    );
    return rows.length === HUMANS.length ? rows : null;
  };
  const members = await waitFor(synced, 'the team of 5,000 to be synced', 90_000, 250);
  expect(members.map((m) => m.id)).toEqual([...HUMANS].sort());
  // Each person's zone and locale came from the directory page (include_locale), as users.info gave them.
  expect(members.find((m) => m.id === 'U0P00003')).toMatchObject({ tz: 'Asia/Tokyo', locale: 'en-US' });
  expect(members.find((m) => m.id === 'U0P00004')).toMatchObject({ tz: 'America/New_York', locale: 'fr-FR' });

  const pages = world.slack.callsTo('users.list');
  const served = pages.filter((c) => c.status === 200);
  expect(served).toHaveLength(25);
  expect(served.every((c) => Number(c.args.limit) === 200 && c.args.team_id === TEAM)).toBe(true);
  // Tier 2 is 20 calls a window: the 21st page met a 429 at least once.
  const limited = pages.filter((c) => c.status === 429);
  expect(limited.length).toBeGreaterThanOrEqual(1);
  for (const hit of limited) {
    const retryAfterMs = 1000 * hit.retryAfterSeconds!;
    expect(retryAfterMs).toBeGreaterThanOrEqual(1000);
    const next = pages[pages.indexOf(hit) + 1]!;
    // The same page again (same cursor), no sooner than Retry-After.
    expect(next.args.cursor).toEqual(hit.args.cursor);
    expect(next.at - hit.at).toBeGreaterThanOrEqual(retryAfterMs - 5);
  }
  // Nobody of the channel was read one by one (the caller's own admin check may be).
  const readAlone = world.slack.callsTo('users.info').map((c) => String(c.args.user));
  expect(readAlone.filter((id) => id !== MANAGER)).toEqual([]);
}, 120_000);
