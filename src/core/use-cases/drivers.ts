/** Drivers and eNPS as managers see them: read from the team's closed rounds, under the threshold k. */
import { driverOfQuestion, type DriverId } from '../drivers/bank';
import { buildDriversView, type DriverRoundFacts, type DriversView } from '../drivers/report';
import { MOOD_QUESTION_ID, type Round, type Team } from '../model';
import type { SummaryMessage } from '../messages';
import type { WebDeps } from './deps';

/** Closed rounds the drivers view reads: a year of weekly rounds. */
export const DRIVER_ROUNDS = 52;

/** The round's mood average when at least k people gave it a score; null under k. */
function moodOf(scores: DriverRoundFacts['scores'], threshold: number): number | null {
  const mood = scores.flatMap((s) =>
    s.questionId === MOOD_QUESTION_ID && s.score !== null && s.score >= 1 && s.score <= 10 ? [s.score] : [],
  );
  return mood.length >= threshold && mood.length > 0 ? mood.reduce((a, b) => a + b, 0) / mood.length : null;
}

/** The team's drivers view from its last DRIVER_ROUNDS closed rounds (up to the one closing at `upTo`, when given). */
export async function loadDriversView(deps: Pick<WebDeps, 'repos'>, team: Team, upTo?: Date): Promise<DriversView> {
  const closed = await deps.repos.rounds.listClosed(team.id, DRIVER_ROUNDS + (upTo ? 20 : 0));
  const rounds = closed
    .filter((r) => !upTo || r.closesAt.getTime() <= upTo.getTime())
    .slice(0, DRIVER_ROUNDS)
    .reverse();
  const answers = await deps.repos.answers.listForRounds(rounds.map((r) => r.id));
  const threshold = team.settings.threshold;
  const facts = rounds.map((round: Round): DriverRoundFacts => {
    const scores = (answers.get(round.id)?.answers ?? []).map((a) => ({ questionId: a.questionId, score: a.score }));
    return {
      roundId: round.id,
      closesAt: round.closesAt,
      driverItems: round.driverItems,
      enps: round.enps,
      scores,
      mood: moodOf(scores, threshold),
    };
  });
  return buildDriversView(facts, threshold, team.settings.disabledDrivers);
}

/** The drivers section of a round's summary, or nothing when the round asked no driver and no eNPS (or was withheld). */
export async function summaryDrivers(
  deps: WebDeps,
  team: Team,
  round: Round | null,
): Promise<Pick<SummaryMessage, 'drivers'>> {
  if (!round || (round.driverItems.length === 0 && !round.enps)) return {};
  const asked = [...new Set(round.driverItems.map(driverOfQuestion))].filter((d): d is DriverId => d !== null);
  return { drivers: { view: await loadDriversView(deps, team, round.closesAt), asked } };
}
