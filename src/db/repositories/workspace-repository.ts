/** Workspaces (Slack teams, Teams tenants), unique by (platform, external id). */
import { and, eq } from 'drizzle-orm';
import type { Platform } from '../../core/model';
import type { WorkspaceRepository } from '../../core/ports';
import type { Database } from '../client';
import { workspaces } from '../schema';
import { toWorkspace, isUuid } from './rows';

/** The PostgreSQL WorkspaceRepository. */
export function createWorkspaceRepository(db: Database): WorkspaceRepository {
  return {
    async ensure(platform: Platform, externalId: string) {
      const [inserted] = await db
        .insert(workspaces)
        .values({ platform, externalId })
        .onConflictDoNothing({ target: [workspaces.platform, workspaces.externalId] })
        .returning();
      if (inserted) return toWorkspace(inserted);
      // ON CONFLICT waited for the winner to commit, so its row is visible now.
      const [existing] = await db
        .select()
        .from(workspaces)
        .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
      if (!existing) throw new Error(`workspace ${platform}:${externalId} vanished during ensure`);
      return toWorkspace(existing);
    },

    async updateKudosSettings(id, settings) {
      await db.update(workspaces).set({ kudosSettings: settings }).where(eq(workspaces.id, id));
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
