/**
 * The operator's commands for a deployment serving several Slack workspaces, run with the app's environment:
 * - `npm run tokens:reencrypt`: reseals every installation still under TOKEN_ENCRYPTION_KEY_PREVIOUS with
 *   TOKEN_ENCRYPTION_KEY, in small locked batches beside the running app (key rotation without downtime);
 * - `npm run workspace:delete -- <Slack team id>`: deletes a workspace's tokens and all its data now, instead of
 *   after the grace period.
 */
import { eq, or, sql } from 'drizzle-orm';
import { loadConfig } from '../config';
import { createDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createRepositories } from '../db/repositories';
import { createInstallationRepository } from '../db/repositories/installation-repository';
import { workspaces } from '../db/schema';
import { createTokenCipher } from '../db/token-cipher';

const BATCH = 100;
const USAGE = 'usage: installations-cli reencrypt | delete-workspace <Slack team id or workspace id>';

async function main(argv: string[]): Promise<string> {
  const [command, target] = argv;
  if (command !== 'reencrypt' && command !== 'delete-workspace') throw new Error(USAGE);
  const config = loadConfig();
  if (!config.TOKEN_ENCRYPTION_KEY)
    throw new Error('TOKEN_ENCRYPTION_KEY is not set: this deployment keeps no installations (one SLACK_BOT_TOKEN)');
  const database = createDatabase(config.DATABASE_URL);
  try {
    await runMigrations(database.pool);
    const installations = createInstallationRepository(
      database.db,
      createTokenCipher(config.TOKEN_ENCRYPTION_KEY, config.TOKEN_ENCRYPTION_KEY_PREVIOUS),
    );
    if (command === 'reencrypt') {
      if (!config.TOKEN_ENCRYPTION_KEY_PREVIOUS)
        throw new Error('TOKEN_ENCRYPTION_KEY_PREVIOUS is not set: there is no old key to move installations from');
      let total = 0;
      for (let done = BATCH; done === BATCH; total += done) done = await installations.reseal(BATCH);
      return `Re-encrypted ${total} installation(s) with TOKEN_ENCRYPTION_KEY; TOKEN_ENCRYPTION_KEY_PREVIOUS can be removed once every process runs with the new key.`;
    }
    if (!target) throw new Error(`${USAGE}\n(name the workspace: its Slack team id, like T0123ABCD)`);
    const [workspace] = await database.db
      .select({ id: workspaces.id, externalId: workspaces.externalId })
      .from(workspaces)
      .where(or(eq(workspaces.externalId, target), eq(sql`${workspaces.id}::text`, target)));
    const tokens = await installations.remove({ teamId: workspace?.externalId ?? target });
    if (!workspace && tokens === 0) throw new Error(`No workspace ${target} here: nothing was deleted`);
    if (workspace) await createRepositories(database.db).workspaces.deleteData(workspace.id);
    return `Deleted workspace ${target}: ${tokens} installation(s) and ${workspace ? 'all its data' : 'no data (none was kept)'}.`;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (done) => process.stdout.write(`${done}\n`),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
