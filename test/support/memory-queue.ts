/** An in-memory JobQueue with BullMQ's id semantics (a job id dedupes while the job exists), for core tests. */
import { SymmetryError } from '../../src/core/errors';
import type { JobName, JobPayloads } from '../../src/core/jobs';
import type { JobQueue } from '../../src/core/ports';
import { JOBS } from '../../src/jobs/definitions';
import type { Processors } from '../../src/jobs/workers';

export interface QueuedJob {
  name: JobName;
  payload: unknown;
  id: string | undefined;
}

export class MemoryQueue implements JobQueue {
  readonly waiting: QueuedJob[] = [];
  readonly added: QueuedJob[] = [];
  /** When true, every enqueue fails as BullMQ does with Redis down. */
  down = false;

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    await this.enqueueMany(name, [payload]);
  }

  async enqueueMany<N extends JobName>(name: N, payloads: JobPayloads[N][]): Promise<void> {
    if (this.down) {
      throw new SymmetryError('queue_unavailable');
    }
    for (const payload of payloads) {
      const id = JOBS[name].jobId(payload);
      if (id && this.waiting.some((j) => j.id === id)) continue;
      const job = { name, payload: JOBS[name].schema.parse(payload), id };
      this.waiting.push(job);
      this.added.push(job);
    }
  }

  /** Names of the waiting jobs. */
  names(): JobName[] {
    return this.waiting.map((j) => j.name);
  }

  /** Runs waiting jobs (and the jobs they add) until none is left; returns how many ran. */
  async drain(processors: Processors, only?: JobName[]): Promise<number> {
    let ran = 0;
    for (;;) {
      const index = this.waiting.findIndex((j) => !only || only.includes(j.name));
      if (index < 0) return ran;
      const [job] = this.waiting.splice(index, 1);
      const run = processors[job!.name] as (p: unknown, j: { attemptsMade: number }) => Promise<unknown>;
      await run(job!.payload, { attemptsMade: 0 });
      ran += 1;
    }
  }
}
