/** What the dashboard's team page and "my page" show, read under the same rules as summaries and `/pulse mine`. */
import { byTeamLabel } from '../channel-name';
import { HEATMAP_DAYS, type ReceivedKudos } from '../dashboard';
import type { DriversView } from '../drivers/report';
import type { OwnAnswer } from '../messages';
import type { Team, TeamAction } from '../model';
import type { SymmetryView } from '../symmetry';
import { clampThreshold } from '../summary';
import type { WebDeps } from './deps';
import { loadDriversView } from './drivers';
import { loadSymmetry } from './round-history';
import { ownAnswers } from './summaries';

/** How many closed rounds the team page's trend shows. */
export const TEAM_PAGE_ROUNDS = 12;

export interface TeamPageData {
  team: Pick<Team, 'id' | 'channelId' | 'name'>;
  /** The team's k as enforced. */
  threshold: number;
  /** Mood, response rate and customer figures per round, oldest first; k already applied. */
  symmetry: SymmetryView;
  /** Drivers, focus areas and eNPS exactly as `/pulse drivers` reads them (k per item, per driver and for eNPS). */
  drivers: DriversView;
  actions: TeamAction[];
  /** Comments of the rounds shown at or above k that no manager has answered; null when no round is shown. */
  unansweredComments: number | null;
}

/** The team page's data at `now`. */
export async function loadTeamPage(deps: Pick<WebDeps, 'repos'>, team: Team, now: Date): Promise<TeamPageData> {
  const since = new Date(now.getTime() - HEATMAP_DAYS * 86_400_000);
  const [symmetry, drivers, actions] = await Promise.all([
    loadSymmetry(deps, team, TEAM_PAGE_ROUNDS, now),
    loadDriversView(deps, team),
    deps.repos.dashboard.listActions(team.id, since),
  ]);
  // Only rounds shown at or above k say anything of their comments (as summaries do); their text never leaves here.
  const shown = symmetry.rounds.filter((r) => r.mood !== null).map((r) => r.roundId);
  const threads = shown.length === 0 ? [] : await deps.repos.threads.listForRounds(shown);
  return {
    team: { id: team.id, channelId: team.channelId, name: team.name },
    threshold: clampThreshold(team.settings.threshold),
    symmetry,
    drivers,
    actions,
    unansweredComments: shown.length === 0 ? null : threads.filter((t) => !t.replies.some((r) => !r.fromAuthor)).length,
  };
}

export interface MyPageData {
  answers: OwnAnswer[];
  kudos: ReceivedKudos[];
  /** The teams the viewer manages (whose pages they may open), by name. */
  managedTeams: Array<Pick<Team, 'id' | 'channelId' | 'name'>>;
}

/** The teams a person manages in the workspace, by name: exactly those whose pages canViewTeam lets a manager see. */
export async function listManagedTeams(
  deps: Pick<WebDeps, 'repos'>,
  workspaceId: string,
  platformUserId: string,
): Promise<MyPageData['managedTeams']> {
  const teams = await deps.repos.teams.listManagedBy(workspaceId, platformUserId);
  return teams.map((team) => ({ id: team.id, channelId: team.channelId, name: team.name })).sort(byTeamLabel);
}

/** The viewer's own recent answers (through their keyed hash, as `/pulse mine`), the kudos they received, the teams they manage. */
export async function loadMyPage(
  deps: Pick<WebDeps, 'repos' | 'clock' | 'anonymitySecret'>,
  workspaceId: string,
  platformUserId: string,
): Promise<MyPageData> {
  const since = new Date(deps.clock.now().getTime() - HEATMAP_DAYS * 86_400_000);
  const member = await deps.repos.members.findByPlatformId(workspaceId, platformUserId);
  const [answers, kudos, managedTeams] = await Promise.all([
    member ? ownAnswers(deps, member, 12) : Promise.resolve([]),
    deps.repos.dashboard.listKudosReceived(workspaceId, platformUserId, since, 50),
    listManagedTeams(deps, workspaceId, platformUserId),
  ]);
  return { answers, kudos, managedTeams };
}
