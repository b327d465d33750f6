/**
 * Slack OAuth installations, sealed at rest (../token-cipher.ts). The repository stores an opaque JSON text per
 * (enterprise, team) and never looks inside it: what an installation holds is the Slack platform's business.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { InstallationKey, InstallationRepository } from '../../core/ports';
import type { Database } from '../client';
import { slackInstallations, slackOrgWorkspaces } from '../schema';
import type { TokenCipher } from '../token-cipher';

const keyOf = (key: InstallationKey) => ({ enterpriseId: key.enterpriseId ?? '', teamId: key.teamId ?? '' });
/** The associated data of a row's seal: its natural key, so a seal moved to another row does not open. */
const associated = (key: { enterpriseId: string; teamId: string }) =>
  `slack-installation:${key.enterpriseId}:${key.teamId}`;

/** The PostgreSQL InstallationRepository, sealing with `cipher`. */
export function createInstallationRepository(db: Database, cipher: TokenCipher): InstallationRepository {
  type Row = typeof slackInstallations.$inferSelect;
  const toRecord = (row: Row) => ({
    ...(row.enterpriseId ? { enterpriseId: row.enterpriseId } : {}),
    ...(row.teamId ? { teamId: row.teamId } : {}),
    isEnterpriseInstall: row.isEnterpriseInstall,
    expiresAt: row.expiresAt,
    data: cipher.open({ keyId: row.keyId, sealed: row.sealed }, associated(row)),
  });
  const exact = async (enterpriseId: string, teamId: string) =>
    (
      await db
        .select()
        .from(slackInstallations)
        .where(and(eq(slackInstallations.enterpriseId, enterpriseId), eq(slackInstallations.teamId, teamId)))
    )[0];

  return {
    async save(record) {
      const key = keyOf(record);
      const { keyId, sealed } = cipher.seal(record.data, associated(key));
      const values = {
        ...key,
        isEnterpriseInstall: record.isEnterpriseInstall,
        keyId,
        sealed,
        expiresAt: record.expiresAt,
      };
      await db
        .insert(slackInstallations)
        .values(values)
        .onConflictDoUpdate({
          target: [slackInstallations.enterpriseId, slackInstallations.teamId],
          set: { ...values, updatedAt: sql`now()` },
        });
    },

    async find(key) {
      const { enterpriseId, teamId } = keyOf(key);
      const own = key.isEnterpriseInstall ? undefined : await exact(enterpriseId, teamId);
      if (own) return toRecord(own);
      // A workspace of a Grid organization that installed the app org-wide is served by the org's install; scheduled
      // work knows only the workspace, so its organization comes from the link its requests left.
      const [link] =
        enterpriseId || !teamId
          ? []
          : await db.select().from(slackOrgWorkspaces).where(eq(slackOrgWorkspaces.teamId, teamId));
      const org = enterpriseId || link ? await exact(enterpriseId || link!.enterpriseId, '') : undefined;
      return org ? toRecord(org) : null;
    },

    async linkWorkspace(enterpriseId, teamId) {
      await db
        .insert(slackOrgWorkspaces)
        .values({ teamId, enterpriseId })
        .onConflictDoUpdate({ target: slackOrgWorkspaces.teamId, set: { enterpriseId } });
    },

    async orgWorkspaces(enterpriseId) {
      const rows = await db
        .select({ teamId: slackOrgWorkspaces.teamId })
        .from(slackOrgWorkspaces)
        .where(eq(slackOrgWorkspaces.enterpriseId, enterpriseId));
      return rows.map((r) => r.teamId).sort();
    },

    async remove(key) {
      const { enterpriseId, teamId } = keyOf(key);
      const gone = await db
        .delete(slackInstallations)
        .where(and(eq(slackInstallations.enterpriseId, enterpriseId), eq(slackInstallations.teamId, teamId)))
        .returning({ id: slackInstallations.id });
      return gone.length;
    },

    async reseal(limit) {
      const previous = cipher.previousKeyId;
      if (!previous) return 0;
      return db.transaction(async (tx) => {
        // Rows locked one batch at a time, skipping those another reseal holds: a rotation runs beside live traffic.
        const rows = await tx
          .select()
          .from(slackInstallations)
          .where(eq(slackInstallations.keyId, previous))
          .limit(limit)
          .for('update', { skipLocked: true });
        for (const row of rows) {
          const data = cipher.open({ keyId: row.keyId, sealed: row.sealed }, associated(row));
          const { keyId, sealed } = cipher.seal(data, associated(row));
          await tx
            .update(slackInstallations)
            .set({ keyId, sealed, updatedAt: sql`now()` })
            .where(eq(slackInstallations.id, row.id));
        }
        return rows.length;
      });
    },
  };
}
