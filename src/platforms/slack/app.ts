/** The Bolt app: HTTP endpoint (or Socket Mode), our logger, our listeners. Transport only. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, ignoreSelf, type Authorize, type Receiver } from '@slack/bolt';
import type { InstallationKey, Logger } from '../../core/ports';
import type { WebDeps } from '../../core/use-cases/deps';
import { toBoltLogger } from './bolt-logger';
import { createEventsEndpoint } from './events-endpoint';
import { createSlackFetch } from './http';
import { registerListeners } from './listeners';
import { registerUninstall } from './listeners/uninstall';
import type { Verdict } from './payload-screen';
import { SocketModeTransport } from './socket-mode';
import { ownWorkspaceOnly } from './workspace-guard';

/** What the web process learns from the Slack transport (for its metrics and its shutdown). */
export interface SlackHooks {
  /** A request reached Bolt's middleware; `settled` follows once every listener has finished. */
  requestStarted?(): void;
  requestSettled?(outcome: 'ok' | 'failed'): void;
  /** Slack's `app_rate_limited` notice: it is dropping this app's events from a workspace for now. */
  appRateLimited?(teamId: string | undefined): void;
  /** A payload answered without Bolt: refused (malformed) or ignored (a type no listener knows). */
  screened?(verdict: 'refused' | 'ignored'): void;
}

export interface SlackAppOptions {
  /** One workspace: its bot token. */
  token?: string;
  /** Several workspaces (OAuth): Bolt's authorize over the installation store, instead of `token`. */
  authorize?: Authorize<boolean>;
  /** Several workspaces: deletes an installation's tokens when Slack says the app was uninstalled or they were revoked. */
  /**
   * Deletes the installation of `key` at once; for an org-wide one, says which workspaces of the organization it
   * served (they stop with it).
   */
  forgetInstallation?(key: InstallationKey): Promise<string[]>;
  signingSecret: string;
  /** App-level token: when set, Socket Mode instead of HTTP. */
  appToken?: string;
  apiUrl?: string;
  logger: Logger;
  /** The workspace this install serves (from auth.test); requests from others are dropped. */
  teamId?: string;
  hooks?: SlackHooks;
}

export interface SlackTransport {
  app: App;
  /** Over HTTP: the handler for POST /slack/events (served by the web process's own server). */
  events?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Socket Mode: connects. HTTP: nothing to do (the web server listens). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Over HTTP Bolt's App still wants a receiver: this one does nothing. The web process's server takes the
 * requests and the events endpoint hands each to `app.processEvent`; `app.start()` opens no port.
 */
const SERVED_BY_THE_WEB_PROCESS: Receiver = {
  init: () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
};

/** Logs and reports a payload answered without Bolt; says what `minute_rate_limited` means, as a date. */
function reporter(logger: Logger, hooks: SlackHooks) {
  return (verdict: Exclude<Verdict, { kind: 'pass' }>, transport: 'http' | 'socket') => {
    if (verdict.kind === 'rate-limited') {
      const minute =
        verdict.minuteRateLimited === undefined ? undefined : new Date(verdict.minuteRateLimited * 1000).toISOString();
      logger.warn(
        { teamId: verdict.teamId, minute_rate_limited: verdict.minuteRateLimited, since: minute, transport },
        'Slack is rate-limiting this app (app_rate_limited): over 30,000 events an hour from this workspace, so Slack drops some until the hour passes',
      );
      hooks.appRateLimited?.(verdict.teamId);
      return;
    }
    if (verdict.kind === 'refused')
      logger.warn({ code: verdict.code, detail: verdict.detail, transport }, 'refused a malformed Slack payload');
    else
      logger.info({ type: verdict.type, transport }, 'acknowledged a Slack payload of a type this app does not handle');
    hooks.screened?.(verdict.kind);
  };
}

/** Builds the Bolt app with every listener registered behind the payload screen; `start()` is the caller's. */
export function createSlackApp(options: SlackAppOptions, deps: WebDeps): SlackTransport {
  const hooks = options.hooks ?? {};
  const logger = toBoltLogger(options.logger.child({ component: 'bolt' }));
  const report = reporter(options.logger.child({ component: 'slack-screen' }), hooks);
  const apiUrl = options.apiUrl ? { slackApiUrl: options.apiUrl } : {};
  // Bolt's own client (views.open) and respond() (response_url) use the same fetch as ours. No conversation
  // store (convoStore: false): no listener keeps state per conversation, so its per-request lookup is waste.
  const clientOptions = { ...apiUrl, retryConfig: { retries: 1 }, fetch: createSlackFetch() };
  // The Socket Mode client opens its connections with these options. Without retryConfig it keeps its own (100
  // retries with backoff); with `retries: 1`, two Slack 5xx during a connection refresh reject inside its
  // reconnect loop and crash the process.
  const socket = options.appToken
    ? new SocketModeTransport({
        appToken: options.appToken,
        logger: options.logger,
        boltLogger: logger,
        clientOptions: { ...apiUrl },
        report,
      })
    : undefined;
  // Bolt's ignoreSelf is registered below, after the first middleware, instead of first of all.
  const app = new App({
    ...(options.authorize ? { authorize: options.authorize } : { token: options.token! }),
    receiver: socket ?? SERVED_BY_THE_WEB_PROCESS,
    logger,
    clientOptions,
    convoStore: false,
    ignoreSelf: false,
  });
  // First of all middleware: it sees every request Bolt routes, including those dropped after it (our own events, other workspaces).
  app.use(async ({ next }) => {
    hooks.requestStarted?.();
    let outcome: 'ok' | 'failed' = 'failed';
    try {
      await next();
      outcome = 'ok';
    } finally {
      hooks.requestSettled?.(outcome);
    }
  });
  app.use(ignoreSelf);
  if (options.teamId) app.use(ownWorkspaceOnly(options.teamId));
  registerListeners(app, deps);
  if (options.forgetInstallation) registerUninstall(app, deps, options.forgetInstallation);
  app.error(async (error) => {
    options.logger.error({ err: error.message, code: (error as { code?: string }).code }, 'slack listener failed');
  });
  if (socket) return { app, start: async () => void (await app.start()), stop: async () => void (await app.stop()) };
  return {
    app,
    events: createEventsEndpoint({
      signingSecret: options.signingSecret,
      processEvent: (event) => app.processEvent(event),
      boltLogger: logger,
      report,
      logger: options.logger,
    }),
    start: async () => undefined,
    stop: async () => undefined,
  };
}
