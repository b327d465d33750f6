/** Redis connections for BullMQ: producers fail fast, workers wait (BullMQ's own advice). */
import { Redis, type RedisOptions } from 'ioredis';

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
    return await Promise.race([
      redis.ping().then(
        (r) => r === 'PONG',
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** ioredis options from a redis:// or rediss:// URL (for clients BullMQ creates and owns). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    connectionName: 'symmetry-worker',
  };
}
