/** The web process: Slack's HTTP endpoint (or Socket Mode) and /healthz. */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { Config } from '../config';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/ports';
import { createDatabase, pingDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createRepositories } from '../db/repositories';
import { createJobQueue } from '../jobs/producer';
import { createSlackApp, createSlackClient } from '../platforms/slack/app';
import { createSlackMessenger } from '../platforms/slack/messenger';
import type { WebDeps } from '../core/use-cases/deps';
import { connectProducer, pingRedis, waitReady } from './redis';

export interface Running {
  role: 'web' | 'worker';
  stop(): Promise<void>;
}

/** Starts the web process; resolves once it is listening. */
export async function startWeb(config: Config, logger: Logger): Promise<Running> {
  const database = createDatabase(config.DATABASE_URL, { onError: (err) => logger.warn({ err: err.message }, 'idle postgres client failed') });
  await runMigrations(database.pool);
  const redis = connectProducer(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  await waitReady(redis);
  const queue = createJobQueue(redis, config.QUEUE_PREFIX);
  // The web process asks Slack directly only to recognise workspace admins running /pulse.
  const slackClient = createSlackClient(config.SLACK_BOT_TOKEN, config.SLACK_API_URL, logger);
  const directory = createSlackMessenger(slackClient);
  // The workspace the bot token belongs to: requests naming any other are dropped.
  const identity = await slackClient.auth.test().catch((err: { data?: { error?: string } }) => {
    throw new Error(`Slack refused SLACK_BOT_TOKEN (${err.data?.error ?? String(err)}): copy the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page again.`, { cause: err });
  });
  const deps: WebDeps = { repos: createRepositories(database.db), queue, clock: systemClock, logger, directory, anonymitySecret: config.ANONYMITY_SECRET };

  const health = async (_req: IncomingMessage, res: ServerResponse) => {
    const [postgres, redisOk] = await Promise.all([pingDatabase(database.pool), pingRedis(redis)]);
    const ok = postgres && redisOk;
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', postgres: postgres ? 'up' : 'down', redis: redisOk ? 'up' : 'down' }));
  };

  const app = createSlackApp(
    {
      token: config.SLACK_BOT_TOKEN,
      signingSecret: config.SLACK_SIGNING_SECRET,
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      logger,
      ...(identity.team_id ? { teamId: identity.team_id } : {}),
      customRoutes: [{ path: '/healthz', method: ['GET'], handler: health }],
    },
    deps,
  );

  // Socket Mode has no HTTP receiver: serve /healthz from a small server of our own.
  let healthServer: Server | undefined;
  if (config.SLACK_APP_TOKEN) {
    await app.start();
    healthServer = createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/healthz') return void health(req, res);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => healthServer!.listen(config.PORT, resolve));
  } else {
    await app.start(config.PORT);
  }
  logger.info({ port: config.PORT, mode: config.SLACK_APP_TOKEN ? 'socket' : 'http' }, 'web listening');

  return {
    role: 'web',
    async stop() {
      await app.stop();
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
      await queue.close();
      redis.disconnect();
      await database.close();
    },
  };
}
