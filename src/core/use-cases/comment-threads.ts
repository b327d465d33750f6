/**
 * Conversations on anonymous comments (issue #16): a manager who can see a comment replies, its author
 * hears it in their DM and may answer back; the managers only ever read "Anonymous teammate". The way
 * to the author is the comment's sealed address, opened by the worker that delivers, never stored open.
 */
import { createHmac } from 'node:crypto';
import { isSymmetryError } from '../errors';
import { resolveLocale, type MessageKey, type MessageParams } from '../i18n';
import type { ThreadMessage } from '../messages';
import {
  MAX_COMMENT_LENGTH,
  QUICK_REPLIES,
  type CommentThread,
  type Platform,
  type QuickReply,
  type Team,
  type Workspace,
} from '../model';
import { redactComment } from '../redact';
import { openAddress } from '../sealed-address';
import type { WebDeps, WorkerDeps } from './deps';
import type { Reply } from './reply';

/** Managers' replies one comment may get in 24 hours: enough to talk, too few to probe who wrote it. */
export const MAX_MANAGER_REPLIES_PER_DAY = 3;
const DAY = 86_400_000;

/** Who clicked or submitted, and the platform's id of that click (a redelivery carries the same one). */
export interface ThreadCaller {
  platform: Platform;
  workspaceExternalId: string;
  userId: string;
  commentId: string;
  clickId: string;
  /** The caller's locale as the request tells it (Teams sends the client's), preferred to the one on record. */
  locale?: string | null;
}

export type Refusal = { key: MessageKey; params?: MessageParams };

/** The message's text, or why it cannot be sent (empty, too long). */
export function checkThreadText(text: string): { text: string } | Refusal {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { key: 'thread.empty' };
  if (trimmed.length > MAX_COMMENT_LENGTH)
    return { key: 'thread.too_long', params: { max: MAX_COMMENT_LENGTH, length: trimmed.length } };
  return { text: trimmed };
}

/** A keyed hash of the click: dedupes a redelivery without storing the platform's id (which may carry a time). */
function requestKeyOf(secret: string, caller: ThreadCaller): string {
  return createHmac('sha256', secret)
    .update(`thread-request\u0000${caller.platform}\u0000${caller.clickId}`)
    .digest('base64url');
}

/** The caller's language: the request's, else the one on record, else the comment's team's (when known), else English. */
async function callerLocale(deps: WebDeps, caller: ThreadCaller, team: Team | null): Promise<string> {
  const workspace = await deps.repos.workspaces.findByExternalId(caller.platform, caller.workspaceExternalId);
  const member = workspace ? await deps.repos.members.findByPlatformId(workspace.id, caller.userId) : null;
  return resolveLocale(caller.locale, member?.locale, team?.settings.language);
}

/** True when the workspace is the one the caller's request came from. */
function sameWorkspace(workspace: Workspace | null, caller: ThreadCaller): workspace is Workspace {
  return !!workspace && workspace.platform === caller.platform && workspace.externalId === caller.workspaceExternalId;
}

/** Whether a manager may see (and so answer) a comment: a closed round of their team that reached its threshold. */
async function visibleTo(
  deps: WebDeps,
  caller: ThreadCaller,
  thread: CommentThread,
): Promise<{ team: Team; workspace: Workspace } | null> {
  const team = await deps.repos.teams.findById(thread.teamId);
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!team || !sameWorkspace(workspace, caller) || !team.managers.includes(caller.userId)) return null;
  const round = await deps.repos.rounds.findById(thread.roundId);
  if (!round || round.status !== 'closed') return null;
  const respondents = (await deps.repos.answers.listForRounds([round.id])).get(round.id)?.respondents ?? 0;
  return respondents >= team.settings.threshold ? { team, workspace } : null;
}

/** Queues the message's delivery; a queue that does not answer is told as "try again" (the retry finds the same message). */
async function queueDelivery(deps: WebDeps, replyId: string, done: Reply): Promise<Reply> {
  try {
    await deps.queue.enqueue('deliver-reply', { replyId });
    return done;
  } catch (err) {
    if (isSymmetryError(err, 'queue_unavailable')) return { key: 'thread.retry' };
    throw err;
  }
}

/**
 * Web side: a manager's reply (typed, or one of the quick acknowledgements) to a comment they can see; nothing
 * changes when refused. The answer, sent or refused, is in the caller's language.
 */
export async function replyToComment(
  deps: WebDeps,
  caller: ThreadCaller,
  body: { text: string } | { quick: string },
): Promise<Reply> {
  const { reply, team } = await managerReply(deps, caller, body);
  return { ...reply, locale: await callerLocale(deps, caller, team) };
}

async function managerReply(
  deps: WebDeps,
  caller: ThreadCaller,
  body: { text: string } | { quick: string },
): Promise<{ reply: Reply; team: Team | null }> {
  const refused = (reply: Reply) => ({ reply, team: null });
  let content: { text: string | null; quick: QuickReply | null };
  if ('quick' in body) {
    if (!(QUICK_REPLIES as readonly string[]).includes(body.quick)) return refused({ key: 'thread.not_visible' });
    content = { text: null, quick: body.quick as QuickReply };
  } else {
    const checked = checkThreadText(body.text);
    if (!('text' in checked)) return refused(checked);
    content = { text: checked.text, quick: null };
  }
  const thread = await deps.repos.threads.find(caller.commentId);
  const seen = thread ? await visibleTo(deps, caller, thread) : null;
  if (!thread || !seen) return refused({ key: 'thread.not_visible' });
  const now = deps.clock.now();
  const added = await deps.repos.threads.add({
    commentId: thread.commentId,
    teamId: thread.teamId,
    fromAuthor: false,
    managerId: caller.userId,
    ...content,
    revealedAs: null,
    requestKey: requestKeyOf(deps.anonymitySecret, caller),
    sentAt: now,
    cap: { since: new Date(now.getTime() - DAY), max: MAX_MANAGER_REPLIES_PER_DAY },
  });
  if (added.status === 'cap')
    return { reply: { key: 'thread.cap', params: { max: MAX_MANAGER_REPLIES_PER_DAY } }, team: seen.team };
  return { reply: await queueDelivery(deps, added.reply.id, { key: 'thread.sent' }), team: seen.team };
}

/**
 * Web side: the author answers back from their DM. Only the person the sealed address names may, and only
 * once a manager has written; `reveal` (an explicit choice, off unless they turn it on) signs this one answer.
 */
export async function answerBack(
  deps: WebDeps,
  caller: ThreadCaller,
  body: { text: string; reveal: boolean },
): Promise<Reply> {
  const { reply, team } = await authorAnswer(deps, caller, body);
  return { ...reply, locale: await callerLocale(deps, caller, team) };
}

async function authorAnswer(
  deps: WebDeps,
  caller: ThreadCaller,
  body: { text: string; reveal: boolean },
): Promise<{ reply: Reply; team: Team | null }> {
  const checked = checkThreadText(body.text);
  if (!('text' in checked)) return { reply: checked, team: null };
  const thread = await deps.repos.threads.find(caller.commentId);
  const team = thread ? await deps.repos.teams.findById(thread.teamId) : null;
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  const memberId = thread?.authorSeal ? openAddress(deps.anonymitySecret, thread.commentId, thread.authorSeal) : null;
  const member = memberId ? await deps.repos.members.findById(memberId) : null;
  const own =
    !!thread &&
    !!team &&
    sameWorkspace(workspace, caller) &&
    member?.platformUserId === caller.userId &&
    member.workspaceId === workspace.id;
  if (!own || !thread.replies.some((r) => !r.fromAuthor)) return { reply: { key: 'thread.not_yours' }, team: null };
  const added = await deps.repos.threads.add({
    commentId: thread.commentId,
    teamId: thread.teamId,
    fromAuthor: true,
    managerId: null,
    text: checked.text,
    quick: null,
    revealedAs: body.reveal ? caller.userId : null,
    requestKey: requestKeyOf(deps.anonymitySecret, caller),
    sentAt: null,
    cap: null,
  });
  if (added.status === 'cap') return { reply: { key: 'thread.not_yours' }, team };
  const done: Reply = { key: body.reveal ? 'thread.answer_sent_named' : 'thread.answer_sent' };
  return { reply: await queueDelivery(deps, added.reply.id, done), team };
}

/** The conversation as one reader sees it: the author reads "You" for their own answers, managers "Anonymous teammate". */
export function threadMessage(
  thread: CommentThread,
  team: Team,
  viewer: ThreadMessage['viewer'],
  locale: string,
  key = `thread-${thread.commentId}-${thread.replies.length}`,
): ThreadMessage {
  return {
    kind: 'thread',
    locale,
    viewer,
    commentId: thread.commentId,
    channelId: team.channelId,
    // Redacted as summaries show it: a manager sees no more of a comment here than anywhere else.
    comment: redactComment(thread.comment),
    replies: thread.replies.map((r) => ({
      fromAuthor: r.fromAuthor,
      managerId: r.managerId,
      text: r.text,
      quick: r.quick,
      revealedAs: r.revealedAs,
    })),
    key,
  };
}

/**
 * The key of a thread DM, by which a retry finds it: `reply-<message>-<manager>` for a manager,
 * `reply-<message>` for the author (they are its only reader), so that no key a platform stores beside
 * the recipient's chat names the author (Teams keeps these keys in PostgreSQL: see its messenger).
 */
export function threadDmKey(replyId: string, manager: string | null): string {
  return manager === null ? `reply-${replyId}` : `reply-${replyId}-${manager}`;
}

/**
 * Worker side: delivers one message of a thread exactly once (the job id is the message id, and the
 * message leaves 'pending' only here). A manager's reply goes to the author alone, opened from the
 * sealed address; an author who left the team or workspace cannot be reached, and the manager is told.
 * An author's answer goes to every manager of the team, each DM on its own: it is 'sent' when one manager
 * at least has it (a DM that may yet go is retried first, until `lastAttempt`); when none can be reached the
 * author is told. Each DM carries its `threadDmKey`:
 * a worker that died between sending and recording left the message 'sending', and its retry asks the
 * platform for that DM before sending it again (as deliverCheckin does with the delivery id).
 */
export async function deliverReply(
  deps: WorkerDeps,
  replyId: string,
  options: { lastAttempt?: boolean } = {},
): Promise<'sent' | 'unreachable' | 'skipped'> {
  const reply = await deps.repos.threads.findReply(replyId);
  if (!reply || (reply.state !== 'pending' && reply.state !== 'sending')) return 'skipped';
  const thread = await deps.repos.threads.find(reply.commentId);
  const team = thread ? await deps.repos.teams.findById(thread.teamId) : null;
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!thread || !team || !workspace) return 'skipped';
  const upTo = { ...thread, replies: thread.replies.filter((r) => r.position <= reply.position) };
  const firstAttempt = reply.state === 'pending' && (await deps.repos.threads.claim(reply.id));
  const sendOnce = async (to: string, viewer: ThreadMessage['viewer'], locale: string) => {
    const message = threadMessage(upTo, team, viewer, locale, threadDmKey(reply.id, viewer === 'author' ? null : to));
    if (!firstAttempt && (await deps.messenger.findDirect(workspace, to, message.key))) return;
    await deps.messenger.sendDirect(workspace, to, message);
  };
  const memberId = thread.authorSeal ? openAddress(deps.anonymitySecret, thread.commentId, thread.authorSeal) : null;
  const author = memberId ? await deps.repos.members.findById(memberId) : null;
  if (reply.fromAuthor) {
    // Each manager's DM on its own: one who left (or whose DM fails) never keeps the answer from the others.
    let reached = 0;
    const failed: unknown[] = [];
    for (const manager of team.managers) {
      const member = await deps.repos.members.findByPlatformId(workspace.id, manager);
      try {
        await sendOnce(manager, 'manager', member?.locale ?? team.settings.language);
        reached += 1;
      } catch (err) {
        // A limit or a shutdown is "come back later" for everyone: the retry skips the managers already reached.
        if (isSymmetryError(err, 'platform_rate_limited') || isSymmetryError(err, 'interrupted')) throw err;
        if (!isSymmetryError(err, 'recipient_unreachable')) failed.push(err);
      }
    }
    // A failure that may pass is retried (the managers reached are found by their key, not DM'd again), until the last attempt.
    if (failed.length > 0 && !options.lastAttempt) throw failed[0];
    if (failed.length > 0) deps.logger.warn({ failed: failed.length, reached }, 'an answer reached not every manager');
    if (reached > 0) {
      await deps.repos.threads.settle(reply.id, 'sent');
      return 'sent';
    }
    // Nobody could read it: the answer stays in the thread, marked, and its author hears it went nowhere.
    if ((await deps.repos.threads.settle(reply.id, 'unreachable')) && author) {
      await deps.messenger
        .sendDirect(workspace, author.platformUserId, {
          kind: 'text',
          locale: author.locale ?? team.settings.language,
          key: 'thread.answer_undelivered',
        })
        .catch((err: unknown) => {
          if (!isSymmetryError(err, 'recipient_unreachable')) throw err;
        });
    }
    return 'unreachable';
  }
  const stillThere = author
    ? (await deps.repos.teams.listActiveMembers(team.id)).some((m) => m.id === author.id)
    : false;
  if (author && stillThere) {
    try {
      await sendOnce(author.platformUserId, 'author', author.locale ?? team.settings.language);
      await deps.repos.threads.settle(reply.id, 'sent');
      return 'sent';
    } catch (err) {
      if (!isSymmetryError(err, 'recipient_unreachable')) throw err;
    }
  }
  // Nothing is lost silently: the reply stays in the thread, marked, and its manager hears why it went nowhere
  // (unless they ran forget-me since: their id is gone from the reply, and there is nobody left to tell).
  const manager = reply.managerId;
  if ((await deps.repos.threads.settle(reply.id, 'unreachable')) && manager !== null) {
    const member = await deps.repos.members.findByPlatformId(workspace.id, manager);
    await deps.messenger.sendDirect(workspace, manager, {
      kind: 'text',
      locale: member?.locale ?? team.settings.language,
      key: 'thread.unreachable',
    });
  }
  return 'unreachable';
}

/** The comments a team's managers can see (closed rounds at or above k among the last `rounds`), unanswered first, with their threads. */
export async function visibleThreads(deps: WebDeps, team: Team, rounds = 10): Promise<CommentThread[]> {
  const closed = await deps.repos.rounds.listClosed(team.id, rounds);
  const answers = await deps.repos.answers.listForRounds(closed.map((r) => r.id));
  const shown = closed.filter((r) => (answers.get(r.id)?.respondents ?? 0) >= team.settings.threshold).map((r) => r.id);
  const threads = await deps.repos.threads.listForRounds(shown);
  return [...threads.filter((t) => t.replies.length === 0), ...threads.filter((t) => t.replies.length > 0)];
}

/** `/pulse conversations`: the comments a manager can see (closed rounds at or above k), unanswered first, each with its thread. */
export async function listConversations(deps: WebDeps, team: Team, locale: string, rounds = 10): Promise<Reply> {
  const threads = await visibleThreads(deps, team, rounds);
  if (threads.length === 0) return { key: 'conversations.none' };
  return {
    key: 'conversations.header',
    params: { count: threads.length },
    messages: threads.slice(0, 12).map((t) => threadMessage(t, team, 'manager', locale)),
  };
}
