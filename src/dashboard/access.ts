/** Who may see which team on the dashboard, and the record of who opened which team's page. */
import type { Clock } from '../core/clock';
import type { Repositories } from '../core/ports';
import type { Viewer } from './viewer';

/**
 * True when the viewer may see this team's page or export: an org admin any team of their own workspace, a
 * manager the teams they manage, nobody else. An unknown team, or a team of another workspace, is false.
 */
export async function canViewTeam(
  repos: Pick<Repositories, 'teams'>,
  viewer: Viewer,
  teamId: string,
): Promise<boolean> {
  const team = await repos.teams.findById(teamId);
  if (!team || team.workspaceId !== viewer.workspaceId) return false;
  return viewer.isOrgAdmin || team.managers.includes(viewer.userId);
}

/** True when the viewer may see the organisation-wide pages (the heatmap and its export): org admins only. */
export function canViewOrg(viewer: Viewer): boolean {
  return viewer.isOrgAdmin;
}

/** Records that the viewer opened a page (`view`, e.g. `team` or `team.csv`) about a team (null: the whole org); never what it showed. */
export async function auditTeamView(
  repos: Pick<Repositories, 'dashboardAudit'>,
  clock: Clock,
  viewer: Viewer,
  teamId: string | null,
  view: string,
): Promise<void> {
  await repos.dashboardAudit.record({
    workspaceId: viewer.workspaceId,
    viewerUserId: viewer.userId,
    teamId,
    view,
    at: clock.now(),
  });
}
