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
 */
import { MIN_ROUNDS_FOR_CORRELATION, readSymmetry, type SymmetryReading } from './correlation';
import { translate } from './i18n';
import { formatNumber } from './i18n/format';
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
    out.some((r) => r[metric] !== null) ? readSymmetry(out.map((r) => ({ mood: r.mood, customer: r[metric] }))) : null;
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
  /** Per metric: r values and the plain-words reading, or how many more rounds are needed. */
  readings: string[];
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

/** What a reading says in plain words: r at the same round and one round later, or how many rounds are still needed. */
export function symmetryReadingLines(locale: string, view: SymmetryView): string[] {
  const lines: string[] = [];
  for (const metric of CUSTOMER_METRICS) {
    const reading = view.readings[metric];
    if (!reading) continue;
    const name = metric.toUpperCase();
    if (reading.roundsNeeded > 0) {
      lines.push(
        translate(locale, 'symmetry.more_rounds', {
          metric: name,
          count: reading.roundsNeeded,
          paired: reading.paired,
        }),
      );
      continue;
    }
    // Enough rounds at the same round; the lagged series (mood, next round's customers) may still be short.
    const lagged = view.rounds
      .slice(0, -1)
      .filter((round, i) => round.mood !== null && view.rounds[i + 1]![metric] !== null).length;
    const r = (value: number | null, isLagged: boolean) =>
      value !== null
        ? formatNumber(locale, value, 2)
        : translate(
            locale,
            isLagged && lagged < MIN_ROUNDS_FOR_CORRELATION ? 'symmetry.too_few' : 'symmetry.undefined',
          );
    lines.push(
      translate(locale, 'symmetry.correlation', {
        metric: name,
        same: r(reading.sameRound, false),
        next: r(reading.nextRound, true),
      }),
    );
    if (reading.direction === null) {
      lines.push(translate(locale, 'symmetry.no_relation', { metric: name }));
      continue;
    }
    const strength = translate(
      locale,
      reading.strength === 'strong'
        ? 'symmetry.strength_strong'
        : reading.strength === 'moderate'
          ? 'symmetry.strength_moderate'
          : 'symmetry.strength_weak',
    );
    const laggedLeads = reading.nextRound !== null && Math.abs(reading.nextRound) > Math.abs(reading.sameRound ?? 0);
    const key =
      reading.direction === 'opposite'
        ? 'symmetry.opposite'
        : laggedLeads
          ? 'symmetry.follow_later'
          : 'symmetry.together';
    lines.push(translate(locale, key, { strength }));
  }
  return lines;
}

/** Every line of a view in a language; `lastOnly` keeps just the newest round (the line under a summary). */
export function symmetryText(locale: string, view: SymmetryView, options: { lastOnly?: boolean } = {}): SymmetryText {
  const rounds = options.lastOnly ? view.rounds.slice(-1) : view.rounds;
  const hasCustomers = view.readings.csat !== null || view.readings.nps !== null;
  return {
    rounds: rounds.map((r) => symmetryRoundLine(locale, r)),
    readings: hasCustomers ? symmetryReadingLines(locale, view) : [translate(locale, 'symmetry.no_signals')],
    caveat: translate(locale, 'symmetry.caveat'),
  };
}
