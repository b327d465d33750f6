/**
 * Slack as a platform module: the Web API client and messenger, and (web only) Bolt over HTTP or Socket Mode.
 * One workspace with SLACK_BOT_TOKEN (the default), or every workspace that installs the app through OAuth.
 */
import { createHash } from 'node:crypto';
import { createRedisPacer } from '../jobs/pacer';
import { createInstallationRepository } from '../db/repositories/installation-repository';
import { createTokenCipher } from '../db/token-cipher';
import { createSlackClient } from '../platforms/slack/client';
import {
  createClientCache,
  createInstallationStore,
  createTokenRefresher,
  createTokenSource,
} from '../platforms/slack/installations';
import { createSlackMessenger, MAX_PACE_WAIT_MS, type SlackClients } from '../platforms/slack/messenger';
import { fanOutSpread } from '../core/use-cases/fanout-batches';
import type { InstallationKey } from '../core/ports';
import { slackStartError } from './infra-check';
import type { PlatformContext, PlatformModule } from './platform';

/** What OAuth mode shares between web and worker: the sealed store and a client per workspace, token fresh. */
function oauthParts({ config, logger, db, clock, repos }: PlatformContext) {
  const repo = createInstallationRepository(
    db,
    createTokenCipher(config.TOKEN_ENCRYPTION_KEY!, config.TOKEN_ENCRYPTION_KEY_PREVIOUS),
  );
  const store = createInstallationStore(repo, {
    // A workspace that installs again is served again.
    onStored: (teamId) => repos.workspaces.reinstate('slack', teamId),
  });
  const tokenFor = createTokenSource({
    store,
    clock,
    refresh: createTokenRefresher(config.SLACK_API_URL, config.SLACK_CLIENT_ID!, config.SLACK_CLIENT_SECRET!),
  });
  const clientOf = createClientCache((token, teamId) => createSlackClient(token, config.SLACK_API_URL, logger, teamId));
  const clients: SlackClients = async (workspace) => clientOf(await tokenFor(workspace.externalId));
  return { repo, store, clients };
}

/** Single-token mode: the one client, checked against Slack at start (a wrong token stops the process). */
async function singleToken({ config, logger }: PlatformContext) {
  const client = createSlackClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL, logger);
  // The workspace the bot token belongs to: requests naming any other are dropped.
  const identity = await client.auth.test().catch((err: unknown) => {
    // A refused token and an unreachable Slack need different fixes: the error says which.
    throw slackStartError(err, config.SLACK_API_URL);
  });
  return { client, teamId: identity.team_id };
}

export const slackPlatform: PlatformModule = {
  name: 'slack',
  enabled: (config) => config.slackEnabled,

  async web(ctx) {
    const { config, logger, metrics, redis } = ctx;
    const single = config.slackOAuth ? undefined : await singleToken(ctx);
    const oauth = config.slackOAuth ? oauthParts(ctx) : undefined;
    return {
      messenger: createSlackMessenger(single ? single.client : oauth!.clients),
      async mount(deps) {
        // Bolt is loaded only here: workers never load it (test/unit/lazy-modules.test.ts).
        const { createSlackApp } = await import('../platforms/slack/app.js');
        const { createInstaller, createOneTimeStateStore, installRoutes } =
          await import('../platforms/slack/oauth-routes.js');
        const installer = oauth
          ? createInstaller({
              clientId: config.SLACK_CLIENT_ID!,
              clientSecret: config.SLACK_CLIENT_SECRET!,
              // A state is good once: the first redirect that shows it claims it in Redis.
              stateStore: createOneTimeStateStore(config.SLACK_STATE_SECRET!, async (state, ttl) => {
                const id = createHash('sha256').update(state).digest('hex');
                return (await redis.set(`${config.QUEUE_PREFIX}:oauth-state:${id}`, '1', 'EX', ttl, 'NX')) === 'OK';
              }),
              store: oauth.store,
              ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
              logger,
            })
          : undefined;
        // Bolt acks first and runs the listener after: a listener still running at SIGTERM is work a person
        // was told is under way (a command, a click); the web waits for these before closing the stores.
        let listenersRunning = 0;
        const slack = createSlackApp(
          {
            ...(installer
              ? {
                  authorize: installer.authorize,
                  forgetInstallation: async (key: InstallationKey) => {
                    const served =
                      key.teamId || !key.enterpriseId ? [] : await oauth!.repo.orgWorkspaces(key.enterpriseId);
                    await oauth!.repo.remove(key);
                    return served;
                  },
                }
              : { token: config.SLACK_BOT_TOKEN! }),
            signingSecret: config.SLACK_SIGNING_SECRET!,
            ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
            ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
            logger,
            ...(single?.teamId ? { teamId: single.teamId } : {}),
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
        );
        return {
          routes: [
            ...(slack.events ? [{ path: '/slack/events', method: 'POST' as const, handler: slack.events }] : []),
            ...(installer ? installRoutes(installer, logger) : []),
          ],
          start: () => slack.start(),
          stop: () => slack.stop(),
          inFlight: () => listenersRunning,
          mode: config.SLACK_APP_TOKEN ? 'socket' : installer ? 'oauth' : 'http',
        };
      },
    };
  },

  async worker(ctx) {
    const { config, logger, redis } = ctx;
    // Every worker process takes its calls' slots from the same Redis keys: the limits hold for all of them together.
    const pacer = createRedisPacer(redis, config.QUEUE_PREFIX, 'slack', config.SLACK_MAX_CALLS_PER_SECOND);
    const clients = config.slackOAuth
      ? oauthParts(ctx).clients
      : createSlackClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL, logger);
    return createSlackMessenger(clients, pacer);
  },

  // A fifth under the hand-back wait: the pacer's slots are spaced a little wider than the rate (its headroom).
  fanOutSpread: (config) => fanOutSpread(config.SLACK_MAX_CALLS_PER_SECOND, MAX_PACE_WAIT_MS * 0.8),
};
