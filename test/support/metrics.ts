/** Reading a running app's /metrics, for end-to-end tests that wait for a positive sign before checking that nothing else happened. */
import { waitFor } from './app-process';
import type { QueueWatch } from './e2e-world';

/** The series of ticks the process has run (each tick re-enqueues whatever is due). */
export const TICKS = 'symmetry_jobs_processed_total{job="tick"}';

/** The value of one sample, e.g. `symmetry_kudos_total{outcome="duplicate"}`, on `baseUrl`/metrics; 0 until the series appears. */
export async function scrapeValue(baseUrl: string, series: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/**
 * Resolves once the app has run two more ticks than when called and its queues hold nothing waiting,
 * running or due for a retry: whatever a tick, a retry or a queued job could still do has been done.
 */
export async function waitUntilSettled(baseUrl: string, queues: QueueWatch, timeoutMs = 30_000): Promise<void> {
  const start = await scrapeValue(baseUrl, TICKS);
  await waitFor(
    async () => (await scrapeValue(baseUrl, TICKS)) >= start + 2 && (await queues.idle()),
    'two more ticks and idle queues',
    timeoutMs,
  );
}
