/**
 * End to end, what three `/pulse` settings do once they are set (not only how they are parsed):
 * `unask n` takes a question out of the next check-in, `config channel #x` sends the summary
 * (and "you said, we did") to #x instead of the team channel, `config kudos-channel #y` sends
 * shout-outs to #y instead of the recognized message's thread. Real receiver, fake Slack.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import type { StoredMessage } from '../support/fake-slack';
import { savedScoreIn, startWorld, type World } from '../support/e2e-world';
import { eventCallbackBody, reactionAddedEvent } from '../support/slack-requests';

const TEAM = 'T0CFG';
const CHANNEL = 'C0CFGTEAM';
const ELSEWHERE = 'C0CFGELSE';
const KUDOS = 'C0CFGKUDO';
const PEOPLE = ['UMGR', 'UANN', 'UBEN'];
const UNASKED = 'Do you get enough focus time?';
const KEPT = 'Do you have the tools you need?';

let world: World;
let database: TestDatabase;

const keyOf = (m: StoredMessage) =>
  String((m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '');
const summariesIn = (channel: string) => world.slack.messagesIn(channel).filter((m) => keyOf(m).startsWith('summary-'));
/** What the bot posted in a channel (people's own messages left out). */
const botPostsIn = (channel: string) => world.slack.messagesIn(channel).filter((m) => m.bot_id);

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: PEOPLE.map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Paris', locale: 'en-US' })),
  });
  world.slack.addChannel(ELSEWHERE, PEOPLE, { name: 'pulse-results' });
  world.slack.addChannel(KUDOS, PEOPLE, { name: 'kudos' });
  await world.pulse('UMGR', 'setup');
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n ===
      PEOPLE.length,
    'the team',
  );
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('/pulse unask n: the next check-in no longer asks that question, and still asks the others', async () => {
  expect(await world.pulse('UMGR', `ask ${UNASKED}`)).toMatch(/Added question 1/);
  expect(await world.pulse('UMGR', `ask ${KEPT}`)).toMatch(/Added question 2/);
  expect(await world.pulse('UMGR', 'unask 1')).toContain(`Removed "${UNASKED}"`);
  expect(await world.pulse('UMGR', 'questions')).toMatch(
    new RegExp(`^1\\. ${KEPT.replace('?', '\\?')} \\(1–10\\)$`, 'm'),
  );

  expect(await world.pulse('UMGR', 'now')).toMatch(/3 members/);
  await waitFor(() => PEOPLE.every((u) => world.slack.dmOf(u).length === 1), 'the check-ins');
  for (const user of PEOPLE) {
    const dm = JSON.stringify(world.checkinOf(user).blocks);
    expect(dm).toContain(KEPT);
    expect(dm).not.toContain(UNASKED);
  }
  const { rows } = await database.pool.query('select questions from rounds');
  expect(JSON.stringify(rows)).toContain(KEPT);
  expect(JSON.stringify(rows)).not.toContain(UNASKED);
});

test('/pulse config channel #elsewhere: the summary and "you said, we did" go there, and nothing to the team channel', async () => {
  expect(await world.pulse('UMGR', 'config threshold 3')).toMatch(/threshold: 3/);
  expect(await world.pulse('UMGR', `config channel <#${ELSEWHERE}|pulse-results>`)).toContain(
    `channel: <#${ELSEWHERE}> (summaries go here)`,
  );
  const before = botPostsIn(CHANNEL).length;

  expect(await world.pulse('UMGR', 'action Focus mornings from next week')).toMatch(/action 1/);
  await waitFor(
    () => botPostsIn(ELSEWHERE).some((m) => /You said, we did/.test(m.text ?? '')),
    'the action in #pulse-results',
  );

  for (const [i, user] of PEOPLE.entries()) {
    await world.send(world.click(user, world.checkinOf(user), 6 + i));
    await waitFor(() => savedScoreIn(world.checkinOf(user)) === 6 + i, `${user}'s answer`);
  }
  await database.pool.query(`update rounds set closes_at = now() - interval '1 minute' where status = 'open'`);
  const [summary] = await waitFor(
    () => (summariesIn(ELSEWHERE).length ? summariesIn(ELSEWHERE) : null),
    'the summary in #pulse-results',
    20_000,
  );
  expect(JSON.stringify(summary!.blocks)).toContain('Average mood: *7.0* / 10'); // (6+7+8)/3
  // The summary job's last step is the chart in the summary's thread: once it is there, the job is done.
  await waitFor(
    () => world.slack.filesIn(ELSEWHERE).some((f) => f.threadTs === summary!.ts),
    'the chart under the summary',
    20_000,
  );
  expect((await database.pool.query('select summary_state, summary_channel_id from rounds')).rows).toEqual([
    { summary_state: 'posted', summary_channel_id: ELSEWHERE },
  ]);
  expect(summariesIn(ELSEWHERE)).toHaveLength(1);
  expect(botPostsIn(CHANNEL)).toHaveLength(before);
  expect(world.slack.filesIn(CHANNEL)).toHaveLength(0);
});

test("/pulse config kudos-channel #kudos: a shout-out goes to #kudos instead of the message's thread", async () => {
  expect(await world.pulse('UMGR', `config kudos-channel <#${KUDOS}|kudos>`)).toContain(`kudos-channel: <#${KUDOS}>`);
  const recognized = world.slack.postAs('UBEN', CHANNEL, 'Rewrote the onboarding guide over the weekend');
  const before = botPostsIn(CHANNEL).length;
  const event = reactionAddedEvent({
    user: 'UANN',
    reaction: 'clap',
    channel: CHANNEL,
    ts: recognized.ts,
    itemUser: 'UBEN',
  });
  expect((await world.send(eventCallbackBody(TEAM, event, { eventId: 'Ev0CFGK1' }))).status).toBe(200);

  const shoutout = await waitFor(
    () => botPostsIn(KUDOS).find((m) => /<@UANN> recognized <@UBEN>/.test(m.text ?? '')),
    'the shout-out in #kudos',
  );
  expect(shoutout.text).toContain('Rewrote the onboarding guide');
  expect(shoutout.thread_ts).toBeUndefined();
  // The shout-out is recorded as posted where it went: the kudos job is done.
  await waitFor(
    async () =>
      (await database.pool.query(`select state, channel_id from shoutouts where state = 'posted'`)).rows[0]
        ?.channel_id === KUDOS,
    'the shout-out recorded',
  );
  expect(botPostsIn(CHANNEL)).toHaveLength(before);
  expect(
    world.slack.messagesIn(CHANNEL).filter((m) => m.thread_ts === recognized.ts && m.ts !== recognized.ts),
  ).toHaveLength(0);
});
