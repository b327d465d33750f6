/**
 * The trend chart of `/pulse summary N` and `/pulse symmetry N`. Their replies are private and
 * cannot carry a file, so the command queues a job and the worker sends the PNG to the caller's
 * 1:1 conversation with the bot. Both sides read the same view, so the reply promises a chart
 * exactly when the worker will draw one: only when a round in it shows a mood under the threshold k.
 */
import { DEFAULT_SYMMETRY_ROUNDS } from '../commands/limits';
import { isSymmetryError } from '../errors';
import { resolveLocale, translate } from '../i18n';
import type { ChartView, JobPayloads } from '../jobs';
import type { Team } from '../model';
import { captionOf, showsMood, type SymmetryView } from '../symmetry';
import type { WebDeps, WorkerDeps } from './deps';
import { loadSymmetry } from './round-history';

/**
 * The view a command's chart draws, as it stood at `upTo`: for `symmetry N` the last N rounds (what
 * the reply lists); for `summary N` the trend up to the newest round shown, at least as long as the
 * one under a posted summary.
 */
export async function commandChartView(
  deps: WebDeps,
  team: Team,
  view: ChartView,
  rounds: number,
  upTo: Date,
): Promise<SymmetryView> {
  return loadSymmetry(deps, team, view === 'summary' ? Math.max(rounds, DEFAULT_SYMMETRY_ROUNDS) : rounds, upTo);
}

/**
 * Queues the chart of a reply for the caller's DM; true when it is on its way. Nothing is queued
 * when no round of `chartView` shows a mood, and a queue that is down costs only the chart, not the reply.
 */
export async function requestCommandChart(
  deps: WebDeps,
  team: Team,
  platformUserId: string,
  request: { view: ChartView; rounds: number; requestedAt: Date },
  chartView: SymmetryView,
): Promise<boolean> {
  if (!showsMood(chartView)) return false;
  try {
    await deps.queue.enqueue('send-chart', {
      teamId: team.id,
      platformUserId,
      view: request.view,
      rounds: request.rounds,
      requestedAt: request.requestedAt.toISOString(),
    });
    return true;
  } catch (err) {
    if (!isSymmetryError(err, 'queue_unavailable')) throw err;
    deps.logger.warn({ teamId: team.id }, 'chart not queued: the queue is unavailable');
    return false;
  }
}

/** Worker side: draws the command's chart in the caller's language and sends it to their 1:1 conversation with the bot. */
export async function sendCommandChart(deps: WorkerDeps, p: JobPayloads['send-chart']): Promise<'sent' | 'skipped'> {
  const team = await deps.repos.teams.findById(p.teamId);
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!team || !workspace || !deps.charts) return 'skipped';
  const view = await commandChartView(deps, team, p.view, p.rounds, new Date(p.requestedAt));
  // The threshold may have been raised since the command: the view then hides those moods, and with none left there is no chart.
  if (!showsMood(view)) return 'skipped';
  const member = await deps.repos.members.findByPlatformId(workspace.id, p.platformUserId);
  const locale = resolveLocale(member?.locale, team.settings.language);
  const title = translate(locale, 'chart.title');
  const content = await deps.charts.symmetryChart(view, locale);
  await deps.messenger.sendDirectImage(workspace, p.platformUserId, {
    name: `pulse-${p.view}-${p.requestedAt.slice(0, 10)}.png`,
    title,
    content,
    altText: title,
    comment: `<#${team.channelId}>`,
    ...captionOf(view, locale),
  });
  return 'sent';
}
