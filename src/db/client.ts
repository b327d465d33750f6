/** The PostgreSQL connection: one pg.Pool per process, wrapped by drizzle. */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
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
