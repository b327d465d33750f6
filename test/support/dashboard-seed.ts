/** Teams with closed rounds and answers on the real database, for the dashboard's tests (through the real repositories). */
import { randomUUID } from 'node:crypto';
import { respondentHash } from '../../src/core/anonymity';
import { DEFAULT_TEAM_SETTINGS, MOOD_QUESTION_ID, type Member, type Team, type Workspace } from '../../src/core/model';
import type { Repositories } from '../../src/core/ports';

export const SEED_SECRET = 'dashboard-test-secret';

/** A new Slack workspace. */
export function seedWorkspace(repos: Repositories): Promise<Workspace> {
  return repos.workspaces.ensure('slack', `T${randomUUID().slice(0, 8)}`);
}

/** A team of `people` (platform user ids) in its own channel (`name`: the channel's name); `threshold` defaults to 5. */
export async function seedDashboardTeam(
  repos: Repositories,
  workspace: Workspace,
  input: { channelId: string; name?: string; people: string[]; managers?: string[]; threshold?: number },
): Promise<{ team: Team; members: Member[] }> {
  const { team } = await repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: input.channelId,
    name: input.name ?? null,
    managers: input.managers ?? [],
    settings: { ...DEFAULT_TEAM_SETTINGS, threshold: input.threshold ?? DEFAULT_TEAM_SETTINGS.threshold },
  });
  const members = await repos.members.upsertMany(
    workspace.id,
    input.people.map((platformUserId) => ({
      platformUserId,
      isBot: false,
      deleted: false,
      isAdmin: false,
      timezone: 'UTC',
      locale: 'en',
    })),
  );
  await repos.teams.replaceMembers(
    team.id,
    members.map((m) => m.id),
  );
  return { team, members };
}

/** What else a seeded round asks: driver items and eNPS, with each question's scores by member. */
export interface SeedExtra {
  driverItems?: string[];
  enps?: boolean;
  /** Response question id (`driver:<item>`, `enps`) → score of member i (null: no answer). */
  answers?: Record<string, ReadonlyArray<number | null>>;
  /** Members (by index) who were away that week: their delivery is marked away before the round closes. */
  away?: readonly number[];
  /** Runs while the round is still open (answers after the close are refused), e.g. to save a comment. */
  beforeClose?: (roundId: string, deliveries: ReadonlyArray<{ id: string; memberId: string }>) => Promise<void>;
}

/**
 * A round of the team that closed at `closesAt`, asked of every member, answered with `scores[i]` by
 * member i (a null score: asked, did not answer), then closed.
 */
export async function seedClosedRound(
  repos: Repositories,
  team: Team,
  members: readonly Member[],
  closesAt: Date,
  scores: ReadonlyArray<number | null>,
  extra: SeedExtra = {},
): Promise<string> {
  const opensAt = new Date(closesAt.getTime() - 72 * 3_600_000);
  const { round } = await repos.rounds.ensure({
    teamId: team.id,
    period: closesAt.toISOString().slice(0, 10),
    kind: 'scheduled',
    opensAt,
    closesAt,
    driverItems: extra.driverItems,
    enps: extra.enps,
  });
  const deliveries = await repos.deliveries.ensureMany(
    round.id,
    members.map((m) => m.id),
  );
  const questions: Array<[string, ReadonlyArray<number | null>]> = [
    [MOOD_QUESTION_ID, scores],
    ...Object.entries(extra.answers ?? {}),
  ];
  for (const [questionId, given] of questions)
    for (const [i, score] of given.entries()) {
      if (score === null) continue;
      const member = members[i]!;
      const delivery = deliveries.find((d) => d.memberId === member.id)!;
      await repos.answers.saveScore({
        deliveryId: delivery.id,
        roundId: round.id,
        teamId: team.id,
        questionId,
        respondentHash: respondentHash(SEED_SECRET, round.id, member.id),
        score,
        at: opensAt,
      });
    }
  for (const i of extra.away ?? []) {
    const delivery = deliveries.find((d) => d.memberId === members[i]!.id)!;
    await repos.deliveries.markSending(delivery.id);
    await repos.deliveries.markAway(delivery.id, { reason: 'self', until: null, statusRead: false });
  }
  await extra.beforeClose?.(round.id, deliveries);
  await repos.rounds.close(round.id, closesAt);
  return round.id;
}
