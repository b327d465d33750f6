/** The Bolt app: HTTP receiver (or Socket Mode), our logger, our listeners. Transport only. */
import { App, type CustomRoute } from '@slack/bolt';
import type { Logger } from '../../core/ports';
import type { WebDeps } from '../../core/use-cases/deps';
import { toBoltLogger } from './bolt-logger';
import { createSlackFetch } from './http';
import { registerListeners } from './listeners';
import { ownWorkspaceOnly } from './workspace-guard';

export interface SlackAppOptions {
  token: string;
  signingSecret: string;
  /** App-level token: when set, Socket Mode instead of HTTP. */
  appToken?: string;
  apiUrl?: string;
  logger: Logger;
  /** The workspace this install serves (from auth.test); requests from others are dropped. */
  teamId?: string;
  /** Extra HTTP routes served beside /slack/events (health, metrics). */
  customRoutes?: CustomRoute[];
}

/** Builds the Bolt app with every listener registered; `start(port)` is the caller's. */
export function createSlackApp(options: SlackAppOptions, deps: WebDeps): App {
  const logger = toBoltLogger(options.logger.child({ component: 'bolt' }));
  const apiUrl = options.apiUrl ? { slackApiUrl: options.apiUrl } : {};
  // Bolt's own client (views.open) and respond() (response_url) use the same fetch as ours. No conversation
  // store (convoStore: false): no listener keeps state per conversation, so its per-request lookup is waste.
  const clientOptions = { ...apiUrl, retryConfig: { retries: 1 }, fetch: createSlackFetch() };
  // Bolt hands `installerOptions.clientOptions` (by default our clientOptions) to the Socket Mode client for
  // apps.connections.open. Without retryConfig it keeps its own (100 retries with backoff); with `retries: 1`,
  // two Slack 5xx during a connection refresh reject inside its reconnect loop and crash the process.
  const app = options.appToken
    ? new App({ token: options.token, signingSecret: options.signingSecret, appToken: options.appToken, socketMode: true, logger, clientOptions, installerOptions: { clientOptions: { ...apiUrl } }, convoStore: false })
    : new App({ token: options.token, signingSecret: options.signingSecret, logger, clientOptions, customRoutes: options.customRoutes ?? [], convoStore: false });
  if (options.teamId) app.use(ownWorkspaceOnly(options.teamId));
  registerListeners(app, deps);
  app.error(async (error) => {
    options.logger.error({ err: error.message, code: (error as { code?: string }).code }, 'slack listener failed');
  });
  return app;
}
