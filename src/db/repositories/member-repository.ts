/** Members of a workspace, refreshed from platform profiles. */
import { and, eq, sql } from 'drizzle-orm';
import type { Member } from '../../core/model';
import type { MemberRepository } from '../../core/ports';
import type { Database } from '../client';
import { members } from '../schema';
import { toMember, isUuid } from './rows';

/** Rows per INSERT: 5 parameters each keeps a statement far below PostgreSQL's 65,535. */
const CHUNK = 2000;

/** The PostgreSQL MemberRepository. */
export function createMemberRepository(db: Database): MemberRepository {
  return {
    async upsertMany(workspaceId, profiles) {
      // One statement may not update a row twice, so a repeated user id keeps its last profile.
      const unique = [...new Map(profiles.map((p) => [p.platformUserId, p])).values()];
      const byUserId = new Map<string, Member>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const rows = await db
          .insert(members)
          .values(
            unique.slice(i, i + CHUNK).map((p) => ({
              workspaceId,
              platformUserId: p.platformUserId,
              timezone: p.timezone,
              locale: p.locale,
              isAdmin: p.isAdmin,
            })),
          )
          .onConflictDoUpdate({
            target: [members.workspaceId, members.platformUserId],
            // A platform that does not tell us a zone or locale this time (Teams often
            // does not) must not erase the one we learned before.
            set: {
              timezone: sql`coalesce(excluded.timezone, ${members.timezone})`,
              locale: sql`coalesce(excluded.locale, ${members.locale})`,
              isAdmin: sql`excluded.is_admin`,
              updatedAt: sql`now()`,
            },
          })
          .returning();
        for (const row of rows) byUserId.set(row.platformUserId, toMember(row));
      }
      return profiles.map((p) => byUserId.get(p.platformUserId)!);
    },

    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(members).where(eq(members.id, id));
      return row ? toMember(row) : null;
    },

    async setAwayUntil(memberId, until) {
      if (!isUuid(memberId)) return;
      await db
        .update(members)
        .set({ awayUntil: until, updatedAt: sql`now()` })
        .where(eq(members.id, memberId));
    },

    async findByPlatformId(workspaceId, platformUserId) {
      const [row] = await db
        .select()
        .from(members)
        .where(and(eq(members.workspaceId, workspaceId), eq(members.platformUserId, platformUserId)));
      return row ? toMember(row) : null;
    },
  };
}
