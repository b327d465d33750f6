/** Round summaries (threshold k everywhere), posted once per round, and people's own history. */
import { respondentHash } from '../anonymity';
import { redactComment } from '../redact';
import type { CommentThread, Member, Round, Team, TeamAction, Workspace } from '../model';
import { MOOD_QUESTION_ID } from '../model';
import type { HomeView, ManagedTeamView, OwnAnswer, SummaryMessage } from '../messages';
import { effectiveTimeZone, nextSlot } from '../schedule';
import { summarizeRound, type RoundFacts, type RoundSummary } from '../summary';
import { captionOf, showsMood, type SymmetryView } from '../symmetry';
import { loadRoundFacts, loadSymmetry } from './round-history';
import { DEFAULT_SYMMETRY_ROUNDS } from '../commands/limits';
import { threadMessage, visibleThreads } from './comment-threads';
import type { WebDeps, WorkerDeps } from './deps';
import { summaryDrivers } from './drivers';
import type { MessageRef } from '../ports';
import { translate } from '../i18n';

/** The summary of a closed round under the team's threshold, compared with the round before it. */
export async function summarize(
  deps: WebDeps,
  team: Team,
  round: Round,
  previous: Round | null,
): Promise<RoundSummary> {
  const [facts, previousFacts = null] = await loadRoundFacts(deps, previous ? [round, previous] : [round]);
  return summarizeRound(facts!, {
    threshold: team.settings.threshold,
    questions: round.questions,
    previous: previousFacts,
  });
}

/** The summaries of the first `count` of `closed` (newest first), each beside the round after it in the list. */
export function summariesOf(
  team: Team,
  closed: readonly Round[],
  facts: readonly RoundFacts[],
  count: number,
): RoundSummary[] {
  return closed.slice(0, count).map((round, i) =>
    summarizeRound(facts[i]!, {
      threshold: team.settings.threshold,
      questions: round.questions,
      previous: facts[i + 1] ?? null,
    }),
  );
}

/** The summaries of the team's last `count` closed rounds, newest first (each beside the round before it). */
export async function recentSummaries(deps: WebDeps, team: Team, count: number): Promise<RoundSummary[]> {
  const closed = await deps.repos.rounds.listClosed(team.id, count + 1);
  return summariesOf(team, closed, await loadRoundFacts(deps, closed), count);
}

/** What a summary message shows beside the summary itself, read beforehand. */
export interface SummaryParts {
  actions: readonly TeamAction[];
  /** The trend of the 8 rounds up to the summary's. */
  symmetry: SymmetryView;
  /** The round's comments with their conversations (read only when the round is shown). */
  threads: readonly CommentThread[];
  drivers: Pick<SummaryMessage, 'drivers'>;
}

/** The message a round's summary is posted as, from its parts; it carries the symmetry line when the team has customer figures for its rounds. */
export function composeSummaryMessage(
  team: Team,
  summary: RoundSummary,
  { actions, symmetry, threads, drivers }: SummaryParts,
  options: { forManager?: boolean } = {},
): SummaryMessage {
  const hasCustomers = symmetry.readings.csat !== null || symmetry.readings.nps !== null;
  // Only a round shown at or above k says anything of its comments, their answers included.
  const shownThreads = summary.kind === 'summary' ? threads : [];
  const answered = shownThreads.filter((t) => t.replies.some((r) => !r.fromAuthor)).length;
  return {
    kind: 'summary',
    locale: team.settings.language,
    summary,
    actions: actions.map((a) => a.text),
    key: `summary-${summary.roundId}`,
    ...(hasCustomers ? { symmetry } : {}),
    ...(answered > 0 ? { answered: { answered, comments: shownThreads.length } } : {}),
    // Ordered by comment id (random), redacted as the summary shows them: no order or detail says who wrote which.
    ...(options.forManager && shownThreads.length
      ? { replyTo: shownThreads.map((t) => ({ commentId: t.commentId, comment: redactComment(t.comment) })) }
      : {}),
    // Like its custom questions, a round's drivers are shown only with its mood (each figure under its own k too).
    ...(summary.kind === 'summary' ? drivers : {}),
  };
}

/** The message a round's summary is posted as; it carries the symmetry line when the team has customer figures for its rounds. */
export async function summaryMessage(
  deps: WebDeps,
  team: Team,
  summary: RoundSummary,
  options: { forManager?: boolean } = {},
): Promise<SummaryMessage> {
  const shown = summary.kind === 'summary';
  const [actions, symmetry, threads, drivers] = await Promise.all([
    deps.repos.actions.listOpen(team.id),
    loadSymmetry(deps, team, DEFAULT_SYMMETRY_ROUNDS, summary.closesAt),
    shown ? deps.repos.threads.listForRounds([summary.roundId]) : Promise.resolve([]),
    shown ? deps.repos.rounds.findById(summary.roundId).then((r) => summaryDrivers(deps, team, r)) : {},
  ]);
  return composeSummaryMessage(team, summary, { actions, symmetry, threads, drivers }, options);
}

/**
 * Posts a closed round's summary to the team channel exactly once: the round moves
 * pending → posting before the post; a retry that finds "posting" looks for the message first.
 */
export async function postSummary(deps: WorkerDeps, roundId: string): Promise<'posted' | 'skipped'> {
  const round = await deps.repos.rounds.findById(roundId);
  if (!round || round.status !== 'closed') return 'skipped';
  const team = await deps.repos.teams.findById(round.teamId);
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!team || !workspace) return 'skipped';
  const before = await deps.repos.rounds.beginSummary(roundId);
  if (before === 'posted' || before === null) return 'skipped';
  const channel = team.settings.summaryChannel ?? team.channelId;
  const key = `summary-${roundId}`;
  if (before === 'posting') {
    const found = await deps.messenger.findPosted(workspace, channel, key);
    if (found) {
      await deps.repos.rounds.markSummaryPosted(roundId, found);
      return 'posted';
    }
  }
  const [previous] = (await deps.repos.rounds.listClosed(team.id, 10)).filter((r) => r.closesAt < round.closesAt);
  const summary = await summarize(deps, team, round, previous ?? null);
  const message = await summaryMessage(deps, team, summary);
  const ref = await deps.messenger.postToChannel(workspace, channel, message);
  await deps.repos.rounds.markSummaryPosted(roundId, ref);
  await postChart(deps, workspace, team, channel, message, ref);
  return 'posted';
}

/**
 * The trend chart in the summary's thread, best effort: after the summary is recorded as posted,
 * so a failed upload never repeats the summary (and a crash here loses only the chart).
 */
async function postChart(
  deps: WorkerDeps,
  workspace: Workspace,
  team: Team,
  channel: string,
  message: SummaryMessage,
  ref: MessageRef,
): Promise<void> {
  if (!deps.charts) return;
  try {
    const view =
      message.symmetry ?? (await loadSymmetry(deps, team, DEFAULT_SYMMETRY_ROUNDS, message.summary.closesAt));
    if (!showsMood(view)) return;
    const content = await deps.charts.symmetryChart(view, message.locale);
    const title = translate(message.locale, 'chart.title');
    await deps.messenger.postImage(
      workspace,
      channel,
      {
        name: `pulse-${message.summary.closesAt.toISOString().slice(0, 10)}.png`,
        title,
        content,
        altText: title,
        ...captionOf(view, message.locale),
      },
      { threadId: ref.messageId },
    );
  } catch (err) {
    deps.logger.warn({ roundId: message.summary.roundId, err: (err as Error).message }, 'chart not posted');
  }
}

/** Posts a manager's "you said, we did" to the team channel once. */
export async function postAction(
  deps: WorkerDeps,
  actionId: string,
  attemptsMade: number,
): Promise<'posted' | 'skipped'> {
  const action = await deps.repos.actions.findById(actionId);
  const team = action ? await deps.repos.teams.findById(action.teamId) : null;
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!action || !team || !workspace) return 'skipped';
  const channel = team.settings.summaryChannel ?? team.channelId;
  const key = `action-${actionId}`;
  // Only a retry can find its own earlier post; the first attempt saves the history call.
  const found = attemptsMade > 0 ? await deps.messenger.findPosted(workspace, channel, key) : null;
  const ref =
    found ??
    (await deps.messenger.postToChannel(workspace, channel, {
      kind: 'action',
      locale: team.settings.language,
      text: action.text,
      managerId: action.createdBy,
      key,
    }));
  await deps.repos.actions.markPosted(actionId, ref);
  return 'posted';
}

/** The member's own answers in their recent rounds, found through the keyed hash (only they can ask). */
export async function ownAnswers(
  deps: Pick<WebDeps, 'repos' | 'clock' | 'anonymitySecret'>,
  member: Member,
  limit = 10,
): Promise<OwnAnswer[]> {
  const deliveries = await deps.repos.deliveries.listForMember(member.id, limit);
  const now = deps.clock.now().getTime();
  const rows = await Promise.all(
    deliveries.map(async (d) => {
      const round = await deps.repos.rounds.findById(d.roundId);
      if (!round) return null;
      const own = await deps.repos.answers.findOwn(
        round.id,
        MOOD_QUESTION_ID,
        respondentHash(deps.anonymitySecret, round.id, member.id),
      );
      return {
        closesAt: round.closesAt,
        open: round.status === 'open' && round.closesAt.getTime() > now,
        score: own?.score ?? null,
        commented: Boolean(own?.comment),
      };
    }),
  );
  return rows.filter((r): r is OwnAnswer => r !== null);
}

/** Conversations shown per team in App Home (each is a few blocks; a Home view holds 100). */
const HOME_CONVERSATIONS = 5;

async function managedTeamView(deps: WebDeps, team: Team, viewer: Member | null): Promise<ManagedTeamView> {
  const now = deps.clock.now();
  const tz = effectiveTimeZone(viewer?.timezone ?? null, team.settings.timezone);
  const next = team.schedule ? nextSlot(team.schedule, team.settings, tz, now) : null;
  const open = await deps.repos.rounds.findOpen(team.id);
  const openRound = open ? { ...(await deps.repos.deliveries.countForRound(open.id)), closesAt: open.closesAt } : null;
  const [summary] = await recentSummaries(deps, team, 1);
  let last: ManagedTeamView['last'] = null;
  if (summary?.kind === 'withheld') last = { closesAt: summary.closesAt, withheld: true, needed: summary.needed };
  if (summary?.kind === 'summary')
    last = {
      closesAt: summary.closesAt,
      withheld: false,
      responseRate: summary.responseRate,
      average: summary.average,
    };
  const locale = viewer?.locale ?? team.settings.language;
  const conversations = (await visibleThreads(deps, team))
    .slice(0, HOME_CONVERSATIONS)
    .map((t) => threadMessage(t, team, 'manager', locale));
  return { channelId: team.channelId, nextRound: next, openRound, last, conversations };
}

/** The App Home of a person: their own answers, and for managers their teams under the threshold rule. */
export async function buildHome(deps: WebDeps, workspace: Workspace, platformUserId: string): Promise<HomeView> {
  const member = await deps.repos.members.findByPlatformId(workspace.id, platformUserId);
  const teams = await deps.repos.teams.listManagedBy(workspace.id, platformUserId);
  const [received] = await deps.repos.kudos.receivedBy(
    workspace.id,
    [platformUserId],
    new Date(deps.clock.now().getTime() - 30 * 86_400_000),
  );
  // Org admins: the workspace's admins and owners (as the platform said at the last sync) and the people named.
  const orgAdmin = member?.isAdmin || (await deps.repos.orgAdmins.isNamed(workspace.id, platformUserId));
  return {
    locale: member?.locale ?? teams[0]?.settings.language ?? 'en',
    ownAnswers: member ? await ownAnswers(deps, member) : [],
    kudosReceived: { count: received?.count ?? 0, reasons: received?.reasons ?? [] },
    managedTeams: await Promise.all(teams.map((t) => managedTeamView(deps, t, member))),
    ...(orgAdmin ? { organisation: { dashboardUrl: deps.dashboardUrl ?? null, heatmapPng: null } } : {}),
  };
}

/** The heatmap an org admin's App Home shows, as a PNG; null when there is no renderer or no row to draw. */
async function homeHeatmap(deps: WorkerDeps, workspace: Workspace, locale: string): Promise<Uint8Array | null> {
  if (!deps.charts?.heatmapChart) return null;
  const map = await deps.repos.dashboard.heatmap(workspace.id, deps.clock.now());
  return map.rows.length === 0 ? null : deps.charts.heatmapChart(map, locale);
}

/** Publishes the App Home for the user. */
export async function publishHome(deps: WorkerDeps, workspaceId: string, platformUserId: string): Promise<void> {
  const workspace = await deps.repos.workspaces.findById(workspaceId);
  // A deployment whose platforms have no home screen has nothing to publish.
  if (!workspace || !deps.messenger.publishHome) return;
  const home = await buildHome(deps, workspace, platformUserId);
  if (home.organisation) home.organisation.heatmapPng = await homeHeatmap(deps, workspace, home.locale);
  await deps.messenger.publishHome(workspace, platformUserId, home);
}
