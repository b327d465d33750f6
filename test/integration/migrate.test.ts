/** runMigrations: replicas starting together on an empty database apply the migrations once. */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { defaultMigrationsFolder, runMigrations } from '../../src/db/migrate';
import * as schema from '../../src/db/schema';
import { adminUrl, withDatabase } from '../support/global-setup';

const name = `symmetry_test_migrate_${Date.now()}_${randomBytes(4).toString('hex')}`;

async function admin(sqlText: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

beforeAll(() => admin(`create database "${name}"`));
afterAll(() => admin(`drop database if exists "${name}" with (force)`));

it('finds migrations/ at the package root', () => {
  expect(existsSync(join(defaultMigrationsFolder, 'meta', '_journal.json'))).toBe(true);
});

it('is safe when several processes migrate at once, and a no-op afterwards', async () => {
  // One pool per "replica", as separate processes would have.
  const pools = [1, 2, 3].map(() => new Pool({ connectionString: withDatabase(adminUrl(), name), max: 2 }));
  // The database is dropped WITH (FORCE) after the file: a client still closing then gets terminated, which is fine.
  for (const p of pools) p.on('error', () => undefined);
  try {
    await Promise.all(pools.map((p) => runMigrations(p)));
    await runMigrations(pools[0]!);
    const { rows } = await pools[0]!.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8'));
    expect(rows[0].n).toBe(journal.entries.length);
    const { rows: tables } = await pools[0]!.query(
      `select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    // Every table the schema declares exists, once.
    expect(tables[0].n).toBe(Object.values(schema).filter((t) => is(t, PgTable)).length);
    const { rows: locks } = await pools[0]!.query(
      `select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
    );
    // This database's locks only: other runs on the same server (parallel test runs) hold their own.
    expect(locks[0].n).toBe(0);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
});
