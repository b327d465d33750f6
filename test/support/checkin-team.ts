/** A team on the real database for integration tests of the check-in loop: people, a channel, a Friday schedule. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_TEAM_SETTINGS, type Schedule, type Team, type Workspace } from '../../src/core/model';
import type { Logger } from '../../src/core/ports';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { syncTeam } from '../../src/core/use-cases/membership';
import { ManualClock } from '../../src/core/clock';
import { openTestDatabase, truncateAll, type TestDatabase } from './db';
import { MemoryQueue } from './memory-queue';
import { RecordingMessenger } from './recording-messenger';

/** A logger that drops everything (the tests read what the bot sent, not its log). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };

/**
 * Makes `people` (all in `timezone`) the members of a new team in a new Slack workspace, synced from
 * the channel the messenger knows, with check-ins on Fridays at 14:00 and the default settings.
 */
export async function seedTeam(
  deps: WorkerDeps,
  messenger: RecordingMessenger,
  people: string[],
  timezone = 'UTC',
): Promise<Team> {
  for (const id of people) messenger.addUser(id, { timezone });
  const channel = `C${randomUUID().slice(0, 8)}`;
  messenger.channels.set(channel, people);
  const { team } = await syncedTeam(deps, {
    teamId: `T${randomUUID().slice(0, 8)}`,
    channel,
    people,
    schedule: { days: ['fri'], time: '14:00' },
  });
  return team;
}

/** A team of `people` (the first its manager) in `channel` of workspace `teamId`, synced from the channel and scheduled. */
export async function syncedTeam(
  deps: WorkerDeps,
  o: { teamId: string; channel: string; people: string[]; schedule: Schedule },
): Promise<{ workspace: Workspace; team: Team }> {
  const workspace = await deps.repos.workspaces.ensure('slack', o.teamId);
  const { team } = await deps.repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: o.channel,
    managers: [o.people[0]!],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  await syncTeam(deps, team.id);
  await deps.repos.teams.setSchedule(team.id, o.schedule);
  return { workspace, team };
}

/** The delivery id the member's check-in DM carries (its buttons answer that delivery). */
export function deliveryIdOf(messenger: RecordingMessenger, userId: string): string {
  const sent = messenger.direct.find((s) => s.to === userId && s.message.kind === 'checkin');
  if (!sent || sent.message.kind !== 'checkin') throw new Error(`${userId} has no check-in DM`);
  return sent.message.deliveryId;
}

/** Worker dependencies on `database` with a fixed clock, an in-memory queue and a recording messenger. */
export function fixedClockDeps(
  repos: WorkerDeps['repos'],
  startAt: string,
): { deps: WorkerDeps; clock: ManualClock; queue: MemoryQueue; messenger: RecordingMessenger } {
  const clock = new ManualClock(new Date(startAt));
  const queue = new MemoryQueue();
  const messenger = new RecordingMessenger();
  const deps: WorkerDeps = { repos, queue, clock, logger: silentLogger, messenger, anonymitySecret: 's'.repeat(40) };
  return { deps, clock, queue, messenger };
}

/** Opens the run's database for a file, empties its tables before each test and closes it after the file. */
export function useEmptyDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(() => {
    database = openTestDatabase();
  });
  beforeEach(() => truncateAll(database!.pool));
  afterAll(() => database?.close());
  return () => database!;
}
