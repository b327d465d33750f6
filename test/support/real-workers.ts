/** The production workers (BullMQ on the real Redis, the production processors) for integration tests. */
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
