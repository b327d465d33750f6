/** Applies the SQL migrations in migrations/ (made by drizzle-kit) at start-up. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Pool } from 'pg';

/** Arbitrary but fixed key: every replica of Symmetry takes the same advisory lock. */
const MIGRATION_LOCK_KEY = 0x53594d4d; // "SYMM"

/** Nearest ancestor of `from` holding package.json, so src/ (tsx, jest) and dist/ (tsc) agree. */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The migrations/ folder at the package root. */
export const defaultMigrationsFolder = join(findPackageRoot(__dirname), 'migrations');

/**
 * Applies every pending migration, serialized across processes: replicas that start together
 * wait on one PostgreSQL advisory lock, and the later ones find nothing left to do.
 */
export async function runMigrations(pool: Pool, migrationsFolder: string = defaultMigrationsFolder): Promise<void> {
  // A session-level advisory lock belongs to one connection, so the lock and the migration
  // must run on the same dedicated client rather than on whatever the pool hands out.
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (err) {
    // A connection in an unknown state (lock possibly held) must not go back to the pool.
    broken = true;
    throw err;
  } finally {
    client.release(broken);
  }
}
