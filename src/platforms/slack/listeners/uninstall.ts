/**
 * Slack says the app left a workspace (`app_uninstalled`) or its bot tokens were revoked (`tokens_revoked`): the
 * tokens are deleted at once and the workspace stops (Bolt runs these without authorize: there is no token left).
 */
import type { App } from '@slack/bolt';
import type { InstallationKey } from '../../../core/ports';
import type { WebDeps } from '../../../core/use-cases/deps';
import { closeWorkspace } from '../../../core/use-cases/installations';

/** The installation an event speaks for: the org-wide one when it came through an org-wide install. */
function installationOf(body: {
  team_id?: string;
  enterprise_id?: string;
  is_ext_shared_channel?: boolean;
  authorizations?: Array<{ is_enterprise_install?: boolean; enterprise_id?: string | null }>;
}): InstallationKey {
  const org = body.authorizations?.[0]?.is_enterprise_install === true;
  const enterpriseId = body.enterprise_id ?? body.authorizations?.[0]?.enterprise_id ?? undefined;
  return org ? { enterpriseId } : { enterpriseId, teamId: body.team_id };
}

/** Registers app_uninstalled and tokens_revoked (OAuth installs only). */
export function registerUninstall(app: App, deps: WebDeps, forget: (key: InstallationKey) => Promise<string[]>): void {
  const close = async (body: Parameters<typeof installationOf>[0]) => {
    // An org-wide install served every workspace of the organization that used it: they all stop with it.
    const served = await forget(installationOf(body));
    for (const team of new Set([...served, ...(body.team_id ? [body.team_id] : [])]))
      await closeWorkspace(deps, { platform: 'slack', workspaceExternalId: team });
  };
  app.event('app_uninstalled', async ({ body }) => close(body));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot's tokens matter: a revoked user token (we ask for none) changes nothing.
    if ((event.tokens.bot ?? []).length > 0) await close(body);
  });
}
