/**
 * Jest globalSetup: a fresh PostgreSQL database per run, migrated, plus a unique queue prefix.
 * Values set on process.env here reach every test worker (they are spawned afterwards).
 */
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { runMigrations } from '../../src/db/migrate';

/** The server the test database is created on. */
export function adminUrl(): string {
  return process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** `base` with its database name replaced. */
export function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function globalSetup(): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  const name = `symmetry_test_${Date.now()}_${suffix}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }

  const url = withDatabase(adminUrl(), name);
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await runMigrations(pool);
  } finally {
    await pool.end();
  }

  process.env.DATABASE_URL = url;
  process.env.TEST_DATABASE_NAME = name;
  process.env.QUEUE_PREFIX = `symtest${suffix}`;
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
}
