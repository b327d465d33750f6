/** BullMQ workers: validate the payload, run the processor, turn platform 429s into queue pauses. */
import { DelayedError, Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { isSymmetryError, type ErrorCode } from '../core/errors';
import type { JobName, JobPayloads } from '../core/jobs';
import type { Logger } from '../core/ports';
import { JOBS, QUEUE_KINDS, queueName, type QueueKind } from './definitions';

/** One function per job name; main builds them from the core use cases. */
export type Processors = {
  [N in JobName]: (payload: JobPayloads[N], job: { attemptsMade: number }) => Promise<unknown>;
};

export interface WorkerOptions {
  /** A connection for the queues' producer side (shared). */
  connect: () => Redis;
  /** Options (not a client) for the workers, so BullMQ creates and owns their connections. */
  workerConnection: RedisOptions;
  prefix: string;
  concurrency: number;
  processors: Processors;
  logger: Logger;
  /** Told of every platform 429 (for metrics). */
  onRateLimited?: (queue: string) => void;
}

export interface RunningWorkers {
  workers: Worker[];
  /** Finishes the jobs in flight (bounded by `timeoutMs`), then closes every worker. */
  close(timeoutMs: number): Promise<void>;
}

/** Permanent failures: retrying cannot help, so BullMQ must not try again. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid_input',
  'invalid_score',
  'recipient_unreachable',
  'workspace_uninstalled',
  'unsupported',
]);

/** Jobs this process is running now: shutdown waits for these, whatever BullMQ's own close does. */
let inFlight = 0;

async function processJob(opts: WorkerOptions, queue: Queue, job: Job, token: string | undefined): Promise<unknown> {
  inFlight += 1;
  try {
    return await runJob(opts, queue, job, token);
  } finally {
    inFlight -= 1;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    sleep(ms).then(() => false),
  ]);
}

async function runJob(opts: WorkerOptions, queue: Queue, job: Job, token: string | undefined): Promise<unknown> {
  const name = job.name as JobName;
  const def = JOBS[name];
  if (!def) throw new UnrecoverableError(`unknown job ${job.name}`);
  const parsed = def.schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}`);
  const processor = opts.processors[name] as (p: unknown, j: { attemptsMade: number }) => Promise<unknown>;
  opts.logger.debug({ job: job.name, jobId: job.id }, 'job started');
  try {
    const result = await processor(parsed.data, { attemptsMade: job.attemptsMade });
    opts.logger.debug({ job: job.name, jobId: job.id }, 'job done');
    return result;
  } catch (err) {
    if (isSymmetryError(err, 'platform_rate_limited')) {
      // Honour Retry-After: the job runs again after it, without spending an attempt (nothing is dropped).
      // The messenger has already held every other call to that workspace back for as long (the pacer).
      const ms = Number(err.params.retryAfterMs ?? 1000);
      if (err.params.paced) {
        // Our own pacer: the workspace's next slot is too far to sleep for; the worker serves other workspaces meanwhile.
        opts.logger.debug({ queue: queue.name, retryAfterMs: ms, job: job.name }, 'workspace at its pace; job delayed');
      } else {
        opts.logger.warn({ queue: queue.name, retryAfterMs: ms, job: job.name }, 'platform rate limited; job delayed');
        opts.onRateLimited?.(queue.name);
      }
      await job.moveToDelayed(Date.now() + ms, token);
      throw new DelayedError();
    }
    if (isSymmetryError(err, 'interrupted')) {
      // Shutting down: the job stopped where it safely could; another worker (or this one, restarted) takes it at once.
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    if (isSymmetryError(err) && PERMANENT.has(err.code)) throw new UnrecoverableError(err.code);
    throw err;
  }
}

/** Starts one worker per queue and returns a bounded close. */
export function startWorkers(opts: WorkerOptions): RunningWorkers {
  const producerConnection = opts.connect();
  const workers = QUEUE_KINDS.map((kind: QueueKind) => {
    const queue = new Queue(queueName(kind), { connection: producerConnection, prefix: opts.prefix });
    // Platform calls are paced by the messengers (one CallPacer slot per call, shared by every worker), not here.
    const worker = new Worker(queueName(kind), (job, token) => processJob(opts, queue, job, token), {
      connection: { ...opts.workerConnection, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      // A killed worker's jobs come back once their 30 s lock lapses; checking every 5 s (not 30) finds them soon after.
      stalledInterval: 5000,
    });
    worker.on('failed', (job, err) => {
      opts.logger.warn(
        { queue: kind, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        'job failed',
      );
    });
    worker.on('error', (err) => opts.logger.error({ queue: kind, err: err.message }, 'worker error'));
    return { worker, queue };
  });

  return {
    workers: workers.map((w) => w.worker),
    async close(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      // close() stops fetching at once; it resolves when BullMQ has also closed its connections.
      const closing = Promise.all(workers.map((w) => w.worker.close()));
      while (inFlight > 0 && Date.now() < deadline) await sleep(50);
      if (inFlight > 0) {
        // Their locks expire and BullMQ hands them to another worker: every job is idempotent by key.
        opts.logger.warn(
          { inFlight },
          'jobs still running at the shutdown deadline; they will be retried by another worker',
        );
      }
      // BullMQ's close can wait forever on a connection that is mid-reconnect after a Redis blip;
      // with no job left in flight nothing is lost by not waiting for it.
      if (!(await within(closing, Math.max(500, Math.min(2000, deadline - Date.now()))))) {
        opts.logger.warn(
          {},
          'BullMQ workers did not close their connections in time (Redis reconnecting?); leaving them',
        );
      }
      await within(Promise.all(workers.map((w) => w.queue.close())), 1000);
      producerConnection.disconnect();
    },
  };
}

/** Registers (or updates) the schedule tick and the daily retention job as BullMQ job schedulers; safe from every replica. */
export async function upsertSchedulers(connection: Redis, prefix: string, tickEveryMs: number): Promise<void> {
  const queue = new Queue(queueName('work'), { connection, prefix });
  const keep = { removeOnComplete: 100, removeOnFail: 100 };
  try {
    await queue.upsertJobScheduler('schedule-tick', { every: tickEveryMs }, { name: 'tick', data: {}, opts: keep });
    await queue.upsertJobScheduler(
      'comment-retention',
      { every: 24 * 3_600_000 },
      { name: 'purge-comments', data: {}, opts: keep },
    );
    await queue.upsertJobScheduler(
      'uninstalled-workspaces',
      { every: 24 * 3_600_000 },
      { name: 'purge-workspaces', data: {}, opts: keep },
    );
  } finally {
    await queue.close();
  }
}
