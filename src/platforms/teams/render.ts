/**
 * Core messages → Teams activities (Adaptive Cards 1.5). Every sentence comes from the catalog;
 * what people typed (comments, reasons, questions) goes into TextRuns, which Teams never reads as markdown.
 */
import { SymmetryError } from '../../core/errors';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import type {
  CheckinMessage,
  OutboundMessage,
  ShoutoutMessage,
  SummaryMessage,
  SymmetryMessage,
} from '../../core/messages';
import { symmetryText } from '../../core/symmetry';
import { driversSummaryText, driversText } from '../../core/drivers/text';
import { MOOD_QUESTION_ID } from '../../core/model';
import { card, textBlock, typed, type Element, type Names, type TeamsMessage } from './card';
import { summaryReplyElements, threadCard } from './thread-card';
import { mentionedIds, toTeamsMarkdown, toTeamsPlainText, toTeamsTypedText, type OutgoingMention } from './text';

export const SCORE_VERB = 'checkin.score';
export const COMMENT_VERB = 'checkin.comment';
export const COMMENT_INPUT_ID = 'comment';
/** A free-text question's input on the check-in card is `q_<question id>`. */
export const TEXT_INPUT_PREFIX = 'q_';
/** Comments shown in one summary card (Teams caps a message at about 28 KB). */
const MAX_COMMENTS_SHOWN = 30;

export { ADAPTIVE_CARD, type Names, type TeamsMessage } from './card';

/** The data a score button carries: the delivery, the question and the score, nothing about the person. */
export interface ScoreData {
  d: string;
  q?: string;
  s: number;
}

/** Adaptive Cards read DATE()/TIME() in the reader's own zone; they want seconds, not milliseconds. */
function localDate(d: Date, withTime = true): string {
  const iso = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return withTime ? `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}` : `{{DATE(${iso}, SHORT)}}`;
}

/** A catalog sentence as a TextBlock, people as mentions (collected into `mentions`). */
function sentence(
  locale: string,
  key: MessageKey,
  params: MessageParams,
  names: Names,
  mentions: OutgoingMention[],
  extra: Element = {},
): Element {
  const md = toTeamsMarkdown(translate(locale, key, params), names);
  for (const m of md.mentions) if (!mentions.some((x) => x.mentioned.id === m.mentioned.id)) mentions.push(m);
  return textBlock(md.text, extra);
}

function scoreRows(m: CheckinMessage, questionId: string, selected: number | null, min: 0 | 1 = 1): Element[] {
  const button = (score: number): Element => {
    const data: ScoreData =
      questionId === MOOD_QUESTION_ID ? { d: m.deliveryId, s: score } : { d: m.deliveryId, q: questionId, s: score };
    return {
      type: 'Action.Execute',
      title: String(score),
      verb: SCORE_VERB,
      data,
      tooltip: translate(m.locale, 'checkin.button_alt', { score }),
      ...(selected === score ? { style: 'positive' } : {}),
    };
  };
  // Teams shows at most six buttons in a row: 1–5 and 6–10 (eNPS: 0–5 and 6–10) keep every score visible.
  const rows: Array<[number, number]> = [
    [min, 5],
    [6, 10],
  ];
  return rows.map(([from, to]) => ({
    type: 'ActionSet',
    actions: Array.from({ length: to - from + 1 }, (_, i) => button(from + i)),
  }));
}

function checkinCard(m: CheckinMessage): TeamsMessage {
  const t = (key: MessageKey, params?: MessageParams) => toTeamsMarkdown(translate(m.locale, key, params)).text;
  const body: Element[] = [textBlock(t('checkin.question'), { weight: 'Bolder', size: 'Medium' })];
  if (!m.closed) body.push(...scoreRows(m, MOOD_QUESTION_ID, m.answer?.score ?? null));
  if (m.answer?.score != null) {
    const lines = [t('checkin.selected', { score: m.answer.score })];
    if (m.answer.commentSaved) lines.push(t('checkin.comment_saved'));
    body.push(textBlock(lines.join(' '), { color: 'Good' }));
  }
  for (const q of m.scaleQuestions) {
    body.push(typed(q.text, { weight: 'Bolder' }));
    if (q.hint && !m.closed) body.push(textBlock(toTeamsPlainText(q.hint), { isSubtle: true, size: 'Small' }));
    if (q.score != null) body.push(textBlock(t('checkin.selected', { score: q.score })));
    if (!m.closed) body.push(...scoreRows(m, q.id, q.score, q.min));
  }
  if (!m.closed) {
    body.push({
      type: 'Input.Text',
      id: COMMENT_INPUT_ID,
      label: t('comment.question'),
      placeholder: t('comment.hint', { threshold: m.threshold }),
      isMultiline: true,
      maxLength: 2000,
    });
    // The team's free-text questions, typed beside the comment and saved with it (the manager's words, never markdown).
    for (const q of m.textQuestions) {
      body.push(typed(q.text, { weight: 'Bolder' }));
      if (q.saved) body.push(textBlock(t('checkin.text_saved'), { color: 'Good' }));
      body.push({ type: 'Input.Text', id: `${TEXT_INPUT_PREFIX}${q.id}`, isMultiline: true, maxLength: 2000 });
    }
    body.push({
      type: 'ActionSet',
      actions: [{ type: 'Action.Execute', title: t('comment.submit'), verb: COMMENT_VERB, data: { d: m.deliveryId } }],
    });
  }
  const footer = m.closed
    ? t('checkin.closed')
    : `${t('checkin.privacy', { threshold: m.threshold })} ${t('checkin.open_until', { closesAt: localDate(m.closesAt) })}`;
  body.push(textBlock(footer, { isSubtle: true, size: 'Small' }));
  return { type: 'message', text: translate(m.locale, 'checkin.fallback'), attachments: card(body) };
}

/** A row of ten bars, one per score (the same picture as on Slack). */
function histogramBar(histogram: number[]): string {
  const bars = '▁▂▃▄▅▆▇█';
  const max = Math.max(1, ...histogram);
  return histogram.map((n) => (n === 0 ? '·' : bars[Math.min(7, Math.round((n / max) * 7))])).join('');
}

/** The summary's card body (also shown to a manager under a command's reply). */
export function summaryBody(m: SummaryMessage): Element[] {
  const t = (key: MessageKey, params?: MessageParams) => toTeamsMarkdown(translate(m.locale, key, params)).text;
  const s = m.summary;
  const body: Element[] = [textBlock(t('summary.title', { date: localDate(s.closesAt, false) }), { size: 'Medium' })];
  if (s.kind === 'withheld') {
    body.push(textBlock(t('summary.withheld', { needed: s.needed })));
  } else {
    const change =
      s.change === null
        ? ''
        : `  ${s.change > 0 ? t('summary.change_up', { change: s.change.toFixed(1) }) : s.change < 0 ? t('summary.change_down', { change: Math.abs(s.change).toFixed(1) }) : t('summary.change_same')}`;
    body.push(textBlock(`${t('summary.average', { average: s.average.toFixed(1) })}${change}`));
    body.push(
      textBlock(
        t('summary.rate', { respondents: s.respondents, invited: s.invited, rate: Math.round(s.responseRate * 100) }),
      ),
    );
    if (s.away > 0) body.push(textBlock(t('summary.away', { away: s.away })));
    body.push(textBlock(t('summary.distribution', { ...s.distribution })));
    body.push(textBlock(`1 ${histogramBar(s.histogram)} 10`, { fontType: 'Monospace' }));
    for (const q of s.questions) {
      if ('withheld' in q)
        body.push(typed(translate(m.locale, 'summary.question_withheld', { question: q.text, needed: q.needed })));
      else if (q.kind === 'scale')
        body.push(
          typed(
            toTeamsPlainText(
              translate(m.locale, 'summary.question_scale', {
                question: q.text,
                average: q.average.toFixed(1),
                respondents: q.respondents,
              }),
            ),
          ),
        );
      else {
        body.push(typed(translate(m.locale, 'summary.question_text', { question: q.text }), { weight: 'Bolder' }));
        for (const a of q.answers.slice(0, 10)) body.push({ type: 'Container', style: 'emphasis', items: [typed(a)] });
      }
    }
    if (s.comments.length) {
      body.push(textBlock(t('summary.comments')));
      if (m.replyTo) body.push(...summaryReplyElements(m.locale, m.replyTo.slice(0, MAX_COMMENTS_SHOWN)));
      else
        for (const c of s.comments.slice(0, MAX_COMMENTS_SHOWN))
          body.push({ type: 'Container', style: 'emphasis', items: [typed(c)] });
    }
    if (s.themes.length) body.push(textBlock(t('summary.themes', { themes: s.themes.join(', ') }), { isSubtle: true }));
    if (m.answered) body.push(textBlock(t('summary.answered', { ...m.answered }), { isSubtle: true }));
  }
  if (m.symmetry) {
    const text = symmetryText(m.locale, m.symmetry, { lastOnly: true });
    body.push(textBlock(`${t('symmetry.title')}  ${toTeamsPlainText(text.rounds[0] ?? '')}`, { isSubtle: true }));
    for (const line of [...text.readings, ...(text.power === null ? [] : [text.power])])
      body.push(textBlock(toTeamsPlainText(line), { isSubtle: true }));
    body.push(textBlock(toTeamsPlainText(text.caveat), { isSubtle: true }));
  }
  if (m.drivers) {
    const lines = driversSummaryText(m.locale, m.drivers.view, m.drivers.asked, m.summary.roundId);
    if (lines.length) body.push(textBlock(t('drivers.title')));
    for (const line of lines) body.push(textBlock(toTeamsMarkdown(line).text, { isSubtle: true }));
  }
  if (m.actions.length) {
    body.push(textBlock(t('summary.actions')));
    m.actions.forEach((a, i) => body.push(typed(`${i + 1}. ${a}`)));
  }
  return body;
}

/** `/pulse symmetry` as plain card text: a line per round, the reading, the caveat. */
function symmetryBody(m: SymmetryMessage): Element[] {
  const text = symmetryText(m.locale, m.view);
  return [
    textBlock(toTeamsPlainText(translate(m.locale, 'symmetry.title')), { size: 'Medium' }),
    ...text.rounds.map((line) => textBlock(toTeamsPlainText(line))),
    ...text.readings.map((line) => textBlock(toTeamsPlainText(line))),
    ...(text.power === null ? [] : [textBlock(toTeamsPlainText(text.power), { isSubtle: true })]),
    textBlock(toTeamsPlainText(text.caveat), { isSubtle: true }),
  ];
}

function shoutoutBody(m: ShoutoutMessage, names: Names, mentions: OutgoingMention[]): Element[] {
  if (m.withdrawn) return [sentence(m.locale, 'shoutout.withdrawn', {}, names, mentions, { isSubtle: true })];
  const recipients = m.recipients.map((r) => `<@${r}>`).join(', ');
  const head =
    translate(m.locale, 'shoutout.text', { giver: m.givers[0]!, recipients }) +
    (m.givers.length > 1 ? translate(m.locale, 'shoutout.more', { more: m.givers.length - 1 }) : '');
  const md = toTeamsMarkdown(head, names);
  mentions.push(...md.mentions);
  const body: Element[] = [textBlock(md.text, { size: 'Medium' })];
  // Reasons are canonical free text (escaped, people as <@id>): shown as typed, people by name.
  if (m.reason) body.push(typed(translate(m.locale, 'shoutout.reason', { reason: toTeamsTypedText(m.reason, names) })));
  if (m.values.length)
    body.push(textBlock(translate(m.locale, 'shoutout.values', { values: m.values.map((v) => `#${v}`).join(' ') })));
  if (m.tags.length)
    body.push(textBlock(translate(m.locale, 'shoutout.tags', { tags: m.tags.map((v) => `#${v}`).join(' ') })));
  if (m.excerpt) body.push({ type: 'Container', style: 'emphasis', items: [typed(m.excerpt.replace(/\n/g, ' '))] });
  if (m.permalink)
    body.push(textBlock(toTeamsMarkdown(translate(m.locale, 'shoutout.link', { permalink: m.permalink })).text));
  return body;
}

/** Every person a message will mention, so the messenger can look their names up first. */
export function peopleIn(m: OutboundMessage): string[] {
  switch (m.kind) {
    case 'shoutout':
      return [...new Set([...m.givers.slice(0, 1), ...m.recipients, ...(m.reason ? mentionedIds(m.reason) : [])])];
    case 'digest':
      return m.receivers.map((r) => r.user);
    case 'action':
      return [m.managerId];
    case 'thread':
      return [...new Set(m.replies.flatMap((r) => [r.managerId, r.revealedAs]).filter((id): id is string => !!id))];
    case 'text':
      return mentionedIds(translate(m.locale, m.key, m.params));
    default:
      return [];
  }
}

/** The key a message is posted under (found again after a crash, or when someone reacts to it). */
export function postKeyOf(m: OutboundMessage): string | null {
  if (m.kind === 'checkin') return `checkin-${m.deliveryId}`;
  if (
    m.kind === 'summary' ||
    m.kind === 'shoutout' ||
    m.kind === 'digest' ||
    m.kind === 'action' ||
    m.kind === 'thread'
  )
    return m.key;
  return null;
}

/** Renders a core message as a Teams message. */
export function renderMessage(m: OutboundMessage, names: Names = new Map()): TeamsMessage {
  const mentions: OutgoingMention[] = [];
  switch (m.kind) {
    case 'checkin':
      return checkinCard(m);
    case 'summary':
      return {
        type: 'message',
        text: toTeamsMarkdown(
          translate(m.locale, 'summary.title', { date: m.summary.closesAt.toISOString().slice(0, 10) }),
        ).text,
        attachments: card(summaryBody(m)),
      };
    case 'shoutout': {
      const body = shoutoutBody(m, names, mentions);
      return { type: 'message', attachments: card(body, mentions) };
    }
    case 'digest': {
      const body = [
        sentence(m.locale, 'digest.title', { total: m.total }, names, mentions, { size: 'Medium' }),
        ...m.receivers.map((r) => sentence(m.locale, 'digest.line', { user: r.user, count: r.count }, names, mentions)),
      ];
      return { type: 'message', attachments: card(body, mentions) };
    }
    case 'action': {
      const head = toTeamsMarkdown(
        translate(m.locale, 'action.announcement', { manager: m.managerId, text: '' }).trimEnd(),
        names,
      );
      mentions.push(...head.mentions);
      return { type: 'message', attachments: card([textBlock(head.text), typed(m.text)], mentions) };
    }
    case 'symmetry':
      return {
        type: 'message',
        text: toTeamsPlainText(translate(m.locale, 'symmetry.title')),
        attachments: card(symmetryBody(m)),
      };
    case 'drivers':
      return {
        type: 'message',
        text: toTeamsPlainText(translate(m.locale, 'drivers.title')),
        attachments: card([
          textBlock(toTeamsMarkdown(translate(m.locale, 'drivers.title')).text, { size: 'Medium' }),
          ...driversText(m.locale, m.view).map((line) => textBlock(toTeamsMarkdown(line).text)),
        ]),
      };
    case 'reminder':
      return {
        type: 'message',
        textFormat: 'markdown',
        text: toTeamsMarkdown(
          translate(m.locale, 'reminder.text', {
            closesAt: `${m.closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          }),
        ).text,
      };
    case 'thread':
      return threadCard(m, names);
    case 'text': {
      const md = toTeamsMarkdown(translate(m.locale, m.key, m.params), names);
      return {
        type: 'message',
        textFormat: 'markdown',
        text: md.text,
        ...(md.mentions.length ? { entities: md.mentions } : {}),
      };
    }
  }
}

/** A command's private reply: the sentence (and its note, as a second paragraph), with any rich messages (summaries) as cards under it. */
export function renderReply(
  locale: string,
  key: MessageKey,
  params: MessageParams | undefined,
  messages: OutboundMessage[],
  names: Names = new Map(),
  note?: MessageKey,
): TeamsMessage {
  const md = toTeamsMarkdown(translate(locale, key, params), names);
  const text = note ? `${md.text}\n\n${toTeamsMarkdown(translate(locale, note)).text}` : md.text;
  const attachments = messages.flatMap((m) => renderMessage(m, names).attachments ?? []);
  return {
    type: 'message',
    textFormat: 'markdown',
    text,
    ...(md.mentions.length ? { entities: md.mentions } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
}

/**
 * What Teams shows of a picture: up to 1024 × 1024 pixels and 1 MB (Teams, "Send and receive
 * messages → Use picture messages"); nothing checks this on the way in, an image outside it just
 * fails to render. An inline image's data URI travels inside the activity, which the Bot Connector
 * refuses over 256 KB (botframework-sdk #865, #3477); base64 adds a third, so the PNG stays under 180 KB.
 */
export const MAX_IMAGE_SIDE = 1024;
export const MAX_IMAGE_BYTES = 180_000;

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(content: Uint8Array): { width: number; height: number } | null {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 24 || !signature.every((b, i) => bytes[i] === b) || bytes.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A PNG as an inline picture (the image is the message, no hosting and no file-consent flow): an
 * attachment with contentType image/png and the bytes as a data URI, its title as the text.
 * Refuses (invalid_input, not retried) a PNG Teams would not show.
 */
export function imageMessage(image: {
  name: string;
  title: string;
  content: Uint8Array;
  caption?: string;
}): TeamsMessage {
  const size = pngSize(image.content);
  if (!size) throw new SymmetryError('invalid_input', { error: 'image_not_png' });
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || image.content.byteLength > MAX_IMAGE_BYTES) {
    throw new SymmetryError('invalid_input', {
      error: 'image_too_large',
      width: size.width,
      height: size.height,
      bytes: image.content.byteLength,
    });
  }
  const contentUrl = `data:image/png;base64,${Buffer.from(image.content).toString('base64')}`;
  return {
    type: 'message',
    textFormat: 'plain',
    // The caption (a chart's reading in words) goes under the title: plain text, so strip Slack's markup.
    text: image.caption ? `${image.title}\n${toTeamsPlainText(image.caption)}` : image.title,
    attachments: [{ contentType: 'image/png', contentUrl, name: image.name }],
  };
}
