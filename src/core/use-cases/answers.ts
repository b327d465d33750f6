/** A member's click or comment, checked in the web process and handed to a job to make durable. */
import { isSymmetryError } from '../errors';
import type { MessageKey } from '../i18n';
import { MAX_COMMENT_LENGTH, MOOD_QUESTION_ID, type Platform, type Question, type Round } from '../model';
import type { WebDeps } from './deps';
import { ENPS_QUESTION_ID, minScore } from '../drivers/bank';
import { verifyClick } from '../click-proof';

export interface AnswerTarget {
  platform: Platform;
  workspaceExternalId: string;
  userId: string;
  deliveryId: string;
  /** The platform's id of this click/submission: a redelivery of the same one is the same job. */
  clickId: string;
}

/** What the adapter needs after an accepted answer: the modal's texts and questions. */
export interface Accepted {
  ok: true;
  threshold: number;
  locale: string;
  /** The round's free-text questions, asked in the comment modal after the mood score. */
  textQuestions: Question[];
}

export type AcceptResult = Accepted | { ok: false; key: MessageKey; params?: Record<string, number> };

/** Checks that the check-in is the caller's own and still open. */
async function checkTarget(
  deps: WebDeps,
  target: AnswerTarget,
): Promise<(Accepted & { round: Round }) | Exclude<AcceptResult, Accepted>> {
  // One query: the delivery with its round, member, team and workspace.
  const ctx = await deps.repos.deliveries.findWithContext(target.deliveryId);
  if (!ctx) return { ok: false, key: 'answer.not_yours' };
  const { member, round, team, workspace } = ctx;
  const own =
    member.platformUserId === target.userId &&
    member.workspaceId === workspace.id &&
    workspace.externalId === target.workspaceExternalId &&
    workspace.platform === target.platform;
  if (!own) return { ok: false, key: 'answer.not_yours' };
  if (round.status !== 'open' || round.closesAt.getTime() <= deps.clock.now().getTime())
    return { ok: false, key: 'answer.round_closed' };
  return {
    ok: true,
    round,
    threshold: team.settings.threshold,
    locale: member.locale ?? team.settings.language,
    textQuestions: round.questions.filter((q) => q.kind === 'text'),
  };
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

/** Whether the round asks this score question: mood, a custom scale question, one of its driver items or its eNPS. */
export function asksScore(round: Round, questionId: string): boolean {
  return (
    questionId === MOOD_QUESTION_ID ||
    round.questions.some((q) => q.id === questionId && q.kind === 'scale') ||
    round.driverItems.includes(questionId) ||
    (round.enps && questionId === ENPS_QUESTION_ID)
  );
}

/** Whether `score` is an answer the question takes: a whole number from its lowest score (0 for eNPS, else 1) to 10. */
export function validScore(questionId: string, score: number): boolean {
  return Number.isInteger(score) && score >= minScore(questionId) && score <= 10;
}

/** A score click as the platform delivered it. */
export interface ScoreClick {
  score: number;
  /** Which question's button; the mood question when absent. */
  questionId?: string;
  /** The click proof its button carries, when it has one. */
  proof?: unknown;
  /**
   * The platform's trigger for the comment form (Slack's trigger_id): an accepted mood click's job opens the form
   * with it, so the web answers without a platform call of its own. Absent where the adapter shows the form itself.
   */
  formTrigger?: string;
}

/** How long a form trigger is good for after the click (Slack's trigger_id: 3 s of the wall clock). */
export const FORM_TRIGGER_TTL_MS = 3_000;

/**
 * Accepts a score click (mood 1–10, a custom scale question, a driver item, eNPS 0–10) for the caller's own open
 * check-in and queues it (with its comment form, given a trigger).
 */
export async function acceptScore(deps: WebDeps, target: AnswerTarget, click: ScoreClick): Promise<AcceptResult> {
  const { score, questionId = MOOD_QUESTION_ID, proof, formTrigger } = click;
  // A number out of the question's range says the range; anything else (not a number) is a button we did not build.
  if (!validScore(questionId, score))
    return typeof score === 'number' && Number.isFinite(score)
      ? { ok: false, key: 'answer.out_of_range', params: { min: minScore(questionId), max: 10 } }
      : { ok: false, key: 'answer.invalid' };
  // A button that proves itself (signed by the worker for this person, check-in and question) needs no query,
  // unless the comment form must show the round's free-text questions; anything else is checked in PostgreSQL.
  const claims = proof === undefined ? null : verifyClick(deps.anonymitySecret, { ...target, questionId }, proof);
  let accepted: Accepted;
  if (
    claims &&
    claims.closesAt.getTime() > deps.clock.now().getTime() &&
    !(claims.hasTextQuestions && questionId === MOOD_QUESTION_ID)
  )
    accepted = { ok: true, threshold: claims.threshold, locale: claims.locale, textQuestions: [] };
  else {
    const checked = await checkTarget(deps, target);
    if (!checked.ok) return checked;
    if (!asksScore(checked.round, questionId)) return { ok: false, key: 'answer.invalid' };
    accepted = {
      ok: true,
      threshold: checked.threshold,
      locale: checked.locale,
      textQuestions: checked.textQuestions,
    };
  }
  const form =
    formTrigger !== undefined && questionId === MOOD_QUESTION_ID
      ? {
          platform: target.platform,
          workspace: target.workspaceExternalId,
          trigger: formTrigger,
          // Slack's 3 s are the wall clock's, whatever the app's clock says (the sandbox runs a fast one).
          until: new Date(Date.now() + FORM_TRIGGER_TTL_MS).toISOString(),
          locale: accepted.locale,
          threshold: accepted.threshold,
          textQuestions: accepted.textQuestions.map((q) => ({ id: q.id, text: q.text })),
        }
      : undefined;
  const job = { deliveryId: target.deliveryId, questionId, score, clickId: target.clickId };
  const failed = await enqueueOrRetry(() =>
    form ? deps.queue.enqueue('open-comment-form', { ...job, form }) : deps.queue.enqueue('record-score', job),
  );
  return failed ?? accepted;
}

/**
 * Accepts the modal: the optional comment behind the mood score and the answers to the round's
 * free-text questions. Nothing is queued unless every part is valid.
 */
export async function acceptComments(
  deps: WebDeps,
  target: AnswerTarget,
  parts: Array<{ questionId: string; text: string }>,
): Promise<AcceptResult & { field?: string }> {
  const trimmed = parts.map((p) => ({ questionId: p.questionId, text: p.text.trim() }));
  const tooLong = trimmed.find((p) => p.text.length > MAX_COMMENT_LENGTH);
  if (tooLong)
    return {
      ok: false,
      key: 'comment.too_long',
      params: { max: MAX_COMMENT_LENGTH, length: tooLong.text.length },
      field: tooLong.questionId,
    };
  const checked = await checkTarget(deps, target);
  if (!checked.ok) return checked;
  const allowed = new Set([MOOD_QUESTION_ID, ...checked.textQuestions.map((q) => q.id)]);
  const unknown = trimmed.find((p) => !allowed.has(p.questionId));
  if (unknown) return { ok: false, key: 'answer.invalid', field: unknown.questionId };
  const payloads = trimmed
    .filter((p) => p.text.length > 0)
    .map((p) => ({
      deliveryId: target.deliveryId,
      questionId: p.questionId,
      comment: p.text,
      clickId: target.clickId,
    }));
  const failed = await enqueueOrRetry(() => deps.queue.enqueueMany('record-comment', payloads));
  return (
    failed ?? { ok: true, threshold: checked.threshold, locale: checked.locale, textQuestions: checked.textQuestions }
  );
}

/** Queues the team update for someone joining or leaving a team's channel (no-op for other channels). */
export async function noteMembershipChange(
  deps: WebDeps,
  input: {
    platform: Platform;
    workspaceExternalId: string;
    channelId: string;
    userId: string;
    change: 'joined' | 'left';
    eventKey: string;
  },
): Promise<void> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const team = await deps.repos.teams.findByChannel(workspace.id, input.channelId);
  if (!team) return;
  await deps.queue.enqueue('sync-member', {
    teamId: team.id,
    platformUserId: input.userId,
    change: input.change,
    eventKey: input.eventKey,
  });
}

/** Queues a refresh of the user's App Home. */
export async function requestHome(
  deps: WebDeps,
  input: { platform: Platform; workspaceExternalId: string; userId: string },
): Promise<void> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  await deps.queue.enqueue('publish-home', { workspaceId: workspace.id, platformUserId: input.userId });
}
