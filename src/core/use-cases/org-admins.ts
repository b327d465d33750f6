/**
 * `/pulse config admins`: who, besides the workspace's admins and owners, is an org admin (sees every team on the
 * dashboard). Anyone may see the list; only a workspace admin or an org admin may change it.
 */
import type { CommandContext } from '../commands/pulse/subcommand';
import type { CommandOf } from '../commands/pulse/command';
import type { WebDeps } from './deps';
import type { Reply } from './reply';

const mention = (id: string) => `<@${id}>`;

/** True for the workspace's admins and owners (as the platform says) and its named org admins. */
export async function isOrgAdmin(deps: WebDeps, ctx: CommandContext, userId: string): Promise<boolean> {
  if (await deps.repos.orgAdmins.isNamed(ctx.workspace.id, userId)) return true;
  const member = await deps.repos.members.findByPlatformId(ctx.workspace.id, userId);
  if (member?.isAdmin) return true;
  const profile = await deps.directory?.getUser(ctx.workspace, userId).catch(() => null);
  return Boolean(profile?.isAdmin && !profile.deleted);
}

/** Lists, adds or removes named org admins; a caller who may not change the list is told so and nothing changes. */
export async function runOrgAdmins(
  deps: WebDeps,
  ctx: CommandContext,
  command: CommandOf<'config-admins'>,
): Promise<Reply> {
  if (command.op !== 'list') {
    if (!(await isOrgAdmin(deps, ctx, ctx.input.userId))) return { key: 'admins.not_allowed' };
    if (command.op === 'add') await deps.repos.orgAdmins.add(ctx.workspace.id, command.users, ctx.input.userId);
    else await deps.repos.orgAdmins.remove(ctx.workspace.id, command.users);
  }
  const named = await deps.repos.orgAdmins.list(ctx.workspace.id);
  return named.length === 0
    ? { key: 'admins.list_none' }
    : { key: 'admins.list', params: { admins: named.map(mention).join(', ') } };
}
