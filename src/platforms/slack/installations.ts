/**
 * One deployment, many Slack workspaces: @slack/oauth's InstallationStore over our sealed installation repository,
 * and the token each call of a worker uses, refreshed before it expires by the worker's own clock (a 03:00 fan-out
 * has no inbound request to make Bolt refresh it). Types only from @slack/oauth: workers do not load it.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import type { Clock } from '../../core/clock';
import { SymmetryError } from '../../core/errors';
import type { InstallationRepository } from '../../core/ports';
import { createSlackFetch } from './http';

/** Refresh a rotating token when it has this long left or less (Bolt's own window). */
const REFRESH_WINDOW_MS = 2 * 60 * 60 * 1000;

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The store has no installation serving this workspace (never installed, uninstalled, tokens revoked). */
export class NoInstallationError extends Error {
  constructor(enterpriseId?: string, teamId?: string) {
    super(`no installation for ${enterpriseId ?? '-'}/${teamId ?? '-'}`);
    this.name = 'NoInstallationError';
  }
}

/** @slack/oauth's InstallationStore over the sealed repository: an installation is stored whole, as JSON. */
export function createInstallationStore(
  repo: InstallationRepository,
  hooks: { onStored?(teamId: string): Promise<void> } = {},
): InstallationStore {
  const linked = new Set<string>();
  return {
    async storeInstallation(installation) {
      const org = Boolean(installation.isEnterpriseInstall);
      const expiresAt = installation.bot?.expiresAt;
      await repo.save({
        enterpriseId: installation.enterprise?.id,
        teamId: org ? undefined : installation.team?.id,
        isEnterpriseInstall: org,
        expiresAt: expiresAt ? new Date(expiresAt * 1000) : null,
        data: JSON.stringify(installation),
      });
      if (!org && installation.team?.id) await hooks.onStored?.(installation.team.id);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await repo.find(query);
      if (!found) throw new NoInstallationError(query.enterpriseId, query.teamId);
      // A request from a workspace of an org-wide install names both: remember the pair for scheduled work.
      const pair = `${query.enterpriseId}/${query.teamId}`;
      if (found.isEnterpriseInstall && query.enterpriseId && query.teamId && !linked.has(pair)) {
        await repo.linkWorkspace(query.enterpriseId, query.teamId);
        linked.add(pair);
      }
      return JSON.parse(found.data) as AnyInstallation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repo.remove({
        enterpriseId: query.enterpriseId,
        teamId: query.isEnterpriseInstall ? undefined : query.teamId,
      });
    },
  };
}

/** The token a call to one workspace uses, and the team_id an org-wide token must name. */
export interface WorkspaceToken {
  token: string;
  /** Set for an org-wide install: every call passes this workspace's team_id. */
  teamId?: string;
}

export interface TokenSourceOptions {
  store: InstallationStore;
  clock: Clock;
  /** oauth.v2.access with grant_type=refresh_token. */
  refresh(refreshToken: string): Promise<{ access_token?: string; refresh_token?: string; expires_in?: number }>;
}

/**
 * The bot token for a workspace, refreshed (and stored) when it expires within two hours by `clock`: scheduled
 * work uses it as Bolt's authorize() does for requests. Refreshes of one installation in this process share one call.
 * A workspace with no installation (uninstalled, tokens revoked) is a permanent error: its jobs stop.
 */
export function createTokenSource(options: TokenSourceOptions): (teamId: string) => Promise<WorkspaceToken> {
  const refreshing = new Map<string, Promise<AnyInstallation>>();

  async function refreshed(installation: AnyInstallation): Promise<AnyInstallation> {
    const bot = installation.bot!;
    const answer = await options.refresh(bot.refreshToken!);
    if (!answer.access_token || !answer.refresh_token || answer.expires_in === undefined)
      throw new SymmetryError('platform_error', { error: 'token_refresh_failed' });
    const now = Math.floor(options.clock.now().getTime() / 1000);
    const updated: AnyInstallation = {
      ...installation,
      bot: {
        ...bot,
        token: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresAt: now + answer.expires_in,
      },
    };
    await options.store.storeInstallation(updated);
    return updated;
  }

  return async (teamId) => {
    let installation: AnyInstallation;
    try {
      installation = await options.store.fetchInstallation({
        teamId,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
    } catch (err) {
      // No installation: uninstalled or revoked, its jobs stop for good. Anything else (PostgreSQL unreachable, say)
      // is not a verdict on the workspace: the job fails and is retried.
      if (err instanceof NoInstallationError) throw new SymmetryError('workspace_uninstalled', { workspace: teamId });
      throw err;
    }
    const bot = installation.bot;
    if (!bot?.token) throw new SymmetryError('workspace_uninstalled', { workspace: teamId });
    const expiresAtMs = bot.expiresAt ? bot.expiresAt * 1000 : undefined;
    if (
      bot.refreshToken &&
      expiresAtMs !== undefined &&
      expiresAtMs - options.clock.now().getTime() <= REFRESH_WINDOW_MS
    ) {
      const key = installation.isEnterpriseInstall ? `E:${installation.enterprise?.id}` : `T:${teamId}`;
      const pending = refreshing.get(key) ?? refreshed(installation).finally(() => refreshing.delete(key));
      refreshing.set(key, pending);
      installation = await pending;
    }
    return { token: installation.bot!.token, ...(installation.isEnterpriseInstall ? { teamId } : {}) };
  };
}

/** A WebClient per token (a refreshed token gets a new one), the `team_id` of an org-wide token set on every call. */
export function createClientCache(build: (token: string, teamId?: string) => WebClient) {
  const clients = new Map<string, WebClient>();
  return ({ token, teamId }: WorkspaceToken): WebClient => {
    const key = `${token}\u0000${teamId ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      // Old tokens' clients go: a rotating token changes twice a day per workspace.
      if (clients.size > 10_000) clients.clear();
      client = build(token, teamId);
      clients.set(key, client);
    }
    return client;
  };
}

/** oauth.v2.access with grant_type=refresh_token, with the app's client credentials. */
export function createTokenRefresher(apiUrl: string | undefined, clientId: string, clientSecret: string) {
  const client = new WebClient(undefined, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), fetch: createSlackFetch() });
  return (refreshToken: string) =>
    client.oauth.v2.access({
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
}
