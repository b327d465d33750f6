/** The web process: Slack's HTTP endpoint (or Socket Mode), Teams' /api/messages, /healthz and /metrics, on one server. */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { Config } from '../config';
import { systemClock, type Clock } from '../core/clock';
import type { Logger } from '../core/ports';
import { pingDatabase } from '../db/client';
import { createSlackApp } from '../platforms/slack/app';
import { createSlackClient } from '../platforms/slack/client';
import { createSlackMessenger } from '../platforms/slack/messenger';
import type { WebDeps } from '../core/use-cases/deps';
import { slackStartError } from './infra-check';
import { routeByPlatform } from './messengers';
import { processMetrics } from './metrics';
import { createSignalsHandler } from './signals-http';
import { pingRedis } from './redis';
import { openStores } from './stores';
import { createTeams } from './teams';

export interface Running {
  role: 'web' | 'worker';
  stop(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Idle keep-alive connections are kept longer than a sender or load balancer keeps its own (60 s on an AWS
 * ALB; Node closes them after 5 s by default), so it is never this server that closes one just as a request
 * arrives on it: the sender would see a reset, and Slack a failed delivery.
 */
const KEEP_ALIVE_MS = 65_000;

function keepConnectionsLonger(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Node wants the header deadline above the keep-alive one.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}

/** How long stop() lets Slack listeners that already acked finish their work (start.ts exits hard at 10 s). */
const LISTENER_DRAIN_MS = 8000;

/** What only the sandbox changes: production always runs on the wall clock. */
export interface StartOptions {
  /** The core's clock (default: the wall clock); the sandbox hands in a faster one. */
  clock?: Clock;
}

/** Starts the web process; resolves once it is listening. */
export async function startWeb(config: Config, logger: Logger, options: StartOptions = {}): Promise<Running> {
  const { database, redis, queue, repos } = await openStores(config, logger);
  const slackClient = config.slackEnabled
    ? createSlackClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL, logger)
    : null;
  const slackMessenger = slackClient ? createSlackMessenger(slackClient) : undefined;
  // The workspace the bot token belongs to: requests naming any other are dropped.
  const identity = slackClient
    ? await slackClient.auth.test().catch((err: unknown) => {
        // A refused token and an unreachable Slack need different fixes: the error says which.
        throw slackStartError(err, config.SLACK_API_URL);
      })
    : null;
  const teams = await createTeams(config, repos.conversations, logger);
  // The web process asks the platform directly only to recognise workspace admins and bots in commands.
  const directory = routeByPlatform({
    ...(slackMessenger ? { slack: slackMessenger } : {}),
    ...(teams ? { teams: teams.messenger } : {}),
  });
  const deps: WebDeps = {
    repos,
    queue,
    clock: options.clock ?? systemClock,
    logger,
    directory,
    anonymitySecret: config.ANONYMITY_SECRET,
  };

  const health = async (_req: IncomingMessage, res: ServerResponse) => {
    const [postgres, redisOk] = await Promise.all([pingDatabase(database.pool), pingRedis(redis)]);
    const ok = postgres && redisOk;
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        status: ok ? 'ok' : 'unavailable',
        postgres: postgres ? 'up' : 'down',
        redis: redisOk ? 'up' : 'down',
      }),
    );
  };
  const metrics = processMetrics();
  metrics.watchQueues(Object.values(queue.queues));
  const routes: Array<{ path: string; method: 'GET' | 'POST'; handler: Handler }> = [
    { path: '/healthz', method: 'GET', handler: health },
    { path: '/metrics', method: 'GET', handler: (req, res) => metrics.handler(req, res) },
    {
      path: '/api/signals',
      method: 'POST',
      handler: createSignalsHandler(config.SIGNALS_TOKEN, repos.signals, logger.child({ component: 'signals' })),
    },
  ];
  if (teams) {
    const [{ SymmetryTeamsBot }, { createTeamsRequestHandler }] = await Promise.all([
      import('../platforms/teams/bot.js'),
      import('../platforms/teams/app.js'),
    ]);
    const bot = new SymmetryTeamsBot({
      deps,
      messenger: teams.messenger,
      logger: logger.child({ component: 'teams' }),
      ...(config.TEAMS_TENANT_ID ? { tenantId: config.TEAMS_TENANT_ID } : {}),
    });
    routes.push({
      path: '/api/messages',
      method: 'POST',
      handler: createTeamsRequestHandler(teams.adapter, bot, logger),
    });
  }

  // Bolt acks first and runs the listener after: a listener still running when SIGTERM comes is work a
  // person was told is under way (a command, a click). stop() waits for these before closing the queue and pools.
  let listenersRunning = 0;
  const slack = config.slackEnabled
    ? createSlackApp(
        {
          token: config.SLACK_BOT_TOKEN!,
          signingSecret: config.SLACK_SIGNING_SECRET!,
          ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
          logger,
          ...(identity?.team_id ? { teamId: identity.team_id } : {}),
          hooks: {
            requestStarted: () => void (listenersRunning += 1),
            requestSettled: (outcome) => {
              listenersRunning -= 1;
              metrics.slackHandled(outcome);
            },
            appRateLimited: (teamId) => metrics.slackAppRateLimited(teamId ?? 'unknown'),
            screened: (verdict) => metrics.slackScreened(verdict),
          },
        },
        deps,
      )
    : null;
  if (slack?.events) routes.push({ path: '/slack/events', method: 'POST', handler: slack.events });

  // One server of our own for every route; Slack over HTTP is one of them (Socket Mode needs none).
  if (slack) await slack.start();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) return void route.handler(req, res);
    res.writeHead(404).end();
  });
  metrics.observe(keepConnectionsLonger(server));
  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  logger.info(
    {
      port: config.PORT,
      slack: slack ? (config.SLACK_APP_TOKEN ? 'socket' : 'http') : 'off',
      teams: teams ? 'on' : 'off',
    },
    'web listening',
  );

  return {
    role: 'web',
    async stop() {
      if (slack) await slack.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + LISTENER_DRAIN_MS;
      while (listenersRunning > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (listenersRunning > 0)
        logger.warn({ listenersRunning }, 'Slack listeners still running at the shutdown deadline');
      await queue.close();
      redis.disconnect();
      await database.close();
    },
  };
}
