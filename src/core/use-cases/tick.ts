/** The minute tick: who is due, what to remind, what to close. Safe to run twice or late. */
import type { Member, Team } from '../model';
import { dueSlot, effectiveTimeZone, roundBounds } from '../schedule';
import type { WorkerDeps } from './deps';
import { enqueueBatches, fanOut } from './checkins';
import { roundQuestions } from './round-questions';

const HOUR = 3_600_000;
/** How many deliveries/reminders one tick looks at per workspace; the next tick takes the rest. */
const BATCH = 5000;

export interface TickReport {
  roundsOpened: number;
  deliveriesEnqueued: number;
  remindersEnqueued: number;
  roundsClosing: number;
  /** Away deliveries whose person is back, sent now. */
  awayBack: number;
}

const emptyReport = (): TickReport => ({
  roundsOpened: 0,
  deliveriesEnqueued: 0,
  remindersEnqueued: 0,
  roundsClosing: 0,
  awayBack: 0,
});

/** Due members of one team grouped by period (the slot's local date). */
function dueByPeriod(team: Team, members: Member[], now: Date): Map<string, Member[]> {
  const schedule = team.schedule;
  const byPeriod = new Map<string, Member[]>();
  if (!schedule) return byPeriod;
  // Look back one window: a worker that was down catches up, but never sends a DM for a round that has closed.
  const lookback = team.settings.windowHours * HOUR;
  for (const member of members) {
    const due = dueSlot(
      schedule,
      team.settings,
      effectiveTimeZone(member.timezone, team.settings.timezone),
      now,
      lookback,
    );
    if (!due) continue;
    const list = byPeriod.get(due.period) ?? [];
    list.push(member);
    byPeriod.set(due.period, list);
  }
  return byPeriod;
}

/** Runs one tick at the clock's now, one workspace at a time; a workspace that fails does not stop the others. */
export async function runTick(deps: WorkerDeps): Promise<TickReport> {
  const now = deps.clock.now();
  const report = emptyReport();
  let failed: unknown = null;
  for (const workspaceId of await deps.repos.workspaces.listIds()) {
    try {
      const part = await tickWorkspace(deps, workspaceId, now);
      for (const key of Object.keys(report) as Array<keyof TickReport>) report[key] += part[key];
    } catch (err) {
      deps.logger.error({ workspaceId, err: (err as Error).message }, 'tick failed for a workspace; the others go on');
      failed ??= err;
    }
  }
  if (failed) throw failed;
  return report;
}

/**
 * One workspace's share of the tick: opens its due rounds, enqueues its due DMs, reminders and
 * closes. Every query is the workspace's own and every limit (BATCH) its own, so a workspace with a
 * huge backlog never crowds another's unsent DMs out of a tick.
 */
export async function tickWorkspace(deps: WorkerDeps, workspaceId: string, now: Date): Promise<TickReport> {
  const report = emptyReport();
  const workspace = await deps.repos.workspaces.findById(workspaceId);
  if (!workspace) return report;
  const { platform } = workspace;

  for (const { team, members } of await deps.repos.teams.listScheduled(workspaceId)) {
    for (const [period, due] of dueByPeriod(team, members, now)) {
      const zones = members.map((m) => effectiveTimeZone(m.timezone, team.settings.timezone));
      const { opensAt, closesAt } = roundBounds(period, team.schedule!.time, zones, team.settings.windowHours);
      const { round, created } = await deps.repos.rounds.ensure({
        teamId: team.id,
        period,
        kind: 'scheduled',
        opensAt,
        closesAt,
        ...(await roundQuestions(deps, team, period, 'scheduled')),
      });
      if (created) {
        report.roundsOpened += 1;
        // The week's kudos digest goes out with the team's scheduled round.
        await deps.queue.enqueue('post-digest', { teamId: team.id, period });
      }
      if (round.status !== 'open') continue;
      report.deliveriesEnqueued += await fanOut(
        deps,
        round,
        due.map((m) => m.id),
        platform,
      );
    }
  }

  // Deliveries whose job was lost (e.g. Redis restarted without persistence) are enqueued again; job ids dedupe.
  await enqueueBatches(deps, await deps.repos.deliveries.listUnsent(workspaceId, BATCH), platform);
  // People who were away and are back before their round closes get their check-in now (the same delivery, one DM).
  const back = await deps.repos.deliveries.returnFromAway(workspaceId, now, BATCH);
  await enqueueBatches(deps, back, platform);
  report.awayBack = back.length;

  const reminders = await deps.repos.deliveries.listDueForReminder(workspaceId, now, BATCH);
  await deps.queue.enqueueMany(
    'send-reminder',
    reminders.map((d) => ({ deliveryId: d.id })),
  );
  report.remindersEnqueued = reminders.length;

  const closing = await deps.repos.rounds.listDueToClose(workspaceId, now);
  await deps.queue.enqueueMany(
    'close-round',
    closing.map((r) => ({ roundId: r.id })),
  );
  report.roundsClosing = closing.length;
  return report;
}
