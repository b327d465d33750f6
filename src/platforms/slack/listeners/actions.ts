/** Score buttons: ack, check and queue the score; the score's job opens the comment modal after a mood score. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { MOOD_QUESTION_ID } from '../../../core/model';
import { acceptScore, type AcceptResult } from '../../../core/use-cases/answers';
import type { WebDeps } from '../../../core/use-cases/deps';
import { replyText, SCORE_ACTION_PREFIX } from '../render';

const ScoreValue = z.object({
  d: z.string().min(1).max(100),
  q: z.string().min(1).max(100).optional(),
  s: z.number(),
  p: z.string().max(200).optional(),
});

/** Parses a score button's value; null when it is not ours or malformed. `proof`: its click proof, when it has one. */
export function parseScoreValue(
  value: string | undefined,
): { deliveryId: string; questionId: string; score: number; proof?: string } | null {
  try {
    const parsed = ScoreValue.safeParse(JSON.parse(value ?? ''));
    return parsed.success
      ? {
          deliveryId: parsed.data.d,
          questionId: parsed.data.q ?? MOOD_QUESTION_ID,
          score: parsed.data.s,
          ...(parsed.data.p === undefined ? {} : { proof: parsed.data.p }),
        }
      : null;
  } catch {
    return null;
  }
}

/** Registers the block actions. */
export function registerActions(app: App, deps: WebDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${SCORE_ACTION_PREFIX}\\d+$`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const value = parseScoreValue(action.value);
      const target = value && {
        platform: 'slack' as const,
        workspaceExternalId: body.team?.id ?? '',
        userId: body.user.id,
        deliveryId: value.deliveryId,
        clickId: action.action_ts,
      };
      let result: AcceptResult;
      try {
        result = target
          ? await acceptScore(deps, target, {
              score: value.score,
              questionId: value.questionId,
              ...(value.proof === undefined ? {} : { proof: value.proof }),
              formTrigger: body.trigger_id,
            })
          : { ok: false, key: 'answer.invalid' };
      } catch (err) {
        // A click that cannot be checked (say the database is down) is answered "please click again", never ignored.
        deps.logger.error({ err: (err as Error).message }, 'score click failed after ack');
        result = { ok: false, key: 'answer.retry' };
      }
      if (!result.ok)
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: replyText(undefined, result.key, result.params),
        });
    },
  );
}
