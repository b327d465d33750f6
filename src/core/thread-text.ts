/** The conversation on an anonymous comment as text, in the canonical mention form (`<@U…>`, `<#C…>`) each platform renders. */
import { translate, type MessageKey } from './i18n';
import type { ThreadMessage } from './messages';

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/**
 * Who wrote a message of the thread, as this reader may know it: the author stays "Anonymous teammate" to managers
 * unless they signed; a manager who ran `/pulse forget-me` since is no longer named ("A manager").
 */
function writer(m: ThreadMessage, r: ThreadMessage['replies'][number]): string {
  if (!r.fromAuthor)
    return r.managerId === null
      ? translate(m.locale, 'thread.manager_forgotten')
      : translate(m.locale, 'thread.manager', { manager: `<@${r.managerId}>` });
  if (m.viewer === 'author') return translate(m.locale, 'thread.you');
  return r.revealedAs ? `<@${r.revealedAs}>` : translate(m.locale, 'thread.anonymous');
}

/** The parts of a thread each platform lays out its own way: the heading, the comment, and each message with its writer. */
export interface ThreadParts {
  /** A catalog sentence (canonical markup). */
  head: string;
  /** The comment as shown to managers (redacted): typed text, not markup. */
  comment: string;
  /** `writer` is canonical markup (a mention or a catalog word); `text` is what they typed, or the quick reply's sentence. */
  lines: Array<{ writer: string; text: string }>;
  /** "Not answered yet." when there is no message yet; null otherwise. */
  empty: string | null;
}

/** The thread cut into its parts for the reader (the author reads "You", managers "Anonymous teammate"). */
export function threadParts(m: ThreadMessage): ThreadParts {
  return {
    head:
      m.viewer === 'author'
        ? translate(m.locale, 'thread.your_comment')
        : translate(m.locale, 'thread.comment_in', { channel: `<#${m.channelId}>` }),
    comment: m.comment,
    lines: m.replies.map((r) => ({
      writer: writer(m, r),
      text: r.quick ? translate(m.locale, `thread.quick.${r.quick}` as MessageKey) : (r.text ?? ''),
    })),
    empty: m.replies.length ? null : translate(m.locale, 'thread.unanswered'),
  };
}

/**
 * The thread as text, one piece per message: the heading with the quoted comment, then each message with its
 * writer (or "Not answered yet."). `escape` turns what people typed into the platform's text (Slack escapes `&<>`).
 */
export function threadPieces(m: ThreadMessage, escape: (typed: string) => string = (typed) => typed): string[] {
  const parts = threadParts(m);
  const lines = parts.lines.map((l) => `*${l.writer}*: ${escape(l.text)}`);
  return [`${parts.head}\n${quote(escape(parts.comment))}`, ...(parts.empty ? [parts.empty] : lines)];
}

/** The thread as text: the quoted comment, then each message with its writer (the fallback and the blocks share it). */
export function threadText(m: ThreadMessage): string {
  return threadPieces(m).join('\n');
}
