/** What a new round asks: the team's custom questions, the rotation's driver items and, once a quarter, eNPS. */
import type { RoundKind, Team } from '../model';
import type { Question } from '../model';
import { quarterBounds, quarterOf, roundDriverItems, ROTATION_HISTORY } from '../drivers/rotation';
import type { WorkerDeps } from './deps';

export interface RoundQuestions {
  questions: Question[];
  driverItems: string[];
  enps: boolean;
}

/**
 * The questions of the team's round `period` if it were opened now. eNPS goes with the first scheduled
 * round of each calendar quarter (a scheduled period is the slot's local date); manual rounds never ask it.
 * Only used when the round is created: an existing round keeps what it asked.
 */
export async function roundQuestions(
  deps: WorkerDeps,
  team: Team,
  period: string,
  kind: RoundKind,
): Promise<RoundQuestions> {
  const scheduled = kind === 'scheduled';
  const quarter = quarterBounds(quarterOf(scheduled ? period : '0000-01-01'));
  const [questions, facts] = await Promise.all([
    deps.repos.questions.listActive(team.id),
    deps.repos.rounds.bankFacts(team.id, quarter, ROTATION_HISTORY),
  ]);
  return {
    questions,
    driverItems: roundDriverItems(team.id, facts.recentDriverItems, team.settings.disabledDrivers),
    enps: scheduled && !facts.enpsAsked,
  };
}
