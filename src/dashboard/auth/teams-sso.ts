/**
 * Sign-in in the Teams personal tab: /dashboard/auth/teams is a page whose served script asks the Teams JS SDK for
 * the person's single sign-on token and POSTs it back; the token is accepted only when Microsoft Entra ID signed it
 * for this app (audience: its Application ID URI) in the configured tenant, and has not expired.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { translate } from '../../core/i18n';
import type { PublicRoute } from '../routes';
import { staticAsset, staticFile } from '../static';
import { escapeHtml, page, requestLocale, sendHtml } from './html';
import { afterSignIn, isPlatformAdmin, startSession, withinLimit, type SignInContext } from './sign-in';

/** How this deployment checks the Teams tab's tokens. */
export interface TeamsSignInOptions {
  /** The Microsoft Entra tenant the app serves. */
  tenantId: string;
  /** The app registration's client id (TEAMS_APP_ID). */
  clientId: string;
  /** The Application ID URI (api://<host>/<client id>) the tab's tokens are issued for. */
  appIdUri: string;
  /** The Entra ID authority (https://login.microsoftonline.com, or a fake on loopback). */
  authority: string;
  /** Where the Teams JS SDK's file is (node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js). */
  teamsJsPath: string;
}

/** The script of the tab's sign-in page: a served file, since the CSP allows no inline script. */
const TAB_SCRIPT = `(function () {
  'use strict';
  function fail() {
    document.getElementById('signing-in').hidden = true;
    document.getElementById('failed').hidden = false;
  }
  var teams = window.microsoftTeams;
  if (!teams) return fail();
  teams.app
    .initialize()
    .then(function () { return teams.authentication.getAuthToken(); })
    .then(function (token) {
      return fetch('/dashboard/auth/teams', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: token, next: new URLSearchParams(window.location.search).get('next') })
      });
    })
    .then(function (res) {
      if (!res.ok) throw new Error('sign-in refused: ' + res.status);
      return res.json();
    })
    .then(function (body) { window.location.replace(body.next); })
    .catch(fail);
})();
`;

/** Largest token request body. */
const MAX_BODY = 16 * 1024;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  if ((req.headers['content-type'] ?? '').split(';')[0]?.trim() !== 'application/json') return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The tenant's issuer and keys, from its OpenID metadata (fetched once, again after a failure). */
function tenantKeys(options: TeamsSignInOptions): () => Promise<{ issuer: string; keys: JWTVerifyGetKey }> {
  let found: Promise<{ issuer: string; keys: JWTVerifyGetKey }> | undefined;
  const load = async () => {
    const metadataUrl = `${options.authority.replace(/\/$/, '')}/${options.tenantId}/v2.0/.well-known/openid-configuration`;
    const res = await fetch(metadataUrl);
    if (!res.ok) throw new Error(`Entra ID metadata answered ${res.status}`);
    const metadata = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (typeof metadata.issuer !== 'string' || typeof metadata.jwks_uri !== 'string')
      throw new Error('Entra ID metadata has no issuer or jwks_uri');
    return { issuer: metadata.issuer, keys: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
  };
  return () => {
    found ??= load().catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  };
}

/** The routes of the Teams tab's sign-in, and the two scripts its page loads. */
export function teamsSignInRoutes(ctx: SignInContext, options: TeamsSignInOptions): PublicRoute[] {
  const log = ctx.logger.child({ component: 'dashboard-teams-sign-in' });
  const keysOf = tenantKeys(options);

  const tab = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const locale = requestLocale(req);
    const body = [
      `<h1 id="signing-in">${escapeHtml(translate(locale, 'dashboard.teams.title'))}</h1>`,
      `<p id="failed" role="alert" hidden>${escapeHtml(translate(locale, 'dashboard.teams.failed'))}</p>`,
    ].join('\n');
    sendHtml(
      res,
      200,
      page(locale, translate(locale, 'dashboard.teams.title'), body, [
        '/dashboard/static/teams-js.js',
        '/dashboard/static/teams-tab.js',
      ]),
    );
  };

  const refuse = (res: ServerResponse, status: 400 | 401 | 403, why: string) => {
    log.warn({ why }, 'Teams sign-in refused');
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: why }));
  };

  const exchange = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!(await withinLimit(ctx, req, res))) return;
    const body = await readJson(req);
    if (!body || typeof body.token !== 'string') return refuse(res, 400, 'bad_request');
    let claims: Record<string, unknown>;
    try {
      const { issuer, keys } = await keysOf();
      ({ payload: claims } = await jwtVerify(body.token, keys, {
        issuer,
        audience: [options.appIdUri, options.clientId],
        algorithms: ['RS256'],
        currentDate: ctx.clock.now(),
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'Teams token not valid');
      return refuse(res, 401, 'invalid_token');
    }
    if (claims.tid !== options.tenantId) return refuse(res, 401, 'wrong_tenant');
    const workspace = await ctx.repos.workspaces.findByExternalId('teams', options.tenantId);
    if (!workspace) return refuse(res, 403, 'unknown_workspace');
    const oid = String(claims.oid);
    // The bot knows people by their Teams id; the token names them by their Entra object id.
    const contact = await ctx.repos.conversations.findContactByDirectoryId(workspace.id, oid);
    const userId = contact?.userId ?? oid;
    await startSession(ctx, res, {
      workspaceId: workspace.id,
      platform: 'teams',
      userId,
      displayName: typeof claims.name === 'string' ? claims.name : userId,
      locale: contact?.locale ?? requestLocale(req),
      platformAdmin: await isPlatformAdmin(ctx, workspace, userId),
      framed: true,
    });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ next: afterSignIn(typeof body.next === 'string' ? body.next : null) }));
  };

  return [
    { path: '/auth/teams', method: 'GET', handle: tab },
    { path: '/auth/teams', method: 'POST', handle: exchange },
    staticFile('teams-js.js', 'text/javascript; charset=utf-8', options.teamsJsPath),
    staticAsset('teams-tab.js', 'text/javascript; charset=utf-8', () => TAB_SCRIPT),
  ];
}
