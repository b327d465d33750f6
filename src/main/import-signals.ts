/**
 * `npm run signals:import -- file.csv`: customer CSAT/NPS from a CSV export, with a progress bar
 * and a report of every bad row.
 *
 * Columns (a header row, any order): team, metric, value, responses, at, source; responses and
 * source may be empty. The same rules as POST /api/signals apply, and the file is all or nothing:
 * when any row is bad, every problem is listed and no row is stored.
 */
import { readFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { loadImportConfig } from '../config';
import type { SignalRepository } from '../core/ports';
import { parseSignals, type SignalProblem } from '../core/signals';
import { recordSignals } from '../core/use-cases/signals';
import { createDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createSignalRepository } from '../db/repositories';

const COLUMNS = ['team', 'metric', 'value', 'responses', 'at', 'source'] as const;
const REQUIRED = ['team', 'metric', 'value', 'at'] as const;

/** Splits CSV text (RFC 4180: quoted fields, "" inside quotes, CRLF or LF) into rows of fields; blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/** A problem of the file: the line it is on (1 = the header), the field, what is wrong. */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** The CSV's data rows as signal objects (numbers converted, empty optional cells left out), or the header's problems. */
export function rowsToItems(
  rows: string[][],
): { ok: true; items: Array<Record<string, unknown>> } | { ok: false; problems: RowProblem[] } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const problems: RowProblem[] = [];
  for (const column of REQUIRED)
    if (!header.includes(column))
      problems.push({ line: 1, field: column, message: 'column is missing from the header' });
  header.forEach((h) => {
    if (!(COLUMNS as readonly string[]).includes(h))
      problems.push({ line: 1, field: h, message: `is not a known column (${COLUMNS.join(', ')})` });
  });
  if (problems.length) return { ok: false, problems };
  const items = rows.slice(1).map((cells) => {
    const item: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const cell = (cells[i] ?? '').trim();
      if (cell === '' && (column === 'responses' || column === 'source')) return;
      // Numbers stay strings when they are not numbers, so validation names the field.
      item[column] =
        (column === 'value' || column === 'responses') && cell !== '' && Number.isFinite(Number(cell))
          ? Number(cell)
          : cell;
    });
    if (cells.length > header.length) item[`column ${header.length + 1}`] = cells.slice(header.length).join(',');
    return item;
  });
  return { ok: true, items };
}

/** Progress of an import, as a bar or anything else that counts. */
export interface Progress {
  start(total: number): void;
  increment(): void;
  stop(): void;
}

/** Checks every row (reporting progress), then stores all rows in one transaction, or none when any row is bad. */
export async function importSignalsCsv(
  text: string,
  signals: SignalRepository,
  progress?: Progress,
): Promise<{ ok: true; stored: number } | { ok: false; problems: RowProblem[] }> {
  const table = rowsToItems(parseCsv(text));
  if (!table.ok) return table;
  const lineOf = (p: SignalProblem): RowProblem => ({ line: p.index + 2, field: p.field, message: p.message });
  if (table.items.length === 0)
    return { ok: false, problems: [{ line: 2, field: '', message: 'the file has no data rows' }] };
  // The bar follows the row-by-row check; the report and the store come from one call on the whole file.
  progress?.start(table.items.length);
  for (const item of table.items) {
    parseSignals(item);
    progress?.increment();
  }
  progress?.stop();
  const result = await recordSignals(signals, table.items);
  return result.ok ? result : { ok: false, problems: result.problems.map(lineOf) };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run signals:import -- file.csv');
  const text = readFileSync(file, 'utf8');
  const config = loadImportConfig();
  const database = createDatabase(config.DATABASE_URL);
  try {
    await runMigrations(database.pool);
    const bar = new SingleBar(
      { format: 'Checking rows [{bar}] {value}/{total}', stream: process.stderr },
      Presets.shades_classic,
    );
    const progress: Progress = {
      start: (total) => bar.start(total, 0),
      increment: () => bar.increment(),
      stop: () => bar.stop(),
    };
    const result = await importSignalsCsv(text, createSignalRepository(database.db), progress);
    if (!result.ok) {
      process.stderr.write(`${file}: nothing was stored; fix these rows and import the file again:\n`);
      for (const p of result.problems)
        process.stderr.write(`  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `${file}: ${result.stored} signal(s) stored (a repeated team, metric, source and day replaced the earlier value).\n`,
    );
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
