/** The comment form behind a mood click, opened by the click's job (so the web process answers the click alone). */
import type { CommentFormJob } from '../jobs';
import type { WorkerDeps } from './deps';

export type FormOutcome = 'opened' | 'expired' | 'failed' | 'unsupported';

/**
 * Opens the form while the click's trigger is still good, before anything else the job does (it needs no query:
 * the click carried what the form shows). A form that cannot open never fails the job: the score is saved all the
 * same, and a retry of the job (after its trigger has expired) does not ask again.
 */
export async function openCommentForm(
  deps: WorkerDeps,
  deliveryId: string,
  form: CommentFormJob,
): Promise<FormOutcome> {
  const open = deps.messenger.openCommentForm;
  if (!open) return 'unsupported';
  if (deps.clock.now().getTime() >= Date.parse(form.until)) {
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
