/** How a round's check-ins are cut into fan-out jobs, and how many of them its workspace's pace keeps busy. */

/**
 * DMs per fan-out job: one job per DM costs more in queue round trips than its DM does, so up to a
 * hundred go in one job (`npm run bench`); a batch sends its DMs one after another, so a round is
 * spread over up to FANOUT_SPREAD jobs (when it has 5 people per job) for workers to send in parallel,
 * fewer when its workspace's pace would only have them take turns (fanOutSpread).
 */
const FANOUT_BATCH_MAX = 100;
const FANOUT_BATCH_MIN = 5;
const FANOUT_SPREAD = 16;

/**
 * How many of a round's jobs can send at once when its workspace's calls are paced at `callsPerSecond` and a
 * job waits at most `maxWaitMs` for its slot before it is handed back to the queue: as many as can each take
 * every n-th slot and still find it within that wait. More jobs would only take turns being handed back (a
 * queue round trip per call, holding workers other workspaces' DMs could use); at Slack's default pace (20/s)
 * and 200 ms that is 4, at 5/s one, and FANOUT_SPREAD when calls are fast and the pace high.
 */
export function fanOutSpread(callsPerSecond: number, maxWaitMs: number): number {
  return Math.min(FANOUT_SPREAD, Math.max(1, Math.floor((callsPerSecond * maxWaitMs) / 1000)));
}

/**
 * The batch size for `n` unsent deliveries of one round spread over at most `spread` jobs: each at least
 * FANOUT_BATCH_MIN; at most FANOUT_BATCH_MAX with the full spread, proportionally more with less (a round of
 * up to 1,600 people stays within its spread). A bigger round goes in whole waves of `spread` jobs of one size:
 * 2,500 people are 32 jobs of 79 (two full waves), not 25 of 100, whose second wave of 9 would leave 7 of the
 * 16 workers idle while it ends the round.
 */
export function fanOutBatchSize(n: number, spread: number = FANOUT_SPREAD): number {
  const jobs = Math.max(1, Math.min(spread, Math.ceil(n / FANOUT_BATCH_MIN)));
  const max = Math.ceil((FANOUT_BATCH_MAX * FANOUT_SPREAD) / Math.max(1, spread));
  const waves = Math.max(1, Math.ceil(n / (jobs * max)));
  return Math.min(max, Math.max(FANOUT_BATCH_MIN, Math.ceil(n / (jobs * waves))));
}
