/**
 * Seeds a team straight into the database through the real repositories, and its people into the
 * fake Slack's directory. `/pulse setup` would read each member with users.info, a tier-4 method
 * (~100 calls a minute on real Slack): 20,000 members would take over three hours, so the benchmark
 * seeds the result of that sync instead and measures what comes after it.
 */
import type { Pool } from 'pg';
import { DEFAULT_TEAM_SETTINGS, type Team, type UserProfile } from '../../src/core/model';
import type { Repositories } from '../../src/core/ports';
import type { FakeSlack } from '../../test/support/fake-slack';

const ZONES = [
  'Europe/Stockholm',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/Paris',
  'America/Los_Angeles',
  'Asia/Tokyo',
];

export interface SeededTeam {
  team: Team;
  channelId: string;
  managerId: string;
  userIds: string[];
}

/** Slack-shaped user ids: `U` + tag + zero-padded index (upper-case letters and digits only). */
export function userIds(tag: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `U${tag}${String(i).padStart(6, '0')}`);
}

/** A team of `size` members (the first is its manager) in channel `C<tag>` of workspace `teamId`, known to the database and to the fake Slack. */
export async function seedTeam(
  repos: Repositories,
  slack: FakeSlack,
  tag: string,
  size: number,
  teamId = slack.teamId,
): Promise<SeededTeam> {
  const ids = userIds(tag, size);
  const channelId = `C${tag}TEAM`;
  ids.forEach((id, i) =>
    slack.addUser({ id, teamId, name: `p${tag.toLowerCase()}${i}`, tz: ZONES[i % ZONES.length], locale: 'en-US' }),
  );
  slack.addChannel(channelId, ids, { name: `team-${tag.toLowerCase()}`, teamId });
  const workspace = await repos.workspaces.ensure('slack', teamId);
  const { team } = await repos.teams.ensure({
    workspaceId: workspace.id,
    channelId,
    managers: [ids[0]!],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  const profiles: UserProfile[] = ids.map((id, i) => ({
    platformUserId: id,
    isBot: false,
    deleted: false,
    isAdmin: false,
    timezone: ZONES[i % ZONES.length]!,
    locale: 'en-US',
  }));
  const members = await repos.members.upsertMany(workspace.id, profiles);
  await repos.teams.replaceMembers(
    team.id,
    members.map((m) => m.id),
  );
  return { team, channelId, managerId: ids[0]!, userIds: ids };
}

/** Deliveries of the team's open round by state (for the duplicates/missing check on our side). */
export async function deliveryStates(pool: Pool, teamId: string): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ state: string; n: number }>(
    `select d.state, count(*)::int as n from deliveries d join rounds r on r.id = d.round_id where r.team_id = $1 group by d.state`,
    [teamId],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
