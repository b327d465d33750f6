/**
 * Baseline for the fan-out: a bare BullMQ 6 worker on the same Redis processing no-op jobs, enqueued
 * the way the app enqueues deliveries (addBulk in chunks of 1000, a job id per job, the same retry
 * and retention options) and run at the app's concurrency. Its own process, like the app's worker,
 * serving slices (bench/lib/slices.ts): setup line { concurrency, prefix, redisUrl }, then { count }
 * per slice, answered { count, seconds, perSecond } from the first addBulk to the slice's last completion.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { serveSlices, type SliceResult } from './lib/slices';

interface Setup {
  concurrency: number;
  prefix: string;
  redisUrl: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

serveSlices<Setup, { count: number }, SliceResult>(async (setup) => {
  const producer = new Redis(setup.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await new Promise<void>((resolve) =>
    producer.status === 'ready' ? resolve() : producer.once('ready', () => resolve()),
  );
  const queue = new Queue('bare-platform', { connection: producer, prefix: setup.prefix });
  const url = new URL(setup.redisUrl);
  let done = 0;
  let waiting: { until: number; resolve: () => void } | undefined;
  const worker = new Worker('bare-platform', async () => undefined, {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: setup.prefix,
    concurrency: setup.concurrency,
  });
  worker.on('completed', () => {
    done += 1;
    if (waiting && done >= waiting.until) waiting.resolve();
  });
  await worker.waitUntilReady();
  await sleep(300); // the worker is fetching before the clock starts, as the app's worker is up before `/pulse now`
  let enqueued = 0;
  return {
    async slice({ count }) {
      const first = enqueued;
      enqueued += count;
      const finished = new Promise<void>((resolve) => (waiting = { until: enqueued, resolve }));
      const started = performance.now();
      for (let i = 0; i < count; i += 1000) {
        const chunk = Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
          name: 'deliver-checkin',
          data: { deliveryId: `00000000-0000-4000-8000-${String(first + i + j).padStart(12, '0')}` },
          opts: {
            jobId: `deliver-${first + i + j}-bare`,
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
      const seconds = (performance.now() - started) / 1000;
      return { count, seconds, perSecond: count / seconds };
    },
    async close() {
      await worker.close();
      await queue.close();
      producer.disconnect();
    },
  };
}).catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
