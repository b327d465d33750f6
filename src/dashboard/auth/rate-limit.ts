/** Sign-in attempts per client address, counted in Redis across every web process, in fixed windows of the clock. */
import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import type { Clock } from '../../core/clock';

/** Sign-in attempts one address may make per window. */
export const LOGIN_ATTEMPTS = 20;
/** The window, in seconds. */
export const LOGIN_WINDOW_SECONDS = 600;

/** Counts an attempt; says whether it may go on, and otherwise in how many seconds it may. */
export interface LoginLimiter {
  attempt(req: IncomingMessage): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}

/** The address an attempt comes from: the connection's (a proxy's X-Forwarded-For is not trusted: anyone can send one). */
function addressOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** A LoginLimiter of `max` attempts per `windowSeconds` per address. */
export function createLoginLimiter(
  redis: Redis,
  prefix: string,
  clock: Clock,
  max = LOGIN_ATTEMPTS,
  windowSeconds = LOGIN_WINDOW_SECONDS,
): LoginLimiter {
  return {
    async attempt(req) {
      const now = Math.floor(clock.now().getTime() / 1000);
      const window = Math.floor(now / windowSeconds);
      const key = `${prefix}:dashboard:login-attempts:${addressOf(req)}:${window}`;
      const [[, count]] = (await redis
        .multi()
        .incr(key)
        .expire(key, windowSeconds * 2)
        .exec()) as [[Error | null, number], [Error | null, number]];
      if (count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: (window + 1) * windowSeconds - now };
    },
  };
}
