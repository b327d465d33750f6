/** The private answer every command and click gets, even when the core failed after the ack. */
import type { RespondFn } from '@slack/bolt';
import type { MessageKey } from '../../../core/i18n';
import type { Reply } from '../../../core/use-cases/reply';
import type { Logger } from '../../../core/ports';
import { renderMessage, replyText } from '../render';
import { MAX_MESSAGE_BLOCKS } from '../thread-render';

/**
 * Runs the core call and answers the caller privately with its reply (and any rich messages).
 * Bolt has already acked, so a failure (say PostgreSQL is down) must still reach the person:
 * it is logged and answered with `onError`, never left silent.
 */
export async function answerPrivately(
  respond: RespondFn,
  logger: Logger,
  run: () => Promise<Reply>,
  onError: MessageKey = 'error.generic',
): Promise<void> {
  let reply: Reply;
  try {
    reply = await run();
  } catch (err) {
    logger.error({ err: (err as Error).message }, 'slack request failed after ack');
    reply = { key: onError };
  }
  const text = [
    replyText(reply.locale, reply.key, reply.params),
    ...(reply.note ? [replyText(reply.locale, reply.note)] : []),
  ].join('\n');
  const messages = reply.messages ?? [];
  // One block opens the answer; the rest is shared by its messages, each a divider and its own (a thread fits its share).
  const share = Math.floor((MAX_MESSAGE_BLOCKS - 1) / Math.max(1, messages.length)) - 1;
  const blocks = messages.flatMap((m) => [
    { type: 'divider' as const },
    ...(renderMessage(m, { maxBlocks: share }).blocks ?? []),
  ]);
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text,
    ...(blocks.length
      ? { blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...blocks].slice(0, MAX_MESSAGE_BLOCKS) }
      : {}),
  });
}
