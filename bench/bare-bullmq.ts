/**
 * Baseline for the fan-out: a bare BullMQ 6 worker on the same Redis processing `count` no-op jobs,
 * enqueued the way the app enqueues deliveries (addBulk in chunks of 1000, a job id per job, the
 * same retry and retention options) and run at the app's concurrency. Its own process, like the
 * app's worker. Prints one JSON line: { jobs, seconds, perSecond }.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

interface Input {
  count: number;
  concurrency: number;
  prefix: string;
  redisUrl: string;
}

async function readInput(): Promise<Input> {
  let raw = '';
  for await (const chunk of process.stdin) raw += String(chunk);
  return JSON.parse(raw) as Input;
}

async function main(): Promise<void> {
  const input = await readInput();
  const producer = new Redis(input.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await new Promise<void>((resolve) =>
    producer.status === 'ready' ? resolve() : producer.once('ready', () => resolve()),
  );
  const queue = new Queue('bare-platform', { connection: producer, prefix: input.prefix });
  const url = new URL(input.redisUrl);
  let done = 0;
  let lastAt = 0;
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('bare-platform', async () => undefined, {
      connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
      prefix: input.prefix,
      concurrency: input.concurrency,
    });
    worker.on('completed', () => {
      done += 1;
      if (done === input.count) {
        lastAt = Date.now();
        void worker.close().then(() => resolve());
      }
    });
  });
  await sleep(300); // the worker connects before the clock starts, as the app's worker is up before `/pulse now`
  const started = Date.now();
  for (let i = 0; i < input.count; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, input.count - i) }, (_, j) => ({
      name: 'deliver-checkin',
      data: { deliveryId: `00000000-0000-4000-8000-${String(i + j).padStart(12, '0')}` },
      opts: {
        jobId: `deliver-${i + j}-bare`,
        removeOnComplete: { age: 3600, count: 50_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
        priority: 5,
        attempts: 12,
        backoff: { type: 'exponential' as const, delay: 1000, jitter: 0.5 },
      },
    }));
    await queue.addBulk(chunk);
  }
  await finished;
  await queue.close();
  producer.disconnect();
  const seconds = (lastAt - started) / 1000;
  process.stdout.write(`${JSON.stringify({ jobs: input.count, seconds, perSecond: input.count / seconds })}\n`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
