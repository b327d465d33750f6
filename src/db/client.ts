/** The PostgreSQL connection: one pg.Pool per process, wrapped by drizzle. */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
import * as schema from './schema';

/** The drizzle database every repository receives (with its pool, for the few statements drizzle cannot build prepared). */
export type Database = NodePgDatabase<typeof schema> & { $client: Pool };

export interface DatabaseHandle {
  db: Database;
  pool: Pool;
  /** Ends the pool after in-flight queries finish. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Pool size; default 10 (pg's own default). */
  max?: number;
  /** Called when an idle pooled connection fails (e.g. the server restarts). */
  onError?: (err: Error) => void;
}

/** Opens a pool on `url` and the drizzle database over it; no connection is made until first use. */
export function createDatabase(url: string, opts: DatabaseOptions = {}): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max: opts.max ?? 10, application_name: 'symmetry' });
  // pg emits 'error' for idle clients that lose their connection; unhandled, it would
  // crash the process. The pool drops the client and the next query reconnects.
  pool.on('error', opts.onError ?? (() => undefined));
  const db = drizzle({ client: pool, schema });
  let closed: Promise<void> | undefined;
  return { db, pool, close: () => (closed ??= pool.end()) };
}

/** True when the database answers `select 1` within `timeoutMs`; never throws (for /healthz). */
export async function pingDatabase(pool: Pool, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = pool.query('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why PostgreSQL could not be used: a stable code the caller words for its reader. */
export type DatabaseProblem =
  /** Nothing listens at the host and port. */
  | 'refused'
  /** The host name does not resolve. */
  | 'unknown_host'
  /** No answer in time (a firewall dropping packets, a server overloaded). */
  | 'timeout'
  /** The server refused the user or password (28P01, 28000). */
  | 'auth_failed'
  /** The database does not exist and could not be created (the reason is in `detail`). */
  | 'missing_database'
  | 'other';

/** Where a DATABASE_URL points, without its password. */
export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

/** What checkDatabase found. */
export type DatabaseCheck =
  | { ok: true; target: DatabaseTarget; /** The database was missing and was created just now. */ created: boolean }
  | {
      ok: false;
      target: DatabaseTarget;
      problem: DatabaseProblem;
      /** The driver's own words, for the operator. */ detail: string;
      cause: unknown;
    };

/** Where `url` points (host, port, user, database), with libpq's defaults for what it leaves out. */
export function databaseTarget(url: string): DatabaseTarget {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || 'postgres';
  return {
    host: u.hostname || 'localhost',
    port: Number(u.port || 5432),
    user,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || user,
  };
}

/** The error code of a pg or socket error (a connection to "localhost" tries each address and fails with all of them). */
function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; errors?: Array<{ code?: string }> };
  return e?.code ?? e?.errors?.find((inner) => inner.code)?.code;
}

/** Sorts a failed connection into a DatabaseProblem. */
function problemOf(err: unknown): DatabaseProblem {
  const code = errorCode(err);
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown_host';
  if (code === 'ETIMEDOUT' || /timeout/i.test((err as Error)?.message ?? '')) return 'timeout';
  if (code === '28P01' || code === '28000') return 'auth_failed';
  if (code === '3D000') return 'missing_database';
  return 'other';
}

function messageOf(err: unknown): string {
  const e = err as { message?: string; errors?: Array<{ message?: string }> };
  return e?.message || e?.errors?.map((inner) => inner.message).join('; ') || String(err);
}

async function connectOnce(url: string, timeoutMs: number): Promise<Client> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: 'symmetry',
  });
  // A connection that fails after connecting emits 'error'; unhandled it would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The same server, connected to its `postgres` maintenance database: where CREATE DATABASE is run from. */
function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/**
 * Connects to `url` once and reports, never throws. A missing database is created (through the server's
 * `postgres` database, as the same user) when that user may; otherwise the problem says why not.
 */
export async function checkDatabase(url: string, timeoutMs = 5000): Promise<DatabaseCheck> {
  const target = databaseTarget(url);
  try {
    await (await connectOnce(url, timeoutMs)).end();
    return { ok: true, target, created: false };
  } catch (err) {
    const problem = problemOf(err);
    if (problem !== 'missing_database') return { ok: false, target, problem, detail: messageOf(err), cause: err };
  }
  try {
    const admin = await connectOnce(maintenanceUrl(url), timeoutMs);
    try {
      await admin.query(`create database ${admin.escapeIdentifier(target.database)}`);
    } finally {
      await admin.end();
    }
    return { ok: true, target, created: true };
  } catch (err) {
    // Another replica starting at the same moment may have created it first (42P04 duplicate_database).
    if (errorCode(err) === '42P04') return { ok: true, target, created: false };
    return { ok: false, target, problem: 'missing_database', detail: messageOf(err), cause: err };
  }
}
