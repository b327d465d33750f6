/** Every row of every table of the test database, as one text: the database is "unchanged" when this is. */
import type { Pool } from 'pg';

/** All rows of all public tables, each table's rows in a stable order. */
export async function databaseSnapshot(pool: Pool): Promise<string> {
  const { rows: tables } = await pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by 1",
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await pool.query<{ row: string }>(
      `select row_to_json(t)::text as row from "${name}" t order by 1`,
    );
    parts.push(`${name}: ${rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
}
