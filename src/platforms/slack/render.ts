/** Core messages → Block Kit. Every sentence comes from the catalog. */
import type { KnownBlock, ModalView } from '@slack/types';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import type { OutboundMessage } from '../../core/messages';

export const SCORE_ACTION_PREFIX = 'checkin_score_';
export const COMMENT_CALLBACK_ID = 'checkin_comment';
export const COMMENT_BLOCK_ID = 'comment';
export const COMMENT_ACTION_ID = 'comment';
export const CHECKIN_METADATA_TYPE = 'symmetry_checkin';

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

/** Slack's date token shows the instant in the reader's own time zone, with a UTC fallback. */
function slackDate(d: Date): string {
  const seconds = Math.floor(d.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${d.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** The value a score button carries: the delivery and the score, nothing about the person. */
export function scoreButtonValue(deliveryId: string, score: number): string {
  return JSON.stringify({ d: deliveryId, s: score });
}

function checkinBlocks(m: Extract<OutboundMessage, { kind: 'checkin' }>): KnownBlock[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(m.locale, key, params);
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${t('checkin.question')}*` } }];
  if (!m.closed) {
    blocks.push({
      type: 'actions',
      block_id: 'checkin_scores',
      elements: Array.from({ length: 10 }, (_, i) => {
        const score = i + 1;
        return {
          type: 'button' as const,
          action_id: `${SCORE_ACTION_PREFIX}${score}`,
          text: { type: 'plain_text' as const, text: String(score) },
          value: scoreButtonValue(m.deliveryId, score),
          accessibility_label: t('checkin.button_alt', { score }),
          ...(m.answer?.score === score ? { style: 'primary' as const } : {}),
        };
      }),
    });
  }
  if (m.answer?.score != null) {
    const lines = [t('checkin.selected', { score: m.answer.score })];
    if (m.answer.commentSaved) lines.push(t('checkin.comment_saved'));
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join(' ') } });
  }
  const footer = m.closed ? t('checkin.closed') : `${t('checkin.privacy', { threshold: m.threshold })} ${t('checkin.open_until', { closesAt: slackDate(m.closesAt) })}`;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: footer }] });
  return blocks;
}

/** Renders a core message as a Slack message (fallback text + blocks). */
export function renderMessage(m: OutboundMessage): SlackMessage {
  switch (m.kind) {
    case 'checkin':
      return {
        text: translate(m.locale, 'checkin.fallback'),
        blocks: checkinBlocks(m),
        metadata: { event_type: CHECKIN_METADATA_TYPE, event_payload: { delivery_id: m.deliveryId } },
      };
    case 'reminder':
      return { text: translate(m.locale, 'reminder.text', { closesAt: slackDate(m.closesAt) }) };
    case 'text':
      return { text: translate(m.locale, m.key, m.params) };
  }
}

/** The "What's behind your score?" modal, opened with the click's trigger id. */
export function commentModal(locale: string, deliveryId: string, threshold: number): ModalView {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  return {
    type: 'modal',
    callback_id: COMMENT_CALLBACK_ID,
    private_metadata: JSON.stringify({ d: deliveryId }),
    title: { type: 'plain_text', text: t('comment.title') },
    submit: { type: 'plain_text', text: t('comment.submit') },
    close: { type: 'plain_text', text: t('comment.cancel') },
    blocks: [
      {
        type: 'input',
        block_id: COMMENT_BLOCK_ID,
        optional: true,
        label: { type: 'plain_text', text: t('comment.question') },
        hint: { type: 'plain_text', text: t('comment.hint', { threshold }) },
        element: { type: 'plain_text_input', action_id: COMMENT_ACTION_ID, multiline: true, max_length: 2000 },
      },
    ],
  };
}
