/** Drivers and eNPS as managers see them: read from the team's closed rounds, under the threshold k. */
import { driverOfQuestion, type DriverId } from '../drivers/bank';
import { buildDriversView, type DriverRoundFacts, type DriversView } from '../drivers/report';
import { MOOD_QUESTION_ID, type Round, type RoundTally, type Team } from '../model';
import type { SummaryMessage } from '../messages';
import type { WebDeps } from './deps';
import { newestUpTo } from './round-history';

/** Closed rounds the drivers view reads: a year of weekly rounds. */
export const DRIVER_ROUNDS = 52;

/** The round's mood average when at least k people gave it a score; null under k. */
function moodOf(scores: DriverRoundFacts['scores'], threshold: number): number | null {
  let n = 0;
  let sum = 0;
  for (const s of scores)
    if (s.questionId === MOOD_QUESTION_ID && s.score !== null && s.score >= 1 && s.score <= 10 && s.n > 0) {
      n += s.n;
      sum += s.score * s.n;
    }
  return n >= threshold && n > 0 ? sum / n : null;
}

/** The rounds a drivers view reads from `closed` (newest first): the last DRIVER_ROUNDS closing by `upTo`, oldest first. */
export function driverRoundsOf(closed: readonly Round[], upTo?: Date): Round[] {
  return newestUpTo(closed, DRIVER_ROUNDS, upTo).reverse();
}

/** The drivers view of these rounds (oldest first) from their scores, read beforehand. */
export function driversViewOf(
  team: Team,
  rounds: readonly Round[],
  scores: ReadonlyMap<string, DriverRoundFacts['scores']>,
): DriversView {
  const threshold = team.settings.threshold;
  const facts = rounds.map((round): DriverRoundFacts => {
    const given = scores.get(round.id) ?? [];
    return {
      roundId: round.id,
      closesAt: round.closesAt,
      driverItems: round.driverItems,
      enps: round.enps,
      scores: given,
      mood: moodOf(given, threshold),
    };
  });
  return buildDriversView(facts, threshold, team.settings.disabledDrivers);
}

type RoundScores = Map<string, DriverRoundFacts['scores']>;

/** The scores a round's tally counted. */
function scoresOfTally(tally: RoundTally): DriverRoundFacts['scores'] {
  return tally.scores.map((h) => ({ questionId: h.q, score: h.s, n: h.n }));
}

/**
 * The scores of these closed rounds: from the tally each one's close wrote (already in hand: no query), and for a
 * round closed without one, from its answers (one query for all of them, only when there is such a round).
 */
export async function driverScoresOf(deps: Pick<WebDeps, 'repos'>, rounds: readonly Round[]): Promise<RoundScores> {
  const scores: RoundScores = new Map();
  const untallied: string[] = [];
  for (const round of rounds) {
    if (round.tally) scores.set(round.id, scoresOfTally(round.tally));
    else untallied.push(round.id);
  }
  if (untallied.length > 0)
    for (const [id, given] of await deps.repos.answers.listScores(untallied)) scores.set(id, given);
  return scores;
}

/** The team's drivers view from its last DRIVER_ROUNDS closed rounds (up to the one closing at `upTo`, when given). */
export async function loadDriversView(deps: Pick<WebDeps, 'repos'>, team: Team, upTo?: Date): Promise<DriversView> {
  const closed = await deps.repos.rounds.listClosed(team.id, DRIVER_ROUNDS + (upTo ? 20 : 0));
  const rounds = driverRoundsOf(closed, upTo);
  return driversViewOf(team, rounds, await driverScoresOf(deps, rounds));
}

/** The drivers a round asked, when it asked any driver or eNPS; null when its summary has no drivers section. */
export function askedDriversOf(round: Round | null): DriverId[] | null {
  if (!round || (round.driverItems.length === 0 && !round.enps)) return null;
  return [...new Set(round.driverItems.map(driverOfQuestion))].filter((d): d is DriverId => d !== null);
}

/** The drivers section of a round's summary, or nothing when the round asked no driver and no eNPS (or was withheld). */
export async function summaryDrivers(
  deps: WebDeps,
  team: Team,
  round: Round | null,
): Promise<Pick<SummaryMessage, 'drivers'>> {
  const asked = askedDriversOf(round);
  if (!round || !asked) return {};
  return { drivers: { view: await loadDriversView(deps, team, round.closesAt), asked } };
}
