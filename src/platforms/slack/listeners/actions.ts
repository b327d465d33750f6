/** Score buttons: ack, check and queue the score; the score's job opens the comment modal after a mood score. */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
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

type ScoreClickArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const SCORE_ACTION = new RegExp(`^${SCORE_ACTION_PREFIX}\\d+$`);

/** A block_actions payload whose action (Bolt's `action`: the first) is a score button's, as Bolt would match it. */
function isScoreClick(body: unknown): boolean {
  const b = body as { type?: unknown; actions?: Array<{ action_id?: unknown }> };
  const id = b.type === 'block_actions' && Array.isArray(b.actions) ? b.actions[0]?.action_id : undefined;
  return typeof id === 'string' && SCORE_ACTION.test(id);
}

/**
 * Registers the score buttons. A score click is the busiest request there is (a team clicks within minutes of a
 * round opening), so its handler runs as the last global middleware and does not go on to Bolt's listeners: Bolt
 * would otherwise run every listener's own middleware chain (some thirty, one async chain each) to find the one
 * that matches. Every other request goes on to the listeners as usual.
 */
export function registerActions(app: App, deps: WebDeps): void {
  app.use(async (args) => {
    if (!isScoreClick(args.body)) return args.next();
    return scoreClick(deps, args as unknown as ScoreClickArgs);
  });
}

/** A score click: ack, check and queue the score (the score's job opens the comment modal after a mood score). */
async function scoreClick(deps: WebDeps, { ack, body, action, respond }: ScoreClickArgs): Promise<void> {
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
}
