/**
 * The dashboard's HTTP plumbing under /dashboard: sign-in routes that need no session, then every page behind
 * the same gate (a valid session or a redirect to the login page, CSRF on every POST, security headers on every
 * response), then the page itself. Pages live in ./pages (passed in by the web process).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../core/clock';
import type { ChartRenderer, Logger, Repositories } from '../core/ports';
import type { MessageKey } from '../core/i18n';
import { requestLocale, sendNotice } from './auth/html';
import { clearCookie, readCookies, readForm, sameToken, setSecurityHeaders } from './security';
import { SESSION_COOKIE, type Session, type SessionStore } from './session';
import type { Viewer } from './viewer';

/** Where the dashboard is mounted. */
export const DASHBOARD_PREFIX = '/dashboard';

/** An HTTP route of the web process's one server (structurally src/main/platform.ts's Route). */
export interface Route {
  /** The exact path, or a pattern the whole path must match. */
  path: string | RegExp;
  method: 'GET' | 'POST';
  handler: (req: IncomingMessage, res: ServerResponse) => unknown;
}

/** A route of the dashboard that needs no session (sign-in, its callbacks, static files). */
export interface PublicRoute {
  /** Path under /dashboard, e.g. `/auth/slack/callback`. */
  path: string;
  method: 'GET' | 'POST';
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/** What the dashboard's routes and pages are given by the web process. */
export interface DashboardDeps {
  repos: Repositories;
  clock: Clock;
  logger: Logger;
  /** Keys the respondent hash ("my page" finds the viewer's own answers with it). */
  anonymitySecret: string;
  sessions: SessionStore;
  /** The public base URL the dashboard is reached at (no trailing slash), e.g. https://symmetry.example.com. */
  publicUrl: string;
  /** Draws charts server-side; absent in tests that do not need them. */
  charts?: ChartRenderer;
  /** The sign-in routes of the configured providers (./auth), reachable without a session. */
  signIn: PublicRoute[];
}

/** What a page's handler receives besides the request and the response. */
export interface PageContext {
  viewer: Viewer;
  /** The named groups of the page's path pattern (e.g. `teamId`). */
  params: Record<string, string>;
  deps: DashboardDeps;
  /** The url-encoded form of a POST (already read for the CSRF check); empty for a GET. */
  form: URLSearchParams;
  /** The request's URL (for its query string). */
  url: URL;
}

/**
 * A page of the dashboard. `path` is relative to /dashboard: `/` is the home page, `/teams/abc` a string path,
 * and a RegExp must match the whole relative path (its named groups become `params`).
 */
export interface DashboardPage {
  path: string | RegExp;
  method: 'GET' | 'POST';
  handle(req: IncomingMessage, res: ServerResponse, ctx: PageContext): Promise<void>;
}

/** True when the dashboard is served over HTTPS (so cookies are Secure and HSTS is sent). */
export function isSecure(deps: Pick<DashboardDeps, 'publicUrl'>): boolean {
  return deps.publicUrl.startsWith('https:');
}

/** The viewer of a session: an org admin when the platform said so at sign-in, or when named (checked on every request). */
export async function viewerOf(repos: Pick<Repositories, 'orgAdmins'>, session: Session): Promise<Viewer> {
  const named = session.platformAdmin ? false : await repos.orgAdmins.isNamed(session.workspaceId, session.userId);
  return {
    workspaceId: session.workspaceId,
    platform: session.platform,
    userId: session.userId,
    displayName: session.displayName,
    locale: session.locale,
    isOrgAdmin: session.platformAdmin || named,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

/** Matches a relative path against a page's path; the params when it matches, else null. */
function matchPath(pattern: string | RegExp, path: string): Record<string, string> | null {
  if (typeof pattern === 'string') return pattern === path ? {} : null;
  const match = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', '')).exec(path);
  return match ? { ...(match.groups ?? {}) } : null;
}

/** A refusal page that says no more than why, in the viewer's language (nothing of what was asked for). */
export function refuse(res: ServerResponse, status: 401 | 403 | 404 | 413, locale: string, key: RefusalKey): void {
  sendNotice(res, status, locale, key);
}

/** The catalog keys of the dashboard's refusals. */
export type RefusalKey = Extract<MessageKey, `dashboard.error.${string}`>;

/** Sends the browser to another dashboard path (303: a POST becomes a GET). */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location }).end();
}

/** The login page with where to come back to (a dashboard path only, so it can never send anyone elsewhere). */
export function loginLocation(next: string | null): string {
  const safe = next !== null && /^\/dashboard(?:\/[^\\]*)?$/.test(next) && !next.startsWith('//') ? next : null;
  return `${DASHBOARD_PREFIX}/login${safe ? `?next=${encodeURIComponent(safe)}` : ''}`;
}

/** POST /dashboard/logout (with the CSRF token): ends the session everywhere at once, then the login page. */
function logoutPage(secure: boolean): DashboardPage {
  return {
    path: '/logout',
    method: 'POST',
    async handle(_req, res, ctx) {
      await ctx.deps.sessions.destroy(ctx.viewer.sessionId);
      clearCookie(res, SESSION_COOKIE, secure);
      redirect(res, `${DASHBOARD_PREFIX}/login?signed-out`);
    },
  };
}

/** A POST's proof that it comes from our own page: the `_csrf` field or `x-csrf-token` header, and no foreign Origin. */
function csrfOk(req: IncomingMessage, form: URLSearchParams, session: Session, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== new URL(publicUrl).origin) return false;
  const header = req.headers['x-csrf-token'];
  const given = typeof header === 'string' ? header : form.get('_csrf');
  return sameToken(given, session.csrfToken);
}

/**
 * The dashboard's routes for the web process: every path under /dashboard, GET and POST. Sign-in routes answer
 * without a session; a page answers only for a valid session (a GET without one is sent to the login page, a
 * POST refused with 401), and a POST only with the session's CSRF token.
 */
export function createDashboardRoutes(deps: DashboardDeps, pages: DashboardPage[]): Route[] {
  const secure = isSecure(deps);
  pages = [...pages, logoutPage(secure)];
  const log = deps.logger.child({ component: 'dashboard' });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res, secure);
    const url = new URL(req.url ?? '/', deps.publicUrl);
    const relative = url.pathname.slice(DASHBOARD_PREFIX.length) || '/';
    const method = req.method === 'POST' ? 'POST' : 'GET';

    const open = deps.signIn.find((r) => r.path === relative && r.method === method);
    if (open) return open.handle(req, res, url);

    const found = pages
      .map((page) => ({ page, params: page.method === method ? matchPath(page.path, relative) : null }))
      .find((candidate) => candidate.params !== null);
    const session = await deps.sessions.read(readCookies(req).get(SESSION_COOKIE));
    if (!session) {
      if (method === 'GET') return redirect(res, loginLocation(url.pathname + url.search));
      return refuse(res, 401, requestLocale(req), 'dashboard.error.session_ended');
    }
    if (!found || !found.params) return refuse(res, 404, session.locale, 'dashboard.error.not_found');

    const form = method === 'POST' ? await readForm(req) : new URLSearchParams();
    if (form === null) return refuse(res, 413, session.locale, 'dashboard.error.bad_form');
    if (method === 'POST' && !csrfOk(req, form, session, deps.publicUrl)) {
      log.warn({ path: url.pathname }, 'dashboard POST refused: no valid CSRF token');
      return refuse(res, 403, session.locale, 'dashboard.error.csrf');
    }
    const viewer = await viewerOf(deps.repos, session);
    await found.page.handle(req, res, { viewer, params: found.params, deps, form, url });
  };

  const guarded = (req: IncomingMessage, res: ServerResponse) =>
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error, path: (req.url ?? '').split('?')[0] }, 'dashboard request failed');
      sendNotice(res, 500, requestLocale(req), 'dashboard.error.internal');
    });
  const path = /^\/dashboard(?:\/.*)?$/;
  return [
    { path, method: 'GET', handler: guarded },
    { path, method: 'POST', handler: guarded },
  ];
}
