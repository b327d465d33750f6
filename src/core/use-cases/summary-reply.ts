/**
 * `/pulse summary`'s reply as a manager waits for it: the last closed rounds' summaries, each with its message
 * parts, and the chart's trend, read in two waits after the caller's context (the rounds, then everything they
 * need at once) instead of one chain of reads per summary.
 */
import { DEFAULT_SYMMETRY_ROUNDS } from '../commands/limits';
import type { SummaryMessage } from '../messages';
import type { Round, Team } from '../model';
import type { SymmetryView } from '../symmetry';
import type { WebDeps } from './deps';
import type { DriverRoundFacts } from '../drivers/report';
import { askedDriversOf, DRIVER_ROUNDS, driverRoundsOf, driverScoresOf, driversViewOf } from './drivers';
import { moodFactsOf, newestUpTo, roundFactsOf, signalDaysOf, symmetryOf } from './round-history';
import { composeSummaryMessage, summariesOf } from './summaries';

export interface SummaryReply {
  /** Newest first; empty when the team has no closed round. */
  messages: SummaryMessage[];
  /** The trend the reply's chart draws: the last `max(count, 8)` rounds closed by `requestedAt`. */
  chartView: SymmetryView;
}

/** The distinct rounds of these lists, each once. */
function distinct(lists: ReadonlyArray<readonly Round[]>): Round[] {
  return [...new Map(lists.flat().map((r) => [r.id, r])).values()];
}

/** A summary's drivers section from the scores of its year, read beforehand; nothing when its round asked none. */
function driversSection(
  team: Team,
  round: Round,
  year: readonly Round[],
  scores: ReadonlyMap<string, DriverRoundFacts['scores']>,
): Pick<SummaryMessage, 'drivers'> {
  const asked = askedDriversOf(round);
  return asked ? { drivers: { view: driversViewOf(team, year, scores), asked } } : {};
}

/**
 * The summaries of the team's last `count` closed rounds as messages (newest first, each beside the round before it)
 * and the chart's trend. The same figures as `recentSummaries`, `summaryMessage` and `commandChartView` give one by one.
 */
export async function summaryReply(
  deps: WebDeps,
  team: Team,
  count: number,
  requestedAt: Date,
  options: { forManager?: boolean } = {},
): Promise<SummaryReply> {
  const chartCount = Math.max(count, DEFAULT_SYMMETRY_ROUNDS);
  // Every round any part reads: the newest `count` and the one before each, the chart's, 8 up to each summary's and
  // the drivers' year up to each summary's (the same rounds, or more, that each part would list on its own).
  const closed = await deps.repos.rounds.listClosed(team.id, count + Math.max(chartCount, DRIVER_ROUNDS) + 20);
  const newest = closed.slice(0, count);
  const summarized = closed.slice(0, count + 1);
  const chartRounds = newestUpTo(closed, chartCount, requestedAt);
  const trends = newest.map((r) => newestUpTo(closed, DEFAULT_SYMMETRY_ROUNDS, r.closesAt));
  const trended = distinct([chartRounds, ...trends]);
  // Only a round that asked drivers or eNPS has a drivers section.
  const driverYears = newest.map((r) => (askedDriversOf(r) ? driverRoundsOf(closed, r.closesAt) : []));
  const days = signalDaysOf(trended);
  const ids = (rounds: readonly Round[]) => rounds.map((r) => r.id);
  const [counts, answers, scores, signals, actions, threads, driverScores] = await Promise.all([
    deps.repos.deliveries.countForRounds(ids(distinct([summarized, trended]))),
    deps.repos.answers.listForRounds(ids(summarized)),
    deps.repos.answers.listMoodScores(ids(trended)),
    days ? deps.repos.signals.listForTeam(team.id, days.from, days.to) : Promise.resolve([]),
    deps.repos.actions.listOpen(team.id),
    // Read for every summarized round at once; a summary under k shows none of them, nor drivers (composeSummaryMessage).
    deps.repos.threads.listForRounds(ids(newest)),
    driverScoresOf(deps, distinct(driverYears)),
  ]);
  const summaries = summariesOf(team, summarized, roundFactsOf(summarized, counts, answers), count);
  // The chart's trend and the newest summary's are usually the same rounds: built once then.
  const built = new Map<string, SymmetryView>();
  const trendOf = (rounds: readonly Round[]): SymmetryView => {
    const key = ids(rounds).join();
    const view = built.get(key) ?? symmetryOf(team, rounds, moodFactsOf(rounds, counts, scores), signals);
    built.set(key, view);
    return view;
  };
  const messages = summaries.map((summary, i) =>
    composeSummaryMessage(
      team,
      summary,
      {
        actions,
        symmetry: trendOf(trends[i]!),
        threads: threads.filter((t) => t.roundId === summary.roundId),
        drivers: driversSection(team, newest[i]!, driverYears[i]!, driverScores),
      },
      options,
    ),
  );
  return { messages, chartView: trendOf(chartRounds) };
}
