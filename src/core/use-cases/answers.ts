/** A member's click or comment, checked in the web process and handed to a job to make durable. */
import { isSymmetryError } from '../errors';
import type { MessageKey } from '../i18n';
import { MAX_COMMENT_LENGTH, type Platform } from '../model';
import type { WebDeps } from './deps';

export interface AnswerTarget {
  platform: Platform;
  workspaceExternalId: string;
  userId: string;
  deliveryId: string;
  /** The platform's id of this click/submission: a redelivery of the same one is the same job. */
  clickId: string;
}

export type AcceptResult = { ok: true; threshold: number; locale: string } | { ok: false; key: MessageKey; params?: Record<string, number> };

/** Checks that the check-in is the caller's own and still open. */
async function checkTarget(deps: WebDeps, target: AnswerTarget): Promise<AcceptResult> {
  const delivery = await deps.repos.deliveries.findById(target.deliveryId);
  if (!delivery) return { ok: false, key: 'answer.not_yours' };
  const [member, round] = await Promise.all([deps.repos.members.findById(delivery.memberId), deps.repos.rounds.findById(delivery.roundId)]);
  const workspace = member ? await deps.repos.workspaces.findById(member.workspaceId) : null;
  if (!member || !round || !workspace || member.platformUserId !== target.userId || workspace.externalId !== target.workspaceExternalId || workspace.platform !== target.platform) {
    return { ok: false, key: 'answer.not_yours' };
  }
  if (round.status !== 'open' || round.closesAt.getTime() <= deps.clock.now().getTime()) return { ok: false, key: 'answer.round_closed' };
  const team = await deps.repos.teams.findById(round.teamId);
  return { ok: true, threshold: team?.settings.threshold ?? 5, locale: member.locale ?? 'en' };
}

/** Enqueues; a queue that does not answer means the member is told to retry, never told "saved". */
async function enqueueOrRetry(run: () => Promise<void>): Promise<AcceptResult | null> {
  try {
    await run();
    return null;
  } catch (err) {
    if (isSymmetryError(err, 'queue_unavailable')) return { ok: false, key: 'answer.retry' };
    throw err;
  }
}

/** Accepts a 1–10 score click for the caller's own open check-in and queues it to be saved. */
export async function acceptScore(deps: WebDeps, target: AnswerTarget, score: number): Promise<AcceptResult> {
  if (!Number.isInteger(score) || score < 1 || score > 10) return { ok: false, key: 'answer.invalid' };
  const checked = await checkTarget(deps, target);
  if (!checked.ok) return checked;
  const failed = await enqueueOrRetry(() => deps.queue.enqueue('record-score', { deliveryId: target.deliveryId, score, clickId: target.clickId }));
  return failed ?? checked;
}

/** Accepts the optional comment for the caller's own open check-in and queues it to be saved. */
export async function acceptComment(deps: WebDeps, target: AnswerTarget, rawComment: string): Promise<AcceptResult> {
  const comment = rawComment.trim();
  if (comment.length > MAX_COMMENT_LENGTH) return { ok: false, key: 'comment.too_long', params: { max: MAX_COMMENT_LENGTH, length: comment.length } };
  const checked = await checkTarget(deps, target);
  if (!checked.ok || comment.length === 0) return checked;
  const failed = await enqueueOrRetry(() => deps.queue.enqueue('record-comment', { deliveryId: target.deliveryId, comment, clickId: target.clickId }));
  return failed ?? checked;
}

/** Queues the team update for someone joining or leaving a team's channel (no-op for other channels). */
export async function noteMembershipChange(
  deps: WebDeps,
  input: { platform: Platform; workspaceExternalId: string; channelId: string; userId: string; change: 'joined' | 'left'; eventKey: string },
): Promise<void> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const team = await deps.repos.teams.findByChannel(workspace.id, input.channelId);
  if (!team) return;
  await deps.queue.enqueue('sync-member', { teamId: team.id, platformUserId: input.userId, change: input.change, eventKey: input.eventKey });
}
