/**
 * Away end to end on Microsoft Teams (issue #18): `pulse away 2w` typed to the bot, through the built
 * app's real CloudAdapter (authentication explicitly off) and a fake Bot Connector on loopback. The
 * person is told until when, in their 1:1 chat; the next round asks everyone else and not them.
 */
import { startApp, waitFor, type AppProcess } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { storesEnv } from '../support/stores-env';
import { channelActivity, postActivity, teamsUser } from '../support/teams-activity';
import {
  startFakeBotConnector,
  type FakeBotConnector,
  type StoredActivity,
  type TeamsUser,
} from '../support/fake-bot-connector';

const TENANT = 'c2d3e4f5-1a2b-4c3d-9e4f-5a6b7c8d9e0f';
const BOT = { id: '28:1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', name: 'Symmetry' };
const CHANNEL = '19:8e3f5d2b0c9a4f7e9d1c3b5a7f9e1d2c@thread.tacv2';
const person = teamsUser;
const [LEA, OLA, SAM] = [person('Lea'), person('Ola'), person('Sam')];

let connector: FakeBotConnector;
let app: AppProcess;
let database: TestDatabase;

/** Posts what the Bot Framework Service would for `from` in the team channel: `fields` over the usual envelope. */
const post = (from: TeamsUser, fields: Record<string, unknown>): Promise<number> =>
  postActivity(
    app.url,
    channelActivity(
      { tenant: TENANT, bot: BOT, channel: CHANNEL, teamName: 'Ops', serviceUrl: connector.url },
      from,
      fields,
    ),
  );

/** "@Symmetry <text>" typed in the channel. */
const typed = (from: TeamsUser, text: string) =>
  post(from, {
    type: 'message',
    text: `<at>Symmetry</at> ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: '<at>Symmetry</at>', mentioned: BOT }],
  });
const textOf = (a: StoredActivity) => JSON.stringify([a.activity.text, a.activity.attachments]);
const replyTo = (user: TeamsUser, pattern: RegExp) =>
  waitFor(
    () => connector.dmOf(user.id).find((m) => pattern.test(textOf(m))),
    `${user.name}'s reply matching ${pattern}`,
  );
const checkinsOf = (user: TeamsUser) => connector.dmOf(user.id).filter((m) => /How are you feeling/.test(textOf(m)));

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  connector = await startFakeBotConnector();
  for (const p of [LEA, OLA, SAM]) connector.addUser(p);
  connector.addChannel(CHANNEL, [LEA.id, OLA.id, SAM.id]);
  app = await startApp({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', ...storesEnv('a') });
  const install = {
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: { tenant: { id: TENANT }, team: { id: CHANNEL, name: 'Ops' }, eventType: 'teamMemberAdded' },
  };
  expect(await post(LEA, install)).toBe(200);
});

afterAll(async () => {
  const code = await app?.stop();
  await connector?.close();
  await database?.close();
  if (code !== 0) console.error(app?.output().slice(-4000));
  expect(code).toBe(0);
});

test('`pulse away 2w` typed to the bot: Ola is told until when, privately, and the next round asks Lea and Sam but not Ola', async () => {
  expect(await typed(LEA, 'pulse setup')).toBe(200);
  await replyTo(LEA, /Setting up this channel as a team/);
  await waitFor(
    async () => (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n === 3,
    'the team to be synced',
  );

  expect(await typed(OLA, 'pulse away in a while')).toBe(200);
  await replyTo(OLA, /is not a day or a length of leave/);
  expect(
    (await database.pool.query('select count(*)::int as n from members where away_until is not null')).rows[0].n,
  ).toBe(0);

  expect(await typed(OLA, 'pulse away 2w')).toBe(200);
  const reply = await replyTo(OLA, /You are away through \d{4}-\d{2}-\d{2}/);
  expect(reply.conversationId).toBe(connector.personalOf(OLA.id));
  const { rows } = await database.pool.query('select platform_user_id from members where away_until is not null');
  expect(rows).toEqual([{ platform_user_id: OLA.id }]);

  expect(await typed(LEA, 'pulse now')).toBe(200);
  // A positive sign that every delivery was handled: none pending or sending.
  await waitFor(async () => {
    const r = await database.pool.query("select count(*)::int as n from deliveries where state in ('sent', 'away')");
    return r.rows[0].n === 3;
  }, 'every delivery handled');
  await waitFor(() => checkinsOf(LEA).length === 1 && checkinsOf(SAM).length === 1, 'Lea and Sam asked');
  expect(checkinsOf(OLA)).toHaveLength(0);
  const states = await database.pool.query(
    'select m.platform_user_id as who, d.state from deliveries d join members m on m.id = d.member_id order by d.state',
  );
  expect(states.rows.filter((r: { state: string }) => r.state === 'away')).toEqual([{ who: OLA.id, state: 'away' }]);
});
