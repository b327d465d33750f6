/** The core's JobQueue on BullMQ: payloads validated, ids from domain keys, retries with backoff. */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { SymmetryError } from '../core/errors';
import type { JobName, JobPayloads } from '../core/jobs';
import type { JobQueue } from '../core/ports';
import { JOBS, QUEUE_KINDS, queueName, type QueueKind } from './definitions';

/** Completed jobs stay an hour so their ids keep deduplicating late repeats; failed ones a week for inspection. */
const KEEP = { removeOnComplete: { age: 3600, count: 50_000 }, removeOnFail: { age: 7 * 24 * 3600 } };

function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobsOptions {
  const def = JOBS[name];
  const jobId = def.jobId(payload);
  return {
    ...KEEP,
    // Jobs that must not linger also leave failed ones after a day rather than a week.
    ...(def.removeOnComplete ? { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } } : {}),
    ...(jobId ? { jobId } : {}),
    priority: def.priority,
    attempts: def.attempts,
    backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  };
}

export interface BullJobQueue extends JobQueue {
  queues: Record<QueueKind, Queue>;
  close(): Promise<void>;
}

/** Creates the producer side of every queue on one Redis connection. */
export function createJobQueue(connection: Redis, prefix: string): BullJobQueue {
  const queues = Object.fromEntries(
    QUEUE_KINDS.map((k) => [k, new Queue(queueName(k), { connection, prefix })]),
  ) as Record<QueueKind, Queue>;

  // Any Redis failure while enqueueing becomes one coded error the adapters can explain.
  const guarded = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      throw new SymmetryError('queue_unavailable', {}, { cause: err });
    }
  };

  return {
    queues,
    async enqueue(name, payload) {
      const data = JOBS[name].schema.parse(payload);
      await guarded(() => queues[JOBS[name].queue].add(name, data, jobOptions(name, data)));
    },
    async enqueueMany(name, payloads) {
      if (payloads.length === 0) return;
      const queue = queues[JOBS[name].queue];
      for (let i = 0; i < payloads.length; i += 1000) {
        const chunk = payloads.slice(i, i + 1000).map((p) => {
          const data = JOBS[name].schema.parse(p);
          return { name, data, opts: jobOptions(name, data) };
        });
        await guarded(() => queue.addBulk(chunk));
      }
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
