/**
 * End to end: `start.js sandbox` (what `npm run sandbox` runs) — the built bot against the simulated
 * workspace — plays a shortened story to its end: a summary whose average is the mean of the answers
 * the simulated people gave, a shout-out, and nothing left behind (no process, database or Redis key).
 * Ctrl-C stops it early just as cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { freePort, waitFor } from '../support/app-process';
import { adminUrl } from '../support/global-setup';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'dist', 'main', 'start.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Report {
  completed: boolean;
  database: string;
  queuePrefix: string;
  problems: string[];
  shoutouts: number;
  rounds: Array<{ closesAt: string; invited: number; answers: Array<{ score: number; comment: string | null }> }>;
  summaries: Array<{ closesAt: string; withheld: boolean; average: number | null; respondents: number | null; invited: number | null; text: string }>;
}

interface Sandbox {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

const outDirs: string[] = [];

async function startSandbox(env: Record<string, string>): Promise<Sandbox> {
  if (!existsSync(ENTRY)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const outDir = mkdtempSync(join(tmpdir(), 'symmetry-sandbox-'));
  outDirs.push(outDir);
  const port = await freePort();
  let out = '';
  // Its own process group: afterwards, no process of the group may be left.
  const child = spawn(process.execPath, [ENTRY, 'sandbox'], {
    cwd: ROOT,
    detached: true,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: adminUrl(), REDIS_URL, SANDBOX_OUTPUT_DIR: outDir, SANDBOX_SEED: 'e2e', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => out, exited };
}

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    return (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

async function redisKeys(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    let count = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      count += keys.length;
      cursor = next;
    } while (cursor !== '0');
    return count;
  } finally {
    redis.disconnect();
  }
}

async function expectNothingLeft(sandbox: Sandbox, database: string, prefix: string): Promise<void> {
  expect(groupAlive(sandbox.child.pid!)).toBe(false);
  expect(await fetch(`http://127.0.0.1:${sandbox.port}/healthz`).then(() => 'answered', () => 'closed')).toBe('closed');
  expect(await databaseExists(database)).toBe(false);
  expect(await redisKeys(prefix)).toBe(0);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

test('a shortened story runs to its end: a summary with the right average, a shout-out, nothing left behind', async () => {
  const sandbox = await startSandbox({ SANDBOX_WEEKS: '1', SANDBOX_HOURS_PER_SECOND: '4' });
  const code = await Promise.race([sandbox.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 150_000).unref())]);
  if (code !== 0) {
    if (code === 'timeout') process.kill(-sandbox.child.pid!, 'SIGKILL');
    throw new Error(`the sandbox ended with ${code}:\n${sandbox.output().slice(-4000)}`);
  }
  const outDir = outDirs.at(-1)!;
  const report = JSON.parse(readFileSync(join(outDir, 'answers.json'), 'utf8')) as Report;
  expect(report.problems).toEqual([]);
  expect(report.completed).toBe(true);

  // Every summary the bot posted shows what the simulated people answered in that round: how many, and their mean.
  const shown = report.summaries.filter((s) => !s.withheld);
  expect(shown.length).toBeGreaterThanOrEqual(1);
  for (const summary of shown) {
    const round = report.rounds.find((r) => r.closesAt === summary.closesAt)!;
    const scores = round.answers.map((a) => a.score);
    expect(summary.respondents).toBe(scores.length);
    expect(summary.invited).toBe(round.invited);
    // The bot shows one decimal; the true mean is within half a tenth of it.
    expect(Math.abs(summary.average! - mean(scores))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(summary.text).toContain(`Average mood: ${summary.average!.toFixed(1)} / 10`);
  }
  expect(report.shoutouts).toBeGreaterThanOrEqual(1);

  // The terminal told the story, and the latest summary is on disk.
  const output = sandbox.output();
  expect(output).toMatch(/Symmetry → .+\(DM: check-in\)/);
  expect(output).toMatch(/clicks \[\d+\]/);
  expect(output).toMatch(/recognized/);
  expect(output).toContain('The latest summary');
  expect(readFileSync(join(outDir, 'summary.md'), 'utf8')).toContain(`Average mood: **${shown.at(-1)!.average!.toFixed(1)}** / 10`);
  // A summary shown at or above k comes with its chart: the bot uploaded it, the terminal names it, and it is a PNG on disk.
  const chart = join(outDir, 'chart.png');
  expect(output).toContain('chart.png');
  expect(existsSync(chart)).toBe(true);
  expect([...readFileSync(chart).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  await expectNothingLeft(sandbox, report.database, report.queuePrefix);
}, 180_000);

test('Ctrl-C stops it cleanly: exit 0, and its database, Redis keys and processes are gone', async () => {
  const sandbox = await startSandbox({ SANDBOX_WEEKS: '3' });
  await waitFor(() => /\(DM: check-in\)/.test(sandbox.output()), 'the first check-in', 90_000, 100);
  const database = /database (symmetry_sandbox_[0-9a-f]+)/.exec(sandbox.output())![1]!;
  const prefix = /Redis prefix (symsandbox[0-9a-f]+)/.exec(sandbox.output())![1]!;
  expect(await databaseExists(database)).toBe(true);
  sandbox.child.kill('SIGINT');
  const code = await Promise.race([sandbox.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref())]);
  if (code === 'timeout') process.kill(-sandbox.child.pid!, 'SIGKILL');
  expect(code).toBe(0);
  expect(sandbox.output()).toContain(`Removed the database ${database}`);
  await expectNothingLeft(sandbox, database, prefix);
}, 150_000);
