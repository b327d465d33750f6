/**
 * Conversations on anonymous comments on the real PostgreSQL (issue #16): a manager's reply reaches
 * exactly the author, the author answers back and the managers read "Anonymous teammate"; bad input
 * changes nothing; a repeated click sends once; forget-me and retention take the threads; nothing
 * stored pairs the author with the comment or a reply.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { SymmetryError } from '../../src/core/errors';
import { MOOD_QUESTION_ID } from '../../src/core/model';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import {
  answerBack,
  deliverReply,
  listConversations,
  replyToComment,
  threadDmKey,
  threadMessage,
} from '../../src/core/use-cases/comment-threads';
import { recordAnswer } from '../../src/core/use-cases/checkins';
import { forgetMe } from '../../src/core/use-cases/privacy';
import { openAddress } from '../../src/core/sealed-address';
import { threadText } from '../../src/core/thread-text';
import { renderMessage as renderSlack } from '../../src/platforms/slack/render';
import { renderMessage as renderTeams } from '../../src/platforms/teams/render';
import { findLinks } from '../support/anonymity-scan';
import { silentLogger, seedTeam } from '../support/checkin-team';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';

const SECRET = 'c'.repeat(40);
let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(() => database.close());

/** A team of a manager (UMGR) and three members; UAUTH wrote a comment in each of two closed rounds that reached k = 3. */
async function world() {
  const clock = new ManualClock(new Date('2026-11-27T23:30:00Z'));
  const messenger = new RecordingMessenger();
  const queue = new MemoryQueue();
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock,
    logger: silentLogger,
    messenger,
    anonymitySecret: SECRET,
  };
  const team = await seedTeam(deps, messenger, ['UMGR', 'UAUTH', 'UB', 'UC']);
  await deps.repos.teams.updateSettings(team.id, { ...team.settings, threshold: 3 });
  const workspace = (await deps.repos.workspaces.findById(team.workspaceId))!;
  const members = await deps.repos.teams.listActiveMembers(team.id);
  const memberOf = (u: string) => members.find((m) => m.platformUserId === u)!;
  const rounds: string[] = [];
  for (const [i, period] of ['2026-11-13', '2026-11-20'].entries()) {
    const { round } = await deps.repos.rounds.ensure({
      teamId: team.id,
      period,
      kind: 'scheduled',
      opensAt: new Date(clock.now().getTime() - 86_400_000 * (20 - i)),
      closesAt: new Date(clock.now().getTime() + 3_600_000),
    });
    const deliveries = await deps.repos.deliveries.ensureMany(
      round.id,
      members.map((m) => m.id),
    );
    const d = (u: string) => deliveries.find((x) => x.memberId === memberOf(u).id)!.id;
    for (const [u, score] of [
      ['UAUTH', 3],
      ['UB', 7],
      ['UC', 8],
    ] as const)
      await recordAnswer(deps, { deliveryId: d(u), questionId: MOOD_QUESTION_ID, score });
    await recordAnswer(deps, {
      deliveryId: d('UAUTH'),
      questionId: MOOD_QUESTION_ID,
      comment: `Workload is crushing me, round ${i + 1}`,
    });
    await deps.repos.rounds.close(round.id, clock.now());
    rounds.push(round.id);
  }
  const threads = await deps.repos.threads.listForRounds(rounds);
  const caller = (userId: string, commentId: string, clickId: string) => ({
    platform: 'slack' as const,
    workspaceExternalId: workspace.externalId,
    userId,
    commentId,
    clickId,
  });
  const drain = async () => {
    for (const job of queue.waiting.splice(0))
      if (job.name === 'deliver-reply') await deliverReply(deps, (job.payload as { replyId: string }).replyId);
  };
  return { deps, clock, messenger, queue, team, workspace, members, memberOf, rounds, threads, caller, drain };
}

/** A thread of three on comment `id`: UMGR's typed reply and a quick one, delivered, then UAUTH's answer back, delivered. */
async function threadOfThree(
  w: Awaited<ReturnType<typeof world>>,
  id: string,
  click: string,
  reply: string,
  answer: string,
): Promise<void> {
  await replyToComment(w.deps, w.caller('UMGR', id, `${click}-1`), { text: reply });
  await replyToComment(w.deps, w.caller('UMGR', id, `${click}-2`), { quick: 'noted' });
  await w.drain();
  await answerBack(w.deps, w.caller('UAUTH', id, `${click}-3`), { text: answer, reveal: false });
  await w.drain();
}

test('a manager replies, exactly the author hears it under their comment, answers back, and the managers read "Anonymous teammate"', async () => {
  const w = await world();
  const [thread] = w.threads;
  const before = w.messenger.direct.length;
  expect(
    await replyToComment(w.deps, w.caller('UMGR', thread!.commentId, 'click-1'), {
      text: 'Thank you for saying so. What would help most?',
    }),
  ).toMatchObject({ key: 'thread.sent' });
  await w.drain();
  const sent = w.messenger.direct.slice(before);
  expect(sent.map((s) => s.to)).toEqual(['UAUTH']);
  const toAuthor = sent[0]!.message;
  expect(
    toAuthor.kind === 'thread' &&
      toAuthor.viewer === 'author' &&
      toAuthor.comment.startsWith('Workload is crushing me'),
  ).toBe(true);

  expect(
    await answerBack(w.deps, w.caller('UAUTH', thread!.commentId, 'view-1'), {
      text: 'Fewer parallel projects.',
      reveal: false,
    }),
  ).toMatchObject({ key: 'thread.answer_sent' });
  await w.drain();
  const toManager = w.messenger.direct.at(-1)!;
  expect(toManager.to).toBe('UMGR');
  expect(toManager.message.kind === 'thread' && toManager.message.viewer).toBe('manager');
  if (toManager.message.kind !== 'thread') throw new Error('not a thread');
  expect(threadText(toManager.message)).toContain('*Anonymous teammate*: Fewer parallel projects.');
  expect(threadText(toManager.message)).not.toContain('UAUTH');

  // Another member cannot answer in the author's place.
  expect(
    await answerBack(w.deps, w.caller('UB', thread!.commentId, 'view-2'), { text: 'me too', reveal: false }),
  ).toMatchObject({ key: 'thread.not_yours' });

  const listed = await listConversations(w.deps, (await w.deps.repos.teams.findById(w.team.id))!, 'en');
  expect(listed).toMatchObject({ key: 'conversations.header', params: { count: 2 } });

  // The anonymity scan: no row and no message pairs UAUTH (or their member id) with the comment or a reply.
  const links = await findLinks(database.pool, [
    { platformUserId: 'UAUTH', score: 3, texts: ['Workload is crushing me', 'Fewer parallel projects.'] },
  ]);
  expect(links).toEqual([]);
});

test('two comments by one author have unrelated sealed values; a changed secret opens none', async () => {
  const w = await world();
  const { rows } = await database.pool.query<{ comment_id: string; author_seal: string }>(
    'select comment_id, author_seal from responses where round_id = any($1) and comment is not null',
    [w.rounds],
  );
  expect(rows).toHaveLength(2);
  const [a, b] = rows.map((r) => Buffer.from(r.author_seal.slice(3), 'base64url'));
  let same = 0;
  for (let i = 0; i < Math.min(a!.length, b!.length); i += 1) if (a![i] === b![i]) same += 1;
  expect(same).toBeLessThan(8);
  const author = w.memberOf('UAUTH').id;
  for (const r of rows) {
    expect(r.author_seal).not.toContain(author);
    expect(openAddress(SECRET, r.comment_id, r.author_seal)).toBe(author);
    expect(openAddress(`${SECRET}-rotated`, r.comment_id, r.author_seal)).toBeNull();
  }
});

test('bad input gets a clear answer and changes nothing: empty, too long, not a manager, under the threshold, another team, over the daily cap', async () => {
  const w = await world();
  const other = await world();
  const id = w.threads[0]!.commentId;
  const count = async () =>
    (await database.pool.query('select count(*)::int as n from comment_replies where comment_id = $1', [id])).rows[0]
      .n as number;
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'e'), { text: '   ' })).toMatchObject({
    key: 'thread.empty',
  });
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'l'), { text: 'x'.repeat(2001) })).toMatchObject({
    key: 'thread.too_long',
    params: { max: 2000, length: 2001 },
  });
  expect(await replyToComment(w.deps, w.caller('UB', id, 'n'), { text: 'hello' })).toMatchObject({
    key: 'thread.not_visible',
  });
  expect(await replyToComment(other.deps, other.caller('UMGR', id, 'o'), { text: 'hello' })).toMatchObject({
    key: 'thread.not_visible',
  });
  // Under the threshold: k raised above the round's three respondents.
  await w.deps.repos.teams.updateSettings(w.team.id, { ...w.team.settings, threshold: 4 });
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'k'), { text: 'hello' })).toMatchObject({
    key: 'thread.not_visible',
  });
  await w.deps.repos.teams.updateSettings(w.team.id, { ...w.team.settings, threshold: 3 });
  expect(await count()).toBe(0);
  for (const n of [1, 2, 3])
    expect(await replyToComment(w.deps, w.caller('UMGR', id, `cap-${n}`), { quick: 'noted' })).toMatchObject({
      key: 'thread.sent',
    });
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'cap-4'), { text: 'one more' })).toMatchObject({
    key: 'thread.cap',
    params: { max: 3 },
  });
  expect(await count()).toBe(3);
  // A day later the cap has room again.
  w.clock.set(new Date(w.clock.now().getTime() + 86_400_000 + 1));
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'cap-5'), { text: 'next day' })).toMatchObject({
    key: 'thread.sent',
  });
});

test('a redelivered click makes one reply and one DM', async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  const before = w.messenger.direct.length;
  for (let i = 0; i < 3; i += 1)
    expect(await replyToComment(w.deps, w.caller('UMGR', id, 'same-click'), { quick: 'working' })).toMatchObject({
      key: 'thread.sent',
    });
  await w.drain();
  // The job ran again (a retry after it finished): the message is no longer pending, nothing more goes out.
  const [reply] = (await w.deps.repos.threads.find(id))!.replies;
  expect(await deliverReply(w.deps, reply!.id)).toBe('skipped');
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UAUTH']);
  expect((await w.deps.repos.threads.find(id))!.replies).toHaveLength(1);
});

test('a worker that died after sending a reply, before recording it: the retry finds the DM and sends nothing twice', async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  const before = w.messenger.direct.length;
  expect(
    await replyToComment(w.deps, w.caller('UMGR', id, 'crash-1'), { text: 'Can you tell me more?' }),
  ).toMatchObject({
    key: 'thread.sent',
  });
  expect(
    await answerBack(w.deps, w.caller('UAUTH', id, 'crash-2'), { text: 'Later, thanks.', reveal: false }),
  ).toMatchObject({ key: 'thread.answer_sent' });
  const [toAuthor, toManagers] = (await w.deps.repos.threads.find(id))!.replies;
  // The crash: each message is taken and its DM goes out, then the worker dies before marking it sent.
  for (const reply of [toAuthor!, toManagers!]) {
    expect(await w.deps.repos.threads.claim(reply.id)).toBe(true);
    const settle = w.deps.repos.threads.settle;
    w.deps.repos.threads.settle = async () => {
      throw new Error('worker killed');
    };
    await expect(deliverReply(w.deps, reply.id)).rejects.toThrow('worker killed');
    w.deps.repos.threads.settle = settle;
  }
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UAUTH', 'UMGR']);
  // BullMQ retries both jobs: each finds its DM already there, records it, and sends nothing.
  expect(await deliverReply(w.deps, toAuthor!.id)).toBe('sent');
  expect(await deliverReply(w.deps, toManagers!.id)).toBe('sent');
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UAUTH', 'UMGR']);
  expect((await w.deps.repos.threads.find(id))!.replies.map((r) => r.state)).toEqual(['sent', 'sent']);
  // A message taken but never sent (the worker died before the platform call) is sent by the retry.
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'crash-3'), { quick: 'noted' })).toMatchObject({
    key: 'thread.sent',
  });
  const third = (await w.deps.repos.threads.find(id))!.replies.at(-1)!;
  expect(await w.deps.repos.threads.claim(third.id)).toBe(true);
  expect(await deliverReply(w.deps, third.id)).toBe('sent');
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UAUTH', 'UMGR', 'UAUTH']);
});

test('an author who left the team cannot be reached: the reply is kept, marked, and the manager is told', async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  await w.deps.repos.teams.removeMember(w.team.id, w.memberOf('UAUTH').id);
  await replyToComment(w.deps, w.caller('UMGR', id, 'gone'), { text: 'Are you still there?' });
  await w.drain();
  const last = w.messenger.direct.at(-1)!;
  expect(last.to).toBe('UMGR');
  expect(last.message).toMatchObject({ kind: 'text', key: 'thread.unreachable' });
  expect((await w.deps.repos.threads.find(id))!.replies.map((r) => r.state)).toEqual(['unreachable']);
  expect(w.messenger.direct.some((s) => s.to === 'UAUTH' && s.message.kind === 'thread')).toBe(false);
});

test('a French-speaking manager and author read every answer of theirs in French, sent or refused', async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  await database.pool.query(`update members set locale = 'fr-FR' where id = any($1)`, [
    [w.memberOf('UMGR').id, w.memberOf('UAUTH').id],
  ]);
  const manager = (click: string) => w.caller('UMGR', id, click);
  expect(await replyToComment(w.deps, manager('fr-1'), { text: ' ' })).toEqual({
    key: 'thread.empty',
    locale: 'fr-FR',
  });
  expect(await replyToComment(w.deps, manager('fr-2'), { quick: 'nope' })).toEqual({
    key: 'thread.not_visible',
    locale: 'fr-FR',
  });
  expect(await replyToComment(w.deps, manager('fr-3'), { text: 'Merci, on en parle ?' })).toEqual({
    key: 'thread.sent',
    locale: 'fr-FR',
  });
  for (const n of [4, 5]) await replyToComment(w.deps, manager(`fr-${n}`), { quick: 'noted' });
  expect(await replyToComment(w.deps, manager('fr-6'), { quick: 'noted' })).toEqual({
    key: 'thread.cap',
    params: { max: 3 },
    locale: 'fr-FR',
  });
  const author = (click: string) => w.caller('UAUTH', id, click);
  expect(await answerBack(w.deps, author('fr-7'), { text: '', reveal: false })).toEqual({
    key: 'thread.empty',
    locale: 'fr-FR',
  });
  expect(await answerBack(w.deps, author('fr-8'), { text: 'Oui.', reveal: false })).toEqual({
    key: 'thread.answer_sent',
    locale: 'fr-FR',
  });
  // The request's own language (Teams sends its client's) comes first; nothing on record: the team's, else English.
  expect(await replyToComment(w.deps, { ...manager('fr-9'), locale: 'nl-NL' }, { text: '' })).toMatchObject({
    locale: 'nl-NL',
  });
  expect(await replyToComment(w.deps, w.caller('UNOBODY', id, 'fr-10'), { text: 'hello' })).toEqual({
    key: 'thread.not_visible',
    locale: 'en',
  });
});

test("an author's answer reaches the managers still there when one has left; with none left, the author is told", async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  // Two managers; UGONE left the workspace (the platform refuses to DM them) and comes first, before UMGR.
  await database.pool.query('update teams set managers = $1 where id = $2', [['UGONE', 'UMGR'], w.team.id]);
  const gone = () => new SymmetryError('recipient_unreachable');
  await replyToComment(w.deps, w.caller('UMGR', id, 'm-1'), { text: 'What would help?' });
  await w.drain();
  const before = w.messenger.direct.length;
  w.messenger.directFaults.set('UGONE', [gone()]);
  await answerBack(w.deps, w.caller('UAUTH', id, 'm-2'), { text: 'Fewer meetings.', reveal: false });
  await w.drain();
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UMGR']);
  expect((await w.deps.repos.threads.find(id))!.replies.map((r) => r.state)).toEqual(['sent', 'sent']);

  // A failure that may pass (not "unreachable") is retried: the manager already reached is not DM'd again.
  w.messenger.directFaults.set('UGONE', [new SymmetryError('platform_error', { error: 'http_500' })]);
  await answerBack(w.deps, w.caller('UAUTH', id, 'm-3'), { text: 'And shorter ones.', reveal: false });
  const third = (await w.deps.repos.threads.find(id))!.replies.at(-1)!;
  await expect(deliverReply(w.deps, third.id)).rejects.toThrow('platform_error');
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UMGR', 'UMGR']);
  // Its last attempt fails again for UGONE: the answer counts as sent (UMGR has it), and nobody gets it twice.
  w.messenger.directFaults.set('UGONE', [new SymmetryError('platform_error', { error: 'http_500' })]);
  expect(await deliverReply(w.deps, third.id, { lastAttempt: true })).toBe('sent');
  expect(w.messenger.direct.slice(before).map((s) => s.to)).toEqual(['UMGR', 'UMGR']);

  // Both managers gone: the answer is kept, marked, and its author (alone) hears it could not be delivered, in French.
  await database.pool.query(`update members set locale = 'fr' where id = $1`, [w.memberOf('UAUTH').id]);
  w.messenger.directFaults.set('UGONE', [gone()]);
  w.messenger.directFaults.set('UMGR', [gone()]);
  await answerBack(w.deps, w.caller('UAUTH', id, 'm-4'), { text: 'Anyone there?', reveal: false });
  await w.drain();
  const last = w.messenger.direct.slice(before).slice(2);
  expect(last.map((s) => ({ to: s.to, message: s.message }))).toEqual([
    { to: 'UAUTH', message: { kind: 'text', locale: 'fr', key: 'thread.answer_undelivered' } },
  ]);
  expect((await w.deps.repos.threads.find(id))!.replies.map((r) => r.state)).toEqual([
    'sent',
    'sent',
    'sent',
    'unreachable',
  ]);
});

test("forget-me removes the author's comments with their threads, and the records of the threads' DMs", async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  const before = w.messenger.direct.length;
  await replyToComment(w.deps, w.caller('UMGR', id, 'f'), { text: 'Thanks' });
  await w.drain();
  await answerBack(w.deps, w.caller('UAUTH', id, 'f-2'), { text: 'Thank you too', reveal: false });
  await w.drain();
  // The DMs' keys, recorded as the Teams messenger records them: to the author, that it went (not where).
  const keys = w.messenger.direct.slice(before).map((s) => ('key' in s.message ? s.message.key : ''));
  const [toAuthor, toManager] = (await w.deps.repos.threads.find(id))!.replies;
  expect(keys).toEqual([threadDmKey(toAuthor!.id, null), threadDmKey(toManager!.id, 'UMGR')]);
  await w.deps.repos.conversations.savePost(w.workspace.id, keys[0]!, { channelId: '', messageId: '' });
  await w.deps.repos.conversations.savePost(w.workspace.id, keys[1]!, { channelId: 'DUMGR', messageId: '9' });
  await w.deps.repos.conversations.savePost(w.workspace.id, 'summary-other', { channelId: 'C1', messageId: '1' });
  await forgetMe(w.deps, w.workspace, 'UAUTH');
  const posts = await database.pool.query('select key from posted_messages where workspace_id = $1', [w.workspace.id]);
  expect(posts.rows.map((r) => r.key)).toEqual(['summary-other']);
  expect(
    (await database.pool.query('select count(*)::int as n from comment_replies where team_id = $1', [w.team.id]))
      .rows[0].n,
  ).toBe(0);
  expect(await w.deps.repos.threads.find(id)).toBeNull();
});

test("a manager's forget-me takes their id off their replies and their thread DMs' records; the thread still renders, the cap still counts", async () => {
  const w = await world();
  const other = await world(); // another workspace, whose manager has the same user id
  const id = w.threads[0]!.commentId;
  await threadOfThree(w, id, 'fm', 'Thanks for this', 'Happy to talk');
  await replyToComment(other.deps, other.caller('UMGR', other.threads[0]!.commentId, 'fm-4'), { text: 'Elsewhere' });
  const [, , answer] = (await w.deps.repos.threads.find(id))!.replies;
  // The record of the answer's DM to the manager, as the Teams messenger keeps it (their id in its key).
  await w.deps.repos.conversations.savePost(w.workspace.id, threadDmKey(answer!.id, 'UMGR'), {
    channelId: 'DUMGR',
    messageId: '9',
  });
  // A reply of theirs still waiting for its worker when they go, to an author who has left meanwhile.
  await w.deps.repos.teams.removeMember(w.team.id, w.memberOf('UAUTH').id);
  await replyToComment(w.deps, w.caller('UMGR', id, 'fm-5'), { text: 'Still there?' });

  await forgetMe(w.deps, w.workspace, 'UMGR');
  const named = await database.pool.query(
    `select 'comment_replies' as t from comment_replies where manager_id = 'UMGR' and team_id = $1
     union all select 'posted_messages' from posted_messages
       where workspace_id = $2 and (key like '%UMGR%' or channel_id like '%UMGR%')`,
    [w.team.id, w.workspace.id],
  );
  expect(named.rows).toEqual([]);
  // Another workspace's UMGR is another person: their reply keeps its writer.
  expect((await other.deps.repos.threads.find(other.threads[0]!.commentId))!.replies[0]!.managerId).toBe('UMGR');

  // The pending reply goes nowhere and tells nobody (there is nobody left to tell), without failing.
  const before = w.messenger.direct.length;
  await w.drain();
  expect(w.messenger.direct.length).toBe(before);
  const thread = (await w.deps.repos.threads.find(id))!;
  expect(thread.replies.map((r) => [r.managerId, r.state])).toEqual([
    [null, 'sent'],
    [null, 'sent'],
    [null, 'sent'],
    [null, 'unreachable'],
  ]);
  const team = (await w.deps.repos.teams.findById(w.team.id))!;
  const message = threadMessage(thread, team, 'manager', 'en');
  expect(threadText(message)).toContain('*A manager*: Thanks for this');
  expect(threadText(message)).toContain('*Anonymous teammate*: Happy to talk');
  for (const rendered of [renderSlack(message), renderTeams(message)])
    expect(JSON.stringify(rendered)).not.toMatch(/null|UMGR/);
  // Their replies still count toward the day's cap on this comment: three today already.
  expect(await replyToComment(w.deps, w.caller('UMGR', id, 'fm-6'), { text: 'One more' })).toMatchObject({
    key: 'thread.cap',
  });
});

test('migration 0014 rewrites the old records of DMs to an author (their user id, their 1:1 chat) the way the app writes them now', async () => {
  const w = await world();
  const id = w.threads[0]!.commentId;
  await threadOfThree(w, id, 'mig', 'Thanks', 'Welcome');
  const [first, second, answer] = (await w.deps.repos.threads.find(id))!.replies;
  const save = (key: string, channelId: string) =>
    w.deps.repos.conversations.savePost(w.workspace.id, key, { channelId, messageId: channelId ? '1' : '' });
  // As the app wrote them before: each DM keyed with its reader, beside the reader's chat.
  await save(`reply-${first!.id}-UAUTH`, 'DUAUTH');
  await save(`reply-${second!.id}-UAUTH`, 'DUAUTH');
  await save(threadDmKey(second!.id, null), ''); // a retry by the new app already wrote this one
  await save(`reply-${answer!.id}-UMGR`, 'DUMGR');
  await save(`reply-${randomUUID()}-UAUTH`, 'DUAUTH'); // a message since deleted
  const migration = readFileSync(
    join(__dirname, '..', '..', 'migrations', '0014_thread_posts_without_author.sql'),
    'utf8',
  );
  for (const statement of migration.split('--> statement-breakpoint')) await database.pool.query(statement);
  const { rows } = await database.pool.query(
    'select key, channel_id, message_id from posted_messages where workspace_id = $1 order by key',
    [w.workspace.id],
  );
  expect(rows).toEqual(
    [
      { key: threadDmKey(first!.id, null), channel_id: '', message_id: '' },
      { key: threadDmKey(second!.id, null), channel_id: '', message_id: '' },
      { key: threadDmKey(answer!.id, 'UMGR'), channel_id: 'DUMGR', message_id: '1' },
    ].sort((a, b) => a.key.localeCompare(b.key)),
  );
});
