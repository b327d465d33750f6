/**
 * Teams' limits, respected rather than hit: per bot and conversation at most 7 sends a second and
 * 60 in 30 seconds (the Teams rate-limit table). A call that would exceed them waits its turn when
 * the wait is short, and otherwise goes back to the queue with the wait as Retry-After. 429, 412,
 * 502 and 504 are retried with exponential backoff and full jitter; a 403 (blocked, uninstalled)
 * is not retried at all.
 */
import { SymmetryError } from '../../core/errors';

/** Sliding windows per conversation: [max sends, window ms]. */
export const CONVERSATION_LIMITS: ReadonlyArray<readonly [number, number]> = [
  [7, 1_000],
  [60, 30_000],
];
const RETRIED = new Set([412, 429, 502, 504]);

export interface LimitOptions {
  /** Attempts per call before the job is handed back to the queue (default 3). */
  attempts?: number;
  /** First backoff step in ms (default 500); each next one doubles, with full jitter. */
  baseDelayMs?: number;
  /** The longest this process sleeps for a free slot before handing the job back (default 2000 ms). */
  maxWaitMs?: number;
  /** Waits for the call's turn under the tenant's global limit (the shared CallPacer), before the per-conversation windows. */
  pace?: () => Promise<void>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What a connector failure looks like (RestError from @azure/core-rest-pipeline, or botbuilder's own). */
interface ConnectorError {
  statusCode?: number;
  code?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } | Record<string, string> };
}

/** The HTTP status of a connector error, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const e = err as ConnectorError | undefined;
  return e?.statusCode ?? e?.response?.status;
}

/** Retry-After of a connector error in ms, if the service sent one. */
export function retryAfterMsOf(err: unknown): number | undefined {
  const headers = (err as ConnectorError | undefined)?.response?.headers;
  const raw =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = raw == null ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export interface TeamsLimiter {
  /** Runs one outgoing call for a conversation under the limits and the retry policy. */
  run<T>(conversationId: string, call: () => Promise<T>): Promise<T>;
}

/** Creates the limiter of one process (`pace`, when given, caps all workers together). */
export function createTeamsLimiter(opts: LimitOptions = {}): TeamsLimiter {
  const attempts = opts.attempts ?? 3;
  const base = opts.baseDelayMs ?? 500;
  const maxWait = opts.maxWaitMs ?? 2_000;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = opts.random ?? Math.random;
  const sent = new Map<string, number[]>();

  /** How long until a send to this conversation fits every window (0 = now). */
  const waitFor = (conversationId: string): number => {
    const at = now();
    const longest = Math.max(...CONVERSATION_LIMITS.map(([, ms]) => ms));
    const times = (sent.get(conversationId) ?? []).filter((t) => t > at - longest);
    sent.set(conversationId, times);
    let wait = 0;
    for (const [max, ms] of CONVERSATION_LIMITS) {
      const inWindow = times.filter((t) => t > at - ms);
      if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max]! + ms - at);
    }
    return wait;
  };

  const take = async (conversationId: string): Promise<void> => {
    for (;;) {
      const wait = waitFor(conversationId);
      if (wait <= 0) break;
      if (wait > maxWait) throw new SymmetryError('platform_rate_limited', { retryAfterMs: wait });
      await sleep(wait);
    }
    sent.get(conversationId)!.push(now());
    // Forget quiet conversations so the map stays as small as the traffic.
    if (sent.size > 10_000) for (const [id, times] of sent) if (times.length === 0) sent.delete(id);
  };

  return {
    async run(conversationId, call) {
      for (let attempt = 1; ; attempt += 1) {
        await take(conversationId);
        await opts.pace?.();
        try {
          return await call();
        } catch (err) {
          const status = statusOf(err);
          if (status === undefined || !RETRIED.has(status)) throw err;
          const backoff = Math.round(random() * base * 2 ** (attempt - 1));
          const wait = Math.max(retryAfterMsOf(err) ?? 0, backoff);
          if (attempt >= attempts || wait > maxWait) {
            // Handed back to the queue: BullMQ pauses it for 429 and backs off for the others.
            if (status === 429)
              throw new SymmetryError('platform_rate_limited', { retryAfterMs: Math.max(1000, wait) }, { cause: err });
            throw new SymmetryError('platform_error', { status }, { cause: err });
          }
          await sleep(wait);
        }
      }
    },
  };
}
