/**
 * Open-loop load at a fixed rate against one or more targets at once: tick i leaves at
 * start + i/rate whatever the answers before it did (no coordinated omission), and at each tick
 * every target gets the same body, each signed at the moment it leaves with a fresh timestamp, as
 * Slack signs every request. Loading the baseline and our app side by side means both see the
 * same machine at the same moment, so noise from anything else running cancels out of the ratio.
 * Runs in its own process. Reads { targets, secret, bodies, rate, seconds, warmupSeconds } on
 * stdin; the first rate × warmupSeconds bodies warm up (not recorded), the next ones are measured.
 * Prints one JSON line: per target, latencies from the request leaving to the last byte of the answer.
 */
import { Agent, request } from 'node:http';
import { signSlackRequest } from '../test/support/slack-requests';
import { readJsonInput } from './lib/stdin';

interface Input {
  targets: Array<{ name: string; url: string }>;
  secret: string;
  bodies: string[];
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** The target whose send times (epoch ms, per body, warm-up included) come back as `sentAt`. */
  stamp?: string;
}

export interface LoadResult {
  /** For the `stamp` target: when each body left, in epoch ms (to pair a click with what it set off). */
  sentAt?: number[];
  sent: number;
  ok: number;
  errors: number;
  /** Non-2xx answers by status, transport errors by their code (ECONNRESET…), "timeout" past 10 s. */
  failures: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  achievedRate: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Target {
  name: string;
  url: URL;
  agent: Agent;
  latencies: number[];
  failures: Record<string, number>;
  ok: number;
}

function fire(target: Target, secret: string, body: string, record: boolean, stamp?: number[]): Promise<void> {
  return new Promise((resolve) => {
    // Wall-clock ms, as the fake Slack stamps the calls it receives (another process on the same clock).
    stamp?.push(Date.now());
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(secret, timestamp, body),
    };
    const t0 = process.hrtime.bigint();
    let settled = false;
    const done = (status: number | string) => {
      if (settled) return;
      settled = true;
      if (record) {
        target.latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status === 200) target.ok += 1;
        else target.failures[String(status)] = (target.failures[String(status)] ?? 0) + 1;
      }
      resolve();
    };
    // Where a request that times out got stuck: connecting, waiting for the answer, or reading it.
    let stage = 'connecting';
    const req = request(
      {
        host: target.url.hostname,
        port: target.url.port,
        path: target.url.pathname,
        method: 'POST',
        headers,
        agent: target.agent,
      },
      (res) => {
        stage = 'reading the answer';
        res.on('data', () => undefined);
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) stage = 'waiting on a reused connection';
      else socket.once('connect', () => (stage = 'waiting on a new connection'));
    });
    req.setTimeout(10_000, () =>
      req.destroy(Object.assign(new Error('no answer within 10 s'), { code: `timeout ${stage}` })),
    );
    req.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    req.end(body);
  });
}

async function main(): Promise<void> {
  const input = await readJsonInput<Input>();
  const targets: Target[] = input.targets.map((t) => {
    const url = new URL(t.url);
    if (url.hostname !== '127.0.0.1') throw new Error('load goes to loopback only');
    // Keep-alive, as Slack's requests arrive on reused connections.
    return {
      name: t.name,
      url,
      agent: new Agent({ keepAlive: true, maxSockets: 256 }),
      latencies: [],
      failures: {},
      ok: 0,
    };
  });
  const warmup = Math.round(input.rate * input.warmupSeconds);
  const total = warmup + Math.round(input.rate * input.seconds);
  if (input.bodies.length < total) throw new Error(`need ${total} bodies, got ${input.bodies.length}`);
  const interval = 1000 / input.rate;
  const pending: Promise<void>[] = [];
  const sentAt: number[] = [];
  const start = performance.now();
  let measureStart = start;
  for (let i = 0; i < total; i++) {
    if (i === warmup) measureStart = performance.now();
    const wait = start + i * interval - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    for (const target of targets)
      pending.push(
        fire(target, input.secret, input.bodies[i]!, i >= warmup, target.name === input.stamp ? sentAt : undefined),
      );
  }
  const sendSeconds = (performance.now() - measureStart) / 1000;
  await Promise.all(pending);
  const results: Record<string, LoadResult> = {};
  for (const t of targets) {
    t.agent.destroy();
    const sorted = [...t.latencies].sort((a, b) => a - b);
    const sent = total - warmup;
    results[t.name] = {
      sent,
      ok: t.ok,
      errors: sent - t.ok,
      failures: t.failures,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
      achievedRate: sent / sendSeconds,
      ...(t.name === input.stamp ? { sentAt } : {}),
    };
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
