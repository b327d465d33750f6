/** The production workers (BullMQ on the real Redis, the production processors) for integration tests. */
import { randomBytes } from 'node:crypto';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { startWorkers, type RunningWorkers } from '../../src/jobs/workers';
import { connectWorker, redisOptionsFromUrl } from '../../src/main/redis';
import { buildProcessors } from '../../src/main/worker';
import { silentLogger } from './checkin-team';

/** Starts the workers of every queue under `prefix`, running the production processors over `deps`. */
export function runRealWorkers(redisUrl: string, prefix: string, deps: WorkerDeps): RunningWorkers {
  return startWorkers({
    connect: () => connectWorker(redisUrl),
    workerConnection: redisOptionsFromUrl(redisUrl),
    prefix,
    concurrency: 4,
    processors: buildProcessors(deps),
    logger: silentLogger,
  });
}

/** The Redis the integration tests use. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of its own under the run's prefix, so the global teardown deletes these keys too. */
export function testQueuePrefix(tag: string): string {
  return `${process.env.QUEUE_PREFIX ?? 'symtest'}${tag}${randomBytes(3).toString('hex')}`;
}
