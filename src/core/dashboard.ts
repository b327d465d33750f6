/**
 * The organisation's heatmap: every team against every measure, under the threshold k.
 *
 * Decisions:
 * - The period is a team's last HEATMAP_ROUNDS closed rounds that closed in the last HEATMAP_DAYS days.
 * - A round counts towards its team's figures only when it met the team's k on its own (as summaries
 *   do); a team none of whose rounds met k is *under k* and never shown by name.
 * - Teams under k are pooled into one "Other teams" row, shown with figures only when at least two
 *   teams are in it and their distinct respondents together reach the largest k among them. One team
 *   under k alone is not listed at all: its row would be the organisation minus every team shown.
 * - No organisation-wide total row: the total minus the rows shown would give the teams left out.
 * - The measures are data (HEATMAP_MEASURES): a new measure is one entry and one value per round in
 *   the repository, and every page, export and image follows.
 * - eNPS and the drivers use the drivers report's own arithmetic (`buildDriversView`): a team's figure
 *   is its latest reading among the rounds that count (eNPS: %promoters − %detractors with k answers; a
 *   driver: the mean of its items that each reached k scores in that round). The "Other teams" row shows
 *   no eNPS or driver figure: an item's answers come from a subset of the pool, and one person in two pooled
 *   teams could count twice toward its k. A driver switched off or not asked in the period has no value either.
 */
import { byTeamLabel, teamLabel } from './channel-name';
import { translate, type MessageKey } from './i18n';
import { formatNumber, formatPercent } from './i18n/format';
import type { TeamAction } from './model';
import { clampThreshold } from './summary';
import { DRIVERS, driverNameKey, ENPS_QUESTION_ID } from './drivers/bank';
import { buildDriversView, type DriverRoundFacts, type ScoreCount } from './drivers/report';

/** How many of a team's most recent closed rounds the heatmap reads, and how far back. */
export const HEATMAP_ROUNDS = 4;
export const HEATMAP_DAYS = 90;

/** How a measure's value is written and where it sits on its colour scale. */
export interface HeatmapMeasure {
  key: string;
  label: MessageKey;
  format: 'score' | 'percent' | 'signed';
  /** The values at the two ends of the colour scale (worst, best). */
  min: number;
  max: number;
}

/** The heatmap's columns, in order. */
export const HEATMAP_MEASURES: readonly HeatmapMeasure[] = [
  { key: 'mood', label: 'dashboard.measure.mood', format: 'score', min: 1, max: 10 },
  { key: 'response_rate', label: 'dashboard.measure.response_rate', format: 'percent', min: 0, max: 1 },
  { key: 'enps', label: 'dashboard.measure.enps', format: 'signed', min: -100, max: 100 },
  ...DRIVERS.map((d): HeatmapMeasure => ({ key: d, label: driverNameKey(d), format: 'score', min: 1, max: 10 })),
];

/** What the database knows of one closed round, with nobody's identity in it. */
export interface HeatmapRoundFacts {
  roundId: string;
  /** Distinct respondents to the mood question (the number k is checked against). */
  respondents: number;
  /** The sum of their mood scores. */
  scoreSum: number;
  /** People asked (those away left out). */
  invited: number;
  closesAt: Date;
  /** The driver items the round asked (response question ids) and whether it asked eNPS. */
  driverItems: readonly string[];
  enps: boolean;
  /** The round's driver and eNPS scores, by question (no respondent). */
  scores: readonly ScoreCount[];
}

/** A team and its rounds of the period. */
export interface HeatmapTeamFacts {
  teamId: string;
  channelId: string;
  /** The channel's display name when known (Team.name). */
  name: string | null;
  threshold: number;
  /** The drivers the team switched off. */
  disabledDrivers: readonly string[];
  rounds: HeatmapRoundFacts[];
}

/** One row of the heatmap: a team, or the pooled teams under k. A null value is shown as "–". */
export type HeatmapRow =
  | { kind: 'team'; teamId: string; channelId: string; name: string | null; values: Record<string, number | null> }
  | { kind: 'other'; teams: number; values: Record<string, number | null> };

export interface Heatmap {
  measures: readonly HeatmapMeasure[];
  rows: HeatmapRow[];
  /** The period read: rounds that closed after `from` and at or before `to`. */
  from: Date;
  to: Date;
}

/** A figure rounded to one decimal as pages and exports write it (never −0). */
export const oneDecimal = (v: number): number => Math.round(v * 10) / 10 + 0;
const nulls = (measures: readonly HeatmapMeasure[]): Record<string, number | null> =>
  Object.fromEntries(measures.map((m) => [m.key, null]));

const driverFacts = (r: HeatmapRoundFacts): DriverRoundFacts => ({
  roundId: r.roundId,
  closesAt: r.closesAt,
  driverItems: r.driverItems,
  enps: r.enps,
  scores: r.scores,
  mood: null,
});

/** eNPS and every driver from the drivers report's readings: a figure when shown, null otherwise. */
function driverValuesOf(
  facts: readonly DriverRoundFacts[],
  threshold: number,
  disabled: readonly string[],
): Record<string, number | null> {
  const view = buildDriversView(
    [...facts].sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime()),
    threshold,
    disabled,
  );
  return {
    [ENPS_QUESTION_ID]: view.enps?.kind === 'shown' ? view.enps.score : null,
    ...Object.fromEntries(view.drivers.map((d) => [d.driver, d.state === 'shown' ? oneDecimal(d.score) : null])),
  };
}

/** Mood mean and response rate over rounds (as summaries count them: the rate never above 1). */
function valuesOf(rounds: readonly HeatmapRoundFacts[]): Record<string, number | null> {
  const respondents = rounds.reduce((n, r) => n + r.respondents, 0);
  const asked = rounds.reduce((n, r) => n + Math.max(r.invited, r.respondents), 0);
  const sum = rounds.reduce((n, r) => n + r.scoreSum, 0);
  return {
    mood: respondents === 0 ? null : oneDecimal(sum / respondents),
    response_rate: asked === 0 ? null : Math.min(1, respondents / asked),
  };
}

/** Splits teams into those shown (with only their rounds that met k) and those under k. */
export function splitByThreshold(teams: readonly HeatmapTeamFacts[]): {
  shown: HeatmapTeamFacts[];
  under: HeatmapTeamFacts[];
} {
  const shown: HeatmapTeamFacts[] = [];
  const under: HeatmapTeamFacts[] = [];
  for (const team of teams) {
    const k = clampThreshold(team.threshold);
    const met = team.rounds.filter((r) => r.respondents >= k);
    if (met.length > 0) shown.push({ ...team, rounds: met });
    else if (team.rounds.some((r) => r.respondents > 0)) under.push(team);
  }
  return { shown, under };
}

/**
 * The heatmap from teams' round facts. `pooledRespondents` is the number of distinct people who
 * answered in the under-k teams' rounds (the repository counts them; a person in two teams counts once).
 */
export function buildHeatmap(
  teams: readonly HeatmapTeamFacts[],
  pooledRespondents: number,
  period: { from: Date; to: Date },
  measures: readonly HeatmapMeasure[] = HEATMAP_MEASURES,
): Heatmap {
  const { shown, under } = splitByThreshold(teams);
  const pick = (values: Record<string, number | null>) =>
    Object.fromEntries(measures.map((m) => [m.key, values[m.key] ?? null]));
  const rows: HeatmapRow[] = shown.sort(byTeamLabel).map((t) => ({
    kind: 'team',
    teamId: t.teamId,
    channelId: t.channelId,
    name: t.name,
    values: pick({
      ...valuesOf(t.rounds),
      ...driverValuesOf(t.rounds.map(driverFacts), clampThreshold(t.threshold), t.disabledDrivers),
    }),
  }));
  if (under.length >= 2) {
    const k = Math.max(...under.map((t) => clampThreshold(t.threshold)));
    const rounds = under.flatMap((t) => t.rounds);
    const answers = rounds.reduce((n, r) => n + r.respondents, 0);
    const reached = pooledRespondents >= k && answers >= k;
    // Mood and response rate only: every respondent counted in pooledRespondents answered the mood, so k holds
    // for them; an eNPS or driver item is answered by a subset, and across teams one person can answer the same
    // item twice, so the pool cannot show that k distinct people stand behind it. Those cells stay "–".
    const values = reached ? valuesOf(rounds) : {};
    rows.push({ kind: 'other', teams: under.length, values: reached ? pick(values) : nulls(measures) });
  }
  return { measures, rows, ...period };
}

/** Where a value sits on its measure's colour scale: 0 (worst) to 4 (best); null for no value. */
export function heatLevel(measure: HeatmapMeasure, value: number | null): number | null {
  if (value === null) return null;
  const share = (value - measure.min) / (measure.max - measure.min);
  return Math.max(0, Math.min(4, Math.floor(share * 5)));
}

/**
 * The names the rows are shown under, in order: a team's `#name` (its channel id where no name is known), or
 * "Other teams (n)". Two teams of one name (Teams channels of different teams may share one) get their channel
 * id after it, so that no row reads as another and the image, which groups its rows by label, keeps them apart.
 */
export function heatmapRowLabels(locale: string, rows: readonly HeatmapRow[]): string[] {
  const labels = rows.map((row) =>
    row.kind === 'team' ? teamLabel(row) : translate(locale, 'dashboard.heatmap.other_teams', { count: row.teams }),
  );
  const seen = new Map<string, number>();
  for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
  return rows.map((row, i) =>
    row.kind === 'team' && row.name !== null && seen.get(labels[i]!)! > 1
      ? `${labels[i]} (${row.channelId})`
      : labels[i]!,
  );
}

/** A measure's value as a reader sees it ("7.4", "83%", "+35"); null is the dash. */
export function formatMeasure(locale: string, format: HeatmapMeasure['format'], value: number | null): string {
  if (value === null) return '–';
  if (format === 'percent') return formatPercent(locale, value);
  if (format === 'signed') return `${value > 0 ? '+' : ''}${formatNumber(locale, value)}`;
  return formatNumber(locale, value, 1);
}

/** A kudos someone received, as their own page lists it (kudos are public recognition). */
export interface ReceivedKudos {
  giver: string;
  reason: string | null;
  values: string[];
  givenAt: Date;
}

/** The dashboard's reads. Every figure it returns already obeys k; nothing in it names a respondent. */
export interface DashboardRepository {
  /** The workspace's heatmap over the period ending at `now` (see the decisions above). */
  heatmap(workspaceId: string, now: Date, measures?: readonly HeatmapMeasure[]): Promise<Heatmap>;
  /** The team's "you said, we did" actions: open ones, and those done since `since`, newest first. */
  listActions(teamId: string, since: Date): Promise<TeamAction[]>;
  /** Live kudos the person received since `since`, newest first, at most `limit`. */
  listKudosReceived(workspaceId: string, recipient: string, since: Date, limit: number): Promise<ReceivedKudos[]>;
}
