/** `npm run db:migrate`: applies the SQL migrations (under the same lock the processes use). */
import { loadConfig } from '../config';
import { createDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = createDatabase(config.DATABASE_URL);
  try {
    await runMigrations(database.pool);
    process.stdout.write('Migrations applied.\n');
  } finally {
    await database.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
