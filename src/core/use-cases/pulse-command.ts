/** `/pulse`: what a manager typed, checked and turned into changes or jobs. Replies are catalog keys. */
import { parsePulseCommand, parsePulseTokens, type PulseCommand } from '../commands/pulse-parser';
import type { Token } from '../commands/mentions';
import { isSymmetryError } from '../errors';
import type { MessageKey, MessageParams } from '../i18n';
import type { OutboundMessage } from '../messages';
import type { Platform, Team, Workspace } from '../model';
import { DEFAULT_TEAM_SETTINGS } from '../model';
import { effectiveTimeZone, scheduleDaysOutsideWorkdays } from '../schedule';
import { formatDate, formatDateTime } from '../i18n/format';
import type { SymmetryView } from '../symmetry';
import type { WebDeps } from './deps';
import { manualPeriod } from './checkins';
import { commandChartView, requestCommandChart } from './charts';
import { ownAnswers, recentSummaries, summaryMessage } from './summaries';
import { addAction, askQuestion, completeAction, listQuestions, setConfig, showConfig, showKudosConfig, unaskQuestion } from './team-admin';
import { kudosLeaderboard } from './kudos';
import { forgetMe, requestExport } from './privacy';
import { resolveLocale, translate } from '../i18n';

/** A reply shown only to the person who ran the command, with optional rich messages under it. */
export interface Reply {
  key: MessageKey;
  params?: MessageParams;
  /** The language to answer in (the caller's; English when unknown). */
  locale?: string;
  messages?: OutboundMessage[];
  /** A second sentence after the first (e.g. that a chart is on its way to the caller's DM). */
  note?: MessageKey;
}

export interface CommandInput {
  platform: Platform;
  workspaceExternalId: string;
  channelId: string;
  userId: string;
  text: string;
  /** The text already split by the platform's own tokenizer (Teams); when set, `text` is not parsed. */
  tokens?: readonly Token[];
  /**
   * Typed in a 1:1 chat with the bot (Teams), where no team lives: team commands then act on the one
   * team the caller manages, and `setup` is refused (a team is a channel).
   */
  direct?: boolean;
}

interface CommandContext {
  input: CommandInput;
  workspace: Workspace;
  /** The caller's language: their own locale, else the team's, else English. */
  locale: string;
  /** The caller's own time zone when known, else the channel team's default, else UTC: dates in replies are theirs. */
  timeZone: string;
}

/** Team managers and workspace admins may run a team; nobody else. */
async function mayManage(deps: WebDeps, ctx: CommandContext, team: Team): Promise<boolean> {
  if (team.managers.includes(ctx.input.userId)) return true;
  const member = await deps.repos.members.findByPlatformId(ctx.workspace.id, ctx.input.userId);
  if (member) return member.isAdmin;
  // Someone we have never seen (not on any team) may still be a workspace admin: ask the platform.
  const profile = await deps.directory?.getUser(ctx.workspace, ctx.input.userId).catch(() => null);
  return Boolean(profile?.isAdmin && !profile.deleted);
}

/** A day and time as the check-in DMs show them: in the caller's language and time zone ("ven. 11 déc. à 19:00"). */
function readerDateTime(ctx: CommandContext, d: Date): string {
  return formatDateTime(ctx.locale, d, ctx.timeZone);
}

async function setup(deps: WebDeps, ctx: CommandContext): Promise<Reply> {
  const { team, created } = await deps.repos.teams.ensure({
    workspaceId: ctx.workspace.id,
    channelId: ctx.input.channelId,
    managers: [ctx.input.userId],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  if (!created && !(await mayManage(deps, ctx, team))) return { key: 'pulse.not_manager' };
  await deps.queue.enqueue('sync-team', { teamId: team.id });
  if (created) return { key: 'pulse.setup_started' };
  return { key: 'pulse.setup_exists', params: { managers: team.managers.map((m) => `<@${m}>`).join(', ') } };
}

/** A member may always see their own answers, and only their own. */
async function mine(deps: WebDeps, ctx: CommandContext): Promise<Reply> {
  const member = await deps.repos.members.findByPlatformId(ctx.workspace.id, ctx.input.userId);
  const answers = member ? await ownAnswers(deps, member) : [];
  if (answers.length === 0) return { key: 'mine.none' };
  const list = answers
    .map((a) => `• ${formatDate(ctx.locale, a.closesAt, ctx.timeZone)}: ${a.score ?? '–'}${a.commented ? ' 💬' : ''}${a.open ? ' (open)' : ''}`)
    .join('\n');
  return { key: 'mine.list', params: { list } };
}

type TeamCommand = Exclude<PulseCommand, { type: 'help' } | { type: 'setup' } | { type: 'mine' } | { type: 'kudos' } | { type: 'forget-me' }>;

async function runTeamCommand(deps: WebDeps, ctx: CommandContext, team: Team, command: TeamCommand): Promise<Reply> {
  switch (command.type) {
    case 'schedule': {
      const outside = scheduleDaysOutsideWorkdays(command, team.settings.workdays);
      if (outside[0]) {
        return { key: 'pulse.not_a_working_day', params: { day: outside[0], workdays: team.settings.workdays.join(', ') } };
      }
      await deps.repos.teams.setSchedule(team.id, { days: command.days, time: command.time });
      return { key: 'pulse.schedule_set', params: { days: command.days.join(', '), time: command.time } };
    }
    case 'unschedule':
      await deps.repos.teams.setSchedule(team.id, null);
      return { key: 'pulse.unscheduled' };
    case 'now': {
      const open = await deps.repos.rounds.findOpen(team.id);
      if (open) return { key: 'pulse.round_already_open', params: { closesAt: readerDateTime(ctx, open.closesAt) } };
      const members = await deps.repos.teams.listActiveMembers(team.id);
      if (members.length === 0) return { key: 'pulse.no_members' };
      const requestedAt = deps.clock.now();
      await deps.queue.enqueue('open-round', { teamId: team.id, requestedAt: requestedAt.toISOString() });
      deps.logger.info({ teamId: team.id, period: manualPeriod(requestedAt) }, 'manual round requested');
      return { key: 'pulse.round_opening', params: { members: members.length } };
    }
    case 'status': {
      const open = await deps.repos.rounds.findOpen(team.id);
      if (!open) return { key: 'pulse.status_none' };
      const { total, answered } = await deps.repos.deliveries.countForRound(open.id);
      return { key: 'pulse.status_open', params: { answered, total, closesAt: readerDateTime(ctx, open.closesAt) } };
    }
    case 'summary': {
      const summaries = await recentSummaries(deps, team, command.rounds);
      if (summaries.length === 0) return { key: 'summary.none' };
      const messages = await Promise.all(summaries.map((s) => summaryMessage(deps, team, s)));
      const request = { view: 'summary' as const, rounds: command.rounds, requestedAt: deps.clock.now() };
      const chartView = await commandChartView(deps, team, request.view, request.rounds, request.requestedAt);
      return { key: 'summary.header', params: { count: summaries.length }, messages, ...(await chartNote(deps, ctx, team, request, chartView)) };
    }
    case 'symmetry': {
      const request = { view: 'symmetry' as const, rounds: command.rounds, requestedAt: deps.clock.now() };
      const view = await commandChartView(deps, team, request.view, request.rounds, request.requestedAt);
      if (view.rounds.length === 0) return { key: 'symmetry.none' };
      return { key: 'symmetry.header', params: { count: view.rounds.length }, messages: [{ kind: 'symmetry', locale: team.settings.language, view }], ...(await chartNote(deps, ctx, team, request, view)) };
    }
    case 'config': {
      const teamConfig = showConfig(team);
      const kudosConfig = showKudosConfig(ctx.workspace);
      return { key: 'config.show_all', params: { team: translate(ctx.locale, teamConfig.key, teamConfig.params), kudos: translate(ctx.locale, kudosConfig.key, kudosConfig.params) } };
    }
    case 'config-set':
      return setConfig(deps, ctx.workspace, team, command.setting);
    case 'ask':
      return askQuestion(deps, team, ctx.input.userId, command.kind, command.question);
    case 'questions':
      return listQuestions(deps, team);
    case 'unask':
      return unaskQuestion(deps, team, command.index);
    case 'export':
      return requestExport(deps, team, ctx.input.userId);
    case 'action':
      return addAction(deps, team, ctx.input.userId, command.text);
    case 'action-done':
      return completeAction(deps, team, command.index);
  }
}

/** Queues the reply's chart for the caller's DM and says so, or says nothing when there is no chart to draw. */
async function chartNote(deps: WebDeps, ctx: CommandContext, team: Team, request: Parameters<typeof requestCommandChart>[3], chartView: SymmetryView): Promise<Pick<Reply, 'note'>> {
  return (await requestCommandChart(deps, team, ctx.input.userId, request, chartView)) ? { note: 'chart.on_its_way' } : {};
}

/** The team a caller manages, when there is exactly one (a 1:1 chat names no channel). */
async function onlyManagedTeam(deps: WebDeps, workspace: Workspace, userId: string): Promise<Team | null> {
  const managed = await deps.repos.teams.listManagedBy(workspace.id, userId);
  return managed.length === 1 ? managed[0]! : null;
}

/** Runs one `/pulse` command for the caller and says what happened. Never throws for user error. */
export async function runPulseCommand(deps: WebDeps, input: CommandInput): Promise<Reply> {
  let locale = 'en';
  try {
    const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
    const [member, channelTeam] = await Promise.all([
      deps.repos.members.findByPlatformId(workspace.id, input.userId),
      deps.repos.teams.findByChannel(workspace.id, input.channelId),
    ]);
    locale = resolveLocale(member?.locale, channelTeam?.settings.language);
    const timeZone = effectiveTimeZone(member?.timezone ?? null, channelTeam?.settings.timezone ?? 'UTC');
    return { ...(await dispatch(deps, { input, workspace, locale, timeZone }, channelTeam)), locale };
  } catch (err) {
    if (isSymmetryError(err, 'queue_unavailable')) return { key: 'error.queue_unavailable', locale };
    throw err;
  }
}

/** Parses and runs one command for a caller whose workspace (and channel's team, if any) is known. */
async function dispatch(deps: WebDeps, ctx: CommandContext, channelTeam: Team | null): Promise<Reply> {
  const { input, workspace } = ctx;
  const parsed = input.tokens ? parsePulseTokens(input.tokens) : parsePulseCommand(input.text);
  if (!parsed.ok) return { key: parsed.error.key, params: parsed.error.params };
  const command = parsed.command;
  if (command.type === 'help') return { key: 'usage.pulse' };
  if (command.type === 'setup') return input.direct ? { key: 'pulse.not_a_team' } : await setup(deps, ctx);
  if (command.type === 'mine') return await mine(deps, ctx);
  if (command.type === 'forget-me') return await forgetMe(deps, workspace, input.userId);
  // Kudos are public recognition: anyone may see the leaderboard.
  if (command.type === 'kudos') return await kudosLeaderboard(deps, workspace, command.weeks);
  const team = channelTeam ?? (input.direct ? await onlyManagedTeam(deps, workspace, input.userId) : null);
  if (!team) return { key: 'pulse.not_a_team' };
  if (!(await mayManage(deps, ctx, team))) return { key: 'pulse.not_manager' };
  return await runTeamCommand(deps, ctx, team, command);
}
