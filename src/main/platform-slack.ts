/** Slack as a platform module: the Web API client and messenger, and (web only) Bolt over HTTP or Socket Mode. */
import { createRedisPacer } from '../jobs/pacer';
import { createSlackClient } from '../platforms/slack/client';
import { createSlackMessenger } from '../platforms/slack/messenger';
import { slackStartError } from './infra-check';
import type { PlatformModule } from './platform';

export const slackPlatform: PlatformModule = {
  name: 'slack',
  enabled: (config) => config.slackEnabled,

  async web({ config, logger, metrics }) {
    const client = createSlackClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL, logger);
    // The workspace the bot token belongs to: requests naming any other are dropped.
    const identity = await client.auth.test().catch((err: unknown) => {
      // A refused token and an unreachable Slack need different fixes: the error says which.
      throw slackStartError(err, config.SLACK_API_URL);
    });
    return {
      messenger: createSlackMessenger(client),
      async mount(deps) {
        // Bolt is loaded only here: workers never load it (test/unit/lazy-modules.test.ts).
        const { createSlackApp } = await import('../platforms/slack/app.js');
        // Bolt acks first and runs the listener after: a listener still running at SIGTERM is work a person
        // was told is under way (a command, a click); the web waits for these before closing the stores.
        let listenersRunning = 0;
        const slack = createSlackApp(
          {
            token: config.SLACK_BOT_TOKEN!,
            signingSecret: config.SLACK_SIGNING_SECRET!,
            ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
            ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
            logger,
            ...(identity.team_id ? { teamId: identity.team_id } : {}),
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
          routes: slack.events ? [{ path: '/slack/events', method: 'POST', handler: slack.events }] : [],
          start: () => slack.start(),
          stop: () => slack.stop(),
          inFlight: () => listenersRunning,
          mode: config.SLACK_APP_TOKEN ? 'socket' : 'http',
        };
      },
    };
  },

  async worker({ config, logger, redis }) {
    // Every worker process takes its calls' slots from the same Redis keys: the limits hold for all of them together.
    const pacer = createRedisPacer(redis, config.QUEUE_PREFIX, 'slack', config.SLACK_MAX_CALLS_PER_SECOND);
    return createSlackMessenger(createSlackClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL, logger), pacer);
  },
};
