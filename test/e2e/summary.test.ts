/**
 * End to end: a round with custom questions closes and exactly one anonymized summary reaches
 * the team channel with the right numbers; managers only for summaries and config; App Home;
 * and an anonymity scan of every row of every table.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import type { StoredMessage } from '../support/fake-slack';
import { eventCallbackBody } from '../support/slack-requests';
import { countPlaces, findLinks } from '../support/anonymity-scan';
import { startWorld, type World } from '../support/e2e-world';

const TEAM = 'T0SUM';
const CHANNEL = 'C0SUMMARY';
const PEOPLE = ['UMGR', 'UA', 'UB', 'UC', 'UD', 'UE'];
/** Who answers what: five respondents meet the default threshold k = 5; UE never answers. */
const ANSWERS: Record<string, { mood: number; comment?: string; clarity?: number; stop?: string }> = {
  UMGR: { mood: 8, comment: 'Great release, proud of the team.', clarity: 7, stop: 'Stop the Friday deploys.' },
  UA: {
    mood: 6,
    comment: 'Too many meetings, hard to focus. Ping me at anna@example.com',
    clarity: 5,
    stop: 'Stop meetings without agenda.',
  },
  UB: { mood: 7, comment: 'Meetings ate my week again.', clarity: 6 },
  UC: { mood: 9, clarity: 8, stop: 'Stop the meetings creep.' },
  UD: { mood: 5, comment: 'Call me on +46 70 123 45 67, <@UMGR> knows why.', clarity: 4 },
};

let world: World;
let database: TestDatabase;

function summariesIn(channel: string): StoredMessage[] {
  return world.slack
    .messagesIn(channel)
    .filter((m) =>
      String((m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '').startsWith(
        'summary-',
      ),
    );
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [
      ...PEOPLE.map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Paris', locale: 'en-US' })),
      { id: 'UADMIN', name: 'admin', isAdmin: true, tz: 'UTC' },
    ],
    channelMembers: PEOPLE,
  });
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('a closed round posts exactly one summary with the right average, questions, redacted comments and actions', async () => {
  await world.pulse('UMGR', 'setup');
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n ===
      PEOPLE.length,
    'the team',
  );
  expect(await world.pulse('UMGR', 'ask How clear are our priorities?')).toMatch(/Added question 1 \(1–10\)/);
  expect(await world.pulse('UMGR', 'ask --text What should we stop doing?')).toMatch(/Added question 2 \(free text\)/);
  expect(await world.pulse('UMGR', 'questions')).toMatch(
    /1\. How clear are our priorities\? \(1–10\)\n2\. What should we stop doing\? \(text\)/,
  );
  expect(await world.pulse('UMGR', 'action Fewer meetings: no-meeting Wednesdays from now on')).toMatch(/action 1/);
  await waitFor(
    () => world.slack.messagesIn(CHANNEL).some((m) => /You said, we did/.test(m.text ?? '')),
    'the action announcement',
  );

  expect(await world.pulse('UMGR', 'now')).toMatch(/6 members/);
  await waitFor(() => PEOPLE.every((u) => world.slack.dmOf(u).length === 1), 'six check-ins');
  for (const [user, a] of Object.entries(ANSWERS)) {
    const opened = world.slack.callsTo('views.open').length;
    await world.send(world.click(user, world.checkinOf(user), a.mood));
    await waitFor(() => world.slack.callsTo('views.open').length > opened, `the modal for ${user}`);
    const values: Record<string, string> = {};
    if (a.comment) values.comment = a.comment;
    const view = world.slack.callsTo('views.open').at(-1)!.args.view as { blocks: Array<{ block_id: string }> };
    if (a.stop) values[view.blocks[1]!.block_id] = a.stop;
    expect(await world.submitModal(user, values)).toBe(200);
    if (a.clarity) await world.send(world.click(user, world.checkinOf(user), a.clarity, { blockId: 'checkin_q1' }));
    await waitFor(
      () => JSON.stringify(world.checkinOf(user).blocks).includes(`You answered *${a.mood}*`),
      `${user}'s saved answer`,
    );
  }
  await waitFor(
    async () =>
      (
        await database.pool.query(
          "select count(*)::int as n from responses where question_id <> 'mood' and score is not null",
        )
      ).rows[0].n === 5,
    'the clarity scores',
  );
  expect(await world.pulse('UMGR', 'status')).toMatch(/^5 of 6 answered/);

  // Time passes: the round's window ends, the tick closes it and the summary goes out.
  await database.pool.query(`update rounds set closes_at = now() - interval '1 minute' where status = 'open'`);
  await waitFor(() => summariesIn(CHANNEL).length > 0, 'the summary', 20_000);
  await new Promise((r) => setTimeout(r, 2500)); // more ticks: still exactly one
  const summaries = summariesIn(CHANNEL);
  expect(summaries).toHaveLength(1);
  const text = JSON.stringify(summaries[0]!.blocks);
  expect(text).toContain('Average mood: *7.0* / 10'); // (8+6+7+9+5)/5
  expect(text).toContain('Response rate: 5 of 6 (83%)');
  expect(text).toContain('1–4: 0 · 5–7: 3 · 8–10: 2');
  expect(text).toContain('\\"How clear are our priorities?\\": *6.0* / 10 (5 answers)'); // (7+5+6+8+4)/5
  expect(text).toMatch(/What should we stop doing\?\\": not enough answers to show \(5 needed\)/);
  expect(text).toContain('Great release, proud of the team.');
  expect(text).not.toContain('anna@example.com');
  expect(text).not.toContain('123 45 67');
  expect(text).not.toContain('<@UMGR>');
  expect(text).toMatch(/Recurring themes: [^"]*meeting/);
  expect(text).toContain('no-meeting Wednesdays');
  const closed = await database.pool.query(`select summary_state from rounds`);
  expect(closed.rows).toEqual([{ summary_state: 'posted' }]);
});

test('a non-manager asking for a summary or changing config is refused and nothing changes', async () => {
  const before = (await database.pool.query('select settings, managers from teams')).rows;
  expect(await world.pulse('UA', 'summary')).toMatch(/only this team's managers/);
  expect(await world.pulse('UA', 'config threshold 3')).toMatch(/only this team's managers/);
  expect(await world.pulse('UA', 'config managers add <@UA>')).toMatch(/only this team's managers/);
  expect(await world.pulse('UA', 'ask Are you happy?')).toMatch(/only this team's managers/);
  expect((await database.pool.query('select settings, managers from teams')).rows).toEqual(before);
  expect((await database.pool.query('select count(*)::int as n from questions')).rows[0].n).toBe(2);
  // A workspace admin who is not on the team may; and everyone may see their own answers.
  expect(await world.pulse('UADMIN', 'config')).toMatch(/threshold: 5/);
  expect(await world.pulse('UA', 'mine')).toMatch(/Your own answers[\s\S]*: 6 💬/);
});

test('/pulse summary shows the manager the same summary; config changes are applied and shown', async () => {
  const reply = await world.command('UMGR', '/pulse', 'summary');
  expect(reply.text).toMatch(/The last round, as the team sees it/);
  expect(JSON.stringify(reply.blocks)).toContain('Average mood: *7.0* / 10');
  expect(await world.pulse('UMGR', 'config threshold 6')).toMatch(/threshold: 6/);
  const withheld = await world.command('UMGR', '/pulse', 'summary');
  expect(JSON.stringify(withheld.blocks)).toMatch(/Not enough answers to keep them anonymous \(6 needed\)/);
  expect(JSON.stringify(withheld.blocks)).not.toMatch(/7\.0|Great release/);
  expect(await world.pulse('UMGR', 'config window 1d')).toMatch(/must come before the round closes/);
  expect(await world.pulse('UMGR', 'config managers remove <@UMGR>')).toMatch(/at least one manager/);
  expect(await world.pulse('UMGR', 'action done 1')).toMatch(/Marked done/);
  expect(await world.pulse('UMGR', 'config threshold 5')).toMatch(/threshold: 5/);
});

test('App Home shows a person their own answers and a manager their team, under the threshold', async () => {
  const open = (user: string) =>
    world.send(
      eventCallbackBody(
        TEAM,
        { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: `${Date.now() / 1000}` },
        {},
      ),
    );
  await open('UA');
  const home = await waitFor(() => world.slack.homeOf('UA'), "UA's home");
  expect(JSON.stringify(home)).toMatch(/Your recent check-ins[\s\S]*: 6 💬/);
  expect(JSON.stringify(home)).not.toMatch(/Teams you manage/);
  await open('UMGR');
  const managerHome = await waitFor(() => world.slack.homeOf('UMGR'), "the manager's home");
  expect(JSON.stringify(managerHome)).toMatch(/Teams you manage[\s\S]*Last round: 83% answered, average mood 7.0/);
});

test('anonymity scan: no row of any table holds both a person and their score or comment', async () => {
  const known = Object.entries(ANSWERS).map(([platformUserId, a]) => ({
    platformUserId,
    score: a.mood,
    texts: [a.comment, a.stop].filter(Boolean) as string[],
  }));
  expect(await countPlaces(database.pool)).toBeGreaterThan(30);
  expect(await findLinks(database.pool, known)).toEqual([]);
});
