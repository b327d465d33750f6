/**
 * Away end to end on Microsoft Teams (issue #18): `pulse away 2w` typed to the bot, through the built
 * app's real CloudAdapter (authentication explicitly off) and a fake Bot Connector on loopback. The
 * person is told until when, in their 1:1 chat; the next round asks everyone else and not them.
 */
import { waitFor } from '../support/app-process';
import type { TeamsUser } from '../support/fake-bot-connector';
import { teamsUser } from '../support/teams-activity';
import { textOf, useTeamsWorld } from '../support/teams-world';

const TENANT = 'c2d3e4f5-1a2b-4c3d-9e4f-5a6b7c8d9e0f';
const BOT = { id: '28:1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', name: 'Symmetry' };
const CHANNEL = '19:8e3f5d2b0c9a4f7e9d1c3b5a7f9e1d2c@thread.tacv2';
const person = teamsUser;
const PEOPLE = [person('Lea'), person('Ola'), person('Sam')];
const [LEA, OLA, SAM] = PEOPLE as [TeamsUser, TeamsUser, TeamsUser];

const world = useTeamsWorld({ tenant: TENANT, bot: BOT, channel: CHANNEL, teamName: 'Ops', people: PEOPLE, tag: 'a' });
const { typed, replyTo } = world;
const checkinsOf = (user: typeof LEA) =>
  world.connector.dmOf(user.id).filter((m) => /How are you feeling/.test(textOf(m)));

test('`pulse away 2w` typed to the bot: Ola is told until when, privately, and the next round asks Lea and Sam but not Ola', async () => {
  await world.setUpTeam(LEA);

  expect(await typed(OLA, 'pulse away in a while')).toBe(200);
  await replyTo(OLA, /is not a day or a length of leave/);
  expect(
    (await world.database.pool.query('select count(*)::int as n from members where away_until is not null')).rows[0].n,
  ).toBe(0);

  expect(await typed(OLA, 'pulse away 2w')).toBe(200);
  const reply = await replyTo(OLA, /You are away through \d{4}-\d{2}-\d{2}/);
  expect(reply.conversationId).toBe(world.connector.personalOf(OLA.id));
  const { rows } = await world.database.pool.query('select platform_user_id from members where away_until is not null');
  expect(rows).toEqual([{ platform_user_id: OLA.id }]);

  expect(await typed(LEA, 'pulse now')).toBe(200);
  // A positive sign that every delivery was handled: none pending or sending.
  await waitFor(async () => {
    const r = await world.database.pool.query(
      "select count(*)::int as n from deliveries where state in ('sent', 'away')",
    );
    return r.rows[0].n === 3;
  }, 'every delivery handled');
  await waitFor(() => checkinsOf(LEA).length === 1 && checkinsOf(SAM).length === 1, 'Lea and Sam asked');
  expect(checkinsOf(OLA)).toHaveLength(0);
  const states = await world.database.pool.query(
    'select m.platform_user_id as who, d.state from deliveries d join members m on m.id = d.member_id order by d.state',
  );
  expect(states.rows.filter((r: { state: string }) => r.state === 'away')).toEqual([{ who: OLA.id, state: 'away' }]);
});
