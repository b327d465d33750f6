/**
 * End to end: `start.js sandbox` (what `npm run sandbox` runs) — the built bot against the simulated
 * workspace — plays the default story to its end: summaries whose averages are the means of the answers
 * the simulated people gave, a help desk whose daily CSAT reaches the bot through POST /api/signals, the
 * manager's `/pulse symmetry` with each round's figures and the correlation (checked against numbers
 * computed here from what was sent), this run's chart (with its legend) and log, a story told in time
 * order with each reader's dates in their language, and nothing left behind (no process, database or
 * Redis key). Ctrl-C stops it early just as cleanly, and leaves no earlier run's chart or log behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { freePort, waitFor } from '../support/app-process';
import { adminUrl } from '../support/global-setup';
import { decodePng, pixelsOf, PNG_SIGNATURE } from '../support/png';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'dist', 'main', 'start.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** What an earlier run left in the output folder: this run must not show it as its own. */
const STALE_CHART = "an earlier run's chart";
const STALE_LOG = '{"msg":"a line from an earlier run"}';
/** The threshold the story's manager sets (`/pulse config threshold 4`): a round with fewer answers shows no mood. */
const THRESHOLD = 4;

interface Report {
  completed: boolean;
  weeks: number;
  database: string;
  queuePrefix: string;
  problems: string[];
  shoutouts: number;
  rounds: Array<{
    closesAt: string;
    firstCheckinAt: string;
    invited: number;
    answers: Array<{ score: number; comment: string | null }>;
  }>;
  summaries: Array<{
    closesAt: string;
    withheld: boolean;
    average: number | null;
    respondents: number | null;
    invited: number | null;
    text: string;
  }>;
  signals: Array<{
    at: string;
    day: string;
    metric: string;
    value: number;
    responses: number;
    status: number;
    stored: number | null;
  }>;
  symmetry: { text: string; markdown: string } | null;
}

interface Sandbox {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

const outDirs: string[] = [];

/** Starts the sandbox on an output folder holding an earlier run's chart.png and symmetry.log. */
async function startSandbox(env: Record<string, string>): Promise<Sandbox> {
  if (!existsSync(ENTRY)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const outDir = mkdtempSync(join(tmpdir(), 'symmetry-sandbox-'));
  outDirs.push(outDir);
  writeFileSync(join(outDir, 'chart.png'), STALE_CHART);
  writeFileSync(join(outDir, 'symmetry.log'), `${STALE_LOG}\n`);
  const port = await freePort();
  let out = '';
  // Its own process group: afterwards, no process of the group may be left.
  const child = spawn(process.execPath, [ENTRY, 'sandbox'], {
    cwd: ROOT,
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: adminUrl(),
      REDIS_URL,
      SANDBOX_OUTPUT_DIR: outDir,
      SANDBOX_SEED: 'e2e',
      PORT: String(port),
      ...env,
    },
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
  expect(
    await fetch(`http://127.0.0.1:${sandbox.port}/healthz`).then(
      () => 'answered',
      () => 'closed',
    ),
  ).toBe('closed');
  expect(await databaseExists(database)).toBe(false);
  expect(await redisKeys(prefix)).toBe(0);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Pearson's r, written here again: the test does not borrow the bot's. */
function pearson(pairs: Array<[number, number]>): number {
  const mx = mean(pairs.map(([x]) => x));
  const my = mean(pairs.map(([, y]) => y));
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (const [x, y] of pairs) {
    cov += (x - mx) * (y - my);
    vx += (x - mx) ** 2;
    vy += (y - my) ** 2;
  }
  return cov / Math.sqrt(vx * vy);
}

/** Lines of the story whose clock (HH:MM, UTC) runs backwards within a day. */
function outOfOrder(output: string): string[] {
  const problems: string[] = [];
  let previous: string | null = null;
  for (const line of output.split('\n')) {
    if (line.startsWith('── ')) {
      previous = null;
      continue;
    }
    const time = /^(\d\d:\d\d) /.exec(line)?.[1];
    if (time === undefined) continue;
    if (previous !== null && time < previous) problems.push(`${previous} before ${line}`);
    previous = time;
  }
  return problems;
}

/** The lines of the first message shown after `headline` (its "│ …" lines), joined. */
function messageAfter(output: string, headline: RegExp): string {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => headline.test(l));
  if (at < 0) return '';
  const body: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!/^\s+│ /.test(line)) break;
    body.push(line.replace(/^\s+│ /, ''));
  }
  return body.join('\n');
}

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the default story, run to its end', () => {
  let sandbox: Sandbox;
  let outDir: string;
  let report: Report;
  let output: string;

  beforeAll(async () => {
    // The default length (no SANDBOX_WEEKS), at twice the default speed to keep the test short.
    sandbox = await startSandbox({ SANDBOX_HOURS_PER_SECOND: '4' });
    outDir = outDirs.at(-1)!;
    const code = await Promise.race([
      sandbox.exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 200_000).unref()),
    ]);
    output = sandbox.output();
    if (code !== 0) {
      if (code === 'timeout') process.kill(-sandbox.child.pid!, 'SIGKILL');
      throw new Error(`the sandbox ended with ${code}:\n${output.slice(-4000)}`);
    }
    report = JSON.parse(readFileSync(join(outDir, 'answers.json'), 'utf8')) as Report;
  }, 230_000);

  test('it ends without a problem after the default seven weeks, one round each', () => {
    expect(report.problems).toEqual([]);
    expect(report.completed).toBe(true);
    expect(report.weeks).toBe(7);
    expect(report.rounds).toHaveLength(7);
  });

  test('every summary shows what the simulated people answered in its round: how many, and their mean', () => {
    const shown = report.summaries.filter((s) => !s.withheld);
    expect(shown.length).toBeGreaterThanOrEqual(6);
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
    expect(readFileSync(join(outDir, 'summary.md'), 'utf8')).toContain(
      `Average mood: **${shown.at(-1)!.average!.toFixed(1)}** / 10`,
    );
  });

  test('the help desk sent each working day’s CSAT to POST /api/signals, and the bot answered "stored 1" to every one', () => {
    // Monday to Thursday of each round at least (the last Friday's may come after the story's end).
    expect(report.signals.length).toBeGreaterThanOrEqual(4 * report.rounds.length);
    expect(report.signals.filter((s) => s.status !== 200 || s.stored !== 1)).toEqual([]);
    expect(output).toMatch(/Help desk → POST \/api\/signals .*: CSAT [\d.]+% of \d+ ratings → 200 stored 1/);
  });

  test('/pulse symmetry shows each round’s mood and CSAT, and r at the same round with n and its 95% interval, as computed here from what was sent', () => {
    expect(output).toMatch(/Maya Lindqvist types \/pulse symmetry/);
    const text = report.symmetry?.text ?? '';
    const rounds = [...report.rounds].sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    // Each round: the mean of its answers (none shown under the story's threshold of 4), and the responses-weighted
    // CSAT of the days from its first check-in to its close (UTC days).
    const expected = rounds.map((r) => {
      const [from, to] = [r.firstCheckinAt.slice(0, 10), r.closesAt.slice(0, 10)];
      const days = report.signals.filter((s) => s.day >= from && s.day <= to);
      const csat =
        days.reduce((sum, s) => sum + s.value * s.responses, 0) / days.reduce((sum, s) => sum + s.responses, 0);
      return {
        day: to,
        mood: r.answers.length >= THRESHOLD ? oneDecimal(mean(r.answers.map((a) => a.score))) : null,
        csat: oneDecimal(csat),
      };
    });
    const shownRounds = [
      ...text.matchAll(/^(\d{4}-\d\d-\d\d): mood (?:([\d.]+) \/ 10|not shown).* · CSAT (\d+)%/gm),
    ].map((m) => ({ day: m[1], mood: m[2] === undefined ? null : Number(m[2]), csat: Number(m[3]) }));
    expect(shownRounds).toEqual(expected.map((e) => ({ day: e.day, mood: e.mood, csat: Math.round(e.csat) })));
    // r over the rounds with a mood, with customers of the same round (the default lag), with n and its 95% interval.
    const sameRound = expected.filter((e) => e.mood !== null).map((e): [number, number] => [e.mood!, e.csat]);
    expect(sameRound.length).toBeGreaterThanOrEqual(6);
    const r =
      /Customer CSAT \(same round\): r = (-?[\d.]+), 95% interval (-?[\d.]+) to (-?[\d.]+), n = (\d+) rounds\./.exec(
        text,
      );
    expect(r).not.toBeNull();
    // Shown to two decimals; the interval by Fisher z, written here again (z of 97.5% = 1.959963984540054).
    const want = pearson(sameRound);
    const half = 1.959963984540054 / Math.sqrt(sameRound.length - 3);
    const [low, high] = [Math.tanh(Math.atanh(want) - half), Math.tanh(Math.atanh(want) + half)];
    expect(Math.abs(Number(r![1]) - want)).toBeLessThanOrEqual(0.0051);
    expect(Math.abs(Number(r![2]) - low)).toBeLessThanOrEqual(0.0051);
    expect(Math.abs(Number(r![3]) - high)).toBeLessThanOrEqual(0.0051);
    expect(Number(r![4])).toBe(sameRound.length);
    // No direction while the interval includes 0.
    expect(text.includes('Not enough evidence yet')).toBe(low <= 0 && high >= 0);
    // The terminal told it, and summary.md keeps it.
    expect(output).toContain(r![0]);
    expect(readFileSync(join(outDir, 'summary.md'), 'utf8')).toContain(r![0]);
  });

  test('chart.png is this run’s chart, with a legend: mood and CSAT symbols under the plot', () => {
    const chart = readFileSync(join(outDir, 'chart.png'));
    expect([...chart.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(output).toContain('chart.png');
    const image = decodePng(chart);
    expect([image.width, image.height]).toEqual([800, 400]);
    // Below the x axis labels (around y = 357) is only the legend; the mood line and the CSAT line each have a symbol there.
    const legend = ([, y]: [number, number]) => y > 372;
    expect(pixelsOf(image, '#1f6fb2').filter(legend).length).toBeGreaterThan(20);
    expect(pixelsOf(image, '#e8731a').filter(legend).length).toBeGreaterThan(20);
  });

  test('symmetry.log is this run’s log only', () => {
    const log = readFileSync(join(outDir, 'symmetry.log'), 'utf8');
    expect(log).toContain('web listening');
    expect(log).not.toContain(STALE_LOG);
  });

  test('the story runs in time order, each reader sees dates in their own language, and counts take the right number', () => {
    const stamped = output.split('\n').filter((l) => /^\d\d:\d\d /.test(l));
    expect(stamped.length).toBeGreaterThan(300);
    expect(outOfOrder(output)).toEqual([]);
    // Élodie reads French: her check-in's closing date too (not "Thu 10 Dec 19:00").
    const elodie = messageAfter(output, /Symmetry → Élodie Martin \(DM: check-in\)/);
    expect(elodie).toMatch(/jusqu’à la clôture \((lun|mar|mer|jeu|ven)\. \d{1,2} [a-zéû]+\.? à \d\d:\d\d\)/);
    // An English date ("Thu, Dec 10"), not a French word that happens to read like one ("Mon équipe …").
    expect(elodie).not.toMatch(
      /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? (\d+|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/,
    );
    // Maya's /pulse status gives the closing time as her DMs do, not as ISO-like UTC.
    expect(output).toMatch(
      /\d+ of \d+ answered\. The round is open until (Mon|Tue|Wed|Thu|Fri), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d\d:\d\d\./,
    );
    expect(output).not.toMatch(/open until \d{4}-\d\d-\d\d/);
    const done = output.split('\n').find((l) => l.startsWith('Done: '))!;
    expect(done).toContain(`${report.summaries.length} summaries, ${report.signals.length} daily CSAT figures`);
    expect(done).not.toMatch(/\(s\)/);
    expect(output).toContain('7 weeks to go');
  });

  test('nothing is left behind: no process, no database, no Redis key', async () => {
    await expectNothingLeft(sandbox, report.database, report.queuePrefix);
  });
});

test('Ctrl-C stops it cleanly: exit 0, its database, Redis keys and processes are gone, and no earlier run’s chart or log is left', async () => {
  const sandbox = await startSandbox({ SANDBOX_WEEKS: '3' });
  await waitFor(() => /\(DM: check-in\)/.test(sandbox.output()), 'the first check-in', 90_000, 100);
  const database = /database (symmetry_sandbox_[0-9a-f]+)/.exec(sandbox.output())![1]!;
  const prefix = /Redis prefix (symsandbox[0-9a-f]+)/.exec(sandbox.output())![1]!;
  expect(await databaseExists(database)).toBe(true);
  sandbox.child.kill('SIGINT');
  const code = await Promise.race([
    sandbox.exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref()),
  ]);
  if (code === 'timeout') process.kill(-sandbox.child.pid!, 'SIGKILL');
  expect(code).toBe(0);
  expect(sandbox.output()).toContain(`Removed the database ${database}`);
  await expectNothingLeft(sandbox, database, prefix);
  // No summary was posted, so no chart: the one an earlier run left is gone, not passed off as this run's.
  const outDir = outDirs.at(-1)!;
  expect(existsSync(join(outDir, 'summary.md'))).toBe(true);
  expect(existsSync(join(outDir, 'chart.png'))).toBe(false);
  const log = readFileSync(join(outDir, 'symmetry.log'), 'utf8');
  expect(log).toContain('web listening');
  expect(log).not.toContain(STALE_LOG);
}, 150_000);
