/** The Bolt app: HTTP receiver (or Socket Mode), our logger, our listeners. Transport only. */
import { App, LogLevel, type CustomRoute } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/ports';
import type { WebDeps } from '../../core/use-cases/deps';
import { toBoltLogger } from './bolt-logger';
import { registerListeners } from './listeners';

export interface SlackAppOptions {
  token: string;
  signingSecret: string;
  /** App-level token: when set, Socket Mode instead of HTTP. */
  appToken?: string;
  apiUrl?: string;
  logger: Logger;
  /** Extra HTTP routes served beside /slack/events (health, metrics). */
  customRoutes?: CustomRoute[];
}

/** A WebClient that throws on 429 instead of waiting: BullMQ owns retries and Retry-After. */
export function createSlackClient(token: string, apiUrl: string | undefined, logger: Logger): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger: toBoltLogger(logger.child({ component: 'slack-web-api' }), LogLevel.WARN),
  });
}

/** Builds the Bolt app with every listener registered; `start(port)` is the caller's. */
export function createSlackApp(options: SlackAppOptions, deps: WebDeps): App {
  const logger = toBoltLogger(options.logger.child({ component: 'bolt' }));
  const clientOptions = { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 1 } };
  const app = options.appToken
    ? new App({ token: options.token, signingSecret: options.signingSecret, appToken: options.appToken, socketMode: true, logger, clientOptions })
    : new App({ token: options.token, signingSecret: options.signingSecret, logger, clientOptions, customRoutes: options.customRoutes ?? [] });
  registerListeners(app, deps);
  app.error(async (error) => {
    options.logger.error({ err: error.message, code: (error as { code?: string }).code }, 'slack listener failed');
  });
  return app;
}
