/**
 * Slack OAuth installations, sealed at rest (../token-cipher.ts). The repository stores an opaque JSON text per
 * (enterprise, team) and never looks inside it: what an installation holds is the Slack platform's business.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { slackInstallations } from '../schema';
import type { TokenCipher } from '../token-cipher';

/** Which installation: a workspace's own (teamId), or an Enterprise Grid org-wide one (enterpriseId, no teamId). */
export interface InstallationKey {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/** What is stored: the installation as JSON text, and when its bot token expires (null: it does not). */
export interface InstallationRecord extends InstallationKey {
  isEnterpriseInstall: boolean;
  expiresAt: Date | null;
  data: string;
}

/** The installations of a deployment that serves Slack workspaces through OAuth. */
export interface InstallationRepository {
  /** Inserts or replaces the installation of its key, sealed with the current key. */
  save(record: InstallationRecord): Promise<void>;
  /** The installation serving `key`: the workspace's own, else (Grid) its organization's org-wide install. */
  find(key: InstallationKey & { isEnterpriseInstall?: boolean }): Promise<InstallationRecord | null>;
  /** Deletes the installation of exactly this key (an org-wide one when teamId is absent); how many rows went. */
  remove(key: InstallationKey): Promise<number>;
  /** Reseals up to `limit` rows still under an older key with the current one; how many it did (0: done). */
  reseal(limit: number): Promise<number>;
}

const keyOf = (key: InstallationKey) => ({ enterpriseId: key.enterpriseId ?? '', teamId: key.teamId ?? '' });
/** The associated data of a row's seal: its natural key, so a seal moved to another row does not open. */
const associated = (key: { enterpriseId: string; teamId: string }) =>
  `slack-installation:${key.enterpriseId}:${key.teamId}`;

/** The PostgreSQL InstallationRepository, sealing with `cipher`. */
export function createInstallationRepository(db: Database, cipher: TokenCipher): InstallationRepository {
  type Row = typeof slackInstallations.$inferSelect;
  const toRecord = (row: Row): InstallationRecord => ({
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
      // A workspace of a Grid organization that installed the app org-wide is served by the org's install.
      const org = enterpriseId ? await exact(enterpriseId, '') : undefined;
      return org ? toRecord(org) : null;
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
      return db.transaction(async (tx) => {
        // Rows locked one batch at a time, skipping those another reseal holds: a rotation runs beside live traffic.
        const rows = await tx
          .select()
          .from(slackInstallations)
          .where(ne(slackInstallations.keyId, cipher.currentKeyId))
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
