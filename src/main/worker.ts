/** The worker process: BullMQ workers for every job, and the schedule tick. */
import { deliverReply } from '../core/use-cases/comment-threads';
import { openFormThenQueueScore } from '../core/use-cases/comment-form';
import type { Config } from '../config';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/ports';
import { isSymmetryError } from '../core/errors';
import {
  closeRound,
  deliverBatch,
  deliverCheckin,
  openManualRound,
  recordAnswer,
  sendReminder,
} from '../core/use-cases/checkins';
import { sendCommandChart } from '../core/use-cases/charts';
import { recordPlusOne } from '../core/use-cases/conversations';
import type { WorkerDeps } from '../core/use-cases/deps';
import { purgeOldComments, sendExport } from '../core/use-cases/privacy';
import { purgeUninstalledWorkspaces } from '../core/use-cases/installations';
import { postDigest, recordCommandKudos, recordReactionKudos, updateShoutout } from '../core/use-cases/kudos';
import { syncMember, syncTeam } from '../core/use-cases/membership';
import { postAction, postSummary, publishHome } from '../core/use-cases/summaries';
import { runTick } from '../core/use-cases/tick';
import { startWorkers, upsertSchedulers, type Processors } from '../jobs/workers';
import { JOBS } from '../jobs/definitions';
import { routeByPlatform } from './messengers';
import { byPlatform, enabledPlatforms } from './platforms';
import { createServer, type Server } from 'node:http';
import { processMetrics, type Metrics } from './metrics';
import { connectWorker, redisOptionsFromUrl } from './redis';
import { openStores } from './stores';
import type { Running, StartOptions } from './web';
import { createChartRenderer } from '../platforms/charts/symmetry-chart';
import { dashboardOffReason } from './dashboard';

/** Maps every job name to its core use case. */
export function buildProcessors(deps: WorkerDeps, retentionDays = 365, graceDays = 30): Processors {
  return {
    'open-round': (p) => openManualRound(deps, p.teamId, new Date(p.requestedAt)),
    'deliver-checkin': async (p) => {
      try {
        return await deliverCheckin(deps, p.deliveryId);
      } catch (err) {
        // Teams said the bot may not write to this person (blocked, uninstalled): the delivery fails for good
        // instead of being retried and re-enqueued by every tick. (Belongs in deliverCheckin; see the Teams notes.)
        if (isSymmetryError(err, 'recipient_unreachable')) await deps.repos.deliveries.markFailed(p.deliveryId);
        throw err;
      }
    },
    'deliver-checkins': (p) => deliverBatch(deps, p.batch),
    'send-reminder': (p) => sendReminder(deps, p.deliveryId),
    'record-score': (p) => recordAnswer(deps, { deliveryId: p.deliveryId, questionId: p.questionId, score: p.score }),
    'open-comment-form': (p) => openFormThenQueueScore(deps, p),
    'record-comment': (p) =>
      recordAnswer(deps, { deliveryId: p.deliveryId, questionId: p.questionId, comment: p.comment }),
    'sync-team': (p) => syncTeam(deps, p.teamId),
    'sync-member': (p) => syncMember(deps, p),
    'close-round': (p) => closeRound(deps, p.roundId),
    'post-summary': (p) => postSummary(deps, p.roundId),
    'post-action': (p, job) => postAction(deps, p.actionId, job.attemptsMade),
    'deliver-reply': (p, job) =>
      deliverReply(deps, p.replyId, { lastAttempt: job.attemptsMade + 1 >= JOBS['deliver-reply'].attempts }),
    'publish-home': (p) => publishHome(deps, p.workspaceId, p.platformUserId),
    'kudos-reaction': (p) => recordReactionKudos(deps, p),
    'kudos-command': (p) => recordCommandKudos(deps, p),
    'update-shoutout': (p) => updateShoutout(deps, p),
    'post-digest': (p) => postDigest(deps, p),
    'kudos-plus-one': (p) => recordPlusOne(deps, p),
    'export-csv': (p) => sendExport(deps, p),
    'send-chart': (p) => sendCommandChart(deps, p),
    'purge-comments': () => purgeOldComments(deps, retentionDays),
    'purge-workspaces': () => purgeUninstalledWorkspaces(deps, graceDays),
    tick: () => runTick(deps),
  };
}

/** Every processor, reporting what it did to the metrics (counts by job and result, nothing else). */
function withMetrics(processors: Processors, metrics: Metrics): Processors {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, run] of Object.entries(processors) as Array<
    [string, (p: unknown, j: { attemptsMade: number }) => Promise<unknown>]
  >) {
    wrapped[name] = async (payload: unknown, job: { attemptsMade: number }) => {
      const result = await run(payload, job);
      metrics.jobDone(name, result);
      return result;
    };
  }
  return wrapped as Processors;
}

/**
 * Every processor, logging the platform's own error code when it refuses a call (`missing_scope`,
 * `not_in_channel`, `invalid_auth`…): "job failed" alone does not say what to fix. Codes only, never a payload.
 */
function withPlatformErrors(processors: Processors, logger: Logger): Processors {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, run] of Object.entries(processors) as Array<
    [string, (p: unknown, j: { attemptsMade: number }) => Promise<unknown>]
  >) {
    wrapped[name] = async (payload: unknown, job: { attemptsMade: number }) => {
      try {
        return await run(payload, job);
      } catch (err) {
        if (isSymmetryError(err, 'platform_error'))
          logger.warn({ job: name, platformError: err.params.error }, 'the chat platform refused a call');
        throw err;
      }
    };
  }
  return wrapped as Processors;
}

/** Ticks more often than TICK_SECONDS allows: only the sandbox, whose clock runs hours a second, needs it. */
export interface WorkerStartOptions extends StartOptions {
  tickEveryMs?: number;
}

/** Starts the workers and registers the tick; resolves once they run. */
export async function startWorker(config: Config, logger: Logger, options: WorkerStartOptions = {}): Promise<Running> {
  const { database, redis, queue, repos } = await openStores(
    config,
    logger,
    Math.min(50, config.WORKER_CONCURRENCY + 4),
  );
  const metrics = processMetrics();
  const clock = options.clock ?? systemClock;
  const messenger = routeByPlatform(
    await byPlatform(enabledPlatforms(config), (p) =>
      p.worker({ config, logger, repos, metrics, redis, db: database.db, clock }),
    ),
  );
  const spreads = new Map(enabledPlatforms(config).map((p) => [p.name, p.fanOutSpread(config)]));
  // Set when SIGTERM comes: a fan-out batch stops between two DMs and goes back to the queue for another worker.
  let stopping = false;
  const deps: WorkerDeps = {
    repos,
    queue,
    clock,
    logger,
    messenger,
    anonymitySecret: config.ANONYMITY_SECRET,
    charts: createChartRenderer(),
    interrupted: () => stopping,
    fanOutSpread: (platform) => spreads.get(platform) ?? 1,
    // App Home links org admins to the dashboard only when the web process serves it.
    ...(dashboardOffReason(config) === null ? { dashboardUrl: `${config.PUBLIC_URL}/dashboard` } : {}),
  };

  metrics.watchQueues(Object.values(queue.queues));
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
    processors: withPlatformErrors(
      withMetrics(buildProcessors(deps, config.COMMENT_RETENTION_DAYS, config.UNINSTALLED_DATA_GRACE_DAYS), metrics),
      logger,
    ),
    onRateLimited: (name) => metrics.rateLimited(name),
    logger,
  });
  // A worker on its own serves /metrics on METRICS_PORT (with `start all`, the web port serves them).
  let metricsServer: Server | undefined;
  if (config.METRICS_PORT) {
    metricsServer = createServer((req, res) =>
      req.url === '/metrics' ? void metrics.handler(req, res) : void res.writeHead(404).end(),
    );
    await new Promise<void>((resolve) => metricsServer!.listen(config.METRICS_PORT, resolve));
  }
  await upsertSchedulers(redis, config.QUEUE_PREFIX, options.tickEveryMs ?? config.TICK_SECONDS * 1000);
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'workers running');

  return {
    role: 'worker',
    async stop() {
      stopping = true;
      await workers.close(8000);
      logger.info({}, 'workers closed');
      if (metricsServer) await new Promise<void>((resolve) => metricsServer!.close(() => resolve()));
      await queue.close();
      for (const c of connections) c.disconnect();
      redis.disconnect();
      await database.close();
    },
  };
}
