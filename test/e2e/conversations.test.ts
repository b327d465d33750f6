/**
 * End to end on Slack, through the real HTTP endpoint and the fake Slack: conversations on anonymous
 * comments (issue #16). A manager replies from `/pulse conversations`, exactly the comment's author
 * hears it, the author answers back and the managers read "Anonymous teammate"; quick acknowledgements,
 * redelivered clicks and submissions, refusals that change nothing, and forget-me.
 */
import { waitFor } from '../support/app-process';
import { findLinks, findSealProblems } from '../support/anonymity-scan';
import { useWorld } from '../support/e2e-suite';
import { blockActionBody, eventCallbackBody, slashCommandBody, viewSubmissionBody } from '../support/slack-requests';

const TEAM = 'T0CONV';
const CHANNEL = 'C0CONV';
const OTHER_CHANNEL = 'C0OTHER';
const PEOPLE = ['UMGR', 'UA', 'UB', 'UC', 'UD'];
const COMMENTS: Record<string, string> = {
  UA: 'Too many meetings, I cannot focus on the roadmap.',
  UB: 'Friday deploys keep me up at night.',
};
const REPLY = 'Thank you, we will cut the Tuesday sync. What else eats your focus?';
const ANSWER = 'The daily standup runs 40 minutes, that is the main one.';

const suite = useWorld({
  teamId: TEAM,
  channel: CHANNEL,
  users: [...PEOPLE, 'UOTHER'].map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Paris', locale: 'en-US' })),
  channelMembers: PEOPLE,
});

let seq = 0;
/** Everyone's DMs now, by person: the "nobody else was DM'd" checks compare against it. */
const dmCounts = () => Object.fromEntries([...PEOPLE, 'UOTHER'].map((u) => [u, suite.world.slack.dmOf(u).length]));
const threadDms = (user: string) =>
  suite.world.slack.dmOf(user).filter((m) => /Your anonymous comment|Anonymous comment in/.test(m.text ?? ''));
const replyRows = async (): Promise<number> =>
  (await suite.database.pool.query('select count(*)::int as n from comment_replies')).rows[0].n;
const settled = () =>
  waitFor(
    async () =>
      (await suite.queues.idle()) &&
      (
        await suite.database.pool.query(
          "select count(*)::int as n from comment_replies where state = 'pending' or state = 'sending'",
        )
      ).rows[0].n === 0,
    'every reply delivered',
  );

/** The Reply button's comment id beside `comment` in a `/pulse conversations` answer. */
function commentIdOf(blocks: unknown[], comment: string): string {
  const list = blocks as Array<{
    type: string;
    text?: { text: string };
    elements?: Array<{ action_id: string; value: string }>;
  }>;
  const at = list.findIndex((b) => b.type === 'section' && (b.text?.text ?? '').includes(comment.slice(0, 20)));
  const button = list[at + 1]?.elements?.find((e) => e.action_id === 'thread_reply');
  if (at < 0 || !button) throw new Error(`no Reply button beside "${comment}"`);
  return button.value;
}

/** A click on a thread button (Reply, Answer back, a quick acknowledgement); returns the response_url id its answer goes to. */
async function clickThread(
  user: string,
  actionId: string,
  commentId: string,
  opts: { channel?: string; actionTs?: string } = {},
): Promise<string> {
  const id = `thread-click-${++seq}`;
  const res = await suite.world.send(
    blockActionBody({
      userId: user,
      teamId: TEAM,
      actionId,
      value: commentId,
      blockId: `thread-${commentId}`,
      channelId: opts.channel ?? CHANNEL,
      messageTs: `${1_700_000_000 + seq}.000100`,
      responseUrl: suite.world.slack.responseUrl(id),
      ...(opts.actionTs ? { action: { action_ts: opts.actionTs } } : {}),
    }),
  );
  expect(res.status).toBe(200);
  return id;
}

/** Clicks Reply / Answer back and waits for the form; returns it (callback id, metadata). */
async function openForm(
  user: string,
  actionId: 'thread_reply' | 'thread_answer',
  commentId: string,
): Promise<{ callback_id: string; private_metadata: string }> {
  const before = suite.world.slack.callsTo('views.open').length;
  await clickThread(user, actionId, commentId, actionId === 'thread_answer' ? { channel: `D${user}` } : {});
  const call = await waitFor(() => suite.world.slack.callsTo('views.open').slice(before).at(0), `the ${actionId} form`);
  return call.args.view as { callback_id: string; private_metadata: string };
}

/** Submits a thread form as `user`; returns what the app answered Slack (the updated view or the field's error). */
async function submitForm(
  user: string,
  form: { callback_id: string; private_metadata: string },
  text: string,
  opts: { viewId?: string; reveal?: boolean } = {},
): Promise<string> {
  const values: Record<string, Record<string, unknown>> = {
    thread_text: { thread_text_input: { type: 'plain_text_input', value: text } },
  };
  if (opts.reveal)
    values.thread_reveal = { thread_reveal_input: { type: 'checkboxes', selected_options: [{ value: 'reveal' }] } };
  const res = await suite.world.send(
    viewSubmissionBody({
      userId: user,
      teamId: TEAM,
      callbackId: form.callback_id,
      privateMetadata: form.private_metadata,
      values,
      viewId: opts.viewId ?? `VTHREAD${++seq}`,
    }),
  );
  expect(res.status).toBe(200);
  return res.text;
}

/** Opens the Home tab as `user`, as Slack does when they click it. */
const openHome = (user: string) =>
  suite.world.send(
    eventCallbackBody(
      TEAM,
      { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: `${1_700_000_000 + ++seq}.000200` },
      {},
    ),
  );

/** The private answer a click got. */
const answerTo = async (id: string) =>
  ((await waitFor(() => suite.world.slack.responses(id).at(0), 'the answer to the click')) as { text: string }).text;

let uaComment = '';
let ubComment = '';

test('a round with two comments closes at the threshold, and /pulse conversations lists them with Reply buttons', async () => {
  const { world, database } = suite;
  await world.pulse('UMGR', 'setup');
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from team_members where active')).rows[0].n ===
      PEOPLE.length,
    'the team',
  );
  expect(await world.pulse('UMGR', 'now')).toMatch(/5 members/);
  await waitFor(() => PEOPLE.every((u) => world.slack.dmOf(u).length === 1), 'five check-ins');
  for (const user of PEOPLE) {
    const opened = world.slack.callsTo('views.open').length;
    await world.send(world.click(user, world.checkinOf(user), 7));
    await waitFor(() => world.slack.callsTo('views.open').length > opened, `the modal for ${user}`);
    expect(await world.submitModal(user, COMMENTS[user] ? { comment: COMMENTS[user] } : {})).toBe(200);
    await waitFor(
      () => JSON.stringify(world.checkinOf(user).blocks).includes('You answered *7*'),
      `${user}'s saved answer`,
    );
  }
  await waitFor(
    async () =>
      (await database.pool.query('select count(*)::int as n from responses where comment is not null')).rows[0].n === 2,
    'the two comments',
  );
  await database.pool.query(`update rounds set closes_at = now() - interval '1 minute' where status = 'open'`);
  await waitFor(
    async () => (await database.pool.query(`select summary_state from rounds`)).rows[0]?.summary_state === 'posted',
    'the summary',
    20_000,
  );

  const listed = await world.command('UMGR', '/pulse', 'conversations');
  expect(listed.text).toMatch(/their conversations \(2\)/);
  uaComment = commentIdOf(listed.blocks ?? [], COMMENTS.UA!);
  ubComment = commentIdOf(listed.blocks ?? [], COMMENTS.UB!);
  expect(JSON.stringify(listed.blocks)).toContain('Not answered yet.');
  const summary = await world.command('UMGR', '/pulse', 'summary');
  expect(JSON.stringify(summary.blocks)).toContain('Too many meetings');
  // The manager's private summary has a Reply button beside each comment; the channel's summary has none.
  const beside = (blocks: unknown[]) =>
    (blocks as Array<{ text?: { text: string }; accessory?: { action_id: string; value: string } }>)
      .filter((b) => b.accessory?.action_id === 'thread_reply')
      .map((b) => [b.text?.text.slice(2, 22), b.accessory!.value]);
  expect(beside(summary.blocks ?? []).sort()).toEqual(
    [
      [COMMENTS.UA!.slice(0, 20), uaComment],
      [COMMENTS.UB!.slice(0, 20), ubComment],
    ].sort(),
  );
  const posted = world.slack.messagesIn(CHANNEL).filter((m) => JSON.stringify(m.blocks).includes('Too many meetings'));
  expect(posted).toHaveLength(1);
  expect(JSON.stringify(posted[0]!.blocks)).not.toContain('thread_');
  // App Home: the manager's team lists the unanswered comments, each with Reply (and no one-click acknowledgement);
  // a teammate's Home has no such section.
  await openHome('UMGR');
  const home = JSON.stringify(await waitFor(() => world.slack.homeOf('UMGR'), "the manager's Home"));
  expect(home).toContain('Conversations');
  expect(home).toContain(`"action_id":"thread_reply","value":"${uaComment}"`);
  expect(home).toContain(`"action_id":"thread_reply","value":"${ubComment}"`);
  expect(home).not.toContain('thread_quick_');
  await openHome('UC');
  const teammate = JSON.stringify(await waitFor(() => world.slack.homeOf('UC'), "UC's Home"));
  expect(teammate).not.toContain('thread_reply');
  expect(teammate).not.toContain('Too many meetings');
  expect(JSON.stringify((await world.command('UMGR', '/pulse', 'summary')).blocks)).not.toContain('comments answered');
});

test("a manager replies through the form: exactly the author gets the DM, under their own comment; nobody else is DM'd", async () => {
  const before = dmCounts();
  const form = await openForm('UMGR', 'thread_reply', uaComment);
  expect(form.callback_id).toBe('thread_reply_modal');
  const answered = await submitForm('UMGR', form, REPLY, { viewId: 'VREPLY1' });
  expect(answered).toContain('Sent. Only the author will read it');
  const dm = await waitFor(() => threadDms('UA').at(0), "the author's DM");
  expect(dm.text).toContain('Your anonymous comment:');
  expect(dm.text).toContain(COMMENTS.UA);
  expect(dm.text).toContain(REPLY);
  // Tagged with its key, so a retry after a crash finds it in the DM instead of sending it again; the key names no reader.
  expect(dm.metadata).toMatchObject({
    event_type: 'symmetry_post',
    event_payload: { key: expect.stringMatching(/^reply-[0-9a-f-]{36}$/) },
  });
  await settled();
  expect(dmCounts()).toEqual({ ...before, UA: before.UA! + 1 });

  // Slack redelivers the same submission (same view id): still one reply, one DM.
  expect(await submitForm('UMGR', form, REPLY, { viewId: 'VREPLY1' })).toContain('Sent. Only the author will read it');
  await settled();
  expect(await replyRows()).toBe(1);
  expect(dmCounts()).toEqual({ ...before, UA: before.UA! + 1 });
});

test('the author answers back from their DM and the managers read "Anonymous teammate", never the name', async () => {
  const before = dmCounts();
  const form = await openForm('UA', 'thread_answer', uaComment);
  expect(form.callback_id).toBe('thread_answer_modal');
  expect(await submitForm('UA', form, ANSWER)).toContain("Sent to the team's managers.");
  const dm = await waitFor(() => threadDms('UMGR').at(0), "the manager's DM");
  expect(dm.text).toContain(`*Anonymous teammate*: ${ANSWER}`);
  expect(dm.text).toContain(REPLY);
  expect(JSON.stringify(dm)).not.toMatch(/UA\b/);
  await settled();
  expect(dmCounts()).toEqual({ ...before, UMGR: before.UMGR! + 1 });
});

test('someone who did not write the comment cannot answer back as its author, and nothing changes', async () => {
  const rows = await replyRows();
  const form = await openForm('UB', 'thread_answer', uaComment);
  expect(await submitForm('UB', form, 'I am not the author')).toContain('This conversation belongs to someone else.');
  expect(await replyRows()).toBe(rows);
});

test('the sign-your-name choice is off by default and asks first; the name shows on that one answer only', async () => {
  const form = await openForm('UA', 'thread_answer', uaComment);
  const blocks = (form as unknown as { blocks: Array<{ block_id?: string; element?: Record<string, unknown> }> })
    .blocks;
  const box = blocks.find((b) => b.block_id === 'thread_reveal')?.element;
  expect(box).toMatchObject({ type: 'checkboxes' });
  expect(box!.initial_options).toBeUndefined();
  expect(box!.confirm).toMatchObject({ title: { text: 'Show your name?' }, confirm: { text: 'Yes, show my name' } });
  const signed = 'Happy to talk about it, come find me.';
  expect(await submitForm('UA', form, signed, { reveal: true })).toContain('with your name on this answer only');
  const dm = await waitFor(() => threadDms('UMGR').find((m) => (m.text ?? '').includes(signed)), "the manager's DM");
  expect(dm.text).toContain(`*<@UA>*: ${signed}`);
  expect(dm.text).toContain(`*Anonymous teammate*: ${ANSWER}`);
  await settled();
  const rows = await suite.database.pool.query(
    'select text, revealed_as from comment_replies where from_author order by position',
  );
  expect(rows.rows).toEqual([
    { text: ANSWER, revealed_as: null },
    { text: signed, revealed_as: 'UA' },
  ]);
});

test('a quick acknowledgement is one click, and a redelivered click sends it once', async () => {
  const before = dmCounts();
  const rows = await replyRows();
  const actionTs = '1700000999.000200';
  const first = await clickThread('UMGR', 'thread_quick_noted', ubComment, { actionTs });
  expect(await answerTo(first)).toContain('Sent. Only the author will read it');
  const again = await clickThread('UMGR', 'thread_quick_noted', ubComment, { actionTs });
  expect(await answerTo(again)).toContain('Sent. Only the author will read it');
  const dm = await waitFor(() => threadDms('UB').at(0), "UB's DM");
  expect(dm.text).toContain('Thank you, noted.');
  await settled();
  expect(await replyRows()).toBe(rows + 1);
  expect(dmCounts()).toEqual({ ...before, UB: before.UB! + 1 });
  // Both comments now have a manager's answer, and the summary says so.
  expect(JSON.stringify((await suite.world.command('UMGR', '/pulse', 'summary')).blocks)).toContain(
    '2 of 2 comments answered.',
  );
});

test('bad input gets a clear answer and changes nothing: empty, too long, under the threshold, another team, over the daily cap', async () => {
  const { world } = suite;
  const rows = await replyRows();
  const form = await openForm('UMGR', 'thread_reply', ubComment);
  expect(await submitForm('UMGR', form, '   ')).toContain('Please write something before sending.');
  expect(await submitForm('UMGR', form, 'x'.repeat(2001))).toContain(
    'Please keep it to 2000 characters (this is 2001).',
  );

  // The comment's round is under the threshold once k is raised: it cannot be seen, so it cannot be answered.
  expect(await world.pulse('UMGR', 'config threshold 6')).toMatch(/threshold: 6/);
  expect(await submitForm('UMGR', form, 'Still there?')).toContain('You can reply only to comments you can see');
  expect(await world.pulse('UMGR', 'config threshold 5')).toMatch(/threshold: 5/);

  // The manager of another team may not answer this team's comment.
  world.slack.addChannel(OTHER_CHANNEL, ['UOTHER'], { name: 'other' });
  const setup = await world.send(
    slashCommandBody({
      command: '/pulse',
      text: 'setup',
      userId: 'UOTHER',
      channelId: OTHER_CHANNEL,
      teamId: TEAM,
      responseUrl: world.slack.responseUrl('other-setup'),
    }),
  );
  expect(setup.status).toBe(200);
  expect(
    ((await waitFor(() => world.slack.responses('other-setup').at(0), 'the other setup')) as { text: string }).text,
  ).not.toMatch(/only/);
  expect(
    await answerTo(await clickThread('UOTHER', 'thread_quick_talk', ubComment, { channel: OTHER_CHANNEL })),
  ).toContain('You can reply only to comments you can see');
  expect(await replyRows()).toBe(rows);

  // UB's comment has one reply today (the quick one): two more are allowed, the fourth is refused.
  expect(await answerTo(await clickThread('UMGR', 'thread_quick_working', ubComment))).toContain('Sent.');
  expect(await answerTo(await clickThread('UMGR', 'thread_quick_talk', ubComment))).toContain('Sent.');
  await settled();
  const capped = dmCounts();
  expect(await answerTo(await clickThread('UMGR', 'thread_quick_noted', ubComment))).toContain(
    'already has 3 replies from managers today',
  );
  expect(await submitForm('UMGR', form, 'One more thing')).toContain('already has 3 replies from managers today');
  await settled();
  expect(await replyRows()).toBe(rows + 2);
  expect(dmCounts()).toEqual(capped);
});

test('a French-speaking manager reads the form and what it answers in French, sent or refused', async () => {
  const { database } = suite;
  // Slack's locale for UMGR, as a member sync stores it.
  await database.pool.query(`update members set locale = 'fr-FR' where platform_user_id = 'UMGR'`);
  const form = await openForm('UMGR', 'thread_reply', uaComment);
  expect(JSON.stringify(form)).toContain('Votre réponse (2 000 caractères au plus)');
  expect(await submitForm('UMGR', form, '   ')).toContain('Merci d’écrire quelque chose avant d’envoyer.');
  expect(await submitForm('UMGR', form, 'Merci, on en parle jeudi ?')).toContain('Envoyé. Seul l’auteur le lira');
  // UB's comment has its three manager replies today: the quick acknowledgement is refused, in French too.
  expect(await answerTo(await clickThread('UMGR', 'thread_quick_noted', ubComment))).toContain(
    'Ce commentaire a déjà reçu 3 réponses de managers aujourd’hui.',
  );
  await settled();
  await database.pool.query(`update members set locale = 'en-US' where platform_user_id = 'UMGR'`);
});

test('anonymity scan: no row pairs a person with their comment or answer; sealed addresses are unrelated and name nobody', async () => {
  const known = [
    { platformUserId: 'UA', score: 7, texts: [COMMENTS.UA!, ANSWER] },
    { platformUserId: 'UB', score: 7, texts: [COMMENTS.UB!] },
  ];
  expect(await findLinks(suite.database.pool, known)).toEqual([]);
  expect(await findSealProblems(suite.database.pool)).toEqual([]);
});

test("forget-me removes the author's conversations", async () => {
  const { world, database } = suite;
  const threadOf = async (commentId: string) =>
    (await database.pool.query('select count(*)::int as n from comment_replies where comment_id = $1', [commentId]))
      .rows[0].n;
  expect(await threadOf(uaComment)).toBe(4);
  expect(await world.pulse('UA', 'forget-me')).toMatch(/deleted|forgot|removed/i);
  await waitFor(async () => (await threadOf(uaComment)) === 0, "UA's thread gone");
  // UB's thread is untouched.
  expect(await threadOf(ubComment)).toBe(3);
  // UA's answers went too, so the round now has 4 respondents, under k: nothing of it is listed any more.
  const listed = await world.command('UMGR', '/pulse', 'conversations');
  expect(listed.text).toMatch(/No comments to answer/);
  expect(JSON.stringify(listed)).not.toContain(COMMENTS.UA!.slice(0, 20));
});
