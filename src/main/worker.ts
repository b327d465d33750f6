/** The worker process: BullMQ workers for every job, and the schedule tick. */
import type { Config } from '../config';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/ports';
import { closeRound, deliverCheckin, openManualRound, recordAnswer, sendReminder } from '../core/use-cases/checkins';
import type { WorkerDeps } from '../core/use-cases/deps';
import { postDigest, recordCommandKudos, recordReactionKudos, updateShoutout } from '../core/use-cases/kudos';
import { syncMember, syncTeam } from '../core/use-cases/membership';
import { postAction, postSummary, publishHome } from '../core/use-cases/summaries';
import { runTick } from '../core/use-cases/tick';
import { createDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createRepositories } from '../db/repositories';
import { createJobQueue } from '../jobs/producer';
import { startWorkers, upsertTickScheduler, type Processors } from '../jobs/workers';
import { createSlackClient } from '../platforms/slack/app';
import { createSlackMessenger } from '../platforms/slack/messenger';
import { connectProducer, connectWorker, redisOptionsFromUrl, waitReady } from './redis';
import type { Running } from './web';

/** Maps every job name to its core use case. */
export function buildProcessors(deps: WorkerDeps): Processors {
  return {
    'open-round': (p) => openManualRound(deps, p.teamId, new Date(p.requestedAt)),
    'deliver-checkin': (p) => deliverCheckin(deps, p.deliveryId),
    'send-reminder': (p) => sendReminder(deps, p.deliveryId),
    'record-score': (p) => recordAnswer(deps, { deliveryId: p.deliveryId, questionId: p.questionId, score: p.score }),
    'record-comment': (p) => recordAnswer(deps, { deliveryId: p.deliveryId, questionId: p.questionId, comment: p.comment }),
    'sync-team': (p) => syncTeam(deps, p.teamId),
    'sync-member': (p) => syncMember(deps, p),
    'close-round': (p) => closeRound(deps, p.roundId),
    'post-summary': (p) => postSummary(deps, p.roundId),
    'post-action': (p, job) => postAction(deps, p.actionId, job.attemptsMade),
    'publish-home': (p) => publishHome(deps, p.workspaceId, p.platformUserId),
    'kudos-reaction': (p) => recordReactionKudos(deps, p),
    'kudos-command': (p) => recordCommandKudos(deps, p),
    'update-shoutout': (p) => updateShoutout(deps, p),
    'post-digest': (p) => postDigest(deps, p),
    tick: () => runTick(deps),
  };
}

/** Starts the workers and registers the tick; resolves once they run. */
export async function startWorker(config: Config, logger: Logger): Promise<Running> {
  const database = createDatabase(config.DATABASE_URL, { max: Math.min(50, config.WORKER_CONCURRENCY + 4), onError: (err) => logger.warn({ err: err.message }, 'idle postgres client failed') });
  await runMigrations(database.pool);
  const redis = connectProducer(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  await waitReady(redis);
  const queue = createJobQueue(redis, config.QUEUE_PREFIX);
  const messenger = createSlackMessenger(createSlackClient(config.SLACK_BOT_TOKEN, config.SLACK_API_URL, logger));
  const deps: WorkerDeps = { repos: createRepositories(database.db), queue, clock: systemClock, logger, messenger, anonymitySecret: config.ANONYMITY_SECRET };

  const connections: ReturnType<typeof connectWorker>[] = [];
  const workers = startWorkers({
    connect: () => {
      const c = connectWorker(config.REDIS_URL);
      c.on('error', (err) => logger.warn({ err: err.message }, 'redis worker connection error'));
      connections.push(c);
      return c;
    },
    workerConnection: redisOptionsFromUrl(config.REDIS_URL),
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    platformCallsPerSecond: config.SLACK_MAX_CALLS_PER_SECOND,
    processors: buildProcessors(deps),
    logger,
  });
  await upsertTickScheduler(redis, config.QUEUE_PREFIX, config.TICK_SECONDS * 1000);
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'workers running');

  return {
    role: 'worker',
    async stop() {
      await workers.close(8000);
      logger.info({}, 'workers closed');
      await queue.close();
      for (const c of connections) c.disconnect();
      redis.disconnect();
      await database.close();
    },
  };
}
