/** Conversations on anonymous comments: the reply buttons and forms (ack, parse, call the core, answer privately). */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { translate } from '../../../core/i18n';
import { answerBack, replyToComment, type ThreadCaller } from '../../../core/use-cases/comment-threads';
import type { WebDeps } from '../../../core/use-cases/deps';
import {
  THREAD_ANSWER_ACTION,
  THREAD_ANSWER_CALLBACK,
  THREAD_QUICK_PREFIX,
  THREAD_REPLY_ACTION,
  THREAD_REPLY_CALLBACK,
  THREAD_REVEAL_ACTION,
  THREAD_REVEAL_BLOCK,
  THREAD_TEXT_ACTION,
  THREAD_TEXT_BLOCK,
  threadModal,
} from '../thread-render';
import { answerPrivately } from './respond';

const Metadata = z.object({ c: z.string().min(1).max(100) });
const CommentId = z.string().min(1).max(100);

function parseMetadata(raw: string | undefined): string | null {
  try {
    const parsed = Metadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data.c : null;
  } catch {
    return null;
  }
}

type ModalValues = Record<
  string,
  Record<string, { value?: string | null; selected_options?: Array<{ value: string }> }>
>;

/** Registers the thread buttons and the two reply forms. */
export function registerThreads(app: App, deps: WebDeps): void {
  // Opening a form changes nothing, so the form opens for any click; the core checks who may send when it is submitted.
  for (const [action, viewer] of [
    [THREAD_REPLY_ACTION, 'manager'],
    [THREAD_ANSWER_ACTION, 'author'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(action, async ({ ack, body, action: button, client }) => {
      await ack();
      const commentId = CommentId.safeParse(button.value);
      if (!commentId.success) return;
      const workspace = await deps.repos.workspaces.ensure('slack', body.team?.id ?? '');
      const locale = (await deps.repos.members.findByPlatformId(workspace.id, body.user.id))?.locale ?? 'en';
      await client.views.open({ trigger_id: body.trigger_id, view: threadModal(locale, commentId.data, viewer) });
    });
  }

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${THREAD_QUICK_PREFIX}[a-z]+$`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const caller: ThreadCaller = {
        platform: 'slack',
        workspaceExternalId: body.team?.id ?? '',
        userId: body.user.id,
        commentId: action.value ?? '',
        clickId: `${action.action_id}:${action.action_ts}`,
      };
      await answerPrivately(respond, deps.logger, () =>
        replyToComment(deps, caller, { quick: action.action_id.slice(THREAD_QUICK_PREFIX.length) }),
      );
    },
  );

  for (const callback of [THREAD_REPLY_CALLBACK, THREAD_ANSWER_CALLBACK]) {
    app.view(callback, async ({ ack, body, view }) => {
      const values = view.state.values as ModalValues;
      const commentId = parseMetadata(view.private_metadata);
      const caller: ThreadCaller = {
        platform: 'slack',
        workspaceExternalId: body.team?.id ?? body.user.team_id ?? '',
        userId: body.user.id,
        commentId: commentId ?? '',
        clickId: view.id,
      };
      const text = values[THREAD_TEXT_BLOCK]?.[THREAD_TEXT_ACTION]?.value ?? '';
      const reveal = (values[THREAD_REVEAL_BLOCK]?.[THREAD_REVEAL_ACTION]?.selected_options ?? []).some(
        (o) => o.value === 'reveal',
      );
      const reply =
        callback === THREAD_ANSWER_CALLBACK
          ? await answerBack(deps, caller, { text, reveal })
          : await replyToComment(deps, caller, { text });
      const ok =
        reply.key === 'thread.sent' || reply.key === 'thread.answer_sent' || reply.key === 'thread.answer_sent_named';
      if (!ok) {
        await ack({
          response_action: 'errors',
          errors: { [THREAD_TEXT_BLOCK]: translate(reply.locale ?? 'en', reply.key, reply.params) },
        });
        return;
      }
      // The form turns into its confirmation: a modal has no channel to answer in.
      const done = translate(reply.locale ?? 'en', reply.key, reply.params);
      await ack({
        response_action: 'update',
        view: { type: 'modal', title: view.title, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: done } }] },
      });
    });
  }
}
