/**
 * End to end on Microsoft Teams: the built app (`node dist/main/start.js all`) with Teams only, its
 * real CloudAdapter behind POST /api/messages (authentication explicitly off for the test), and a
 * fake Bot Connector on loopback as every activity's serviceUrl, recording each call the bot makes.
 * install → setup → round → a proactive card per member (a throttled send retried, a blocked member
 * marked unreachable) → an answer saved and its card updated → the summary in the channel under the
 * threshold, its chart (an inline PNG) in its thread → `pulse summary`/`symmetry` charts in the manager's
 * 1:1 chat → "Give kudos" makes one shout-out, a repeat nothing, 👍 on it a "+1" → `kudos @Dan …`.
 * Then: with authentication on, requests without a valid token are refused; with a tenant configured,
 * another tenant's activities are refused and leave nothing behind; Slack and Teams share a port.
 * Where a test checks that something did not happen, it first waits for a sign that it could have:
 * a reply, a metric, ticks run and queues drained (test/support/metrics.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { startApp, waitFor, type AppProcess } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startWorld, watchQueues, type QueueWatch } from '../support/e2e-world';
import {
  startFakeBotConnector,
  type FakeBotConnector,
  type StoredActivity,
  type TeamsUser,
} from '../support/fake-bot-connector';
import { scrapeValue, waitUntilSettled } from '../support/metrics';
import { decodePng } from '../support/png';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: '28:6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d', name: 'Symmetry' };
const TEAM_ID = '19:f3a1c9e2b7d84e5f9a0b1c2d3e4f5a6b@thread.tacv2';
/** The team's General channel: its conversation id is the team id. */
const CHANNEL = TEAM_ID;

const person = (name: string): TeamsUser => ({
  id: `29:1${name}${randomBytes(8).toString('hex')}`,
  aadObjectId: randomUUID(),
  name,
});
const MANAGER = person('Maja');
const PEOPLE = [MANAGER, person('Anna'), person('Ben'), person('Cara'), person('Dan'), person('Eva')];
const [, ANNA, BEN, CARA, DAN, EVA] = PEOPLE as [TeamsUser, TeamsUser, TeamsUser, TeamsUser, TeamsUser, TeamsUser];
/** On the team, but has blocked the bot: Teams answers 403 to any message for him. */
const FINN: TeamsUser = { ...person('Finn'), blocked: true };
/** Five of six answer: the default threshold k = 5 is met. Eva never answers. */
const ANSWERS = new Map<TeamsUser, { score: number; comment?: string }>([
  [MANAGER, { score: 8, comment: 'Great release, proud of the team.' }],
  [ANNA, { score: 6, comment: 'Too many meetings. Mail me at anna@example.com' }],
  [BEN, { score: 7 }],
  [CARA, { score: 9, comment: 'Meetings ate my week again.' }],
  [DAN, { score: 5 }],
]);

let connector: FakeBotConnector;
let app: AppProcess;
let queues: QueueWatch;
let database: TestDatabase;
let seq = 0;

/** The fields every activity Teams sends the bot carries. */
function activity(
  from: TeamsUser,
  conversation: { id: string; conversationType: 'channel' | 'personal' },
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: `f:${++seq}${randomBytes(4).toString('hex')}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: {
      ...conversation,
      tenantId: TENANT,
      ...(conversation.conversationType === 'channel' ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: TENANT },
      ...(conversation.conversationType === 'channel'
        ? { team: { id: TEAM_ID, name: 'Customer care', aadGroupId: randomUUID() }, channel: { id: CHANNEL } }
        : {}),
    },
    locale: 'en-US',
    ...extra,
  };
}

const inChannel = { id: CHANNEL, conversationType: 'channel' as const };

/** The app's environment for Teams alone on the test database, a queue prefix of its own, and `extra`. */
function teamsEnv(extra: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}t${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** POSTs an activity to /api/messages, as the Bot Framework Service does. */
async function post(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  url = app.url,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text || undefined;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // botbuilder answers a refused request with plain text
  }
  return { status: res.status, body: parsed };
}

/** "@Symmetry <text>" typed in the team channel. */
function mentionBot(from: TeamsUser, text: string, extraEntities: unknown[] = []) {
  return activity(from, inChannel, {
    type: 'message',
    text: `<at>Symmetry</at> ${text}`,
    textFormat: 'plain',
    entities: [
      { type: 'mention', text: '<at>Symmetry</at>', mentioned: BOT },
      ...extraEntities,
      { type: 'clientInfo', locale: 'en-US', timezone: 'Europe/Stockholm' },
    ],
  });
}

/** The latest version of the one check-in card a person has. */
function checkinOf(user: TeamsUser): StoredActivity {
  const cards = connector.dmOf(user.id).filter((a) => JSON.stringify(a.activity).includes('checkin.score'));
  if (cards.length !== 1) throw new Error(`${user.name} has ${cards.length} check-in cards`);
  return cards[0]!;
}

/** The Action.Execute data of a score button of a card. */
function scoreData(card: StoredActivity, score: number): Record<string, unknown> {
  const found = JSON.stringify(card.activity).match(
    new RegExp(`"title":"${score}","verb":"checkin\\.score","data":(\\{[^}]*\\})`),
  );
  if (!found) throw new Error(`no button ${score}`);
  return JSON.parse(found[1]!) as Record<string, unknown>;
}

/** A click on a score of the card (with a comment typed in the card's box), as an adaptiveCard/action invoke. */
function clickScore(user: TeamsUser, card: StoredActivity, score: number, comment?: string) {
  return activity(
    user,
    { id: card.conversationId, conversationType: 'personal' },
    {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: card.id,
      localTimezone: user === BEN ? 'Asia/Kolkata' : 'Europe/Stockholm',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'checkin.score',
          data: { ...scoreData(card, score), ...(comment ? { comment } : {}) },
        },
        trigger: 'manual',
      },
    },
  );
}

const cardText = (a: StoredActivity) => JSON.stringify(a.activity);
/** Kudos jobs that found the kudos already given (the worker's count). */
const DUPLICATE_KUDOS = 'symmetry_kudos_total{outcome="duplicate"}';
/** The reply's second sentence when a chart is on its way to the caller's 1:1 chat. */
const CHART_COMING = 'The trend chart (PNG) is on its way to your messages with Symmetry.';
/** The PNG bytes of an inline image message (an image/png attachment with a data URI), or null. */
function imageOf(a: StoredActivity): Buffer | null {
  const image = ((a.activity.attachments ?? []) as Array<{ contentType?: string; contentUrl?: string }>).find(
    (x) => x.contentType === 'image/png',
  );
  const data = /^data:image\/png;base64,(.+)$/.exec(image?.contentUrl ?? '')?.[1];
  return data ? Buffer.from(data, 'base64') : null;
}
/** Only what the person reads: the text and the cards, not the addressing around them. */
const shown = (a: StoredActivity) => JSON.stringify([a.activity.text, a.activity.attachments]);
const summaries = () =>
  connector.messagesIn(CHANNEL).filter((m) => /Team pulse/.test(cardText(m)) && /round closed/.test(cardText(m)));
const count = async (sql: string) => (await database.pool.query(sql)).rows[0].n as number;

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  connector = await startFakeBotConnector();
  for (const p of [...PEOPLE, FINN]) connector.addUser(p);
  connector.addChannel(
    CHANNEL,
    [...PEOPLE, FINN].map((p) => p.id),
  );
  const env = teamsEnv({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', TICK_SECONDS: '1' });
  app = await startApp(env);
  queues = watchQueues(env);
});

afterAll(async () => {
  await queues?.close();
  const code = await app?.stop();
  await connector?.close();
  await database?.close();
  if (code !== 0) console.error(app?.output().slice(-4000));
  // E2E_LOG=path keeps the app's whole output for a closer look.
  if (process.env.E2E_LOG) writeFileSync(process.env.E2E_LOG, app?.output() ?? '');
  expect(code).toBe(0);
});

test('install → setup → round: a proactive card to each member, created once per person', async () => {
  // Installed in the team: Teams says the bot joined. Its reference is stored in PostgreSQL.
  const install = activity(MANAGER, inChannel, {
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID, name: 'Customer care' }, eventType: 'teamMemberAdded' },
  });
  expect((await post(install)).status).toBe(200);
  expect(
    await count(
      `select count(*)::int as n from conversation_references where kind = 'channel' and conversation_id = '${CHANNEL}'`,
    ),
  ).toBe(1);

  expect((await post(mentionBot(MANAGER, 'pulse setup'))).status).toBe(200);
  // The answer is private: it goes to the manager's 1:1 chat, not the channel.
  await waitFor(
    () => connector.dmOf(MANAGER.id).some((m) => /Setting up this channel as a team/.test(cardText(m))),
    'the private reply to setup',
  );
  expect(cardText(connector.dmOf(MANAGER.id)[0]!)).toContain('`pulse schedule fri 14:00`');
  expect(connector.messagesIn(CHANNEL)).toHaveLength(0);
  // The General channel comes with no name of its own: the team is named after its team.
  expect((await database.pool.query('select name from teams')).rows).toEqual([{ name: 'Customer care' }]);
  await waitFor(
    async () => (await count('select count(*)::int as n from team_members where active')) === PEOPLE.length + 1,
    'the team synced from the roster',
  );
  expect(connector.callsTo('GET', /\/pagedmembers$/).length).toBeGreaterThan(0);

  // Ben's client reports his zone; until then the team default applies.
  await post(
    activity(BEN, inChannel, {
      type: 'message',
      text: '<at>Symmetry</at> pulse mine',
      entities: [{ type: 'mention', text: '<at>Symmetry</at>', mentioned: BOT }],
      localTimezone: 'Asia/Kolkata',
    }),
  );
  await waitFor(
    async () =>
      (await database.pool.query(`select timezone from members where platform_user_id = '${BEN.id}'`)).rows[0]
        ?.timezone === 'Asia/Kolkata',
    "Ben's time zone",
  );
  expect((await post(mentionBot(MANAGER, 'pulse config timezone Europe/Stockholm'))).status).toBe(200);
  await waitFor(
    () => connector.dmOf(MANAGER.id).some((m) => /timezone: Europe\/Stockholm/.test(cardText(m))),
    'the config reply',
  );

  // Teams throttles one send: it is retried after Retry-After, and nobody gets a card twice.
  connector.failNext('POST', /^\/v3\/conversations\/a:[^/]+\/activities$/, 1, 429, 1);
  expect((await post(mentionBot(MANAGER, 'pulse now'))).status).toBe(200);
  await waitFor(
    () => PEOPLE.every((p) => connector.dmOf(p.id).some((m) => cardText(m).includes('checkin.score'))),
    'a check-in card for each of the six',
  );
  expect(connector.calls.filter((c) => c.status === 429)).toHaveLength(1);
  for (const p of PEOPLE) checkinOf(p);
  // Finn blocked the bot: one attempt, a 403, he is marked unreachable and his check-in fails for good.
  await waitFor(
    async () =>
      (await count(
        `select count(*)::int as n from deliveries d join members m on m.id = d.member_id where m.platform_user_id = '${FINN.id}' and d.state = 'failed'`,
      )) === 1,
    "Finn's check-in to fail",
  );
  expect(
    await count(
      `select count(*)::int as n from platform_contacts where user_id = '${FINN.id}' and unreachable_at is not null`,
    ),
  ).toBe(1);
  // Before checking he was not tried again: ticks that would re-enqueue him have run, and no retry is pending.
  await waitUntilSettled(app.url, queues);
  expect(
    connector
      .callsTo('POST', /^\/v3\/conversations$/)
      .filter((c) => JSON.stringify(c.body).includes(FINN.id))
      .map((c) => c.status),
  ).toEqual([403]);
  const card = checkinOf(ANNA);
  const content = (
    card.activity.attachments as Array<{ contentType: string; content: { version: string; body: unknown[] } }>
  )[0]!;
  expect(content.contentType).toBe('application/vnd.microsoft.card.adaptive');
  for (let s = 1; s <= 10; s += 1) expect(scoreData(card, s)).toMatchObject({ s });
  expect(cardText(card)).toMatch(/Input\.Text/);
  expect(cardText(card)).toMatch(/anonymous/);
  // One 1:1 conversation per person, made once: the manager's (made for the setup reply) was reused.
  const creates = connector.callsTo('POST', /^\/v3\/conversations$/).filter((c) => c.status === 201);
  expect(new Set(creates.map((c) => (c.body as { members: Array<{ id: string }> }).members[0]!.id)).size).toBe(
    PEOPLE.length,
  );
  expect(creates).toHaveLength(PEOPLE.length);
  expect(await count("select count(*)::int as n from conversation_references where kind = 'personal'")).toBe(
    PEOPLE.length,
  );
});

test('a submitted answer is recorded and its card updated in place; the summary follows the threshold', async () => {
  const first = await post(clickScore(ANNA, checkinOf(ANNA), 6, ANSWERS.get(ANNA)!.comment));
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: 'Saving your answer…',
  });
  await waitFor(() => /You answered \*\*6\*\*\. Saved\./.test(cardText(checkinOf(ANNA))), "Anna's card to show 6");
  await waitFor(() => /comment is saved/.test(cardText(checkinOf(ANNA))), "Anna's card to show the comment saved");
  expect(connector.callsTo('PUT', new RegExp(`/activities/${checkinOf(ANNA).id}$`)).length).toBeGreaterThan(0);
  expect(checkinOf(ANNA).versions.length).toBeGreaterThan(1);
  const rows = (await database.pool.query('select score, comment from responses order by score')).rows;
  expect(rows).toEqual([{ score: 6, comment: 'Too many meetings. Mail me at anna@example.com' }]);

  // Someone else's card is not theirs to answer.
  const forged = await post(clickScore(BEN, checkinOf(ANNA), 1));
  expect(forged.body).toMatchObject({ statusCode: 200, value: 'This check-in belongs to someone else.' });

  for (const [user, a] of ANSWERS) {
    if (user === ANNA) continue;
    expect((await post(clickScore(user, checkinOf(user), a.score, a.comment))).status).toBe(200);
    await waitFor(
      () => new RegExp(`You answered \\*\\*${a.score}\\*\\*`).test(cardText(checkinOf(user))),
      `${user.name}'s saved answer`,
    );
  }
  expect(cardText(checkinOf(EVA))).not.toMatch(/You answered/);
  expect((await post(mentionBot(MANAGER, 'pulse status'))).status).toBe(200);
  await waitFor(() => connector.dmOf(MANAGER.id).some((m) => /5 of 7 answered/.test(cardText(m))), 'the status reply');

  // The window ends: the tick closes the round and the summary goes to the channel, once.
  await database.pool.query(`update rounds set closes_at = now() - interval '1 minute' where status = 'open'`);
  await waitFor(() => summaries().length > 0, 'the summary in the channel', 20_000);
  // The trend chart follows in the summary's thread, as an inline PNG: the summary job's last step.
  const chart = await waitFor(
    () => connector.messagesIn(CHANNEL).find((m) => m.threadId === summaries()[0]!.id && imageOf(m)),
    'the chart in the thread',
    30_000,
  );
  // Then more ticks (each would enqueue a summary still due) and drained queues, before counting summaries.
  await waitUntilSettled(app.url, queues);
  expect(summaries()).toHaveLength(1);
  const text = cardText(summaries()[0]!);
  expect(text).toContain('Average mood: **7.0** / 10'); // (8+6+7+9+5)/5
  expect(text).toContain('Response rate: 5 of 7 (71%)');
  expect(text).toContain('Great release, proud of the team.');
  expect(text).not.toContain('anna@example.com');
  expect(await count(`select count(*)::int as n from posted_messages where key like 'summary-%'`)).toBe(1);
  expect(chart.activity.text).toBe('Team mood and customer satisfaction');
  const png = decodePng(imageOf(chart)!);
  expect([png.width, png.height]).toEqual([800, 400]);

  // Under the threshold nothing derived from the answers is shown.
  await post(mentionBot(MANAGER, 'pulse config threshold 6'));
  await post(mentionBot(MANAGER, 'pulse summary'));
  const withheld = await waitFor(
    () =>
      connector
        .dmOf(MANAGER.id)
        .find((m) => /Not enough answers to keep them anonymous \(6 needed\)/.test(cardText(m))),
    'the withheld summary',
  );
  expect(shown(withheld)).not.toMatch(/7\.0|Great release/);
  // No round shows a mood under k = 6: no chart is promised (or sent).
  expect(shown(withheld)).not.toContain(CHART_COMING);

  // In the 1:1 chat the word "pulse" may be left out, and team commands act on the one team the caller manages.
  const dm = connector.personalOf(MANAGER.id)!;
  expect(
    (await post(activity(MANAGER, { id: dm, conversationType: 'personal' }, { type: 'message', text: 'status' })))
      .status,
  ).toBe(200);
  await waitFor(
    () => connector.dmOf(MANAGER.id).some((m) => /No round is open/.test(cardText(m))),
    'the status answered in the 1:1 chat',
  );
});

test("`pulse summary` and `pulse symmetry` bring their chart to the manager's 1:1 chat as an inline PNG; a teammate gets none", async () => {
  await post(mentionBot(MANAGER, 'pulse config threshold 5'));
  await waitFor(() => connector.dmOf(MANAGER.id).some((m) => /threshold: 5/.test(cardText(m))), 'the config reply');
  const imagesTo = (user: TeamsUser) => connector.dmOf(user.id).filter((m) => imageOf(m));
  expect(imagesTo(MANAGER)).toHaveLength(0);

  expect((await post(mentionBot(MANAGER, 'pulse summary'))).status).toBe(200);
  const reply = await waitFor(
    () =>
      connector
        .dmOf(MANAGER.id)
        .find((m) => /The last round, as the team sees it/.test(cardText(m)) && /Average mood/.test(cardText(m))),
    'the summary reply',
  );
  expect(reply.activity.text).toContain(CHART_COMING);
  const first = await waitFor(() => imagesTo(MANAGER)[0], 'the chart in the 1:1 chat', 20_000);
  const png = decodePng(imageOf(first)!);
  expect([png.width, png.height]).toEqual([800, 400]);
  expect((first.activity.attachments as Array<{ name?: string }>)[0]!.name).toMatch(
    /^pulse-summary-\d{4}-\d\d-\d\d\.png$/,
  );

  // In the 1:1 chat too (the team is the one Maja manages); and Anna may not ask.
  const dm = connector.personalOf(MANAGER.id)!;
  await post(activity(MANAGER, { id: dm, conversationType: 'personal' }, { type: 'message', text: 'symmetry 4' }));
  await waitFor(() => (imagesTo(MANAGER).length === 2 ? true : null), 'the symmetry chart', 20_000);
  expect((await post(mentionBot(ANNA, 'pulse symmetry'))).status).toBe(200);
  await waitFor(
    () => connector.dmOf(ANNA.id).some((m) => /only this team's managers/.test(cardText(m))),
    "Anna's refusal",
  );
  expect(imagesTo(ANNA)).toHaveLength(0);
  expect(await count(`select count(*)::int as n from posted_messages where key like 'summary-%'`)).toBe(1);
});

test('"Give kudos" on a message makes one shout-out in its thread; a repeat changes nothing; 👍 on it adds one', async () => {
  const message = {
    id: '1700000000123',
    from: { user: { id: CARA.aadObjectId, displayName: 'Cara', userIdentityType: 'aadUser' } },
    body: { contentType: 'html', content: '<p>Fixed the checkout bug that bothered customers since Monday.</p>' },
    linkToMessage: `https://teams.microsoft.com/l/message/${CHANNEL}/1700000000123`,
  };
  const giveKudos = (from: TeamsUser) =>
    activity(
      from,
      { id: `${CHANNEL};messageid=${message.id}`, conversationType: 'channel' },
      {
        type: 'invoke',
        name: 'composeExtension/fetchTask',
        value: {
          commandId: 'giveKudos',
          commandContext: 'message',
          messagePayload: message,
          context: { theme: 'default' },
        },
      },
    );

  const first = await post(giveKudos(ANNA));
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({
    task: { type: 'message', value: expect.stringMatching(/Kudos on their way to Cara/) },
  });
  const shoutouts = () => connector.messagesIn(CHANNEL).filter((m) => m.threadId === message.id);
  await waitFor(() => shoutouts().length === 1, 'the shout-out');
  const shoutout = shoutouts()[0]!;
  expect(cardText(shoutout)).toMatch(/<at>Anna<\/at> recognized <at>Cara<\/at>/);
  expect(cardText(shoutout)).toContain('Fixed the checkout bug');
  expect(cardText(shoutout)).toMatch(/"mentioned":\{"id":"29:1Cara/);

  const duplicates = await scrapeValue(app.url, DUPLICATE_KUDOS);
  const again = await post(giveKudos(ANNA));
  expect(again.status).toBe(200);
  // The worker has handled the repeat (a duplicate kudos) and whatever it queued, before checking nothing changed.
  await waitFor(
    async () => (await scrapeValue(app.url, DUPLICATE_KUDOS)) === duplicates + 1,
    'the repeat to be recorded as a duplicate',
  );
  await waitUntilSettled(app.url, queues);
  expect(shoutouts()).toHaveLength(1);
  expect(shoutouts()[0]!.versions).toHaveLength(1);
  expect(await count('select count(*)::int as n from kudos where revoked_at is null')).toBe(1);

  // Cara cannot recognize herself.
  expect((await post(giveKudos(CARA))).body).toMatchObject({
    task: { value: expect.stringMatching(/cannot give them to yourself/) },
  });

  // Ben's 👍 on the shout-out counts as a "+1".
  await post(
    activity(BEN, inChannel, { type: 'messageReaction', replyToId: shoutout.id, reactionsAdded: [{ type: 'like' }] }),
  );
  await waitFor(() => /\(\+1 more\)/.test(cardText(shoutouts()[0]!)), 'the shout-out to count Ben');
  expect(await count('select count(*)::int as n from kudos where revoked_at is null')).toBe(2);
  expect(shoutouts()).toHaveLength(1);
});

test('`@Symmetry kudos @Dan for …` is parsed by the same grammar, answered privately, and shouted out in the channel', async () => {
  const dan = { type: 'mention', text: '<at>Dan</at>', mentioned: { id: DAN.id, name: 'Dan' } };
  expect((await post(mentionBot(BEN, 'kudos <at>Dan</at> for covering my shift &amp; more', [dan]))).status).toBe(200);
  await waitFor(
    () => connector.dmOf(BEN.id).some((m) => /Kudos on their way to <at>Dan<\/at>/.test(cardText(m))),
    "Ben's private answer",
  );
  const shoutout = await waitFor(
    () =>
      connector.messagesIn(CHANNEL).find((m) => m.threadId === null && /covering my shift & more/.test(cardText(m))),
    'the shout-out in the channel',
  );
  expect(cardText(shoutout)).toMatch(/<at>Ben<\/at> recognized <at>Dan<\/at>/);
  expect(
    (
      await post(
        mentionBot(BEN, 'kudos <at>Ben</at> for me', [
          { type: 'mention', text: '<at>Ben</at>', mentioned: { id: BEN.id, name: 'Ben' } },
        ]),
      )
    ).status,
  ).toBe(200);
  await waitFor(
    () => connector.dmOf(BEN.id).some((m) => /cannot give them to yourself/.test(cardText(m))),
    'the refusal of self-kudos',
  );
});

test('a typed command is answered in the language of the Teams client that sent it', async () => {
  const before = connector.dmOf(BEN.id).length;
  expect((await post({ ...mentionBot(BEN, 'pulse stauts'), locale: 'fr-FR' })).status).toBe(200);
  const answer = await waitFor(
    () =>
      connector
        .dmOf(BEN.id)
        .slice(before)
        .find((m) => /stauts/.test(cardText(m))),
    "Ben's private answer",
  );
  // The French catalog's sentence, not the English one.
  expect(cardText(answer)).toContain('n’est pas une commande. Vouliez-vous dire');
  expect(cardText(answer)).not.toContain('is not a command');
});

test('with authentication on, requests without a valid token are refused and nothing is stored', async () => {
  const secured = await startApp(
    teamsEnv({ TEAMS_APP_ID: randomUUID(), TEAMS_APP_PASSWORD: 'not-a-real-secret', TEAMS_TENANT_ID: TENANT }),
    'web',
  );
  try {
    const before = await count('select count(*)::int as n from conversation_references');
    const intruder = {
      ...mentionBot(MANAGER, 'pulse setup'),
      conversation: { id: '19:intruder@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
    };
    expect((await post(intruder, {}, secured.url)).status).toBe(401);
    for (let i = 0; i < 10; i++)
      expect((await post(intruder, { authorization: 'Bearer not-a-jwt' }, secured.url)).status).toBe(401);
    expect(await count('select count(*)::int as n from conversation_references')).toBe(before);
    // Anyone can send these: each is answered, but the log gets one structured line per reason, not a stack trace a
    // request (botbuilder's own handler prints one to stderr for every refusal).
    const refusals = secured
      .output()
      .split('\n')
      .filter((l) => /refused|Unauthorized|AuthenticationError/.test(l));
    expect(refusals.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      expect.stringMatching(/^Teams request refused: /),
      expect.stringMatching(/^Teams request refused: /),
    ]);
    expect(secured.output()).not.toMatch(/^\s+at /m);
  } finally {
    expect(await secured.stop()).toBe(0);
  }
});

test('with a tenant configured, activities from another tenant are refused: nothing stored, nothing queued, only the refusal sent', async () => {
  // Authentication off (as in every test here) but TEAMS_TENANT_ID set: the tenant check is what stands in the way.
  const env = teamsEnv({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', TEAMS_TENANT_ID: TENANT });
  const guarded = await startApp(env, 'web');
  const guardedQueues = watchQueues(env);
  const OTHER_TENANT = '0b5e6f1a-3c2d-4e8f-9a7b-6c5d4e3f2a1b';
  const INTRUDER = person('Ivan');
  const ELSEWHERE = '19:0ther7enant0channel@thread.tacv2';
  connector.addUser(INTRUDER);
  connector.addChannel(ELSEWHERE, [INTRUDER.id]);
  const fromOtherTenant = (extra: Record<string, unknown>) => {
    const a = activity(INTRUDER, { id: ELSEWHERE, conversationType: 'channel' }, extra);
    return {
      ...a,
      conversation: { id: ELSEWHERE, conversationType: 'channel', isGroup: true, tenantId: OTHER_TENANT },
      channelData: { tenant: { id: OTHER_TENANT }, team: { id: ELSEWHERE, name: 'Elsewhere' } },
    };
  };
  const refusals = () => (guarded.output().match(/teams activity from another tenant refused/g) ?? []).length;
  const stored = async () => ({
    workspaces: await count(`select count(*)::int as n from workspaces where external_id = '${OTHER_TENANT}'`),
    references: await count(
      `select count(*)::int as n from conversation_references where conversation_id like '${ELSEWHERE}%'`,
    ),
    members: await count(`select count(*)::int as n from members where platform_user_id = '${INTRUDER.id}'`),
    teams: await count(`select count(*)::int as n from teams where channel_id = '${ELSEWHERE}'`),
  });
  const callsBefore = connector.calls.length;
  try {
    // The bot added to a team of another tenant, then "pulse setup" typed there.
    expect(
      (await post(fromOtherTenant({ type: 'conversationUpdate', membersAdded: [BOT] }), {}, guarded.url)).status,
    ).toBe(200);
    expect(
      (
        await post(
          fromOtherTenant({
            type: 'message',
            text: '<at>Symmetry</at> pulse setup',
            entities: [{ type: 'mention', text: '<at>Symmetry</at>', mentioned: BOT }],
          }),
          {},
          guarded.url,
        )
      ).status,
    ).toBe(200);
    // Each turn is over once its request is answered; the app says it refused both.
    await waitFor(() => refusals() === 2, 'the two refusals in the log');
    const [reply, ...more] = connector.messagesIn(ELSEWHERE);
    expect(more).toHaveLength(0);
    expect(reply!.activity.text).toBe('This Symmetry is installed in another workspace, so it cannot act here.');
    expect(await stored()).toEqual({ workspaces: 0, references: 0, members: 0, teams: 0 });
    expect(Object.values(await guardedQueues.counts()).every((n) => n === 0)).toBe(true);
    // Nothing sent but that reply: no 1:1 chat created, no message to the intruder, nothing else in the conversation.
    const sent = connector.calls
      .slice(callsBefore)
      .filter(
        (c) =>
          c.path.includes(ELSEWHERE) ||
          JSON.stringify(c.body ?? null).includes(INTRUDER.id) ||
          c.path === '/v3/conversations',
      );
    expect(sent.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 201']);

    // The same app does act for its own tenant (compared without regard to case), so the refusal above was the check's.
    const home = '19:0wn7enant0home@thread.tacv2';
    const own = activity(
      MANAGER,
      { id: home, conversationType: 'channel' },
      { type: 'conversationUpdate', membersAdded: [BOT] },
    );
    const upper = {
      ...own,
      conversation: { ...(own.conversation as Record<string, unknown>), tenantId: TENANT.toUpperCase() },
    };
    expect((await post(upper, {}, guarded.url)).status).toBe(200);
    expect(
      await count(`select count(*)::int as n from conversation_references where conversation_id = '${home}'`),
    ).toBe(1);
    expect(refusals()).toBe(2);
  } finally {
    await guardedQueues.close();
    expect(await guarded.stop()).toBe(0);
  }
});

test('Slack and Teams in one deployment: one web port serves /slack/events and /api/messages', async () => {
  const world = await startWorld({
    teamId: 'T0BOTH',
    channel: 'C0BOTH',
    users: [{ id: 'UBOTH', name: 'both', tz: 'Europe/Paris' }],
    env: { TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
  });
  try {
    expect(await world.pulse('UBOTH', 'help')).toMatch(/`\/pulse` commands/);
    const install = {
      ...activity(
        MANAGER,
        { id: '19:both@thread.tacv2', conversationType: 'channel' },
        { type: 'conversationUpdate', membersAdded: [BOT] },
      ),
    };
    expect((await post(install, {}, world.app.url)).status).toBe(200);
    expect(
      await count(
        "select count(*)::int as n from conversation_references where conversation_id = '19:both@thread.tacv2'",
      ),
    ).toBe(1);
  } finally {
    expect(await world.stop()).toBe(0);
  }
});
