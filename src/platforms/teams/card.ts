/** The Adaptive Card pieces every Teams rendering shares: the card itself, a sentence, and words a person typed. */
import type { OutgoingMention } from './text';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export type Element = Record<string, unknown>;

/** What a Teams message is made of before it is sent (a subset of botbuilder's Activity). */
export interface TeamsMessage {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain';
  /** Adaptive Cards carry `content`; an inline image carries `contentUrl` (a data URI) and a `name`. */
  attachments?: Array<{ contentType: string; content?: Record<string, unknown>; contentUrl?: string; name?: string }>;
  entities?: OutgoingMention[];
}

/** People's names by id, for mentions (looked up by the messenger before rendering). */
export type Names = ReadonlyMap<string, string>;

/** A TextBlock (markdown the catalog wrote). */
export const textBlock = (text: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** Words a person typed: a TextRun is never read as markdown or a mention. */
export const typed = (text: string, extra: Element = {}): Element => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text, ...extra }],
});

/** An Adaptive Card 1.5 (full width), as the content of a card; `actions` sit under its body. */
export function cardContent(body: Element[], mentions: OutgoingMention[] = [], actions: Element[] = []): Element {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full', ...(mentions.length ? { entities: mentions } : {}) },
  };
}

/** A message's attachments holding one Adaptive Card. */
export function card(
  body: Element[],
  mentions: OutgoingMention[] = [],
  actions: Element[] = [],
): TeamsMessage['attachments'] {
  return [{ contentType: ADAPTIVE_CARD, content: cardContent(body, mentions, actions) }];
}
