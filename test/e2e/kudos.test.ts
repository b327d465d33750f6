/**
 * End to end: a signed reaction_added becomes exactly one shout-out naming both people; the
 * same event redelivered changes nothing; a second person's reaction updates the shout-out;
 * reaction_removed takes it back; /kudos with a reason and a value shows in the leaderboard.
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import type { StoredMessage } from '../support/fake-slack';
import { startWorld, type World } from '../support/e2e-world';
import { eventCallbackBody, reactionAddedEvent } from '../support/slack-requests';

const TEAM = 'T0KUDOS';
const CHANNEL = 'C0KUDOS';

let world: World;
let database: TestDatabase;
let recognized: StoredMessage;

const shoutouts = () => world.slack.messagesIn(CHANNEL).filter((m) => m.thread_ts === recognized.ts && m.ts !== recognized.ts);
const liveKudos = async () => (await database.pool.query('select count(*)::int as n from kudos where revoked_at is null')).rows[0].n as number;

function reaction(user: string, type: 'reaction_added' | 'reaction_removed', eventId: string) {
  const event = { ...reactionAddedEvent({ user, reaction: 'clap', channel: CHANNEL, ts: recognized.ts, itemUser: 'UCARA' }), type };
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
    ],
  });
  recognized = world.slack.postAs('UCARA', CHANNEL, 'Fixed the checkout bug that was bothering customers since Monday.');
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

  const again = await world.send(reaction('UALEX', 'reaction_added', 'Ev0K1'), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
  expect(again.status).toBe(200);
  await new Promise((r) => setTimeout(r, 1000));
  expect(shoutouts()).toHaveLength(1);
  expect(await liveKudos()).toBe(1);

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

test('/kudos with a reason and a value appears in the leaderboard; self and bots are refused', async () => {
  await world.pulse('UALEX', 'setup');
  expect(await world.pulse('UALEX', 'config values teamwork,customer-care')).toMatch(/#teamwork #customer-care/);
  expect((await world.command('UBEA', '/kudos', '<@UBEA> for me')).text).toMatch(/cannot give them to yourself/);
  expect((await world.command('UBEA', '/kudos', '<@UBOT> for deploys')).text).toMatch(/is a bot/);
  expect((await world.command('UBEA', '/kudos', '<@UCARA> for calming the angry customer #customer-care')).text).toMatch(/on their way to <@UCARA>/);
  await waitFor(() => world.slack.messagesIn(CHANNEL).some((m) => /calming the angry customer/.test(m.text ?? '')), 'the /kudos shout-out');
  const board = await world.pulse('UALEX', 'kudos 4');
  expect(board).toMatch(/Received most\*\n1\. <@UCARA> 1/);
  expect(board).toMatch(/Gave most\*\n1\. <@UBEA> 1/);
  expect(board).toMatch(/#customer-care 1/);
});
