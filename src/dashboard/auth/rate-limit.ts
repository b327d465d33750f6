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

/**
 * The address an attempt comes from. With no trusted proxy, the connection's: an X-Forwarded-For is not believed,
 * anyone can send one. Behind `trustedHops` proxies the deployment runs, the entry the outermost of them appended
 * (that many from the right: entries further left were written by the client); without enough entries, the
 * connection's address.
 */
export function clientAddress(req: IncomingMessage, trustedHops = 0): string {
  const own = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return own;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const seen = hops[hops.length - trustedHops];
  return seen !== undefined && /^[0-9A-Fa-f.:]{2,45}$/.test(seen) ? seen : own;
}

/** A LoginLimiter of `max` attempts per `windowSeconds` per address (behind `trustedHops` proxies, see clientAddress). */
export function createLoginLimiter(
  redis: Redis,
  prefix: string,
  clock: Clock,
  options: { max?: number; windowSeconds?: number; trustedHops?: number } = {},
): LoginLimiter {
  const { max = LOGIN_ATTEMPTS, windowSeconds = LOGIN_WINDOW_SECONDS, trustedHops = 0 } = options;
  return {
    async attempt(req) {
      const now = Math.floor(clock.now().getTime() / 1000);
      const window = Math.floor(now / windowSeconds);
      const key = `${prefix}:dashboard:login-attempts:${clientAddress(req, trustedHops)}:${window}`;
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
