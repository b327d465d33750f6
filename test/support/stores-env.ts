/** The environment every end-to-end app process needs besides its platform: the test's stores and a fresh secret. */
import { randomBytes } from 'node:crypto';

/**
 * PostgreSQL and Redis of this jest run, a queue prefix of the app's own (`tag` tells whose it is in Redis),
 * a random anonymity secret, quiet logs and a one-second tick.
 */
export function storesEnv(tag: string): Record<string, string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}${tag}${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
  };
}
