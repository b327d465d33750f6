/** The conversation on an anonymous comment as text, in the canonical mention form (`<@U…>`, `<#C…>`) each platform renders. */
import { translate, type MessageKey } from './i18n';
import type { ThreadMessage } from './messages';

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** Who wrote a message of the thread, as this reader may know it: the author stays "Anonymous teammate" to managers unless they signed. */
function writer(m: ThreadMessage, r: ThreadMessage['replies'][number]): string {
  if (!r.fromAuthor) return translate(m.locale, 'thread.manager', { manager: `<@${r.managerId}>` });
  if (m.viewer === 'author') return translate(m.locale, 'thread.you');
  return r.revealedAs ? `<@${r.revealedAs}>` : translate(m.locale, 'thread.anonymous');
}

/** The thread as text: the quoted comment, then each message with its writer (the fallback and the blocks share it). */
export function threadText(m: ThreadMessage): string {
  const head =
    m.viewer === 'author'
      ? translate(m.locale, 'thread.your_comment')
      : translate(m.locale, 'thread.comment_in', { channel: `<#${m.channelId}>` });
  const lines = m.replies.map(
    (r) => `*${writer(m, r)}*: ${r.quick ? translate(m.locale, `thread.quick.${r.quick}` as MessageKey) : r.text}`,
  );
  return [head, quote(m.comment), ...(lines.length ? lines : [translate(m.locale, 'thread.unanswered')])].join('\n');
}
