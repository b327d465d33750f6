/** Jest globalTeardown: drops the run's database and the run's Redis keys. */
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { adminUrl } from './global-setup';

/** Deletes every key under `prefix` (SCAN, never KEYS, so a shared Redis is not blocked). */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  // Fail fast instead of retrying forever when no Redis runs (DB-only test runs).
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined); // connect() rejects with it; no second report
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export default async function globalTeardown(): Promise<void> {
  const name = process.env.TEST_DATABASE_NAME;
  if (name) {
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      // FORCE ends connections a test forgot to close.
      await admin.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end();
    }
  }

  const prefix = process.env.QUEUE_PREFIX;
  if (prefix) {
    try {
      await deleteRedisKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
    } catch (err) {
      console.warn(`could not clean Redis keys under ${prefix}: ${String(err)}`);
    }
  }
}
