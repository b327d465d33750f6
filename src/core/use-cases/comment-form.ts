/** The comment form behind a mood click, opened by the click's job (so the web process answers the click alone). */
import type { CommentFormJob, JobPayloads } from '../jobs';
import type { WorkerDeps } from './deps';

export type FormOutcome = 'opened' | 'expired' | 'failed' | 'unsupported';

/**
 * Opens the form while the click's trigger is still good (it needs no query: the click carried what the form
 * shows). A form that cannot open is logged and never fails its job: the score is saved all the same, and a retry
 * of the job (after its trigger has expired) does not ask again.
 */
export async function openCommentForm(
  deps: WorkerDeps,
  deliveryId: string,
  form: CommentFormJob,
): Promise<FormOutcome> {
  const open = deps.messenger.openCommentForm;
  if (!open) return 'unsupported';
  // The wall clock, as the web set `until` by it: a platform's deadline, not the app's time.
  if (Date.now() >= Date.parse(form.until)) {
    deps.logger.warn({ deliveryId, until: form.until }, 'comment form not opened: its trigger had expired');
    return 'expired';
  }
  try {
    await open.call(deps.messenger, { platform: form.platform, externalId: form.workspace }, form.trigger, {
      deliveryId,
      locale: form.locale,
      threshold: form.threshold,
      textQuestions: form.textQuestions,
    });
    return 'opened';
  } catch (err) {
    deps.logger.warn({ deliveryId, err: (err as Error).message }, 'comment form not opened');
    return 'failed';
  }
}

/**
 * The open-comment-form job: the form first (its job is served before the queue's saves), then the score queued
 * as any other (its job id dedupes a retry of this one).
 */
export async function openFormThenQueueScore(
  deps: WorkerDeps,
  job: JobPayloads['open-comment-form'],
): Promise<FormOutcome> {
  const { form, ...score } = job;
  const outcome = await openCommentForm(deps, score.deliveryId, form);
  await deps.queue.enqueue('record-score', score);
  return outcome;
}
