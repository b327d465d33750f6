/** Teams (one per channel) and their membership. */
import { and, asc, eq, getTableColumns, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Member } from '../../core/model';
import type { ScheduledTeam, TeamRepository } from '../../core/ports';
import type { Database } from '../client';
import { members, teamMembers, teams, workspaces } from '../schema';
import { toMember, toTeam, uuidArray, isUuid } from './rows';

/** The PostgreSQL TeamRepository. */
export function createTeamRepository(db: Database): TeamRepository {
  /** (Re)activates members of a team; rows already active are left untouched. */
  async function activate(executor: Pick<Database, 'execute'>, teamId: string, memberIds: string[]) {
    // Sorted so concurrent calls lock rows in the same order and cannot deadlock.
    const ids = [...new Set(memberIds)].sort();
    await executor.execute(sql`
      insert into team_members (team_id, member_id)
      select ${teamId}::uuid, id from unnest(${uuidArray(ids)}) as id
      on conflict (team_id, member_id) do update
        set active = true, left_at = null, joined_at = now()
        where not team_members.active`);
  }

  /** Writes some of one team's columns and marks it updated. */
  async function update(teamId: string, values: Partial<typeof teams.$inferInsert>): Promise<void> {
    await db
      .update(teams)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(teams.id, teamId));
  }

  async function findByChannel(workspaceId: string, channelId: string) {
    const [row] = await db
      .select()
      .from(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.channelId, channelId)));
    return row ? toTeam(row) : null;
  }

  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(teams).where(eq(teams.id, id));
      return row ? toTeam(row) : null;
    },

    findByChannel,

    async ensure({ workspaceId, channelId, name = null, managers, settings }) {
      const [inserted] = await db
        .insert(teams)
        .values({ workspaceId, channelId, name, managers, settings })
        .onConflictDoNothing({ target: [teams.workspaceId, teams.channelId] })
        .returning();
      if (inserted) return { team: toTeam(inserted), created: true };
      const existing = await findByChannel(workspaceId, channelId);
      if (!existing) throw new Error(`team for channel ${channelId} vanished during ensure`);
      return { team: existing, created: false };
    },

    setSchedule: (teamId, schedule) => update(teamId, { schedule }),
    updateSettings: (teamId, settings) => update(teamId, { settings }),
    setManagers: (teamId, managers) => update(teamId, { managers }),
    setName: (teamId, name) => update(teamId, { name }),

    async listScheduled(workspaceId) {
      // Two queries whatever the number of teams: the teams, then all their active members.
      const scheduled = and(isNotNull(teams.schedule), eq(teams.workspaceId, workspaceId));
      const [teamRows, memberRows] = await Promise.all([
        // A workspace the app left has no schedule any more.
        db
          .select(getTableColumns(teams))
          .from(teams)
          .innerJoin(workspaces, eq(workspaces.id, teams.workspaceId))
          .where(and(scheduled, isNull(workspaces.uninstalledAt)))
          .orderBy(asc(teams.id)),
        db
          .select({ teamId: teamMembers.teamId, member: members })
          .from(teamMembers)
          .innerJoin(members, eq(members.id, teamMembers.memberId))
          .innerJoin(teams, eq(teams.id, teamMembers.teamId))
          .innerJoin(workspaces, eq(workspaces.id, teams.workspaceId))
          .where(and(scheduled, eq(teamMembers.active, true), isNull(workspaces.uninstalledAt)))
          .orderBy(asc(members.platformUserId)),
      ]);
      const byTeam = new Map<string, Member[]>();
      for (const { teamId, member } of memberRows) {
        const list = byTeam.get(teamId) ?? [];
        list.push(toMember(member));
        byTeam.set(teamId, list);
      }
      // A team scheduled between the two queries simply shows up with no members this tick.
      return teamRows.map((row): ScheduledTeam => ({ team: toTeam(row), members: byTeam.get(row.id) ?? [] }));
    },

    async listManagedBy(workspaceId, platformUserId) {
      const rows = await db
        .select()
        .from(teams)
        .where(and(eq(teams.workspaceId, workspaceId), sql`${platformUserId} = any(${teams.managers})`))
        .orderBy(asc(teams.createdAt));
      return rows.map(toTeam);
    },

    async listActiveMembers(teamId) {
      const rows = await db
        .select({ member: members })
        .from(teamMembers)
        .innerJoin(members, eq(members.id, teamMembers.memberId))
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.active, true)))
        .orderBy(asc(members.platformUserId));
      return rows.map((r) => toMember(r.member));
    },

    async replaceMembers(teamId, memberIds) {
      await db.transaction(async (tx) => {
        await activate(tx, teamId, memberIds);
        await tx.execute(sql`
          update team_members set active = false, left_at = now()
          where team_id = ${teamId} and active and member_id <> all(${uuidArray(memberIds)})`);
      });
    },

    async addMember(teamId, memberId) {
      await activate(db, teamId, [memberId]);
    },

    async removeMember(teamId, memberId) {
      await db
        .update(teamMembers)
        .set({ active: false, leftAt: sql`now()` })
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.memberId, memberId), eq(teamMembers.active, true)));
    },
  };
}
