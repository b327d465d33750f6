/** BullMQ workers: validate the payload, run the processor, turn platform 429s into queue pauses. */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isSymmetryError } from '../core/errors';
import type { JobName, JobPayloads } from '../core/jobs';
import type { Logger } from '../core/ports';
import { JOBS, QUEUE_KINDS, queueName, type QueueKind } from './definitions';

/** One function per job name; main builds them from the core use cases. */
export type Processors = { [N in JobName]: (payload: JobPayloads[N], job: { attemptsMade: number }) => Promise<unknown> };

export interface WorkerOptions {
  /** A connection factory: BullMQ workers need their own blocking connection each. */
  connect: () => Redis;
  prefix: string;
  concurrency: number;
  /** Most platform calls per second, for all workers of the platform queue together. */
  platformCallsPerSecond: number;
  processors: Processors;
  logger: Logger;
}

export interface RunningWorkers {
  workers: Worker[];
  /** Finishes the jobs in flight (bounded by `timeoutMs`), then closes every worker. */
  close(timeoutMs: number): Promise<void>;
}

/** Permanent failures: retrying cannot help, so BullMQ must not try again. */
const PERMANENT = new Set(['invalid_input', 'invalid_score', 'not_your_checkin', 'team_not_found']);

async function processJob(opts: WorkerOptions, queue: Queue, job: Job): Promise<unknown> {
  const name = job.name as JobName;
  const def = JOBS[name];
  if (!def) throw new UnrecoverableError(`unknown job ${job.name}`);
  const parsed = def.schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}`);
  const processor = opts.processors[name] as (p: unknown, j: { attemptsMade: number }) => Promise<unknown>;
  try {
    return await processor(parsed.data, { attemptsMade: job.attemptsMade });
  } catch (err) {
    if (isSymmetryError(err, 'platform_rate_limited')) {
      // Honour Retry-After for the whole queue: nothing is dropped, the job runs again after the pause.
      const ms = Number(err.params.retryAfterMs ?? 1000);
      opts.logger.warn({ queue: queue.name, retryAfterMs: ms, job: job.name }, 'platform rate limited; pausing queue');
      await queue.rateLimit(ms);
      throw Worker.RateLimitError();
    }
    if (isSymmetryError(err) && PERMANENT.has(err.code)) throw new UnrecoverableError(err.code);
    throw err;
  }
}

/** Starts one worker per queue (platform calls behind a limiter) and returns a bounded close. */
export function startWorkers(opts: WorkerOptions): RunningWorkers {
  const producerConnection = opts.connect();
  const workers = QUEUE_KINDS.map((kind: QueueKind) => {
    const queue = new Queue(queueName(kind), { connection: producerConnection, prefix: opts.prefix });
    const worker = new Worker(queueName(kind), (job) => processJob(opts, queue, job), {
      connection: opts.connect(),
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      ...(kind === 'platform' ? { limiter: { max: opts.platformCallsPerSecond, duration: 1000 } } : {}),
    });
    worker.on('failed', (job, err) => {
      opts.logger.warn({ queue: kind, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed');
    });
    worker.on('error', (err) => opts.logger.error({ queue: kind, err: err.message }, 'worker error'));
    return { worker, queue };
  });

  return {
    workers: workers.map((w) => w.worker),
    async close(timeoutMs) {
      const graceful = Promise.all(workers.map((w) => w.worker.close()));
      const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
      if ((await Promise.race([graceful, timedOut])) === 'timeout') {
        opts.logger.warn({ timeoutMs }, 'workers did not finish in time; closing forcefully');
        await Promise.all(workers.map((w) => w.worker.close(true)));
      }
      await Promise.all(workers.map((w) => w.queue.close()));
      producerConnection.disconnect();
    },
  };
}

/** Registers (or updates) the schedule tick as a BullMQ job scheduler; safe from every replica. */
export async function upsertTickScheduler(connection: Redis, prefix: string, everyMs: number): Promise<void> {
  const queue = new Queue(queueName('work'), { connection, prefix });
  try {
    await queue.upsertJobScheduler('schedule-tick', { every: everyMs }, { name: 'tick', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  } finally {
    await queue.close();
  }
}
