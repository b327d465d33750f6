/**
 * What every benchmark stands on: a throw-away PostgreSQL database, a unique Redis prefix, the
 * built app started as `npm start` starts it (test/support/app-process.ts), helper processes run
 * through tsx, and peak memory read from /proc. Everything talks to loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client, Pool } from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { startApp, type AppProcess } from '../../test/support/app-process';

export const ROOT = join(__dirname, '..', '..');
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Refuses any URL that is not loopback: the benchmark must never leave this machine. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`benchmarks talk to loopback only, not ${host}`);
}

export interface BenchDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** Creates and migrates `symmetry_bench_<time>_<hex>`; `drop()` removes it whatever is connected. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  assertLoopback(ADMIN_URL);
  const name = `symmetry_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pool = new Pool({ connectionString: url, max: 8, application_name: 'symmetry-bench' });
  // drop() ends connections with FORCE; an idle client hearing of it must not crash the run.
  pool.on('error', () => undefined);
  await runMigrations(pool);
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The environment every app process of a benchmark run shares (Slack on the fake, the run's database and prefix). */
export function benchAppEnv(o: { slackUrl: string; databaseUrl: string; prefix: string; secret: string }) {
  return {
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: o.secret,
    SLACK_API_URL: o.slackUrl,
    DATABASE_URL: o.databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: o.prefix,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
}

/** A fresh prefix for this run's queues (every key of the run starts with it). */
export function newQueuePrefix(): string {
  return `symbench${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix` with SCAN, so a shared Redis is not blocked. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Every process the run started, so cleanup can stop each one by its own pid. */
const children = new Set<ChildProcess>();

/** Starts `node dist/main/start.js <role>` with env; web waits for /healthz, worker for its BullMQ registration. */
export async function startRole(role: 'web' | 'worker', env: Record<string, string>): Promise<AppProcess> {
  // BENCH_PROFILE_DIR=dir: the process writes a V8 CPU profile there when it exits (NODE_OPTIONS may not carry --cpu-prof).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const app = await startApp(env, role, profile);
  children.add(app.child);
  app.child.once('exit', () => children.delete(app.child));
  return app;
}

/** Resolves once `count` worker processes are fetching from the platform queue under `prefix`. */
export async function waitForWorkers(prefix: string, count: number, timeoutMs = 30_000): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const queue = new Queue('symmetry-platform', { connection: redis, prefix });
  try {
    const deadline = Date.now() + timeoutMs;
    while ((await queue.getWorkersCount()) < count) {
      if (Date.now() > deadline) throw new Error(`${count} worker(s) did not register within ${timeoutMs} ms`);
      await sleep(100);
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** Runs a bench/ TypeScript file in its own node process (through tsx) and returns its last stdout line as JSON. */
export function runScript<T>(
  file: string,
  env: Record<string, string>,
  input?: unknown,
): { child: ChildProcess; result: Promise<T> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', file)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  if (input !== undefined) child.stdin!.end(JSON.stringify(input));
  else child.stdin!.end();
  const result = new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => {
      children.delete(child);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0)
        return reject(new Error(`${file} exited with ${code}:\n${err.slice(-3000)}\n${out.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${file} printed no JSON result:\n${out.slice(-2000)}\n${err.slice(-2000)}`));
      }
    });
  });
  return { child, result };
}

/** Stops every process this run started (SIGTERM, then SIGKILL after 12 s), each by its own pid. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Peak resident memory of a process so far, in MB (VmHWM), or the current RSS (VmRSS). */
export function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ")"; utime and stime are the 12th and 13th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The machine's busy and total CPU time so far (all cores, in clock ticks), from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  // idle and iowait are the 4th and 5th fields.
  return { busy: total - cpu[3]! - cpu[4]!, total };
}

/**
 * Waits, up to `maxMs`, for a second in which the machine's cores are under `busyBelow` busy: the work a step
 * leaves behind (PostgreSQL's autovacuum and checkpoint after a fan-out's writes, a worker finishing its queue)
 * is not the next step's to measure. Returns each second's busy share it saw.
 */
export async function quietMachine(busyBelow = 0.2, maxMs = 30_000): Promise<number[]> {
  const seen: number[] = [];
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = machineTicks();
    seen.push((after.busy - before.busy) / Math.max(1, after.total - before.total));
    if (seen.at(-1)! < busyBelow) break;
  }
  return seen;
}

/** The web's own ack-time histogram for /slack/events (cumulative count per upper bound in seconds), from /metrics. */
export async function serverAckBuckets(webUrl: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${webUrl}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const m of text.matchAll(/^symmetry_http_ack_seconds_bucket\{le="([^"]+)",route="\/slack\/events"\} (\d+)$/gm)) {
    buckets.set(m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2]));
  }
  return buckets;
}

/** Resets a process's peak RSS to its current RSS (Linux clear_refs "5"), so a phase can read its own peak. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Follows a process's RSS every `everyMs` as a second source for its peak (in case clear_refs is refused). */
export function watchRss(pid: number, everyMs = 100): { peakMb(): number; stop(): void } {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const rss = memoryMb(pid, 'VmRSS');
      // An exited process not yet reaped has a status file without VmRSS.
      if (Number.isFinite(rss)) peak = Math.max(peak, rss);
    } catch {
      clearInterval(timer);
    }
  }, everyMs);
  return { peakMb: () => Math.max(peak, safeHwm(pid)), stop: () => clearInterval(timer) };
}

function safeHwm(pid: number): number {
  try {
    const hwm = memoryMb(pid, 'VmHWM');
    return Number.isFinite(hwm) ? hwm : 0;
  } catch {
    return 0;
  }
}

/** Starts a long-running bench/ TypeScript server (through tsx) on `port` and waits for its /healthz. */
export async function startScriptServer(
  file: string,
  port: number,
  env: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', file)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`);
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`${file} did not start`);
    await sleep(100);
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Starts a bench/ TypeScript file that serves slices (bench/lib/slices.ts): `setup` goes on its first
 * stdin line; each `run(input)` sends one line and resolves with the JSON line it answers.
 */
export function startSliceScript<Input, Output>(
  file: string,
  setup: unknown,
): { child: ChildProcess; run(input: Input): Promise<Output>; stop(): Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', file)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const pending: Array<{ resolve(v: Output): void; reject(e: Error): void }> = [];
  let buffered = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      pending.shift()?.resolve(JSON.parse(line) as Output);
    }
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      for (const p of pending.splice(0)) p.reject(new Error(`${file} exited with ${code}:\n${err.slice(-3000)}`));
      resolve();
    }),
  );
  child.stdin!.write(`${JSON.stringify(setup)}\n`);
  return {
    child,
    run: (input) =>
      new Promise<Output>((resolve, reject) => {
        pending.push({ resolve, reject });
        child.stdin!.write(`${JSON.stringify(input)}\n`);
      }),
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}
