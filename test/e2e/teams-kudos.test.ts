/**
 * End to end on Microsoft Teams: `@Symmetry kudos @Dan for … #tag` typed in a team channel, through the
 * built app's real CloudAdapter (authentication explicitly off) and a fake Bot Connector on loopback.
 * With no values configured the kudos is given and its shout-out shows the tag; with values configured an
 * unknown tag is kept as a free tag, and only the giver is told so, in their 1:1 chat with the bot.
 * ("Give kudos" on a message takes no reason and so no tags: it is covered in teams.test.ts.)
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

const TENANT = 'b1c2d3e4-0f1a-4b2c-8d3e-4f5a6b7c8d9e';
const BOT = { id: '28:0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', name: 'Symmetry' };
/** The team's General channel: its conversation id is the team id. */
const CHANNEL = '19:7d2e4c1a9b8f4e6d8c0b2a4f6e8d0c1b@thread.tacv2';

const member = teamsUser;
const MAJA = member('Maja');
const BEN = member('Ben');
const DAN = member('Dan');

let connector: FakeBotConnector;
let app: AppProcess;
let database: TestDatabase;

/** An activity in the team channel as the Bot Framework Service posts it: `fields` over what every one carries. */
const inChannel = (from: TeamsUser, fields: Record<string, unknown>) =>
  channelActivity(
    { tenant: TENANT, bot: BOT, channel: CHANNEL, teamName: 'Support', serviceUrl: connector.url },
    from,
    fields,
  );

/** "@Symmetry <text>" typed in the channel by `from`; `<at>Name</at>` in the text mentions that person. */
async function say(from: TeamsUser, text: string, mentioned: TeamsUser[] = []): Promise<number> {
  const entities = [BOT, ...mentioned].map((m) => ({
    type: 'mention',
    text: `<at>${m.name}</at>`,
    mentioned: { id: m.id, name: m.name },
  }));
  return postActivity(
    app.url,
    inChannel(from, { type: 'message', text: `<at>Symmetry</at> ${text}`, textFormat: 'plain', entities }),
  );
}

const shown = (a: StoredActivity) => JSON.stringify([a.activity.text, a.activity.attachments]);
/** The bot's message in `userId`'s 1:1 chat that matches, once it is there. */
const privateReply = (user: TeamsUser, pattern: RegExp) =>
  waitFor(
    () => connector.dmOf(user.id).find((m) => pattern.test(shown(m))),
    `${user.name}'s private reply matching ${pattern}`,
  );
/** The one shout-out in the channel whose reason contains `reason`. */
const shoutout = async (reason: string) => {
  await waitFor(
    () => connector.messagesIn(CHANNEL).some((m) => shown(m).includes(reason)),
    `the shout-out for "${reason}"`,
  );
  const found = connector.messagesIn(CHANNEL).filter((m) => shown(m).includes(reason));
  expect(found).toHaveLength(1);
  return shown(found[0]!);
};

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  connector = await startFakeBotConnector();
  for (const p of [MAJA, BEN, DAN]) connector.addUser(p);
  connector.addChannel(CHANNEL, [MAJA.id, BEN.id, DAN.id]);
  app = await startApp({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', ...storesEnv('k') });
  // Installed in the team: Teams tells the bot it joined.
  const install = inChannel(MAJA, {
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: { tenant: { id: TENANT }, team: { id: CHANNEL, name: 'Support' }, eventType: 'teamMemberAdded' },
  });
  const res = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(install),
  });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  const code = await app?.stop();
  await connector?.close();
  await database?.close();
  if (code !== 0) console.error(app?.output().slice(-4000));
  expect(code).toBe(0);
});

test('no values configured: `kudos @Dan for … #teamwork` is given, and its shout-out shows the tag', async () => {
  expect(await say(BEN, 'kudos <at>Dan</at> for a great demo #teamwork', [DAN])).toBe(200);
  const reply = await privateReply(BEN, /Kudos on their way/);
  expect(reply.activity.text).toBe('Kudos on their way to <at>Dan</at>. Thank you!');
  const card = await shoutout('a great demo');
  expect(card).toMatch(/<at>Ben<\/at> recognized <at>Dan<\/at>/);
  expect(card).toContain('"text":"Tags: #teamwork"');
  expect(card).not.toContain('Values:');
  const rows = await database.pool.query(`select "values", tags from kudos where giver = $1`, [BEN.id]);
  expect(rows.rows).toEqual([{ values: [], tags: ['teamwork'] }]);
});

test('values configured: an unknown tag is kept as a free tag, and only the giver is told, in their 1:1 chat', async () => {
  expect(await say(MAJA, 'pulse setup')).toBe(200);
  await privateReply(MAJA, /Setting up this channel as a team/);
  expect(await say(MAJA, 'pulse config values teamwork,customer-care')).toBe(200);
  await privateReply(MAJA, /#teamwork #customer-care/);

  expect(await say(BEN, 'kudos <at>Dan</at> for calming the angry customer #Customer-Care #Patience!', [DAN])).toBe(
    200,
  );
  const note = await privateReply(BEN, /free tags/);
  expect(note.conversationId).toBe(connector.personalOf(BEN.id));
  expect(note.activity.text).toBe(
    'Kudos on their way to <at>Dan</at>. Thank you!\n' +
      "Kept as free tags, not company values: #patience (this workspace's values are #teamwork #customer-care). " +
      'A manager can make them values with `pulse config values teamwork,customer-care,patience`.',
  );
  const card = await shoutout('calming the angry customer');
  expect(card).toContain('"text":"Values: #customer-care"');
  expect(card).toContain('"text":"Tags: #patience"');
  // The shout-out is out, so the command is done: the note reached Ben's 1:1 chat and no other conversation.
  expect(connector.calls.filter((c) => JSON.stringify(c.body ?? '').includes('free tags')).length).toBeGreaterThan(0);
  const elsewhere = connector.calls.filter(
    (c) => c.conversationId !== connector.personalOf(BEN.id) && JSON.stringify(c.body ?? '').includes('free tags'),
  );
  expect(elsewhere).toEqual([]);
  expect(
    connector
      .dmOf(MAJA.id)
      .concat(connector.dmOf(DAN.id))
      .filter((m) => shown(m).includes('free tags')),
  ).toEqual([]);

  expect(await say(MAJA, 'pulse kudos 4')).toBe(200);
  const board = await privateReply(MAJA, /Received most/);
  expect(board.activity.text).toMatch(
    /\*\*Values\*\*: #customer-care 1\n\*\*Free tags\*\*: #patience 1 · #teamwork 1$/,
  );
});
