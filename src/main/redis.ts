/** Redis connections for BullMQ: producers fail fast, workers wait (BullMQ's own advice). */
import { Redis } from 'ioredis';

/** A producer connection: commands fail at once while Redis is down, so callers can say "retry". */
export function connectProducer(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'symmetry-producer' });
}

/** A worker connection: blocking commands, never give up (maxRetriesPerRequest: null). */
export function connectWorker(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: 'symmetry-worker' });
}

/** Resolves once the connection is ready (or rejects after `timeoutMs`). */
export async function waitReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** True when Redis answers PING within `timeoutMs`; never throws (for /healthz). */
export async function pingRedis(redis: Redis, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((r) => r === 'PONG', () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
