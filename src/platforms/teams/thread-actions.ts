/**
 * The thread buttons of a Teams card (Action.Execute, arriving as `adaptiveCard/action` invokes): a
 * manager's reply or quick acknowledgement, the author's answer back, and the confirmation step before
 * an answer is signed. Parse, call the core, answer in place; the activity id makes a redelivery a no-op.
 */
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from 'botbuilder';
import { z } from 'zod';
import { translate } from '../../core/i18n';
import { answerBack, checkThreadText, replyToComment, type ThreadCaller } from '../../core/use-cases/comment-threads';
import type { WebDeps } from '../../core/use-cases/deps';
import type { Reply } from '../../core/use-cases/reply';
import { ADAPTIVE_CARD, type Element } from './card';
import { toTeamsMarkdown } from './text';
import {
  doneCard,
  REVEAL_CONFIRMED,
  REVEAL_DECLINED,
  revealConfirmCard,
  THREAD_ANSWER_VERB,
  THREAD_QUICK_VERB,
  THREAD_REPLY_VERB,
  THREAD_REVEAL_INPUT,
  THREAD_TEXT_INPUT,
} from './thread-card';

/** What a thread button sends back: its own data, and the card's inputs that Teams merges into it. */
const ThreadData = z.object({
  c: z.string().min(1).max(100),
  q: z.string().max(40).optional(),
  t: z.string().max(20_000).optional(),
  r: z.enum([REVEAL_CONFIRMED, REVEAL_DECLINED]).optional(),
  // Longer than the box allows, so that the core can say how long it was instead of a generic refusal.
  [THREAD_TEXT_INPUT]: z.string().max(20_000).optional(),
  [THREAD_REVEAL_INPUT]: z.enum(['true', 'false']).optional(),
});

/** Where the click came from, as the core's use cases take it. */
export type ThreadClick = Omit<ThreadCaller, 'commentId'>;

const message = (text: string) =>
  ({
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text,
  }) as unknown as AdaptiveCardInvokeResponse;
const cardResponse = (content: Element) =>
  ({ statusCode: 200, type: ADAPTIVE_CARD, value: content }) as unknown as AdaptiveCardInvokeResponse;
const said = (reply: Reply, locale: string) =>
  toTeamsMarkdown(translate(reply.locale ?? locale, reply.key, reply.params)).text;

/** Runs one thread action and answers the invoke: a sentence, the confirmation card, or the card turned into "sent". */
export async function runThreadAction(
  deps: WebDeps,
  click: ThreadClick,
  value: AdaptiveCardInvokeValue,
  locale: string,
): Promise<AdaptiveCardInvokeResponse> {
  const parsed = ThreadData.safeParse(value.action?.data);
  if (!parsed.success) return message(toTeamsMarkdown(translate(locale, 'thread.not_visible')).text);
  const data = parsed.data;
  const caller: ThreadCaller = { ...click, commentId: data.c };
  switch (value.action.verb) {
    case THREAD_QUICK_VERB:
      return message(said(await replyToComment(deps, caller, { quick: data.q ?? '' }), locale));
    case THREAD_REPLY_VERB:
      return message(said(await replyToComment(deps, caller, { text: data[THREAD_TEXT_INPUT] ?? '' }), locale));
    case THREAD_ANSWER_VERB: {
      if (data.r) {
        // The confirmation card's choice: it becomes the sentence, so neither button can be pressed again.
        const reply = await answerBack(deps, caller, { text: data.t ?? '', reveal: data.r === REVEAL_CONFIRMED });
        return cardResponse(doneCard(said(reply, locale)));
      }
      const text = data[THREAD_TEXT_INPUT] ?? '';
      if (data[THREAD_REVEAL_INPUT] !== 'true')
        return message(said(await answerBack(deps, caller, { text, reveal: false }), locale));
      // Signing is asked once more, on a card of its own; a text that could not be sent is refused before asking.
      const checked = checkThreadText(text);
      if (!('text' in checked)) return message(said(checked, locale));
      return cardResponse(revealConfirmCard(locale, data.c, checked.text));
    }
    default:
      return message(toTeamsMarkdown(translate(locale, 'thread.not_visible')).text);
  }
}
