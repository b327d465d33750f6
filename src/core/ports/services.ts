/** The pacer, the chart renderer, the job queue and the logger the core is handed. */
import type { Heatmap } from '../dashboard';
import type { JobName, JobPayloads } from '../jobs';
import type { SymmetryView } from '../symmetry';

/**
 * Spaces one platform's outgoing calls evenly across every worker process: each call waits for the
 * next free slot of its key (a workspace), 1/rate of a second after the slot before it.
 */
export interface CallPacer {
  /**
   * Resolves with 0 when this call may go (after waiting for its slot). With `maxWaitMs`, a slot further
   * away than that is not taken: it resolves at once with how many ms away it is, so a job can give its
   * worker back to other workspaces instead of sleeping on this one's limit.
   */
  take(key: string, maxWaitMs?: number): Promise<number>;
  /** Holds every later call under `key` back for `ms` (the platform answered 429 with Retry-After). */
  holdOff(key: string, ms: number): Promise<void>;
}

/** Draws charts server-side. */
export interface ChartRenderer {
  /** A PNG of mood per round with response rate, and customer CSAT/NPS on a second axis; a round under the threshold has no point. */
  symmetryChart(view: SymmetryView, locale: string): Promise<Uint8Array>;
  /** A PNG of the organisation's heatmap (rows and numbers as the query layer gave them); optional for renderers without it. */
  heatmapChart?(map: Heatmap, locale: string): Promise<Uint8Array>;
}

/** Puts work on the queue. Job ids come from the payload's domain key, so a repeat is a no-op. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void>;
  enqueueMany<N extends JobName>(name: N, payloads: JobPayloads[N][]): Promise<void>;
}

/** Structured logger (pino-compatible subset). Never pass a person together with a score or comment. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}
