/** Workspaces (Slack teams, Teams tenants), unique by (platform, external id). */
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Platform } from '../../core/model';
import type { WorkspaceRepository } from '../../core/ports';
import type { Database } from '../client';
import { members, teams, workspaces } from '../schema';
import { toMember, toTeam, toWorkspace, isUuid } from './rows';

/** The PostgreSQL WorkspaceRepository. */
export function createWorkspaceRepository(db: Database): WorkspaceRepository {
  // Every command starts with this read: prepared once per connection, PostgreSQL parses and plans it once.
  // Both joins meet a unique key ((workspace, user) and (workspace, channel)): one row at most.
  const commandContext = db
    .select({ workspace: workspaces, member: members, team: teams })
    .from(workspaces)
    .leftJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.platformUserId, sql.placeholder('user'))))
    .leftJoin(teams, and(eq(teams.workspaceId, workspaces.id), eq(teams.channelId, sql.placeholder('channel'))))
    .where(and(eq(workspaces.platform, sql.placeholder('platform')), eq(workspaces.externalId, sql.placeholder('id'))))
    .prepare('symmetry_command_context');

  return {
    async ensure(platform: Platform, externalId: string) {
      const find = async () =>
        (
          await db
            .select()
            .from(workspaces)
            .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
        )[0];
      // Every command and event asks this of a workspace that is almost always there: one read, no insert attempt.
      const known = await find();
      if (known) return toWorkspace(known);
      const [inserted] = await db
        .insert(workspaces)
        .values({ platform, externalId })
        .onConflictDoNothing({ target: [workspaces.platform, workspaces.externalId] })
        .returning();
      if (inserted) return toWorkspace(inserted);
      // ON CONFLICT waited for the winner to commit, so its row is visible now.
      const existing = await find();
      if (!existing) throw new Error(`workspace ${platform}:${externalId} vanished during ensure`);
      return toWorkspace(existing);
    },

    async findForCommand(platform, externalId, platformUserId, channelId) {
      const [row] = await commandContext.execute({
        platform,
        id: externalId,
        user: platformUserId,
        channel: channelId,
      });
      if (!row) return null;
      return {
        workspace: toWorkspace(row.workspace),
        member: row.member ? toMember(row.member) : null,
        team: row.team ? toTeam(row.team) : null,
      };
    },

    async updateKudosSettings(id, settings) {
      await db.update(workspaces).set({ kudosSettings: settings }).where(eq(workspaces.id, id));
    },

    async markUninstalled(id, at) {
      await db.update(workspaces).set({ uninstalledAt: at }).where(eq(workspaces.id, id));
    },

    async reinstate(platform, externalId) {
      await db
        .update(workspaces)
        .set({ uninstalledAt: null })
        .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
    },

    async listUninstalledBefore(before) {
      const rows = await db.select({ id: workspaces.id }).from(workspaces).where(lt(workspaces.uninstalledAt, before));
      return rows.map((r) => r.id);
    },

    async deleteData(id) {
      if (!isUuid(id)) return;
      const teamIds = sql`(select id from teams where workspace_id = ${id}::uuid)`;
      const memberIds = sql`(select id from members where workspace_id = ${id}::uuid)`;
      await db.transaction(async (tx) => {
        // Children before parents: the foreign keys have no cascades.
        for (const statement of [
          sql`delete from comment_replies where team_id in ${teamIds}`,
          sql`delete from responses where team_id in ${teamIds}`,
          sql`delete from deliveries where member_id in ${memberIds}
                or round_id in (select id from rounds where team_id in ${teamIds})`,
          sql`delete from team_actions where team_id in ${teamIds}`,
          sql`delete from questions where team_id in ${teamIds}`,
          sql`delete from kudos_digests where team_id in ${teamIds}`,
          sql`delete from customer_signals where team_id in ${teamIds}`,
          sql`delete from rounds where team_id in ${teamIds}`,
          sql`delete from team_members where team_id in ${teamIds} or member_id in ${memberIds}`,
          sql`delete from teams where workspace_id = ${id}::uuid`,
          ...['kudos', 'shoutouts', 'kudos_notices', 'conversation_references', 'platform_contacts']
            .concat(['posted_messages', 'recognized_messages'])
            .map((table) => sql`delete from ${sql.identifier(table)} where workspace_id = ${id}::uuid`),
          sql`delete from members where workspace_id = ${id}::uuid`,
          sql`delete from workspaces where id = ${id}::uuid`,
        ])
          await tx.execute(statement);
      });
    },

    async listIds() {
      const rows = await db
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(isNull(workspaces.uninstalledAt))
        .orderBy(asc(workspaces.createdAt), asc(workspaces.id));
      return rows.map((r) => r.id);
    },

    async findByExternalId(platform, externalId) {
      const [row] = await db
        .select()
        .from(workspaces)
        .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
      return row ? toWorkspace(row) : null;
    },

    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row ? toWorkspace(row) : null;
    },
  };
}
