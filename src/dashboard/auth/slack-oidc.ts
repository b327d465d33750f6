/**
 * Sign in with Slack (OpenID Connect, authorization code): /dashboard/auth/slack sends the browser to Slack with a
 * fresh `state` and `nonce`; /dashboard/auth/slack/callback spends the state (once, from the browser that started,
 * within 10 minutes), exchanges the code with `openid.connect.token`, verifies the id_token (Slack's key, issuer,
 * audience, expiry, our nonce), reads `openid.connect.userInfo`, and signs the person in when their workspace is
 * one this deployment serves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DASHBOARD_PREFIX, type PublicRoute } from '../routes';
import { appendCookie, clearCookie, readCookies } from '../security';
import { requestLocale, sendNotice } from './html';
import { LOGIN_COOKIE, LOGIN_STATE_MS } from './login-state';
import { afterSignIn, isPlatformAdmin, startSession, withinLimit, type SignInContext } from './sign-in';

/** Slack's two OpenID Web API calls (src/platforms/slack/openid.ts). */
export interface SlackOpenIdClient {
  exchangeCode(code: string, redirectUri: string): Promise<{ accessToken: string; idToken: string }>;
  userInfo(accessToken: string): Promise<Record<string, unknown>>;
}

/** How this deployment signs people in with Slack. */
export interface SlackSignInOptions {
  clientId: string;
  /** Slack's web origin (https://slack.com, or a fake Slack's): the authorize page lives there. */
  webOrigin: string;
  client: SlackOpenIdClient;
  /** Slack's id_token signing keys (jose's createRemoteJWKSet over <webOrigin>/openid/connect/keys). */
  keys: JWTVerifyGetKey;
}

/** The issuer Slack's id_tokens name (the same for GovSlack's and tests' fakes, which mimic it). */
export const SLACK_ISSUER = 'https://slack.com';

/** Where Slack sends the browser back to (register it as a Redirect URL of the Slack app). */
export function slackRedirectUri(publicUrl: string): string {
  return `${publicUrl}${DASHBOARD_PREFIX}/auth/slack/callback`;
}

/** The Slack user and workspace an id_token and userInfo agree on; null when they disagree or lack them. */
function identityOf(claims: Record<string, unknown>, info: Record<string, unknown>) {
  const teamId = claims['https://slack.com/team_id'];
  const userId = claims['https://slack.com/user_id'];
  if (typeof teamId !== 'string' || typeof userId !== 'string') return null;
  if (info['https://slack.com/team_id'] !== teamId || info['https://slack.com/user_id'] !== userId) return null;
  return {
    teamId,
    userId,
    name: typeof info.name === 'string' ? info.name : userId,
    locale: typeof info.locale === 'string' ? info.locale : null,
  };
}

/** The two routes of Sign in with Slack. */
export function slackSignInRoutes(ctx: SignInContext, options: SlackSignInOptions): PublicRoute[] {
  const log = ctx.logger.child({ component: 'dashboard-slack-sign-in' });
  const redirectUri = slackRedirectUri(ctx.publicUrl);
  const secure = ctx.publicUrl.startsWith('https:');

  const start = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (!(await withinLimit(ctx, req, res))) return;
    const { state, nonce, cookie } = await ctx.loginStates.begin(url.searchParams.get('next'));
    appendCookie(res, LOGIN_COOKIE, cookie, { maxAgeSeconds: LOGIN_STATE_MS / 1000, sameSite: 'Lax', secure });
    const authorize = new URL('/openid/connect/authorize', options.webOrigin);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      scope: 'openid profile email',
      client_id: options.clientId,
      state,
      nonce,
      redirect_uri: redirectUri,
    }).toString();
    res.writeHead(302, { location: authorize.toString() }).end();
  };

  const callback = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (!(await withinLimit(ctx, req, res))) return;
    const locale = requestLocale(req);
    const started = await ctx.loginStates.finish(url.searchParams.get('state'), readCookies(req).get(LOGIN_COOKIE));
    clearCookie(res, LOGIN_COOKIE, secure);
    if (!started) {
      log.warn({}, 'Slack sign-in refused: unknown, spent, expired or foreign state');
      return sendNotice(res, 400, locale, 'dashboard.login.expired');
    }
    const code = url.searchParams.get('code');
    if (url.searchParams.has('error') || !code) return sendNotice(res, 401, locale, 'dashboard.login.denied');

    let identity: ReturnType<typeof identityOf>;
    try {
      const tokens = await options.client.exchangeCode(code, redirectUri);
      const { payload } = await jwtVerify(tokens.idToken, options.keys, {
        issuer: SLACK_ISSUER,
        audience: options.clientId,
        algorithms: ['RS256'],
        currentDate: ctx.clock.now(),
        requiredClaims: ['exp', 'iat', 'sub', 'nonce'],
      });
      if (payload.nonce !== started.nonce) {
        log.warn({}, 'Slack sign-in refused: the id_token carries another nonce');
        return sendNotice(res, 401, locale, 'dashboard.login.expired');
      }
      identity = identityOf(payload, await options.client.userInfo(tokens.accessToken));
    } catch (error) {
      log.warn({ err: error }, 'Slack sign-in failed: code exchange or id_token verification');
      return sendNotice(res, 401, locale, 'dashboard.login.failed');
    }
    if (!identity) return sendNotice(res, 401, locale, 'dashboard.login.failed');

    const workspace = await ctx.repos.workspaces.findByExternalId('slack', identity.teamId);
    if (!workspace) {
      log.warn({}, 'Slack sign-in refused: a workspace this deployment does not serve');
      return sendNotice(res, 403, locale, 'dashboard.login.unknown_workspace');
    }
    await startSession(ctx, res, {
      workspaceId: workspace.id,
      platform: 'slack',
      userId: identity.userId,
      displayName: identity.name,
      locale: identity.locale ?? locale,
      platformAdmin: await isPlatformAdmin(ctx, workspace, identity.userId),
      framed: false,
    });
    res.writeHead(303, { location: afterSignIn(started.next) }).end();
  };

  return [
    { path: '/auth/slack', method: 'GET', handle: start },
    { path: '/auth/slack/callback', method: 'GET', handle: callback },
  ];
}
