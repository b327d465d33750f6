/** A workspace leaving: what stops at once, and what is kept for the grace period. */
import type { Platform } from '../model';
import type { WebDeps } from './deps';

const DAY = 24 * 3_600_000;

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

/** The daily job: every workspace uninstalled more than `graceDays` ago loses all its data (teams, people, answers). */
export async function purgeUninstalledWorkspaces(
  deps: Pick<WebDeps, 'repos' | 'clock' | 'logger'>,
  graceDays: number,
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - graceDays * DAY);
  const due = await deps.repos.workspaces.listUninstalledBefore(before);
  for (const id of due) await deps.repos.workspaces.deleteData(id);
  if (due.length > 0) deps.logger.info({ workspaces: due.length, graceDays }, 'uninstalled workspaces deleted');
  return due.length;
}
