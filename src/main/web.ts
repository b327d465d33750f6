/** The web process: one server for /healthz, /metrics, /api/signals and each enabled platform's routes (./platforms). */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { Config } from '../config';
import { systemClock, type Clock } from '../core/clock';
import type { Logger } from '../core/ports';
import { pingDatabase } from '../db/client';
import type { WebDeps } from '../core/use-cases/deps';
import { routeByPlatform } from './messengers';
import type { Route } from './platform';
import { byPlatform, enabledPlatforms, messengersOf } from './platforms';
import { processMetrics } from './metrics';
import { createSignalsHandler } from './signals-http';
import { mountDashboard } from './dashboard';
import type { DashboardPage } from '../dashboard/routes';
import { pingRedis } from './redis';
import { openStores } from './stores';

export interface Running {
  role: 'web' | 'worker';
  stop(): Promise<void>;
}

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

/** What only the sandbox and tests change: production always runs on the wall clock, with every dashboard page. */
export interface StartOptions {
  /** The core's clock (default: the wall clock); the sandbox hands in a faster one. */
  clock?: Clock;
  /** The dashboard's pages (default: all of src/dashboard/pages); tests of the sign-in and access plumbing pass their own. */
  dashboardPages?: DashboardPage[];
}

/** Starts the web process; resolves once it is listening. */
export async function startWeb(config: Config, logger: Logger, options: StartOptions = {}): Promise<Running> {
  const { database, redis, queue, repos } = await openStores(config, logger);
  const metrics = processMetrics();
  metrics.watchQueues(Object.values(queue.queues));
  const platforms = await byPlatform(enabledPlatforms(config), (p) => p.web({ config, logger, repos, metrics, redis }));
  // The web process asks the platform directly only to recognise workspace admins and bots in commands.
  const directory = routeByPlatform(messengersOf(platforms));
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
  const mounted = Object.entries(platforms).map(
    async ([name, platform]) => [name, await platform!.mount(deps)] as const,
  );
  const inbound = await Promise.all(mounted);
  const routes: Route[] = [
    { path: '/healthz', method: 'GET', handler: health },
    { path: '/metrics', method: 'GET', handler: (req, res) => metrics.handler(req, res) },
    {
      path: '/api/signals',
      method: 'POST',
      handler: createSignalsHandler(config.SIGNALS_TOKEN, repos.signals, logger.child({ component: 'signals' })),
    },
    ...inbound.flatMap(([, m]) => m.routes),
    ...mountDashboard({ config, logger, repos, redis, clock: deps.clock, directory }, options.dashboardPages),
  ];

  // One server of our own for every route; a platform over HTTP is some of them (Socket Mode needs none).
  for (const [, m] of inbound) await m.start?.();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find(
      (r) => (typeof r.path === 'string' ? r.path === path : r.path.test(path)) && r.method === req.method,
    );
    if (route) return void route.handler(req, res);
    res.writeHead(404).end();
  });
  metrics.observe(keepConnectionsLonger(server));
  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  const modes = Object.fromEntries(inbound.map(([name, m]) => [name, m.mode]));
  logger.info({ port: config.PORT, slack: modes.slack ?? 'off', teams: modes.teams ?? 'off' }, 'web listening');

  const inFlight = () => inbound.reduce((n, [, m]) => n + (m.inFlight?.() ?? 0), 0);
  return {
    role: 'web',
    async stop() {
      for (const [, m] of inbound) await m.stop?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + LISTENER_DRAIN_MS;
      while (inFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight() > 0)
        logger.warn({ listenersRunning: inFlight() }, 'Slack listeners still running at the shutdown deadline');
      await queue.close();
      redis.disconnect();
      await database.close();
    },
  };
}
