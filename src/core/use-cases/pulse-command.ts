/** `/pulse`: what a person typed, looked up in the subcommand registry, checked and run. Replies are catalog keys. */
import { cleanChannelName } from '../channel-name';
import { mayManage } from '../commands/pulse/access';
import type { CommandContext } from '../commands/pulse/subcommand';
import { readPulseCommand, readPulseTokens } from '../commands/pulse-parser';
import { isSymmetryError } from '../errors';
import type { Member, Team, Workspace } from '../model';
import type { WebDeps } from './deps';
import type { CommandInput, Reply } from './reply';
import { resolveLocale } from '../i18n';
import { formatDate, formatDateTime } from '../i18n/format';
import { effectiveTimeZone } from '../schedule';

/** The team a caller manages, when there is exactly one (a 1:1 chat names no channel). */
async function onlyManagedTeam(deps: WebDeps, workspace: Workspace, userId: string): Promise<Team | null> {
  const managed = await deps.repos.teams.listManagedBy(workspace.id, userId);
  return managed.length === 1 ? managed[0]! : null;
}

/**
 * Keeps the team's name as its channel's name now, when the command came with one and it changed (a write only
 * then). Any command in the channel may: the name is what the platform says, not what the caller typed.
 */
async function refreshTeamName(deps: WebDeps, team: Team, input: CommandInput): Promise<Team> {
  const name = input.direct ? null : cleanChannelName(input.channelName);
  if (name === null || name === team.name) return team;
  await deps.repos.teams.setName(team.id, name);
  return { ...team, name };
}

/**
 * The caller's workspace (created on its first command), their member row and the channel's team: one read for a
 * workspace already known, as nearly every command's is.
 */
async function callerContext(
  deps: WebDeps,
  input: CommandInput,
): Promise<{ workspace: Workspace; member: Member | null; team: Team | null }> {
  const known = await deps.repos.workspaces.findForCommand(
    input.platform,
    input.workspaceExternalId,
    input.userId,
    input.channelId,
  );
  if (known) return known;
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const [member, team] = await Promise.all([
    deps.repos.members.findByPlatformId(workspace.id, input.userId),
    deps.repos.teams.findByChannel(workspace.id, input.channelId),
  ]);
  return { workspace, member, team };
}

/** Runs one `/pulse` command for the caller and says what happened. Never throws for user error. */
export async function runPulseCommand(deps: WebDeps, input: CommandInput): Promise<Reply> {
  let locale = 'en';
  try {
    const { workspace, member, team: foundTeam } = await callerContext(deps, input);
    const channelTeam = foundTeam && (await refreshTeamName(deps, foundTeam, input));
    locale = resolveLocale(input.locale, member?.locale, channelTeam?.settings.language);
    // Dates in replies are the caller's: their own time zone when known, else the channel team's, else UTC.
    const timeZone = effectiveTimeZone(member?.timezone ?? null, channelTeam?.settings.timezone ?? 'UTC');
    const dates = {
      formatDateTime: (d: Date) => formatDateTime(locale, d, timeZone),
      formatDate: (d: Date) => formatDate(locale, d, timeZone),
    };
    return { ...(await dispatch(deps, { input, workspace, locale, ...dates }, channelTeam)), locale };
  } catch (err) {
    if (isSymmetryError(err, 'queue_unavailable')) return { key: 'error.queue_unavailable', locale };
    throw err;
  }
}

/** Parses one command and runs it once the caller may: a team's commands need the team and one of its managers. */
async function dispatch(deps: WebDeps, ctx: CommandContext, channelTeam: Team | null): Promise<Reply> {
  const { input, workspace } = ctx;
  const read = input.tokens ? readPulseTokens(input.tokens) : readPulseCommand(input.text);
  if (!read.ok) return { key: read.error.key, params: read.error.params };
  const invocation = read.invocation;
  if (invocation.access !== 'manager') return await invocation.run(deps, ctx);
  const team = channelTeam ?? (input.direct ? await onlyManagedTeam(deps, workspace, input.userId) : null);
  if (!team) return { key: 'pulse.not_a_team' };
  if (!(await mayManage(deps, ctx, team))) return { key: 'pulse.not_manager' };
  return await invocation.run(deps, ctx, team);
}
