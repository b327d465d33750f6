/** Teams, when configured: the CloudAdapter and the Teams messenger over the conversation references in PostgreSQL. */
import type { Config } from '../config';
import type { CallPacer, ConversationReferenceRepository, Logger } from '../core/ports';
import type { createTeamsAdapter } from '../platforms/teams/app';
import type { TeamsMessenger } from '../platforms/teams/messenger';

export interface TeamsParts {
  adapter: ReturnType<typeof createTeamsAdapter>;
  messenger: TeamsMessenger;
}

/**
 * Builds the Teams adapter and messenger, or null when Teams is not configured. botbuilder and its
 * dependencies (some 40 MB of a process's memory) are loaded only then.
 */
export async function createTeams(
  config: Config,
  conversations: ConversationReferenceRepository,
  logger: Logger,
  pacer?: CallPacer,
): Promise<TeamsParts | null> {
  if (!config.teamsEnabled) return null;
  const [{ createTeamsAdapter }, { createTeamsMessenger }, { createTeamsLimiter }] = await Promise.all([
    import('../platforms/teams/app.js'),
    import('../platforms/teams/messenger.js'),
    import('../platforms/teams/limits.js'),
  ]);
  const log = logger.child({ component: 'teams' });
  const allowUnauthenticated = config.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  if (allowUnauthenticated)
    log.warn(
      {},
      'TEAMS_ALLOW_UNAUTHENTICATED=true: /api/messages accepts unauthenticated requests (local testing only)',
    );
  const adapter = createTeamsAdapter(
    {
      ...(config.TEAMS_APP_ID ? { appId: config.TEAMS_APP_ID } : {}),
      ...(config.TEAMS_APP_PASSWORD ? { appPassword: config.TEAMS_APP_PASSWORD } : {}),
      ...(config.TEAMS_TENANT_ID ? { tenantId: config.TEAMS_TENANT_ID } : {}),
      appType: config.TEAMS_APP_TYPE,
      allowUnauthenticated,
    },
    log,
  );
  // One tenant per install (SingleTenant / managed identity): its global limit is one pacer key.
  const limiter = createTeamsLimiter(
    pacer ? { pace: async () => void (await pacer.take(config.TEAMS_TENANT_ID ?? 'tenant')) } : {},
  );
  return {
    adapter,
    messenger: createTeamsMessenger({ adapter, appId: config.TEAMS_APP_ID ?? '', conversations, logger: log, limiter }),
  };
}
