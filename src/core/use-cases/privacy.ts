/** Privacy controls: forget me, export the team's aggregates, delete old comments. */
import { respondentHash } from '../anonymity';
import type { Team, Workspace } from '../model';
import type { RoundSummary } from '../summary';
import type { WebDeps, WorkerDeps } from './deps';
import type { Reply } from './reply';
import { recentSummaries } from './summaries';

const DAY = 86_400_000;
/** Rounds an export covers: a year of weekly rounds. */
const EXPORT_ROUNDS = 52;

/** `/pulse forget-me`: deletes what Symmetry holds about the caller and says what went. */
export async function forgetMe(deps: WebDeps, workspace: Workspace, platformUserId: string): Promise<Reply> {
  const member = await deps.repos.members.findByPlatformId(workspace.id, platformUserId);
  // Their answers are found the only way anyone can: recomputing their keyed hash per round.
  const delivered = member ? await deps.repos.deliveries.listForMember(member.id, 10_000) : [];
  const answers = member
    ? delivered.map((d) => ({
        roundId: d.roundId,
        respondentHash: respondentHash(deps.anonymitySecret, d.roundId, member.id),
      }))
    : [];
  const removed = await deps.repos.privacy.forgetMember({
    workspaceId: workspace.id,
    memberId: member?.id ?? null,
    platformUserId,
    answers,
  });
  deps.logger.info({ workspaceId: workspace.id }, 'a member was forgotten');
  return { key: 'privacy.forgotten', params: removed };
}

/** `/pulse export`: queues the CSV of the team's round aggregates, sent privately to the caller. */
export async function requestExport(deps: WebDeps, team: Team, platformUserId: string): Promise<Reply> {
  await deps.queue.enqueue('export-csv', {
    teamId: team.id,
    platformUserId,
    requestedAt: deps.clock.now().toISOString(),
  });
  return { key: 'privacy.export_queued' };
}

const HEADER = [
  'round_closed',
  'period',
  'withheld',
  'invited',
  'respondents',
  'response_rate',
  'mood_average',
  'change',
  'scores_1_4',
  'scores_5_7',
  'scores_8_10',
];

/** One CSV line per whole round; a round under the threshold shows nothing derived from its answers. */
export function exportRow(s: RoundSummary): string[] {
  const closed = s.closesAt.toISOString().slice(0, 10);
  if (s.kind === 'withheld') return [closed, s.period, 'yes', '', '', '', '', '', '', '', ''];
  return [
    closed,
    s.period,
    'no',
    String(s.invited),
    String(s.respondents),
    s.responseRate.toFixed(2),
    s.average.toFixed(1),
    s.change === null ? '' : s.change.toFixed(1),
    String(s.distribution.low),
    String(s.distribution.mid),
    String(s.distribution.high),
  ];
}

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The team's per-round aggregates as CSV, oldest round first. */
export function toCsv(summaries: RoundSummary[]): string {
  const rows = [HEADER, ...[...summaries].reverse().map(exportRow)];
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Worker side: builds the export and sends it to the person who asked, privately. */
export async function sendExport(
  deps: WorkerDeps,
  p: { teamId: string; platformUserId: string; requestedAt: string },
): Promise<'sent' | 'skipped'> {
  const team = await deps.repos.teams.findById(p.teamId);
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!team || !workspace) return 'skipped';
  const csv = toCsv(await recentSummaries(deps, team, EXPORT_ROUNDS));
  await deps.messenger.sendFile(workspace, p.platformUserId, {
    name: `symmetry-${p.requestedAt.slice(0, 10)}.csv`,
    title: 'Team pulse export',
    content: csv,
    comment: `<#${team.channelId}>`,
  });
  return 'sent';
}

/** The daily retention job: comments of rounds closed more than `days` ago are deleted. */
export async function purgeOldComments(deps: WorkerDeps, days: number): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - days * DAY);
  // Their conversations go first (and with them the way back to their authors), then the comments themselves.
  await deps.repos.threads.purge(before);
  const purged = await deps.repos.privacy.purgeComments(before);
  if (purged) deps.logger.info({ purged, days }, 'old comments deleted');
  return purged;
}
