/**
 * Bolt's own OAuth install (@slack/oauth's InstallProvider) in the web process: GET /slack/install (the "Add to
 * Slack" page), GET /slack/oauth_redirect (state checked, code exchanged, installation stored sealed), and the
 * `authorize` Bolt runs for every inbound request (it refreshes a rotating token that is about to expire).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ClearStateStore,
  InstallProvider,
  InvalidStateError,
  type CodedError,
  type InstallationStore,
  type InstallURLOptions,
  type StateStore,
} from '@slack/oauth';
import { translate } from '../../core/i18n';
import type { Logger } from '../../core/ports';
import { toBoltLogger } from './bolt-logger';
import { createSlackFetch } from './http';

/** How long an install's `state` is good for (Bolt's default). */
const STATE_SECONDS = 600;

/** The bot scopes an install asks for: the same list as manifest.yml (docs/install-slack.md says why each). */
export const BOT_SCOPES = [
  'chat:write',
  'im:write',
  'im:history',
  'commands',
  'users:read',
  'channels:read',
  'groups:read',
  'reactions:read',
  'channels:history',
  'groups:history',
  'files:write',
] as const;

/**
 * Bolt's signed `state` (ClearStateStore: a JWT under SLACK_STATE_SECRET, ten minutes), and good once: a state
 * already used is refused, so a redirect captured from one browser cannot be replayed to install again.
 */
export function createOneTimeStateStore(
  stateSecret: string,
  claimOnce: (id: string, ttlSeconds: number) => Promise<boolean>,
): StateStore {
  const signed = new ClearStateStore(stateSecret, STATE_SECONDS);
  return {
    generateStateParam: (options, now) => signed.generateStateParam(options, now),
    async verifyStateParam(now, state) {
      const options = await signed.verifyStateParam(now, state);
      if (!(await claimOnce(state, STATE_SECONDS))) throw new InvalidStateError('The state value was already used');
      return options;
    },
  };
}

export interface InstallerOptions {
  clientId: string;
  clientSecret: string;
  stateStore: StateStore;
  store: InstallationStore;
  /** SLACK_API_URL: the Web API, and (its origin) where Slack's authorize page is. */
  apiUrl?: string;
  logger: Logger;
}

/** Where Slack's authorize page is for this Web API: `https://slack.com/oauth/v2/authorize` by default. */
export function authorizationUrlOf(apiUrl: string | undefined): string {
  return new URL('/oauth/v2/authorize', apiUrl ?? 'https://slack.com/api/').toString();
}

/** Bolt's InstallProvider: /slack/install and /slack/oauth_redirect, and `authorize` for inbound requests. */
export function createInstaller(options: InstallerOptions): InstallProvider {
  return new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateStore: options.stateStore,
    installationStore: options.store,
    authorizationUrl: authorizationUrlOf(options.apiUrl),
    installUrlOptions: { scopes: [...BOT_SCOPES] } satisfies InstallURLOptions,
    logger: toBoltLogger(options.logger.child({ component: 'slack-oauth' })),
    clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), fetch: createSlackFetch() },
  });
}

/** A route of the web process's server. */
interface InstallRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => unknown;
}

/** A plain page: the install pages speak to a person in a browser. */
function page(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** The browser's first language (`fr-FR,fr;q=0.9` → `fr-FR`); the catalog falls back to English. */
const browserLocale = (req: IncomingMessage) => req.headers['accept-language']?.split(',')[0]?.trim();

/** GET /slack/install and GET /slack/oauth_redirect, answering every request (never a thrown error). */
export function installRoutes(installer: InstallProvider, logger: Logger): InstallRoute[] {
  const log = logger.child({ component: 'slack-oauth' });
  return [
    {
      path: '/slack/install',
      method: 'GET',
      handler: (req, res) =>
        installer.handleInstallPath(req, res).catch((err: Error) => {
          log.error({ err: err.message }, 'the install page failed');
          page(res, 500, translate(browserLocale(req), 'install.failed', { reason: 'install_page_failed' }));
        }),
    },
    {
      path: '/slack/oauth_redirect',
      method: 'GET',
      handler: (req, res) =>
        installer.handleCallback(req, res, {
          success: (installation, _options, request, response) => {
            const team = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
            log.info({ team, orgWide: Boolean(installation.isEnterpriseInstall) }, 'installed in a Slack workspace');
            page(response, 200, translate(browserLocale(request), 'install.done'));
          },
          failure: (error: CodedError, _options, request, response) => {
            log.warn({ code: error.code }, 'refused an install redirect');
            page(response, 400, translate(browserLocale(request), 'install.failed', { reason: error.code }));
          },
        }),
    },
  ];
}
