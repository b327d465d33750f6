/** Row → model mappers (repositories hand the core plain objects, never drizzle rows) and SQL helpers. */
import { sql } from 'drizzle-orm';
import {
  DEFAULT_KUDOS_SETTINGS,
  DEFAULT_TEAM_SETTINGS,
  type Delivery,
  type Member,
  type Round,
  type Team,
  type Workspace,
} from '../../core/model';
import type { deliveries, members, rounds, teams, workspaces } from '../schema';

/** Maps a workspaces row. */
export function toWorkspace(row: typeof workspaces.$inferSelect): Workspace {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.externalId,
    kudos: { ...DEFAULT_KUDOS_SETTINGS, ...row.kudosSettings },
  };
}

/** Maps a teams row. */
export function toTeam(row: typeof teams.$inferSelect): Team {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    name: row.name ?? null,
    managers: row.managers,
    schedule: row.schedule ?? null,
    // Settings added in later versions get their defaults on rows written before them.
    settings: { ...DEFAULT_TEAM_SETTINGS, ...row.settings },
  };
}

/** Maps a members row. */
export function toMember(row: typeof members.$inferSelect): Member {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    platformUserId: row.platformUserId,
    timezone: row.timezone,
    locale: row.locale,
    isAdmin: row.isAdmin,
    awayUntil: row.awayUntil,
  };
}

/** Maps a rounds row. */
export function toRound(row: typeof rounds.$inferSelect): Round {
  return {
    id: row.id,
    teamId: row.teamId,
    period: row.period,
    kind: row.kind,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    status: row.status,
    questions: row.questions,
    driverItems: row.driverItems,
    enps: row.enps,
    summaryState: row.summaryState,
    tally: row.tally,
  };
}

/** Maps a deliveries row. */
export function toDelivery(row: typeof deliveries.$inferSelect): Delivery {
  return {
    id: row.id,
    roundId: row.roundId,
    memberId: row.memberId,
    state: row.state,
    channelId: row.channelId,
    messageId: row.messageId,
    sentAt: row.sentAt,
    remindedAt: row.remindedAt,
    answeredAt: row.answeredAt,
    batch: row.batch,
    awayReason: row.awayReason,
    awayUntil: row.awayUntil,
    statusRead: row.statusRead,
  };
}

/** A uuid[] bound as ONE parameter (a bare array in drizzle's sql`` expands to a list). */
export function uuidArray(ids: readonly string[]) {
  return sql`${sql.param(ids)}::uuid[]`;
}

/** The same uuid[] parameter in a prepared statement, filled at execution from the placeholder `name`. */
export function uuidArrayPlaceholder(name: string) {
  return sql`${sql.placeholder(name)}::uuid[]`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed uuid: an id from a forged payload is "not found", never a database error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
