/** Block Kit for conversations on anonymous comments: the thread with its buttons, and the reply forms. */
import type { KnownBlock, ModalView } from '@slack/types';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { rtlText } from '../../core/i18n/format';
import type { ThreadMessage } from '../../core/messages';
import { threadPieces } from '../../core/thread-text';
import { QUICK_REPLIES, MAX_COMMENT_LENGTH } from '../../core/model';
import { escapeText, packPieces, splitText } from './mrkdwn';

export const THREAD_REPLY_ACTION = 'thread_reply';
export const THREAD_ANSWER_ACTION = 'thread_answer';
export const THREAD_QUICK_PREFIX = 'thread_quick_';
export const THREAD_REPLY_CALLBACK = 'thread_reply_modal';
export const THREAD_ANSWER_CALLBACK = 'thread_answer_modal';
export const THREAD_TEXT_BLOCK = 'thread_text';
export const THREAD_TEXT_ACTION = 'thread_text_input';
export const THREAD_REVEAL_BLOCK = 'thread_reveal';
export const THREAD_REVEAL_ACTION = 'thread_reveal_input';
/** The most blocks one message may have (Block Kit). */
export const MAX_MESSAGE_BLOCKS = 50;
/** Blocks of one thread in App Home (its text and its buttons, as many as before threads had sections of their own). */
const HOME_THREAD_BLOCKS = 2;

/** The thread as Slack text (the notification's fallback): what people typed escaped, nothing cut. */
export function threadFallbackText(m: ThreadMessage): string {
  return threadPieces(m, escapeText).join('\n');
}

/**
 * The thread's text as section texts, at most `maxSections` of them: each message whole in one section where it
 * fits (a longer one cut safely, see splitText), in the reader's direction already (so rendering adds nothing).
 * A thread too long for them keeps its comment and its newest messages, and says how many earlier ones are left out.
 */
function threadSections(m: ThreadMessage, maxSections: number): string[] {
  const cut = (text: string) => splitText(rtlText(m.locale, text));
  const [comment, ...messages] = threadPieces(m, escapeText).map(cut);
  const all = packPieces([comment!, ...messages]);
  if (all.length <= maxSections) return all;
  const newest = (shown: number) =>
    packPieces([
      comment!,
      cut(translate(m.locale, 'thread.earlier_hidden', { count: messages.length - shown })),
      ...messages.slice(messages.length - shown),
    ]);
  let shown = 0;
  while (shown < messages.length && newest(shown + 1).length <= maxSections) shown += 1;
  return newest(shown);
}

/**
 * The thread's blocks, at most `maxBlocks`: the text (threadSections), and the buttons its reader may use (reply and
 * quick acknowledgements, or answer back). `quick: false` leaves the one-click acknowledgements out where there is
 * no message to answer them in (App Home).
 */
export function threadBlocks(m: ThreadMessage, { quick = true, maxBlocks = MAX_MESSAGE_BLOCKS } = {}): KnownBlock[] {
  const button = (action_id: string, key: MessageKey) => ({
    type: 'button' as const,
    action_id,
    value: m.commentId,
    text: { type: 'plain_text' as const, text: translate(m.locale, key) },
  });
  const actions =
    m.viewer === 'author'
      ? [button(THREAD_ANSWER_ACTION, 'thread.answer_button')]
      : [
          button(THREAD_REPLY_ACTION, 'thread.reply_button'),
          ...(quick ? QUICK_REPLIES.map((q) => button(`${THREAD_QUICK_PREFIX}${q}`, `thread.quick.${q}`)) : []),
        ];
  return [
    ...threadSections(m, Math.max(1, maxBlocks - 1)).map((text): KnownBlock => ({
      type: 'section',
      text: { type: 'mrkdwn', text },
    })),
    { type: 'actions', block_id: `thread-${m.commentId}`, elements: actions },
  ];
}

/** App Home's "Conversations" for one team: comments still unanswered first, then open threads, each with Reply. */
export function homeConversationBlocks(locale: string, threads: readonly ThreadMessage[]): KnownBlock[] {
  return [
    { type: 'context', elements: [{ type: 'mrkdwn', text: translate(locale, 'home.conversations_title') }] },
    ...threads.flatMap((m) => threadBlocks(m, { quick: false, maxBlocks: HOME_THREAD_BLOCKS })),
  ];
}

/** A manager's private summary: each comment quoted, with a Reply button beside it (the form opens as from a thread). */
export function summaryReplyBlocks(
  locale: string,
  comments: ReadonlyArray<{ commentId: string; comment: string }>,
  quoted: (comment: string) => string,
): KnownBlock[] {
  return comments.map((c) => ({
    type: 'section',
    block_id: `summary-thread-${c.commentId}`,
    text: { type: 'mrkdwn', text: quoted(c.comment).slice(0, 3000) },
    accessory: {
      type: 'button',
      action_id: THREAD_REPLY_ACTION,
      value: c.commentId,
      text: { type: 'plain_text', text: translate(locale, 'thread.reply_button') },
    },
  }));
}

/** The reply form: a manager's reply, or the author's answer with the explicit, unticked choice to sign it. */
export function threadModal(locale: string, commentId: string, viewer: ThreadMessage['viewer']): ModalView {
  const t = (key: MessageKey, params?: MessageParams) => rtlText(locale, translate(locale, key, params));
  const blocks: ModalView['blocks'] = [
    {
      type: 'input',
      block_id: THREAD_TEXT_BLOCK,
      label: { type: 'plain_text', text: t('thread.field_label') },
      element: {
        type: 'plain_text_input',
        action_id: THREAD_TEXT_ACTION,
        multiline: true,
        max_length: MAX_COMMENT_LENGTH,
      },
    },
  ];
  if (viewer === 'author') {
    blocks.push({
      type: 'input',
      block_id: THREAD_REVEAL_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: t('thread.reveal_label') },
      hint: { type: 'plain_text', text: t('thread.reveal_hint') },
      element: {
        type: 'checkboxes',
        action_id: THREAD_REVEAL_ACTION,
        options: [{ value: 'reveal', text: { type: 'plain_text', text: t('thread.reveal_label') } }],
        // Signing is never the default and never one careless click: ticking the box asks first.
        confirm: {
          title: { type: 'plain_text', text: t('thread.reveal_confirm_title') },
          text: { type: 'plain_text', text: t('thread.reveal_confirm') },
          confirm: { type: 'plain_text', text: t('thread.reveal_yes') },
          deny: { type: 'plain_text', text: t('thread.reveal_no') },
        },
      },
    });
  }
  return {
    type: 'modal',
    callback_id: viewer === 'author' ? THREAD_ANSWER_CALLBACK : THREAD_REPLY_CALLBACK,
    private_metadata: JSON.stringify({ c: commentId }),
    title: { type: 'plain_text', text: t('thread.modal_title') },
    submit: { type: 'plain_text', text: t('thread.send') },
    blocks,
  };
}
