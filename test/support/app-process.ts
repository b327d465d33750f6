/** Starts the built app as a user would (`node --max-old-space-size=160 dist/main/start.js <role>` with env) and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort } from '../../src/main/infra-embedded';
import { sharedClockEnv } from './clock-env';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'dist', 'main', 'start.js');
/**
 * Node's flags for the app, as `npm start`, the Dockerfile and docker-compose.yml give them
 * (test/unit/deploy-files.test.ts keeps the four the same): the heap is capped, see docs/operations.md "Memory".
 */
export const APP_NODE_ARGS: readonly string[] = ['--max-old-space-size=160'];

/** A free loopback port (bound, read, released): the one the sandbox uses. */
export const freePort = freeLoopbackPort;

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed (stdout and stderr). */
  output(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Resolves once the process has exited: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The apps this test file started and has not seen exit: a timed-out wait shows the end of what each printed. */
const running = new Set<{ role: string; output: () => string }>();
const OUTPUT_SHOWN_ON_TIMEOUT = 3000;

function runningOutput(): string {
  return [...running]
    .map(
      (a) => `\n--- the ${a.role} app's last output ---\n${a.output().slice(-OUTPUT_SHOWN_ON_TIMEOUT) || '(nothing)'}`,
    )
    .join('');
}

/**
 * Polls `check` every `everyMs` until it returns a truthy value or `timeoutMs` passes. The timeout's
 * error carries the end of every running app's output, so a CI log says why the app did not answer.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<NonNullable<Awaited<T>>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<Awaited<T>>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}${runningOutput()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts the app with `env` on a free port (node started with `nodeArgs`) and waits until /healthz answers 200. */
export async function startApp(
  env: Record<string, string>,
  role: 'all' | 'web' | 'worker' = 'all',
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  if (!existsSync(ENTRY)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const port = env.PORT ?? String(await freePort());
  let out = '';
  const child = spawn(process.execPath, [...APP_NODE_ARGS, ...nodeArgs, ENTRY, role], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...sharedClockEnv(), ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const exited = ended.then((e) => e.code);
  const entry = { role, output: () => out };
  running.add(entry);
  void ended.then(() => running.delete(entry));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    exited: ended,
  };
  if (role !== 'worker') {
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${out}`);
          const res = await fetch(`${url}/healthz`).catch(() => null);
          return res?.status === 200;
        },
        'the app to become healthy',
        30_000,
        100,
      );
    } catch (err) {
      await app.stop();
      throw new Error(`${(err as Error).message}\n--- app output ---\n${out}`, { cause: err });
    }
  }
  return app;
}
