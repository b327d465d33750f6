/** A workspace leaving: what stops at once, and what is kept for the grace period. */
import type { Platform } from '../model';
import type { WebDeps } from './deps';

/**
 * The app was uninstalled from a workspace (or its tokens revoked): from now on no tick, job or reminder runs for
 * it; its data stays for the grace period (UNINSTALLED_DATA_GRACE_DAYS) in case it comes back, then goes.
 */
export async function closeWorkspace(
  deps: Pick<WebDeps, 'repos' | 'clock' | 'logger'>,
  input: { platform: Platform; workspaceExternalId: string },
): Promise<void> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  await deps.repos.workspaces.markUninstalled(workspace.id, deps.clock.now());
  deps.logger.info(
    { workspaceId: workspace.id },
    'the app left a workspace: its jobs stop, its data goes after the grace period',
  );
}
