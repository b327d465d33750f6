/** Who manages a team: the check behind every `manager` subcommand, and behind `setup` on an existing team. */
import type { Team } from '../../model';
import type { WebDeps } from '../../use-cases/deps';
import type { CommandContext } from './subcommand';

/** True for the team's managers and the workspace's admins; nobody else may run the team. */
export async function mayManage(deps: WebDeps, ctx: CommandContext, team: Team): Promise<boolean> {
  if (team.managers.includes(ctx.input.userId)) return true;
  const member = await deps.repos.members.findByPlatformId(ctx.workspace.id, ctx.input.userId);
  if (member) return member.isAdmin;
  // Someone we have never seen (not on any team) may still be a workspace admin: ask the platform.
  const profile = await deps.directory?.getUser(ctx.workspace, ctx.input.userId).catch(() => null);
  return Boolean(profile?.isAdmin && !profile.deleted);
}
