/** The dashboard's access records: the workspace's named org admins, and the audit trail of team pages opened. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DashboardAuditRepository, OrgAdminRepository } from '../../core/ports';
import type { Database } from '../client';
import { dashboardAudit, orgAdmins } from '../schema';
import { isUuid } from './rows';

/** The PostgreSQL OrgAdminRepository. */
export function createOrgAdminRepository(db: Database): OrgAdminRepository {
  return {
    async list(workspaceId) {
      if (!isUuid(workspaceId)) return [];
      const rows = await db
        .select({ id: orgAdmins.platformUserId })
        .from(orgAdmins)
        .where(eq(orgAdmins.workspaceId, workspaceId))
        .orderBy(asc(orgAdmins.createdAt), asc(orgAdmins.platformUserId));
      return rows.map((r) => r.id);
    },

    async isNamed(workspaceId, platformUserId) {
      if (!isUuid(workspaceId)) return false;
      const [row] = await db
        .select({ id: orgAdmins.platformUserId })
        .from(orgAdmins)
        .where(and(eq(orgAdmins.workspaceId, workspaceId), eq(orgAdmins.platformUserId, platformUserId)));
      return row !== undefined;
    },

    async add(workspaceId, platformUserIds, addedBy) {
      if (platformUserIds.length === 0) return;
      await db
        .insert(orgAdmins)
        .values(platformUserIds.map((platformUserId) => ({ workspaceId, platformUserId, addedBy })))
        .onConflictDoNothing();
    },

    async remove(workspaceId, platformUserIds) {
      if (platformUserIds.length === 0) return 0;
      const removed = await db
        .delete(orgAdmins)
        .where(and(eq(orgAdmins.workspaceId, workspaceId), inArray(orgAdmins.platformUserId, [...platformUserIds])))
        .returning({ id: orgAdmins.platformUserId });
      return removed.length;
    },
  };
}

/** The PostgreSQL DashboardAuditRepository. */
export function createDashboardAuditRepository(db: Database): DashboardAuditRepository {
  return {
    async record(entry) {
      await db.insert(dashboardAudit).values(entry);
    },

    async list(workspaceId, limit) {
      if (!isUuid(workspaceId)) return [];
      const rows = await db
        .select()
        .from(dashboardAudit)
        .where(eq(dashboardAudit.workspaceId, workspaceId))
        .orderBy(desc(dashboardAudit.at), desc(dashboardAudit.id))
        .limit(limit);
      return rows.map(({ workspaceId, viewerUserId, teamId, view, at }) => ({
        workspaceId,
        viewerUserId,
        teamId,
        view,
        at,
      }));
    },
  };
}
