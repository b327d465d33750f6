/** PostgreSQL (migrated) and Redis (ready), plus the queue and repositories over them: what web and worker both open first. */
import type { Config } from '../config';
import type { Logger, Repositories } from '../core/ports';
import { createDatabase, type DatabaseHandle } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createRepositories } from '../db/repositories';
import { createJobQueue, type BullJobQueue } from '../jobs/producer';
import { connectProducer, waitReady } from './redis';

export interface Stores {
  database: DatabaseHandle;
  redis: ReturnType<typeof connectProducer>;
  queue: BullJobQueue;
  repos: Repositories;
}

/** Opens the pool, applies migrations under their lock, waits for Redis; `poolSize` defaults to pg's 10. */
export async function openStores(config: Config, logger: Logger, poolSize?: number): Promise<Stores> {
  const database = createDatabase(config.DATABASE_URL, {
    ...(poolSize ? { max: poolSize } : {}),
    onError: (err) => logger.warn({ err: err.message }, 'idle postgres client failed'),
  });
  await runMigrations(database.pool);
  const redis = connectProducer(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  await waitReady(redis);
  return { database, redis, queue: createJobQueue(redis, config.QUEUE_PREFIX), repos: createRepositories(database.db) };
}
