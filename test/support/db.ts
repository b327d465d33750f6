/** Database helpers for integration and end-to-end tests (the database comes from global-setup). */
import type { Pool } from 'pg';
import type { Repositories } from '../../src/core/ports';
import { createDatabase, type Database } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';

export interface TestDatabase {
  db: Database;
  pool: Pool;
  repos: Repositories;
  close(): Promise<void>;
}

/** Connects to the run's migrated test database (process.env.DATABASE_URL). */
export function openTestDatabase(): TestDatabase {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through jest (globalSetup creates the database)');
  const { db, pool, close } = createDatabase(url, { max: 4 });
  return { db, pool, repos: createRepositories(db), close };
}

/**
 * Empties every table of the public schema. The database is shared by all test files of a
 * run, so use it only when files run serially (`--runInBand`); otherwise prefer unique keys.
 */
export async function truncateAll(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
  );
  if (rows.length > 0) await pool.query(`truncate ${rows.map((r) => r.name).join(', ')} restart identity cascade`);
}

/** Registers the file's hooks for a database emptied before each test; the getter gives it from beforeAll on. */
export function useEmptiedDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(() => {
    database = openTestDatabase();
  });
  beforeEach(async () => {
    await truncateAll(database!.pool);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => database!;
}
