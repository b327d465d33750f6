/**
 * A Redis of the test's own on a free loopback port, with the persistence docker-compose.yml gives
 * production (append-only file, fsync every second, noeviction), so a test can restart it (SHUTDOWN,
 * then start again on the same port and directory) and see what survives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, waitFor } from './app-process';
import { machineClockEnv } from './clock-env';

export interface PrivateRedis {
  port: number;
  url: string;
  /** The data directory (the append-only file lives here). */
  dir: string;
  /** True while the server process runs. */
  running(): boolean;
  /** `SHUTDOWN` (Redis flushes the append-only file first), then waits for the process to exit. */
  shutdown(): Promise<void>;
  /** Starts the server again on the same port and directory; resolves once it answers PING. */
  start(): Promise<void>;
  /** Shuts down (if running) and deletes the data directory. */
  close(): Promise<void>;
}

/** Redis 6+ must be on PATH as `redis-server` (it is wherever the README's test command runs). */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'symmetry-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log = '';

  /** One inline command on a fresh connection; resolves with the first reply line (or '' when the server hangs up). */
  const command = (line: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let reply = '';
      socket.setTimeout(2000, () => socket.destroy(new Error(`no answer to ${line}`)));
      socket.on('connect', () => socket.write(`${line}\r\n`));
      socket.on('data', (d: Buffer) => {
        reply += d.toString();
        if (reply.includes('\r\n')) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(reply.split('\r\n')[0] ?? ''));
    });
  const ping = async () => (await command('PING').catch(() => '')) === '+PONG';

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null)
      throw new Error('private Redis is already running');
    // The settings of docker-compose.yml, on our own port and directory; nothing else.
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: machineClockEnv() },
    );
    proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await waitFor(
      async () => {
        if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}:\n${log.slice(-2000)}`);
        return ping();
      },
      'the private Redis to answer PING',
      15_000,
      50,
    );
  };

  const running = () => !!child && child.exitCode === null && child.signalCode === null;

  const shutdown = async () => {
    if (!running()) return;
    // Redis writes the append-only file out and hangs up instead of answering.
    const reply = await command('SHUTDOWN').catch((err: Error) => err.message);
    if (reply) throw new Error(`SHUTDOWN answered ${reply}`);
    await exited;
  };

  await start();
  return {
    port,
    url,
    dir,
    running,
    shutdown,
    start,
    async close() {
      await shutdown().catch(async () => {
        child?.kill('SIGKILL');
        await exited;
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
