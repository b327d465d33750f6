/**
 * The log line of a refused request (Slack: unsigned, wrongly signed or stale; Teams: no valid token), at most once
 * a minute per reason. Anyone on the internet can send these, as fast as they like: one warn line each would let
 * them fill the logs and bury everything else. The first of each reason is logged at once (a wrong secret or a
 * clock that is off shows up with the very first request), the rest are counted and reported with the next line
 * for that reason. Every refusal is still a 401 and still counted in the request metrics.
 */
import type { Logger } from '../core/ports';

/** How often one reason's line is written at most. */
export const REFUSAL_LOG_EVERY_MS = 60_000;
/** Distinct reasons remembered at most (the reason is Bolt's message: a handful, but it carries no bound itself). */
const MAX_REASONS = 32;

export function createRefusalLog(
  logger: Logger,
  message: (reason: string) => string,
  now: () => number = Date.now,
): (reason: string) => void {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (reason) => {
    const seen = last.get(reason);
    const at = now();
    if (seen && at - seen.at < REFUSAL_LOG_EVERY_MS) {
      seen.suppressed += 1;
      return;
    }
    if (!seen && last.size >= MAX_REASONS) last.clear();
    const suppressed = seen?.suppressed ?? 0;
    last.set(reason, { at, suppressed: 0 });
    logger.warn({ reason, ...(suppressed > 0 && { suppressed }) }, message(reason));
  };
}
