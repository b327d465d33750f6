/** The comment modal: validate, ack (with field errors if any), queue the answers. */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { translate } from '../../../core/i18n';
import { MOOD_QUESTION_ID } from '../../../core/model';
import { acceptComments } from '../../../core/use-cases/answers';
import type { WebDeps } from '../../../core/use-cases/deps';
import { COMMENT_ACTION_ID, COMMENT_BLOCK_ID, COMMENT_CALLBACK_ID, QUESTION_BLOCK_PREFIX } from '../render';

const Metadata = z.object({ d: z.string().min(1).max(100) });

/** The modal's private metadata (the delivery id); null when it is not ours or malformed. */
function parseMetadata(raw: string | undefined): z.infer<typeof Metadata> | null {
  try {
    const parsed = Metadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The typed answers of the modal, keyed by question (the comment block is the mood question's). */
function readAnswers(
  values: Record<string, Record<string, { value?: string | null }>>,
): Array<{ questionId: string; text: string }> {
  return Object.entries(values).flatMap(([blockId, actions]) => {
    const text = actions[COMMENT_ACTION_ID]?.value;
    if (typeof text !== 'string') return [];
    if (blockId === COMMENT_BLOCK_ID) return [{ questionId: MOOD_QUESTION_ID, text }];
    if (blockId.startsWith(QUESTION_BLOCK_PREFIX))
      return [{ questionId: blockId.slice(QUESTION_BLOCK_PREFIX.length), text }];
    return [];
  });
}

/** Registers the view submissions. */
export function registerViews(app: App, deps: WebDeps): void {
  app.view(COMMENT_CALLBACK_ID, async ({ ack, body, view }) => {
    const meta = parseMetadata(view.private_metadata);
    if (!meta) {
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK_ID]: translate('en', 'answer.not_yours') } });
      return;
    }
    const result = await acceptComments(
      deps,
      {
        platform: 'slack',
        workspaceExternalId: body.team?.id ?? body.user.team_id ?? '',
        userId: body.user.id,
        deliveryId: meta.d,
        clickId: view.id,
      },
      readAnswers(view.state.values as Record<string, Record<string, { value?: string | null }>>),
    );
    if (!result.ok) {
      const block =
        !result.field || result.field === MOOD_QUESTION_ID
          ? COMMENT_BLOCK_ID
          : `${QUESTION_BLOCK_PREFIX}${result.field}`;
      await ack({ response_action: 'errors', errors: { [block]: translate('en', result.key, result.params) } });
      return;
    }
    await ack();
  });
}
