/** Platform-neutral messages the workers send; each platform renders them (Block Kit, Adaptive Cards). */
import type { MessageKey, MessageParams } from './i18n';

export interface CheckinAnswerView {
  score: number | null;
  commentSaved: boolean;
}

export type OutboundMessage = CheckinMessage | { kind: 'reminder'; locale: string; closesAt: Date } | { kind: 'text'; locale: string; key: MessageKey; params?: MessageParams };

/** The check-in DM: ten score buttons, the saved answer, who can see what. */
export interface CheckinMessage {
  kind: 'checkin';
  locale: string;
  deliveryId: string;
  threshold: number;
  closesAt: Date;
  closed: boolean;
  answer: CheckinAnswerView | null;
}
