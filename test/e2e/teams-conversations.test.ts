/**
 * End to end on Microsoft Teams: conversations on anonymous comments (issue #16), through the built app's
 * real CloudAdapter (authentication explicitly off) and a fake Bot Connector on loopback. A round with two
 * comments closes at the threshold; the manager types `pulse conversations`, replies from the thread card
 * (Action.Execute with the text box), exactly the author gets the card under a quote of their comment, the
 * author answers back from it and the manager reads "Anonymous teammate". A redelivered submit sends one
 * reply; quick acknowledgements are one click; signing an answer is off by default and asked for again on a
 * confirmation card, and the name shows on that one answer only; bad input (empty, too long, not a manager, a
 * comment under the threshold or of another team) is answered and changes nothing; the author's forget-me takes
 * their threads.
 */
import { randomBytes } from 'node:crypto';
import { startApp, waitFor, type AppProcess } from '../support/app-process';
import { findLinks, findSealProblems, findThreadLinks } from '../support/anonymity-scan';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { watchQueues, type QueueWatch } from '../support/e2e-world';
import {
  startFakeBotConnector,
  type FakeBotConnector,
  type StoredActivity,
  type TeamsUser,
} from '../support/fake-bot-connector';
import { storesEnv } from '../support/stores-env';
import { channelActivity, postActivity, teamsUser } from '../support/teams-activity';

const TENANT = 'c4d5e6f7-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const BOT = { id: '28:1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', name: 'Symmetry' };
/** The team's General channel: its conversation id is the team id. */
const CHANNEL = '19:a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d@thread.tacv2';
/** Another team's General channel, where Dan sets up a team of his own. */
const OTHER_CHANNEL = '19:f0e1d2c3b4a54968a7b6c5d4e3f2a1b0@thread.tacv2';

const MAJA = teamsUser('Maja');
const ANNA = teamsUser('Anna');
const BEN = teamsUser('Ben');
const CARA = teamsUser('Cara');
const DAN = teamsUser('Dan');
const PEOPLE = [MAJA, ANNA, BEN, CARA, DAN];
const COMMENTS = new Map<TeamsUser, string>([
  [ANNA, 'Too many meetings, I cannot focus on the roadmap.'],
  [BEN, 'Friday deploys keep me up at night.'],
]);
const REPLY = 'Thank you, we will cut the Tuesday sync. What else eats your focus?';
const ANSWER = 'The daily standup runs 40 minutes, that is the main one.';
const SIGNED = 'Happy to talk it through, come find me.';

let connector: FakeBotConnector;
let app: AppProcess;
let database: TestDatabase;
let queues: QueueWatch;

const where = () => ({ tenant: TENANT, bot: BOT, channel: CHANNEL, teamName: 'Support', serviceUrl: connector.url });
const shown = (a: StoredActivity) => JSON.stringify([a.activity.text, a.activity.attachments]);
const count = async (sql: string) => (await database.pool.query(sql)).rows[0].n as number;
const replyRows = () => count('select count(*)::int as n from comment_replies');

/** "@Symmetry <text>" typed in the channel. */
const say = (from: TeamsUser, text: string) =>
  postActivity(
    app.url,
    channelActivity(where(), from, {
      type: 'message',
      text: `<at>Symmetry</at> ${text}`,
      textFormat: 'plain',
      entities: [{ type: 'mention', text: '<at>Symmetry</at>', mentioned: BOT }],
    }),
  );

/** An Action.Execute on a card in `user`'s 1:1 chat, as Teams posts it (inputs merged into the data); returns the invoke's answer. */
async function execute(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  opts: { id?: string; replyToId?: string } = {},
): Promise<{ status: number; body: { statusCode: number; type: string; value: unknown } }> {
  const conversation = connector.personalOf(user.id)!;
  const body = channelActivity(where(), user, {
    id: opts.id ?? `inv:${randomBytes(6).toString('hex')}`,
    type: 'invoke',
    name: 'adaptiveCard/action',
    conversation: { id: conversation, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...(opts.replyToId ? { replyToId: opts.replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  const res = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { statusCode: number; type: string; value: unknown } };
}

/** Every Action.Execute of a card (in its body, its actions and the cards its ShowCard buttons open). */
function executeActions(node: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  if (!node || typeof node !== 'object') return [];
  const here = node as { type?: string; title: string; verb: string; data: Record<string, unknown> };
  const inner = Object.values(node).flatMap((v) => (Array.isArray(v) ? v.flatMap(executeActions) : executeActions(v)));
  return here.type === 'Action.Execute' ? [here, ...inner] : inner;
}

/** The thread cards (conversations) in a person's 1:1 chat. */
const threadCards = (user: TeamsUser) => connector.dmOf(user.id).filter((m) => /"verb":"thread\./.test(shown(m)));
/** DMs per person now: the "nobody else was written to" checks compare against it. */
const dmCounts = () => Object.fromEntries(PEOPLE.map((p) => [p.name, connector.dmOf(p.id).length]));
/** Every reply delivered and the queues drained: a second DM, had there been one, would be there by now. */
const settled = () =>
  waitFor(
    async () =>
      (await queues.idle()) &&
      (await count("select count(*)::int as n from comment_replies where state in ('pending', 'sending')")) === 0,
    'every reply delivered',
  );

let annaComment = '';
let benComment = '';

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  connector = await startFakeBotConnector();
  for (const p of PEOPLE) connector.addUser(p);
  connector.addChannel(
    CHANNEL,
    PEOPLE.map((p) => p.id),
  );
  const env = { TEAMS_ALLOW_UNAUTHENTICATED: 'true', ...storesEnv('tc') };
  app = await startApp(env);
  queues = watchQueues(env);
  const install = channelActivity(where(), MAJA, {
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: { tenant: { id: TENANT }, team: { id: CHANNEL, name: 'Support' }, eventType: 'teamMemberAdded' },
  });
  expect(await postActivity(app.url, install)).toBe(200);
});

afterAll(async () => {
  await queues?.close();
  const code = await app?.stop();
  await connector?.close();
  await database?.close();
  if (code !== 0) console.error(app?.output().slice(-4000));
  expect(code).toBe(0);
});

test('a round with two comments closes at the threshold; `pulse conversations` shows each as a card with Reply', async () => {
  expect(await say(MAJA, 'pulse setup')).toBe(200);
  await waitFor(
    async () => (await count('select count(*)::int as n from team_members where active')) === PEOPLE.length,
    'the team synced from the roster',
  );
  expect(await say(MAJA, 'pulse now')).toBe(200);
  const checkinOf = (p: TeamsUser) => connector.dmOf(p.id).find((m) => shown(m).includes('checkin.score'));
  await waitFor(() => PEOPLE.every(checkinOf), 'a check-in card each');
  for (const p of PEOPLE) {
    const card = checkinOf(p)!;
    const seven = executeActions(card.activity.attachments).find((x) => x.verb === 'checkin.score' && x.title === '7')!;
    const comment = COMMENTS.get(p);
    const res = await execute(
      p,
      'checkin.score',
      { ...seven.data, ...(comment ? { comment } : {}) },
      {
        replyToId: card.id,
      },
    );
    expect(res.body.value).toBe('Saving your answer…');
  }
  await waitFor(
    async () =>
      (await count('select count(*)::int as n from responses where comment is not null')) === 2 &&
      (await count('select count(*)::int as n from responses')) === PEOPLE.length,
    'five answers, two comments',
  );
  await database.pool.query(`update rounds set closes_at = now() - interval '1 minute' where status = 'open'`);
  await waitFor(
    async () => (await database.pool.query('select summary_state from rounds')).rows[0]?.summary_state === 'posted',
    'the summary',
    20_000,
  );

  expect(await say(MAJA, 'pulse conversations')).toBe(200);
  const listed = await waitFor(
    () => connector.dmOf(MAJA.id).find((m) => /their conversations \(2\)/.test(shown(m))),
    'the conversations reply',
  );
  const cards = (listed.activity.attachments ?? []) as Array<{ content: unknown }>;
  const idOf = (comment: string) => {
    const found = cards.find((c) => JSON.stringify(c.content).includes(comment));
    const reply = executeActions(found?.content).find((x) => x.verb === 'thread.reply');
    if (!reply) throw new Error(`no Reply beside "${comment}"`);
    return reply.data.c as string;
  };
  annaComment = idOf(COMMENTS.get(ANNA)!);
  benComment = idOf(COMMENTS.get(BEN)!);
  expect(shown(listed)).toContain('Not answered yet.');
  // A manager's card offers the three quick acknowledgements beside Reply, and nothing to sign.
  const anna = cards.find((c) => JSON.stringify(c.content).includes(COMMENTS.get(ANNA)!));
  expect(executeActions(anna?.content).map((x) => x.title)).toEqual([
    'Send',
    'Thank you, noted.',
    "We're working on it.",
    'Can we talk about this?',
  ]);
  expect(JSON.stringify(anna)).not.toContain('thread_reveal');

  // The manager's `pulse summary` card: Reply and the quick acknowledgements under each comment; the channel's has none.
  expect(await say(MAJA, 'pulse summary')).toBe(200);
  const summary = await waitFor(
    () => connector.dmOf(MAJA.id).find((m) => /The last round, as the team sees it/.test(shown(m))),
    'the summary reply',
  );
  const replies = executeActions(summary.activity.attachments).filter((x) => x.verb === 'thread.reply');
  expect(replies.map((x) => x.data.c).sort()).toEqual([annaComment, benComment].sort());
  expect(executeActions(summary.activity.attachments).filter((x) => x.verb === 'thread.quick')).toHaveLength(6);
  // The summary's trend chart follows in the 1:1 chat; it is waited for, so later DM counts are the replies' alone.
  await waitFor(() => connector.dmOf(MAJA.id).some((m) => shown(m).includes('image/png')), 'the summary chart', 20_000);
  const posted = connector.messagesIn(CHANNEL).filter((m) => shown(m).includes(COMMENTS.get(ANNA)!));
  expect(posted).toHaveLength(1);
  expect(shown(posted[0]!)).not.toContain('thread.');
});

test('the manager replies from the card: exactly the author gets it under their comment, nobody else; a redelivered submit sends one', async () => {
  const before = dmCounts();
  const submit = { id: `inv:reply-${randomBytes(4).toString('hex')}` };
  const res = await execute(MAJA, 'thread.reply', { c: annaComment, thread_text: REPLY }, submit);
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  expect(res.body.value).toContain('Sent. Only the author will read it');
  const dm = await waitFor(() => threadCards(ANNA).at(0), "Anna's thread card");
  expect(shown(dm)).toContain('Your anonymous comment:');
  expect(shown(dm)).toContain(COMMENTS.get(ANNA));
  expect(shown(dm)).toContain(REPLY);
  // The author's card offers Answer back (with the sign toggle), never the managers' buttons.
  expect(executeActions(dm.activity.attachments).map((x) => x.verb)).toEqual(['thread.answer']);
  await settled();
  expect(dmCounts()).toEqual({ ...before, Anna: before.Anna! + 1 });

  // Teams delivers the same invoke again (same activity id): one reply, one card.
  const again = await execute(MAJA, 'thread.reply', { c: annaComment, thread_text: REPLY }, submit);
  expect(again.body.value).toContain('Sent. Only the author will read it');
  await settled();
  expect(await replyRows()).toBe(1);
  expect(dmCounts()).toEqual({ ...before, Anna: before.Anna! + 1 });
});

test('the author answers back from the card (not signed by default); the manager reads "Anonymous teammate"', async () => {
  const before = dmCounts();
  const toggle = JSON.stringify(threadCards(ANNA).at(0)!.activity.attachments).match(
    /\{"type":"Input\.Toggle","id":"thread_reveal"[^}]*\}/,
  );
  // The sign toggle starts off: Teams sends "false" unless the author turns it on.
  expect(JSON.parse(toggle![0]!)).toMatchObject({ value: 'false' });
  const res = await execute(ANNA, 'thread.answer', { c: annaComment, thread_text: ANSWER, thread_reveal: 'false' });
  expect(res.body.value).toBe("Sent to the team's managers.");
  const dm = await waitFor(
    () => threadCards(MAJA).find((m) => shown(m).includes(ANSWER)),
    "the manager's card with the answer",
  );
  expect(shown(dm)).toContain('Anonymous teammate');
  expect(shown(dm)).toContain(REPLY);
  expect(JSON.stringify(dm.activity)).not.toContain(ANNA.id);
  expect(JSON.stringify(dm.activity)).not.toContain('Anna');
  await settled();
  expect(dmCounts()).toEqual({ ...before, Maja: before.Maja! + 1 });
});

test('someone who did not write the comment cannot answer as its author, and nothing changes', async () => {
  const rows = await replyRows();
  const res = await execute(BEN, 'thread.answer', { c: annaComment, thread_text: 'I am not the author' });
  expect(res.body.value).toBe('This conversation belongs to someone else.');
  expect(await replyRows()).toBe(rows);
});

test('signing an answer is asked once more on a card; the name shows on that one answer only', async () => {
  expect((await execute(MAJA, 'thread.quick', { c: annaComment, q: 'talk' })).body.value).toContain('Sent.');
  await waitFor(() => threadCards(ANNA).some((m) => shown(m).includes('Can we talk about this?')), "Anna's card");
  await settled();
  const rows = await replyRows();
  const asked = await execute(ANNA, 'thread.answer', { c: annaComment, thread_text: SIGNED, thread_reveal: 'true' });
  // Nothing is sent yet: the answer comes back as a confirmation card.
  expect(asked.body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(asked.body.value)).toContain('will see your name beside this answer');
  expect(await replyRows()).toBe(rows);
  const [yes, no] = executeActions(asked.body.value);
  expect([yes?.title, no?.title]).toEqual(['Yes, show my name', 'No, stay anonymous']);

  const done = await execute(ANNA, 'thread.answer', yes!.data);
  expect(done.body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(done.body.value)).toContain('with your name on this answer only');
  const dm = await waitFor(() => threadCards(MAJA).find((m) => shown(m).includes(SIGNED)), "the manager's card");
  // Anna's name beside the signed answer, "Anonymous teammate" still beside her earlier one.
  const body = JSON.stringify(dm.activity.attachments);
  expect(body.indexOf('<at>Anna</at>')).toBeGreaterThan(body.indexOf(ANSWER));
  expect(body.slice(0, body.indexOf(ANSWER))).toContain('Anonymous teammate');
  expect(body.slice(0, body.indexOf(ANSWER))).not.toContain('Anna');
  const signed = await database.pool.query(
    'select text, revealed_as from comment_replies where from_author order by position',
  );
  expect(signed.rows).toEqual([
    { text: ANSWER, revealed_as: null },
    { text: SIGNED, revealed_as: ANNA.id },
  ]);
});

test('a quick acknowledgement is one click; a redelivered click sends it once', async () => {
  const before = dmCounts();
  const rows = await replyRows();
  const click = { id: `inv:quick-${randomBytes(4).toString('hex')}` };
  expect((await execute(MAJA, 'thread.quick', { c: benComment, q: 'noted' }, click)).body.value).toContain('Sent.');
  expect((await execute(MAJA, 'thread.quick', { c: benComment, q: 'noted' }, click)).body.value).toContain('Sent.');
  const dm = await waitFor(() => threadCards(BEN).at(0), "Ben's card");
  expect(shown(dm)).toContain('Thank you, noted.');
  await settled();
  expect(await replyRows()).toBe(rows + 1);
  expect(dmCounts()).toEqual({ ...before, Ben: before.Ben! + 1 });
});

test('bad input gets a clear answer and changes nothing: empty, too long, not a manager, a made-up comment', async () => {
  const rows = await replyRows();
  const before = dmCounts();
  const said = async (user: TeamsUser, data: Record<string, unknown>, verb = 'thread.reply') =>
    (await execute(user, verb, data)).body.value;
  expect(await said(MAJA, { c: benComment, thread_text: '   ' })).toBe('Please write something before sending.');
  expect(await said(MAJA, { c: benComment, thread_text: 'x'.repeat(2001) })).toBe(
    'Please keep it to 2000 characters (this is 2001).',
  );
  expect(await said(BEN, { c: benComment, thread_text: 'Who wrote this?' })).toContain(
    'You can reply only to comments you can see',
  );
  expect(await said(CARA, { c: annaComment, q: 'noted' }, 'thread.quick')).toContain(
    'You can reply only to comments you can see',
  );
  expect(await said(MAJA, { c: 'not-a-comment', thread_text: 'Hello' })).toContain(
    'You can reply only to comments you can see',
  );
  // Signing an empty answer is refused before anything is asked.
  expect(await said(BEN, { c: benComment, thread_text: '', thread_reveal: 'true' }, 'thread.answer')).toBe(
    'Please write something before sending.',
  );
  await settled();
  expect(await replyRows()).toBe(rows);
  expect(dmCounts()).toEqual(before);
});

test("a reply to a comment under the threshold, or to another team's comment, is refused clearly and changes nothing", async () => {
  const rows = await replyRows();
  const authors = () => [connector.dmOf(ANNA.id).length, connector.dmOf(BEN.id).length];
  const authorsBefore = authors();
  const threshold = async () =>
    (await database.pool.query("select settings->>'threshold' as k from teams where channel_id = $1", [CHANNEL])).rows;
  const refused = 'You can reply only to comments you can see';

  // Five answered: with k raised to 6 the round is under the threshold, so its comments can no longer be answered.
  expect(await say(MAJA, 'pulse config threshold 6')).toBe(200);
  await waitFor(async () => (await threshold())[0]?.k === '6', 'k raised to 6');
  expect((await execute(MAJA, 'thread.reply', { c: benComment, thread_text: 'Still there?' })).body.value).toContain(
    refused,
  );
  expect((await execute(MAJA, 'thread.quick', { c: annaComment, q: 'noted' })).body.value).toContain(refused);
  expect(await say(MAJA, 'pulse config threshold 5')).toBe(200);
  await waitFor(async () => (await threshold())[0]?.k === '5', 'k back to 5');

  // Dan manages a team of his own in another channel: this team's comments are not his to answer.
  const elsewhere = { ...where(), channel: OTHER_CHANNEL, teamName: 'Platform' };
  connector.addChannel(OTHER_CHANNEL, [DAN.id]);
  const install = channelActivity(elsewhere, DAN, {
    type: 'conversationUpdate',
    membersAdded: [BOT],
    channelData: {
      tenant: { id: TENANT },
      team: { id: OTHER_CHANNEL, name: 'Platform' },
      eventType: 'teamMemberAdded',
    },
  });
  expect(await postActivity(app.url, install)).toBe(200);
  const setup = channelActivity(elsewhere, DAN, {
    type: 'message',
    text: '<at>Symmetry</at> pulse setup',
    textFormat: 'plain',
    entities: [{ type: 'mention', text: '<at>Symmetry</at>', mentioned: BOT }],
  });
  expect(await postActivity(app.url, setup)).toBe(200);
  await waitFor(
    async () => (await count(`select count(*)::int as n from teams where '${DAN.id}' = any(managers)`)) === 1,
    "Dan's team",
  );
  expect((await execute(DAN, 'thread.reply', { c: annaComment, thread_text: 'Who wrote this?' })).body.value).toContain(
    refused,
  );
  expect((await execute(DAN, 'thread.quick', { c: benComment, q: 'talk' })).body.value).toContain(refused);

  await settled();
  expect(await replyRows()).toBe(rows);
  expect(authors()).toEqual(authorsBefore);
});

test('anonymity scan: no row pairs a person with their comment or unsigned answer; seals are unrelated', async () => {
  const known = [
    { platformUserId: ANNA.id, score: 7, texts: [COMMENTS.get(ANNA)!, ANSWER] },
    { platformUserId: BEN.id, score: 7, texts: [COMMENTS.get(BEN)!] },
  ];
  expect(await findLinks(database.pool, known)).toEqual([]);
  expect(await findSealProblems(database.pool)).toEqual([]);
});

test("anonymity scan: no row holds both an author's Teams ids (user, directory, 1:1 chat) and their comment or a message of its thread", async () => {
  const author = (u: TeamsUser, commentId: string) => ({
    ids: [u.id, u.aadObjectId, connector.personalOf(u.id)!],
    commentIds: [commentId],
  });
  // The rows the scan must meet: the 1:1 chats of both authors, and the records of the thread DMs that went out.
  expect(connector.personalOf(ANNA.id) && connector.personalOf(BEN.id)).toBeTruthy();
  expect(await count("select count(*)::int as n from posted_messages where key like 'reply-%'")).toBeGreaterThan(0);
  const scan = await findThreadLinks(database.pool, [author(ANNA, annaComment), author(BEN, benComment)]);
  expect(scan.links).toEqual([]);
  expect(scan.rowsWithThreadIds).toBeGreaterThan(0);
});

test('another manager\'s `pulse conversations` names the manager who replied (looked up in the team), never "someone"', async () => {
  await database.pool.query(`update teams set managers = array_append(managers, $1)`, [CARA.id]);
  expect(await say(CARA, 'pulse conversations')).toBe(200);
  const listed = await waitFor(
    () => connector.dmOf(CARA.id).find((m) => /their conversations \(2\)/.test(shown(m))),
    "Cara's conversations reply",
  );
  const anna = ((listed.activity.attachments ?? []) as Array<{ content: unknown }>).find((c) =>
    JSON.stringify(c.content).includes(COMMENTS.get(ANNA)!),
  );
  expect(JSON.stringify(anna?.content)).toContain(REPLY);
  expect(JSON.stringify(anna?.content)).toContain(MAJA.name);
  expect(shown(listed)).not.toContain('someone');
});

test("forget-me by the author removes their conversations, and the records of their threads' DMs", async () => {
  const threadOf = (commentId: string) =>
    count(`select count(*)::int as n from comment_replies where comment_id = '${commentId}'`);
  const postsOf = (commentId: string) =>
    count(
      `select count(*)::int as n from posted_messages where key like 'reply-%' and substr(key, 7, 36) in
         (select id::text from comment_replies where comment_id = '${commentId}')`,
    );
  const bens = await threadOf(benComment);
  expect(await threadOf(annaComment)).toBeGreaterThan(0);
  expect(await postsOf(annaComment)).toBeGreaterThan(0);
  const allPosts = await count("select count(*)::int as n from posted_messages where key like 'reply-%'");
  const annasPosts = await postsOf(annaComment);
  expect(await say(ANNA, 'pulse forget-me')).toBe(200);
  await waitFor(async () => (await threadOf(annaComment)) === 0, "Anna's thread gone");
  expect(await count("select count(*)::int as n from posted_messages where key like 'reply-%'")).toBe(
    allPosts - annasPosts,
  );
  // Ben's thread is untouched.
  expect(await threadOf(benComment)).toBe(bens);
  expect(await count(`select count(*)::int as n from responses where comment_id = '${annaComment}'`)).toBe(0);
});
