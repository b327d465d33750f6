/** Microsoft Teams as a platform module: botbuilder's CloudAdapter, the Teams messenger, and (web only) /api/messages. */
import { createRedisPacer } from '../jobs/pacer';
import { fanOutSpread } from '../core/use-cases/fanout-batches';
import type { PlatformModule } from './platform';
import { createTeams } from './teams';

export const teamsPlatform: PlatformModule = {
  name: 'teams',
  enabled: (config) => config.teamsEnabled,

  async web({ config, logger, repos }) {
    const teams = (await createTeams(config, repos.conversations, logger))!;
    return {
      messenger: teams.messenger,
      async mount(deps) {
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
        const handler = createTeamsRequestHandler(teams.adapter, bot, logger);
        return { routes: [{ path: '/api/messages', method: 'POST', handler }], mode: 'on' };
      },
    };
  },

  async worker({ config, logger, repos, redis }) {
    const pacer = createRedisPacer(redis, config.QUEUE_PREFIX, 'teams', config.TEAMS_MAX_CALLS_PER_SECOND);
    return (await createTeams(config, repos.conversations, logger, pacer))!.messenger;
  },

  // A Teams call sleeps for its slot (nothing is handed back): a round is spread over as many jobs as a second's
  // worth of slots, at most the full spread.
  fanOutSpread: (config) => fanOutSpread(config.TEAMS_MAX_CALLS_PER_SECOND, 1000),
};
