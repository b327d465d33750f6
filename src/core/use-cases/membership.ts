/** Who is on a team: the channel's human, active members, kept in step with joins and leaves. */
import type { UserProfile, Workspace } from '../model';
import type { Messenger } from '../ports';
import type { WorkerDeps } from './deps';

/** A person who can be asked: not a bot, not deactivated. */
export function isAskable(profile: UserProfile): boolean {
  return !profile.isBot && !profile.deleted;
}

/** The profiles of these users: in one directory read where the platform has one, else one by one. */
export async function readProfiles(
  messenger: Pick<Messenger, 'getUser' | 'getUsers'>,
  workspace: Workspace,
  ids: readonly string[],
): Promise<UserProfile[]> {
  if (messenger.getUsers) return messenger.getUsers(workspace, ids);
  const profiles: UserProfile[] = [];
  for (const id of ids) profiles.push(await messenger.getUser(workspace, id));
  return profiles;
}

/** Reads the team's channel from the platform and makes its human members the team. */
export async function syncTeam(deps: WorkerDeps, teamId: string): Promise<{ members: number } | null> {
  const team = await deps.repos.teams.findById(teamId);
  if (!team) return null;
  const workspace = await deps.repos.workspaces.findById(team.workspaceId);
  if (!workspace) return null;
  const ids = await deps.messenger.listChannelMembers(workspace, team.channelId);
  const profiles = await readProfiles(deps.messenger, workspace, ids);
  const humans = profiles.filter(isAskable);
  const members = await deps.repos.members.upsertMany(workspace.id, humans);
  await deps.repos.teams.replaceMembers(
    teamId,
    members.map((m) => m.id),
  );
  deps.logger.info({ teamId, members: members.length }, 'team synced');
  return { members: members.length };
}

/** Applies one join or leave of the team's channel. */
export async function syncMember(
  deps: WorkerDeps,
  input: { teamId: string; platformUserId: string; change: 'joined' | 'left' },
): Promise<void> {
  const team = await deps.repos.teams.findById(input.teamId);
  if (!team) return;
  const workspace = await deps.repos.workspaces.findById(team.workspaceId);
  if (!workspace) return;
  if (input.change === 'left') {
    const member = await deps.repos.members.findByPlatformId(workspace.id, input.platformUserId);
    if (member) await deps.repos.teams.removeMember(team.id, member.id);
    return;
  }
  const profile = await deps.messenger.getUser(workspace, input.platformUserId);
  if (!isAskable(profile)) return;
  const [member] = await deps.repos.members.upsertMany(workspace.id, [profile]);
  if (member) await deps.repos.teams.addMember(team.id, member.id);
}
