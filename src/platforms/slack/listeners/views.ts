/** The comment modal: validate, ack (with field errors if any), queue the comment. */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { translate } from '../../../core/i18n';
import { acceptComment } from '../../../core/use-cases/answers';
import type { WebDeps } from '../../../core/use-cases/deps';
import { COMMENT_ACTION_ID, COMMENT_BLOCK_ID, COMMENT_CALLBACK_ID } from '../render';

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

/** Registers the view submissions. */
export function registerViews(app: App, deps: WebDeps): void {
  app.view(COMMENT_CALLBACK_ID, async ({ ack, body, view }) => {
    const meta = parseMetadata(view.private_metadata);
    const comment = view.state.values[COMMENT_BLOCK_ID]?.[COMMENT_ACTION_ID]?.value ?? '';
    if (!meta) {
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK_ID]: translate('en', 'answer.not_yours') } });
      return;
    }
    const result = await acceptComment(
      deps,
      { platform: 'slack', workspaceExternalId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, deliveryId: meta.d, clickId: view.id },
      comment,
    );
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: { [COMMENT_BLOCK_ID]: translate('en', result.key, result.params) } });
      return;
    }
    await ack();
  });
}
