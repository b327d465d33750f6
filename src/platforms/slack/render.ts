/** Core messages → Block Kit. Every sentence comes from the catalog; user text is escaped. */
import type { HomeView as SlackHomeView, KnownBlock, ModalView } from '@slack/types';
import { isRtl, translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { formatNumber, rtlText } from '../../core/i18n/format';
import type {
  CheckinMessage,
  DigestMessage,
  HomeView,
  OutboundMessage,
  ShoutoutMessage,
  SummaryMessage,
  SymmetryMessage,
} from '../../core/messages';
import { formatMarkup, parseMarkup } from '../../core/markup';
import { symmetryText, type SymmetryText } from '../../core/symmetry';
import { driversSummaryText, driversText } from '../../core/drivers/text';
import { escapeText } from './mrkdwn';
import { homeConversationBlocks, summaryReplyBlocks, threadBlocks, threadFallbackText } from './thread-render';
import { MOOD_QUESTION_ID, type Question } from '../../core/model';

export const SCORE_ACTION_PREFIX = 'checkin_score_';
export const COMMENT_CALLBACK_ID = 'checkin_comment';
export const COMMENT_BLOCK_ID = 'comment';
export const COMMENT_ACTION_ID = 'comment';
export const QUESTION_BLOCK_PREFIX = 'q_';
export const CHECKIN_METADATA_TYPE = 'symmetry_checkin';
export const POST_METADATA_TYPE = 'symmetry_post';
/** Slack allows 50 blocks a message; comments beyond this many are left out of one message. */
const MAX_COMMENTS_SHOWN = 30;

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

/** Slack's date token shows the instant in the reader's own time zone, with a UTC fallback. */
export function slackDate(d: Date, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(d.getTime() / 1000);
  return `<!date^${seconds}^${format}|${d.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

/** The value a score button carries: the delivery, the question and the score, nothing about the person. */
export function scoreButtonValue(
  deliveryId: string,
  score: number,
  questionId: string = MOOD_QUESTION_ID,
  proof?: string,
): string {
  return JSON.stringify({
    d: deliveryId,
    ...(questionId === MOOD_QUESTION_ID ? {} : { q: questionId }),
    s: score,
    ...(proof ? { p: proof } : {}),
  });
}

/** Neutral markup (src/core/markup.ts) as Slack mrkdwn: the markup is spelled as mrkdwn, so each segment is written as parsed. */
export function toSlackMrkdwn(text: string): string {
  return formatMarkup(parseMarkup(text));
}

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: toSlackMrkdwn(text) },
});
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: toSlackMrkdwn(text) }],
});

function scoreButtons(
  m: CheckinMessage,
  questionId: string,
  selected: number | null,
  blockId: string,
  min: 0 | 1 = 1,
): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: Array.from({ length: 11 - min }, (_, i) => {
      const score = i + min;
      return {
        type: 'button' as const,
        action_id: `${SCORE_ACTION_PREFIX}${score}`,
        text: { type: 'plain_text' as const, text: String(score) },
        value: scoreButtonValue(m.deliveryId, score, questionId, m.proofs[questionId]),
        accessibility_label: translate(m.locale, 'checkin.button_alt', { score }),
        ...(selected === score ? { style: 'primary' as const } : {}),
      };
    }),
  };
}

function checkinBlocks(m: CheckinMessage): KnownBlock[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(m.locale, key, params);
  const blocks: KnownBlock[] = [section(`*${t('checkin.question')}*`)];
  if (!m.closed) blocks.push(scoreButtons(m, MOOD_QUESTION_ID, m.answer?.score ?? null, 'checkin_scores'));
  if (m.answer?.score != null) {
    const lines = [t('checkin.selected', { score: m.answer.score })];
    if (m.answer.commentSaved) lines.push(t('checkin.comment_saved'));
    blocks.push(section(lines.join(' ')));
  }
  m.scaleQuestions.forEach((q, i) => {
    blocks.push(section(`*${q.text}*${q.score != null ? `  ${t('checkin.selected', { score: q.score })}` : ''}`));
    if (q.hint && !m.closed) blocks.push(context(q.hint));
    if (!m.closed) blocks.push(scoreButtons(m, q.id, q.score, `checkin_q${i + 1}`, q.min));
  });
  const footer = m.closed
    ? t('checkin.closed')
    : `${t('checkin.privacy', { threshold: m.threshold })} ${t('checkin.open_until', { closesAt: slackDate(m.closesAt) })}`;
  blocks.push(context(footer));
  return blocks;
}

/** A row of ten bars, one per score, so the shape of the answers reads at a glance on a phone. */
function histogramBar(histogram: number[]): string {
  const bars = '▁▂▃▄▅▆▇█';
  const max = Math.max(1, ...histogram);
  return histogram.map((n) => (n === 0 ? '·' : bars[Math.min(7, Math.round((n / max) * 7))])).join('');
}

function summaryBlocks(m: SummaryMessage): KnownBlock[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(m.locale, key, params);
  const s = m.summary;
  const blocks: KnownBlock[] = [section(t('summary.title', { date: slackDate(s.closesAt, '{date_short_pretty}') }))];
  if (s.kind === 'withheld') {
    blocks.push(section(t('summary.withheld', { needed: s.needed })));
  } else {
    const change =
      s.change === null
        ? ''
        : `  ${s.change > 0 ? t('summary.change_up', { change: formatNumber(m.locale, s.change, 1) }) : s.change < 0 ? t('summary.change_down', { change: formatNumber(m.locale, Math.abs(s.change), 1) }) : t('summary.change_same')}`;
    blocks.push(
      section(
        [
          `${t('summary.average', { average: formatNumber(m.locale, s.average, 1) })}${change}`,
          t('summary.rate', { respondents: s.respondents, invited: s.invited, rate: Math.round(s.responseRate * 100) }),
          ...(s.away > 0 ? [t('summary.away', { away: s.away })] : []),
          `${t('summary.distribution', { ...s.distribution })}   \`1 ${histogramBar(s.histogram)} 10\``,
        ].join('\n'),
      ),
    );
    for (const q of s.questions) {
      if ('withheld' in q) blocks.push(section(t('summary.question_withheld', { question: q.text, needed: q.needed })));
      else if (q.kind === 'scale')
        blocks.push(
          section(
            t('summary.question_scale', {
              question: q.text,
              average: formatNumber(m.locale, q.average, 1),
              respondents: q.respondents,
            }),
          ),
        );
      else
        blocks.push(
          section(
            [
              t('summary.question_text', { question: q.text }),
              ...q.answers.slice(0, 10).map((a) => `> ${escapeText(a)}`),
            ].join('\n'),
          ),
        );
    }
    if (s.comments.length) {
      blocks.push(section(t('summary.comments')));
      const quoted = (c: string) => `> ${escapeText(c).replace(/\n/g, '\n> ')}`;
      if (m.replyTo) blocks.push(...summaryReplyBlocks(m.locale, m.replyTo.slice(0, MAX_COMMENTS_SHOWN), quoted));
      else for (const c of s.comments.slice(0, MAX_COMMENTS_SHOWN)) blocks.push(section(quoted(c)));
    }
    if (s.themes.length) blocks.push(context(t('summary.themes', { themes: s.themes.join(', ') })));
    if (m.answered) blocks.push(context(t('summary.answered', { ...m.answered })));
  }
  if (m.symmetry) {
    // The symmetry line: this round's mood beside its customers, and what the recent rounds read.
    const text = symmetryText(m.locale, m.symmetry, { lastOnly: true });
    blocks.push(
      context(
        [
          `${t('symmetry.title')}  ${text.rounds[0] ?? ''}`,
          ...text.readings,
          ...withPower(text),
          `_${text.caveat}_`,
        ].join('\n'),
      ),
    );
  }
  if (m.drivers) {
    const lines = driversSummaryText(m.locale, m.drivers.view, m.drivers.asked, m.summary.roundId);
    if (lines.length) blocks.push(context([t('drivers.title'), ...lines].join('\n')));
  }
  if (m.actions.length)
    blocks.push(
      section([t('summary.actions'), ...m.actions.map((a: string, i: number) => `${i + 1}. ${a}`)].join('\n')),
    );
  return blocks;
}

/** The sentence on how many rounds a published-size effect needs, when there are customer figures to read. */
const withPower = (text: SymmetryText): string[] => (text.power === null ? [] : [text.power]);

function symmetryBlocks(m: SymmetryMessage): KnownBlock[] {
  const text = symmetryText(m.locale, m.view);
  return [
    section(translate(m.locale, 'symmetry.title')),
    section(text.rounds.join('\n')),
    section(text.readings.join('\n')),
    context([...withPower(text), `_${text.caveat}_`].join('\n')),
  ];
}

function shoutoutText(m: ShoutoutMessage): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(m.locale, key, params);
  if (m.withdrawn) return t('shoutout.withdrawn');
  const recipients = m.recipients.map((r) => `<@${r}>`).join(', ');
  const lines = [
    t('shoutout.text', { giver: m.givers[0]!, recipients }) +
      (m.givers.length > 1 ? t('shoutout.more', { more: m.givers.length - 1 }) : ''),
  ];
  // Reasons are /kudos text, already in Slack's escaped form; excerpts are Slack's own message text.
  if (m.reason) lines.push(t('shoutout.reason', { reason: m.reason }));
  if (m.values.length) lines.push(t('shoutout.values', { values: m.values.map((v) => `#${v}`).join(' ') }));
  if (m.tags.length) lines.push(t('shoutout.tags', { tags: m.tags.map((v) => `#${v}`).join(' ') }));
  if (m.excerpt) lines.push(t('shoutout.excerpt', { excerpt: m.excerpt.replace(/\n/g, ' ') }));
  if (m.permalink) lines.push(t('shoutout.link', { permalink: m.permalink }));
  return lines.join('\n');
}

function digestText(m: DigestMessage): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(m.locale, key, params);
  return [
    t('digest.title', { total: m.total }),
    ...m.receivers.map((r) => t('digest.line', { user: r.user, count: r.count })),
  ].join('\n');
}

/** Right-to-left languages: every text of the blocks gets its direction marks (plain text renders correctly). */
function directed<T>(locale: string, value: T): T {
  if (!isRtl(locale)) return value;
  return JSON.parse(JSON.stringify(value), (key, v: unknown) =>
    key === 'text' && typeof v === 'string' ? rtlText(locale, v) : v,
  ) as T;
}

/** A catalog sentence for a reply, in the caller's language and direction. */
export function replyText(locale: string | undefined, key: MessageKey, params?: MessageParams): string {
  return rtlText(locale ?? 'en', translate(locale ?? 'en', key, params));
}

/**
 * Renders a core message as a Slack message (fallback text + blocks + idempotency metadata). `maxBlocks` bounds a
 * thread's blocks where several messages share one (a reply listing threads); a message alone may have 50.
 */
export function renderMessage(m: OutboundMessage, { maxBlocks }: { maxBlocks?: number } = {}): SlackMessage {
  return directed(m.locale, renderPlain(m, maxBlocks));
}

function renderPlain(m: OutboundMessage, maxBlocks?: number): SlackMessage {
  switch (m.kind) {
    case 'checkin':
      return {
        text: translate(m.locale, 'checkin.fallback'),
        blocks: checkinBlocks(m),
        metadata: { event_type: CHECKIN_METADATA_TYPE, event_payload: { delivery_id: m.deliveryId } },
      };
    case 'summary':
      return {
        text: translate(m.locale, 'summary.title', { date: m.summary.closesAt.toISOString().slice(0, 10) }).replace(
          /\*/g,
          '',
        ),
        blocks: summaryBlocks(m),
        metadata: { event_type: POST_METADATA_TYPE, event_payload: { key: m.key } },
      };
    case 'action': {
      const text = translate(m.locale, 'action.announcement', { manager: m.managerId, text: m.text });
      return {
        text,
        blocks: [section(text)],
        metadata: { event_type: POST_METADATA_TYPE, event_payload: { key: m.key } },
      };
    }
    case 'shoutout':
    case 'digest': {
      const text = m.kind === 'shoutout' ? shoutoutText(m) : digestText(m);
      return {
        text,
        blocks: [section(text)],
        metadata: { event_type: POST_METADATA_TYPE, event_payload: { key: m.key } },
      };
    }
    case 'symmetry':
      return { text: translate(m.locale, 'symmetry.title').replace(/\*/g, ''), blocks: symmetryBlocks(m) };
    case 'drivers': {
      const text = driversText(m.locale, m.view).join('\n');
      return { text, blocks: [section(translate(m.locale, 'drivers.title')), section(text)] };
    }
    case 'thread':
      return {
        text: threadFallbackText(m),
        blocks: threadBlocks(m, { maxBlocks }),
        metadata: { event_type: POST_METADATA_TYPE, event_payload: { key: m.key } },
      };
    case 'reminder':
      return { text: translate(m.locale, 'reminder.text', { closesAt: slackDate(m.closesAt) }) };
    case 'text':
      return { text: translate(m.locale, m.key, m.params) };
  }
}

/** The "What's behind your score?" modal (plus the round's free-text questions), opened with the click's trigger id. */
export function commentModal(
  locale: string,
  deliveryId: string,
  threshold: number,
  textQuestions: ReadonlyArray<Pick<Question, 'id' | 'text'>> = [],
): ModalView {
  const t = (key: MessageKey, params?: MessageParams) => rtlText(locale, translate(locale, key, params));
  const input = (blockId: string, label: string, hint?: string) => ({
    type: 'input' as const,
    block_id: blockId,
    optional: true,
    label: { type: 'plain_text' as const, text: label.slice(0, 2000) },
    ...(hint ? { hint: { type: 'plain_text' as const, text: hint } } : {}),
    element: { type: 'plain_text_input' as const, action_id: COMMENT_ACTION_ID, multiline: true, max_length: 2000 },
  });
  return {
    type: 'modal',
    callback_id: COMMENT_CALLBACK_ID,
    private_metadata: JSON.stringify({ d: deliveryId }),
    title: { type: 'plain_text', text: t('comment.title') },
    submit: { type: 'plain_text', text: t('comment.submit') },
    close: { type: 'plain_text', text: t('comment.cancel') },
    blocks: [
      input(COMMENT_BLOCK_ID, t('comment.question'), t('comment.hint', { threshold })),
      ...textQuestions.map((q) => input(`${QUESTION_BLOCK_PREFIX}${q.id}`, q.text)),
    ],
  };
}

/** The App Home tab: the person's own answers, and for managers their teams under the threshold rule. */
export function renderHome(home: HomeView, heatmapFileId: string | null = null): SlackHomeView {
  const t = (key: MessageKey, params?: MessageParams) => translate(home.locale, key, params);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t('home.title') } },
    section(t('home.own_title')),
  ];
  if (home.ownAnswers.length === 0) blocks.push(context(t('home.own_none')));
  else {
    const lines = home.ownAnswers.map((a) =>
      t('home.own_line', {
        date: slackDate(a.closesAt, '{date_short}'),
        score: a.score ?? '–',
        comment: a.commented ? ' 💬' : '',
        open: a.open ? ' (open)' : '',
      }),
    );
    blocks.push(section(lines.join('\n')));
  }
  blocks.push(section(t('home.kudos_title')));
  if (home.kudosReceived.count === 0) blocks.push(context(t('home.kudos_none')));
  else
    blocks.push(
      section(
        [
          t('home.kudos_count', { count: home.kudosReceived.count }),
          ...home.kudosReceived.reasons.map((r) => `> ${r}`),
        ].join('\n'),
      ),
    );
  if (home.managedTeams.length) {
    blocks.push({ type: 'divider' }, section(t('home.teams_title')));
    for (const team of home.managedTeams) {
      const lines = [t('home.team_line', { channel: team.channelId })];
      lines.push(team.nextRound ? t('home.team_next', { date: slackDate(team.nextRound) }) : t('home.team_next_none'));
      if (team.openRound)
        lines.push(
          t('home.team_open', {
            answered: team.openRound.answered,
            total: team.openRound.total,
            date: slackDate(team.openRound.closesAt),
          }),
        );
      if (team.last?.withheld) lines.push(t('home.team_last_withheld', { needed: team.last.needed }));
      else if (team.last)
        lines.push(
          t('home.team_last', {
            rate: Math.round(team.last.responseRate * 100),
            average: formatNumber(home.locale, team.last.average, 1),
          }),
        );
      blocks.push(section(lines.join('\n')));
      if (team.conversations.length) blocks.push(...homeConversationBlocks(home.locale, team.conversations));
    }
  }
  if (home.organisation) blocks.push(...organisationBlocks(home.locale, home.organisation, heatmapFileId));
  return directed(home.locale, { type: 'home', blocks } as SlackHomeView);
}

/** An org admin's part of App Home: a button to the dashboard (when configured) and the heatmap image (when uploaded). */
function organisationBlocks(
  locale: string,
  organisation: NonNullable<HomeView['organisation']>,
  heatmapFileId: string | null,
): KnownBlock[] {
  const t = (key: MessageKey) => translate(locale, key);
  const blocks: KnownBlock[] = [{ type: 'divider' }, section(t('dashboard.home.heading'))];
  // A link, not a button: a URL button still sends the app an interaction it would have to acknowledge.
  if (organisation.dashboardUrl) blocks.push(section(`<${organisation.dashboardUrl}|${t('dashboard.home.open')}>`));
  if (heatmapFileId)
    blocks.push({ type: 'image', slack_file: { id: heatmapFileId }, alt_text: t('dashboard.home.heatmap_alt') });
  return blocks;
}
