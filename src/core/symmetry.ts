/**
 * The symmetry view: a team's mood beside its customers' CSAT and NPS, round by round.
 *
 * Decisions:
 * - Mood is the whole round's average under the threshold k (`trend`): a withheld round shows no
 *   mood and counts for no correlation.
 * - A round's customer figure is the average of the signals whose UTC day lies in the round's
 *   window (from the day it opened to the day it closed), weighted by their responses.
 * - Changes are against the previous round shown, from the rounded figures, so they agree with
 *   what a reader sees; null when either side is missing.
 * - Every correlation shown carries n and its 95% interval; while the interval includes 0 the text says there
 *   is not enough evidence yet and names no direction. The lag is the team's setting, fixed before looking.
 */
import { readSymmetry, type SymmetryReading } from './correlation';
import { translate, type MessageKey } from './i18n';
import { formatNumber } from './i18n/format';
import type { SymmetryLag } from './model';
import { roundsNeeded, type Correlation } from './stats';
import { CUSTOMER_METRICS, weightedAverage, type CustomerMetric, type CustomerSignal } from './signals';
import { trend, type RoundFacts } from './summary';

export interface SymmetryRound {
  roundId: string;
  closesAt: Date;
  /** Mood average to one decimal; null when the round was under k. */
  mood: number | null;
  moodChange: number | null;
  /** 0..1; null when the round was under k. */
  responseRate: number | null;
  csat: number | null;
  csatChange: number | null;
  nps: number | null;
  npsChange: number | null;
}

export interface SymmetryView {
  /** Oldest first. */
  rounds: SymmetryRound[];
  /** The reading per metric; null when no round has that metric at all. */
  readings: Record<CustomerMetric, SymmetryReading | null>;
}

/** A closed round as the symmetry view needs it. */
export interface SymmetryInput {
  facts: RoundFacts;
  opensAt: Date;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const oneDecimal = (v: number): number => Math.round(v * 10) / 10 + 0;
const change = (now: number | null, before: number | null): number | null =>
  now === null || before === null ? null : oneDecimal(now - before);

/** The first UTC day a round's customer signals may fall on (the day the first round opened). */
export function firstDayOf(rounds: ReadonlyArray<Pick<SymmetryInput, 'opensAt'>>): string | null {
  const days = rounds.map((r) => day(r.opensAt)).sort();
  return days[0] ?? null;
}

/** Mood and customer figures per round (oldest first), their changes, and the correlation reading of each metric. */
export function buildSymmetry(
  rounds: readonly SymmetryInput[],
  signals: readonly CustomerSignal[],
  threshold: number,
  lag: SymmetryLag,
): SymmetryView {
  const ordered = [...rounds].sort((a, b) => a.facts.closesAt.getTime() - b.facts.closesAt.getTime());
  const moods = new Map(
    trend(
      ordered.map((r) => r.facts),
      threshold,
    ).map((p) => [p.roundId, p]),
  );
  const customer = (r: SymmetryInput, metric: CustomerMetric): number | null => {
    const from = day(r.opensAt);
    const to = day(r.facts.closesAt);
    const avg = weightedAverage(signals.filter((s) => s.metric === metric && s.day >= from && s.day <= to));
    return avg === null ? null : oneDecimal(avg);
  };
  const out: SymmetryRound[] = [];
  for (const r of ordered) {
    const point = moods.get(r.facts.roundId);
    const previous = out.at(-1) ?? null;
    const mood = point?.average ?? null;
    const csat = customer(r, 'csat');
    const nps = customer(r, 'nps');
    out.push({
      roundId: r.facts.roundId,
      closesAt: r.facts.closesAt,
      mood,
      moodChange: change(mood, previous?.mood ?? null),
      responseRate: point?.responseRate ?? null,
      csat,
      csatChange: change(csat, previous?.csat ?? null),
      nps,
      npsChange: change(nps, previous?.nps ?? null),
    });
  }
  const reading = (metric: CustomerMetric): SymmetryReading | null =>
    out.some((r) => r[metric] !== null)
      ? readSymmetry(
          out.map((r) => ({ mood: r.mood, customer: r[metric] })),
          lag,
        )
      : null;
  return { rounds: out, readings: { csat: reading('csat'), nps: reading('nps') } };
}

/** True when at least one round of the view shows a mood (at or above the threshold): only then is there a chart to draw. */
export function showsMood(view: SymmetryView): boolean {
  return view.rounds.some((r) => r.mood !== null);
}

/** The lines that describe a symmetry view in a language (Slack mrkdwn `*bold*`; other platforms strip it). */
export interface SymmetryText {
  /** One line per round, oldest first: date, mood and customer figures with their changes. */
  rounds: string[];
  /** Per metric: r with n and its 95% interval and the evidence, or how many more rounds are needed. */
  readings: string[];
  /** How many rounds an effect of the published size needs (null when there are no customer figures to read). */
  power: string | null;
  caveat: string;
}

function signed(locale: string, value: number, digits: number): string {
  if (value === 0) return '±0';
  return `${value > 0 ? '▲' : '▼'}${formatNumber(locale, Math.abs(value), digits)}`;
}

/** One round of a view as a line, e.g. "2026-03-06: mood *7.2* / 10 (▲0.4) · CSAT *86%* (▼2)". */
export function symmetryRoundLine(locale: string, r: SymmetryRound): string {
  const withChange = (text: string, delta: number | null, digits: number) =>
    delta === null ? text : `${text} (${signed(locale, delta, digits)})`;
  const mood =
    r.mood === null
      ? translate(locale, 'symmetry.mood_withheld')
      : withChange(translate(locale, 'symmetry.mood', { mood: formatNumber(locale, r.mood, 1) }), r.moodChange, 1);
  const customers = [
    r.csat === null
      ? null
      : withChange(translate(locale, 'symmetry.csat', { value: formatNumber(locale, r.csat, 0) }), r.csatChange, 0),
    r.nps === null
      ? null
      : withChange(translate(locale, 'symmetry.nps', { value: formatNumber(locale, r.nps, 0) }), r.npsChange, 0),
  ].filter((c): c is string => c !== null);
  return `${r.closesAt.toISOString().slice(0, 10)}: ${[mood, ...(customers.length ? customers : [translate(locale, 'symmetry.no_customers')])].join(' · ')}`;
}

/**
 * Published team-level effects between employee and customer satisfaction (Harter et al. 2002): r = 0.2–0.35.
 * The rounds it takes before an effect that size could show (80% power, 5% two-sided) are said once per view.
 */
export const PUBLISHED_EFFECT = { low: 0.2, high: 0.35 } as const;

const LAG_KEY: Record<SymmetryLag, MessageKey> = { 0: 'symmetry.lag_same', 1: 'symmetry.lag_next' };

/** The figures of a correlation as catalog parameters: r and its interval to two decimals, n, and the lag in words. */
function correlationParams(locale: string, metric: CustomerMetric, lag: SymmetryLag, c: Correlation) {
  const two = (v: number | null) => formatNumber(locale, v ?? 0, 2);
  return {
    metric: metric.toUpperCase(),
    lag: translate(locale, LAG_KEY[lag]),
    r: two(c.r),
    low: two(c.low),
    high: two(c.high),
    n: c.n,
  };
}

/** What a metric's reading says before there is an r to show: how many more rounds, or that one side never moved. */
function noCorrelationLine(locale: string, metric: CustomerMetric, reading: SymmetryReading): string | null {
  if (reading.correlation === null)
    return translate(locale, 'symmetry.more_rounds', {
      metric: metric.toUpperCase(),
      count: reading.roundsNeeded,
      paired: reading.paired,
    });
  if (reading.correlation.r === null)
    return translate(locale, 'symmetry.undefined', {
      metric: metric.toUpperCase(),
      lag: translate(locale, LAG_KEY[reading.lag]),
      n: reading.correlation.n,
    });
  return null;
}

const EVIDENCE_KEY: Record<Correlation['evidence'], MessageKey> = {
  none: 'symmetry.no_evidence',
  positive: 'symmetry.together',
  negative: 'symmetry.opposite',
};

type CorrelationParams = ReturnType<typeof correlationParams>;

/** Per metric with customer figures: `shown` for an r, or the line saying what is missing (rounds, or any change). */
function perMetric(
  locale: string,
  view: SymmetryView,
  shown: (c: Correlation, params: CorrelationParams) => string[],
): string[] {
  const lines: string[] = [];
  for (const metric of CUSTOMER_METRICS) {
    const reading = view.readings[metric];
    if (!reading) continue;
    const missing = noCorrelationLine(locale, metric, reading);
    // No line is missing only when there is an r, so the correlation is there.
    const c = reading.correlation!;
    lines.push(...(missing !== null ? [missing] : shown(c, correlationParams(locale, metric, reading.lag, c))));
  }
  return lines;
}

/** What each metric's reading says in plain words: r with n and its 95% interval and the evidence, or what is missing. */
export function symmetryReadingLines(locale: string, view: SymmetryView): string[] {
  return perMetric(locale, view, (c, params) => [
    translate(locale, 'symmetry.correlation', params),
    translate(locale, EVIDENCE_KEY[c.evidence], { metric: params.metric }),
  ]);
}

const CAPTION_EVIDENCE_KEY: Record<Correlation['evidence'], MessageKey> = {
  none: 'chart.evidence_none',
  positive: 'chart.evidence_positive',
  negative: 'chart.evidence_negative',
};

/** The chart's caption: one short line per metric with r, n, the 95% interval and the evidence (or what is missing). */
export function symmetryCaption(locale: string, view: SymmetryView): string[] {
  return perMetric(locale, view, (c, params) => [
    translate(locale, 'chart.caption', { ...params, evidence: translate(locale, CAPTION_EVIDENCE_KEY[c.evidence]) }),
  ]);
}

/** A chart's caption as an image field: each correlation it reads (nothing when no customer figure is drawn). */
export function captionOf(view: SymmetryView, locale: string): { caption?: string } {
  const lines = symmetryCaption(locale, view);
  return lines.length ? { caption: lines.join('\n') } : {};
}

/** The plain sentence on how many rounds an effect of the published size needs before it could show. */
export function powerLine(locale: string): string {
  return translate(locale, 'symmetry.power', {
    fewest: roundsNeeded(PUBLISHED_EFFECT.high),
    most: roundsNeeded(PUBLISHED_EFFECT.low),
  });
}

/** Every line of a view in a language; `lastOnly` keeps just the newest round (the line under a summary). */
export function symmetryText(locale: string, view: SymmetryView, options: { lastOnly?: boolean } = {}): SymmetryText {
  const rounds = options.lastOnly ? view.rounds.slice(-1) : view.rounds;
  const hasCustomers = view.readings.csat !== null || view.readings.nps !== null;
  return {
    rounds: rounds.map((r) => symmetryRoundLine(locale, r)),
    readings: hasCustomers ? symmetryReadingLines(locale, view) : [translate(locale, 'symmetry.no_signals')],
    power: hasCustomers ? powerLine(locale) : null,
    caveat: translate(locale, 'symmetry.caveat'),
  };
}
