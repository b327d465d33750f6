/**
 * A team's closed rounds as the trends and summaries read them: each round's facts (without anyone's
 * identity) and the mood beside customer figures, in as few queries as the rounds allow.
 */
import type { Round, Team } from '../model';
import { MOOD_QUESTION_ID } from '../model';
import type { DeliveryCounts, RoundAnswers } from '../ports';
import type { CustomerSignal } from '../signals';
import type { RoundFacts } from '../summary';
import { buildSymmetry, firstDayOf, type SymmetryView } from '../symmetry';
import type { WebDeps } from './deps';

/** What the database knows of each round, without anyone's identity: three queries however many rounds. */
export async function loadRoundFacts(deps: WebDeps, rounds: readonly Round[]): Promise<RoundFacts[]> {
  const ids = rounds.map((r) => r.id);
  const [counts, answers] = await Promise.all([
    deps.repos.deliveries.countForRounds(ids),
    deps.repos.answers.listForRounds(ids),
  ]);
  return roundFactsOf(rounds, counts, answers);
}

/** Each round's facts from its delivery counts and its answers, read beforehand (a round missing from them has none). */
export function roundFactsOf(
  rounds: readonly Round[],
  counts: ReadonlyMap<string, DeliveryCounts>,
  answers: ReadonlyMap<string, RoundAnswers>,
): RoundFacts[] {
  return rounds.map((round) => ({
    roundId: round.id,
    period: round.period,
    closesAt: round.closesAt,
    invited: counts.get(round.id)?.total ?? 0,
    away: counts.get(round.id)?.away ?? 0,
    responses: answers.get(round.id)?.answers ?? [],
    respondents: answers.get(round.id)?.respondents ?? 0,
  }));
}

/**
 * The facts a trend needs, in two queries however many rounds: counts and the mood scores only
 * (one per respondent, so their number is the respondents), no comments and no other question.
 */
export async function loadMoodFacts(deps: Pick<WebDeps, 'repos'>, rounds: readonly Round[]): Promise<RoundFacts[]> {
  const ids = rounds.map((r) => r.id);
  const [counts, scores] = await Promise.all([
    deps.repos.deliveries.countForRounds(ids),
    deps.repos.answers.listMoodScores(ids),
  ]);
  return moodFactsOf(rounds, counts, scores);
}

/** Each round's trend facts from its delivery counts and its mood scores, read beforehand. */
export function moodFactsOf(
  rounds: readonly Round[],
  counts: ReadonlyMap<string, DeliveryCounts>,
  scores: ReadonlyMap<string, readonly number[]>,
): RoundFacts[] {
  // One mood score per respondent: their number is the respondents.
  const answers = new Map<string, RoundAnswers>(
    [...scores].map(([id, mood]) => [
      id,
      {
        answers: mood.map((score) => ({ questionId: MOOD_QUESTION_ID, score, comment: null })),
        respondents: mood.length,
      },
    ]),
  );
  return roundFactsOf(rounds, counts, answers);
}

/** The `count` newest of `closed` (newest first) that close at or before `upTo` (any, without it). */
export function newestUpTo(closed: readonly Round[], count: number, upTo?: Date): Round[] {
  return closed.filter((r) => !upTo || r.closesAt.getTime() <= upTo.getTime()).slice(0, count);
}

/** The days customer figures are read for beside these rounds: from the first one's opening to the last one's close. */
export function signalDaysOf(rounds: readonly Round[]): { from: string; to: string } | null {
  const from = firstDayOf(rounds);
  if (!from) return null;
  const to = rounds
    .reduce((max, r) => (r.closesAt > max ? r.closesAt : max), new Date(0))
    .toISOString()
    .slice(0, 10);
  return { from, to };
}

/** The symmetry view of these rounds from their trend facts and the team's customer figures (those outside the rounds' days are left out). */
export function symmetryOf(
  team: Team,
  rounds: readonly Round[],
  facts: readonly RoundFacts[],
  signals: readonly CustomerSignal[],
): SymmetryView {
  const days = signalDaysOf(rounds);
  return buildSymmetry(
    facts.map((f, i) => ({ facts: f, opensAt: rounds[i]!.opensAt })),
    days ? signals.filter((s) => s.day >= days.from && s.day <= days.to) : [],
    team.settings.threshold,
    team.settings.symmetryLag,
  );
}

/**
 * Team mood beside customer CSAT/NPS over the team's last `count` closed rounds (up to the round
 * closing at `upTo`, when given), oldest first; the threshold k applies to every mood.
 */
export async function loadSymmetry(
  deps: Pick<WebDeps, 'repos'>,
  team: Team,
  count: number,
  upTo?: Date,
): Promise<SymmetryView> {
  const rounds = newestUpTo(await deps.repos.rounds.listClosed(team.id, upTo ? count + 20 : count), count, upTo);
  // The customer figures' days follow from the rounds alone: read them beside the moods, not after.
  const days = signalDaysOf(rounds);
  const [facts, signals] = await Promise.all([
    loadMoodFacts(deps, rounds),
    days ? deps.repos.signals.listForTeam(team.id, days.from, days.to) : Promise.resolve([]),
  ]);
  return symmetryOf(team, rounds, facts, signals);
}
