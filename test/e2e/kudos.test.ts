/**
 * End to end: a signed reaction_added becomes exactly one shout-out naming both people; the
 * same event redelivered changes nothing; a second person's reaction updates the shout-out;
 * reaction_removed takes it back. `/kudos` with a #tag is given whether or not the workspace has
 * values: an unknown tag is a free tag in the shout-out and the leaderboard, and only the giver is
 * told it is not a company value. The daily limit: five kudos go through, the sixth (a reaction or
 * a `/kudos`) is refused, the giver alone is told, nothing is stored and nothing is posted.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import type { StoredMessage } from '../support/fake-slack';
import { startWorld, type World } from '../support/e2e-world';
import { eventCallbackBody, reactionAddedEvent } from '../support/slack-requests';

const TEAM = 'T0KUDOS';
const CHANNEL = 'C0KUDOS';

let world: World;

/** A fixed-offset zone where it is between 11:30 and 12:30 at `now` (Etc/GMT-N is UTC+N). */
function zoneNearNoon(now: Date): string {
  const offset = 12 - Math.round(now.getUTCHours() + now.getUTCMinutes() / 60);
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
let database: TestDatabase;
let recognized: StoredMessage;

const shoutouts = () =>
  world.slack.messagesIn(CHANNEL).filter((m) => m.thread_ts === recognized.ts && m.ts !== recognized.ts);
const liveKudos = async () =>
  (await database.pool.query('select count(*)::int as n from kudos where revoked_at is null')).rows[0].n as number;

function reaction(user: string, type: 'reaction_added' | 'reaction_removed', eventId: string) {
  const event = {
    ...reactionAddedEvent({ user, reaction: 'clap', channel: CHANNEL, ts: recognized.ts, itemUser: 'UCARA' }),
    type,
  };
  return eventCallbackBody(TEAM, event, { eventId });
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [
      { id: 'UALEX', name: 'alex', tz: 'Europe/Berlin' },
      { id: 'UBEA', name: 'bea', tz: 'America/Chicago' },
      { id: 'UCARA', name: 'cara', tz: 'Asia/Tokyo' },
      { id: 'UBOT', name: 'ci-bot', isBot: true },
      // Dan's day is the one the daily limit counts: his zone puts him near noon whenever the test runs, far from his midnight.
      { id: 'UDAN', name: 'dan', tz: zoneNearNoon(new Date()) },
    ],
  });
  recognized = world.slack.postAs(
    'UCARA',
    CHANNEL,
    'Fixed the checkout bug that was bothering customers since Monday.',
  );
});

afterAll(async () => {
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('a reaction makes one shout-out naming both; a redelivery changes nothing; a second reaction updates it', async () => {
  expect((await world.send(reaction('UALEX', 'reaction_added', 'Ev0K1'))).status).toBe(200);
  await waitFor(() => shoutouts().length === 1, 'the shout-out');
  const text = () => shoutouts()[0]!.text ?? '';
  expect(text()).toMatch(/<@UALEX> recognized <@UCARA>/);
  expect(text()).toContain('Fixed the checkout bug');
  expect(text()).toMatch(/See the message/);

  const again = await world.send(reaction('UALEX', 'reaction_added', 'Ev0K1'), {
    'x-slack-retry-num': '1',
    'x-slack-retry-reason': 'http_timeout',
  });
  expect(again.status).toBe(200);

  // Bea's reaction, sent after the redelivery, is the sign that the app has moved past it.
  expect((await world.send(reaction('UBEA', 'reaction_added', 'Ev0K2'))).status).toBe(200);
  await waitFor(() => /\(\+1 more\)/.test(text()), 'the shout-out to count Bea');
  expect(shoutouts()).toHaveLength(1);
  expect(await liveKudos()).toBe(2);
});

test('reaction_removed takes the kudos back and the shout-out follows', async () => {
  expect((await world.send(reaction('UBEA', 'reaction_removed', 'Ev0K3'))).status).toBe(200);
  await waitFor(() => !/more\)/.test(shoutouts()[0]!.text ?? ''), 'the shout-out to drop Bea');
  expect(await liveKudos()).toBe(1);
  expect((await world.send(reaction('UALEX', 'reaction_removed', 'Ev0K4'))).status).toBe(200);
  await waitFor(() => /withdrawn/.test(shoutouts()[0]!.text ?? ''), 'the shout-out to be withdrawn');
  expect(await liveKudos()).toBe(0);
  expect(shoutouts()).toHaveLength(1);
});

/** The bot's top-level posts in the channel that contain `text` (/kudos shout-outs are not in a thread). */
const postsWith = (text: string) =>
  world.slack.messagesIn(CHANNEL).filter((m) => m.bot_id && !m.thread_ts && (m.text ?? '').includes(text));
/** Every place a sentence could reach someone other than through a command's private reply: posts, DMs, ephemerals. */
const everythingPosted = () =>
  JSON.stringify(world.slack.calls.filter((c) => /^chat\./.test(c.method)).map((c) => c.args));

test('no values configured: /kudos with a #tag is given, and its shout-out shows the tag', async () => {
  const reply = await world.command('UBEA', '/kudos', '<@UCARA> for a great demo #teamwork');
  expect(reply.text).toBe('Kudos on their way to <@UCARA>. Thank you!');
  const [shoutout] = await waitFor(
    () => (postsWith('a great demo').length ? postsWith('a great demo') : null),
    'the /kudos shout-out',
  );
  expect(shoutout!.text).toMatch(/<@UBEA> recognized <@UCARA>/);
  expect(shoutout!.text).toMatch(/^Tags: #teamwork$/m);
  expect(shoutout!.text).not.toMatch(/Values:/);
  const rows = await database.pool.query(
    `select "values", tags from kudos where giver = 'UBEA' and reason = 'a great demo'`,
  );
  expect(rows.rows).toEqual([{ values: [], tags: ['teamwork'] }]);
});

test('values configured: an unknown tag is kept as a free tag, and only the giver is told privately', async () => {
  await world.pulse('UALEX', 'setup');
  expect(await world.pulse('UALEX', 'config values teamwork,customer-care')).toMatch(/#teamwork #customer-care/);
  expect((await world.command('UBEA', '/kudos', '<@UBEA> for me')).text).toMatch(/cannot give them to yourself/);
  expect((await world.command('UBEA', '/kudos', '<@UBOT> for deploys')).text).toMatch(/is a bot/);

  // Bad input still gets a clear answer and changes nothing.
  const eleven = Array.from({ length: 11 }, (_, i) => `#t${i + 1}`).join(' ');
  expect((await world.command('UBEA', '/kudos', `<@UCARA> for the help ${eleven}`)).text).toBe(
    'That is 11 tags; please keep it to 10.',
  );
  expect(
    (await database.pool.query(`select count(*)::int as n from kudos where giver = 'UBEA' and revoked_at is null`))
      .rows[0].n,
  ).toBe(1);

  const reply = await world.command(
    'UBEA',
    '/kudos',
    '<@UCARA> for calming the angry customer #Customer-Care #Patience!',
  );
  expect(reply).toMatchObject({ response_type: 'ephemeral' });
  expect(reply.text).toBe(
    'Kudos on their way to <@UCARA>. Thank you!\n' +
      "Kept as free tags, not company values: #patience (this workspace's values are #teamwork #customer-care). " +
      'A manager can make them values with `/pulse config values teamwork,customer-care,patience`.',
  );
  const [shoutout] = await waitFor(
    () => (postsWith('calming the angry customer').length ? postsWith('calming the angry customer') : null),
    'the /kudos shout-out',
  );
  expect(shoutout!.text).toMatch(/^Values: #customer-care$/m);
  expect(shoutout!.text).toMatch(/^Tags: #patience$/m);
  expect(shoutout!.text).not.toMatch(/free tags|company values/);
  // The shout-out is posted, so the command's work is done: the note went nowhere but the giver's private reply.
  expect(everythingPosted()).toContain('calming the angry customer');
  expect(everythingPosted()).not.toMatch(/free tags/);
  expect(world.slack.allResponses.filter((r) => JSON.stringify(r.body).includes('free tags'))).toHaveLength(1);

  const board = await world.pulse('UALEX', 'kudos 4');
  expect(board).toMatch(/Received most\*\n1\. <@UCARA> 2/);
  expect(board).toMatch(/Gave most\*\n1\. <@UBEA> 2/);
  expect(board).toMatch(/\*Values\*: #customer-care 1\n\*Free tags\*: #patience 1 · #teamwork 1$/);
});

test('the daily limit: five kudos go through; the sixth is refused, the giver alone is told, nothing is stored or posted', async () => {
  const given = async () =>
    (await database.pool.query(`select count(*)::int as n from kudos where giver = 'UDAN' and revoked_at is null`))
      .rows[0].n as number;
  const danReacts = (message: StoredMessage, eventId: string) =>
    eventCallbackBody(
      TEAM,
      reactionAddedEvent({ user: 'UDAN', reaction: 'clap', channel: CHANNEL, ts: message.ts, itemUser: message.user }),
      { eventId },
    );
  const thread = (message: StoredMessage) =>
    world.slack.messagesIn(CHANNEL).filter((m) => m.thread_ts === message.ts && m.ts !== message.ts);

  // Five: three and one by /kudos, one by a reaction.
  expect(
    (await world.command('UDAN', '/kudos', '<@UCARA> <@UBEA> <@UALEX> for covering the on-call weekend #on-call')).text,
  ).toMatch(/on their way/);
  await waitFor(() => postsWith('covering the on-call weekend').length === 1, 'the first shout-out');
  expect((await world.command('UDAN', '/kudos', '<@UCARA> for the release notes')).text).toMatch(/on their way/);
  await waitFor(() => postsWith('the release notes').length === 1, 'the second shout-out');
  const fifth = world.slack.postAs('UBEA', CHANNEL, 'Rolled back the bad config in two minutes.');
  expect((await world.send(danReacts(fifth, 'Ev0L5'))).status).toBe(200);
  await waitFor(() => thread(fifth).length === 1, 'the fifth kudos shout-out');
  expect(await given()).toBe(5);
  expect(world.slack.dmOf('UDAN')).toEqual([]);

  // The sixth, by a reaction: refused by the worker, which tells Dan in his DM.
  const sixth = world.slack.postAs('UCARA', CHANNEL, 'Answered every ticket in the queue.');
  expect((await world.send(danReacts(sixth, 'Ev0L6'))).status).toBe(200);
  const notice = await waitFor(
    () => world.slack.dmOf('UDAN').find((m) => /You have given all 5 of your kudos for today/.test(m.text ?? '')),
    "Dan's limit notice",
  );
  expect(notice.channel).toBe(world.slack.dmChannelOf('UDAN'));
  expect(await given()).toBe(5);
  expect(thread(sixth)).toEqual([]);
  expect(world.slack.messagesIn(CHANNEL).filter((m) => /given all/.test(m.text ?? ''))).toEqual([]);

  // The seventh, by /kudos: refused before it is queued, in Dan's private reply.
  const refused = await world.command('UDAN', '/kudos', '<@UALEX> for one kudos too many #patience');
  expect(refused).toMatchObject({
    response_type: 'ephemeral',
    text: 'You have 0 kudos left today (of 5). Pick fewer people, or give more tomorrow.',
  });
  expect(await given()).toBe(5);
  expect(postsWith('one kudos too many')).toEqual([]);
});
