/**
 * Adaptive Cards for conversations on anonymous comments: the thread with what its reader may do (a
 * manager: Reply with a box, or one of the quick acknowledgements; the author: Answer back, with the
 * explicit, unticked choice to sign), and the card that asks the author to confirm showing their name.
 */
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import type { ThreadMessage } from '../../core/messages';
import { MAX_COMMENT_LENGTH, QUICK_REPLIES } from '../../core/model';
import { threadParts } from '../../core/thread-text';
import { card, cardContent, textBlock, typed, type Element, type Names, type TeamsMessage } from './card';
import { toTeamsMarkdown, toTeamsPlainText, type OutgoingMention } from './text';

export const THREAD_VERB_PREFIX = 'thread.';
export const THREAD_REPLY_VERB = 'thread.reply';
export const THREAD_QUICK_VERB = 'thread.quick';
export const THREAD_ANSWER_VERB = 'thread.answer';
export const THREAD_TEXT_INPUT = 'thread_text';
export const THREAD_REVEAL_INPUT = 'thread_reveal';
/** `r` on the confirmation card's buttons: the author confirmed signing, or chose to stay anonymous. */
export const REVEAL_CONFIRMED = 'confirmed';
export const REVEAL_DECLINED = 'declined';

/** The data a thread button carries: the comment, and for a quick acknowledgement which one; nothing about a person. */
export interface ThreadActionData {
  c: string;
  q?: string;
  /** The answer being confirmed (on the confirmation card only) and the author's choice there. */
  t?: string;
  r?: typeof REVEAL_CONFIRMED | typeof REVEAL_DECLINED;
}

const execute = (title: string, verb: string, data: ThreadActionData, extra: Element = {}): Element => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...extra,
});

/** The box to write in, and the Send button under it, inside a "Reply…" or "Answer back…" card. */
function writeCard(t: (key: MessageKey) => string, commentId: string, viewer: ThreadMessage['viewer']): Element {
  const body: Element[] = [
    {
      type: 'Input.Text',
      id: THREAD_TEXT_INPUT,
      label: t('thread.field_label'),
      isMultiline: true,
      maxLength: MAX_COMMENT_LENGTH,
    },
  ];
  if (viewer === 'author')
    body.push(
      { type: 'Input.Toggle', id: THREAD_REVEAL_INPUT, title: t('thread.reveal_label'), value: 'false' },
      textBlock(t('thread.reveal_hint'), { isSubtle: true, size: 'Small' }),
    );
  const verb = viewer === 'author' ? THREAD_ANSWER_VERB : THREAD_REPLY_VERB;
  return {
    type: 'Action.ShowCard',
    title: t(viewer === 'author' ? 'thread.answer_button' : 'thread.reply_button'),
    card: { type: 'AdaptiveCard', body, actions: [execute(t('thread.send'), verb, { c: commentId })] },
  };
}

/** What a reader may do on a comment: a manager replies or acknowledges in one click; the author answers back. */
function threadActions(t: (key: MessageKey) => string, commentId: string, viewer: ThreadMessage['viewer']): Element[] {
  if (viewer === 'author') return [writeCard(t, commentId, viewer)];
  return [
    writeCard(t, commentId, viewer),
    ...QUICK_REPLIES.map((q) => execute(t(`thread.quick.${q}`), THREAD_QUICK_VERB, { c: commentId, q })),
  ];
}

/** A manager's private summary: each comment with Reply and the quick acknowledgements under it. */
export function summaryReplyElements(
  locale: string,
  comments: ReadonlyArray<{ commentId: string; comment: string }>,
): Element[] {
  const t = (key: MessageKey) => toTeamsMarkdown(translate(locale, key)).text;
  return comments.flatMap((c) => [
    { type: 'Container', style: 'emphasis', items: [typed(c.comment)] },
    { type: 'ActionSet', actions: threadActions(t, c.commentId, 'manager') },
  ]);
}

/**
 * The bytes of messages a thread card shows at most. Teams refuses a message past about 28 KB; the quoted comment
 * (2,000 characters, up to ~6 KB in Arabic), the card's frame and its actions fit in what is left.
 */
export const THREAD_CARD_TEXT_BYTES = 16_000;

/** The newest lines whose text fits in `budget` bytes (at least the newest one), and how many earlier ones do not. */
function newestThatFit<T extends { writer: string; text: string }>(lines: readonly T[], budget: number) {
  let used = 0;
  let from = lines.length;
  while (from > 0) {
    const size = Buffer.byteLength(lines[from - 1]!.writer) + Buffer.byteLength(lines[from - 1]!.text);
    if (used + size > budget && from < lines.length) break;
    used += size;
    from -= 1;
  }
  return { shown: lines.slice(from), hidden: from };
}

/** The thread as a card: the quoted comment, each message under its writer (the newest that fit), the reader's actions. */
export function threadCard(m: ThreadMessage, names: Names): TeamsMessage {
  const t = (key: MessageKey, params?: MessageParams) => toTeamsMarkdown(translate(m.locale, key, params)).text;
  const mentions: OutgoingMention[] = [];
  const md = (text: string) => {
    const out = toTeamsMarkdown(text, names);
    for (const x of out.mentions) if (!mentions.some((y) => y.mentioned.id === x.mentioned.id)) mentions.push(x);
    return out.text;
  };
  const parts = threadParts(m);
  const body: Element[] = [
    textBlock(md(parts.head), { weight: 'Bolder' }),
    { type: 'Container', style: 'emphasis', items: [typed(parts.comment)] },
  ];
  if (parts.empty) body.push(textBlock(md(parts.empty), { isSubtle: true }));
  const { shown, hidden } = newestThatFit(parts.lines, THREAD_CARD_TEXT_BYTES);
  if (hidden > 0) body.push(textBlock(t('thread.earlier_hidden', { count: hidden }), { isSubtle: true }));
  for (const line of shown)
    body.push(textBlock(md(line.writer), { weight: 'Bolder', spacing: 'Medium' }), typed(line.text));
  const actions = threadActions(t, m.commentId, m.viewer);
  return {
    type: 'message',
    text: toTeamsPlainText(parts.head, names),
    attachments: card(body, mentions, actions),
  };
}

/** Asked before an answer goes out signed: the answer as typed, "Yes, show my name" and "No, stay anonymous". */
export function revealConfirmCard(locale: string, commentId: string, text: string): Element {
  const t = (key: MessageKey) => toTeamsMarkdown(translate(locale, key)).text;
  return cardContent(
    [
      textBlock(t('thread.reveal_confirm_title'), { weight: 'Bolder', size: 'Medium' }),
      textBlock(t('thread.reveal_confirm')),
      { type: 'Container', style: 'emphasis', items: [typed(text)] },
    ],
    [],
    [
      execute(t('thread.reveal_yes'), THREAD_ANSWER_VERB, { c: commentId, t: text, r: REVEAL_CONFIRMED }),
      execute(t('thread.reveal_no'), THREAD_ANSWER_VERB, { c: commentId, t: text, r: REVEAL_DECLINED }),
    ],
  );
}

/** What a card becomes once its action is done: the sentence alone, so nothing on it can be sent twice. */
export function doneCard(text: string): Element {
  return cardContent([textBlock(text)]);
}
