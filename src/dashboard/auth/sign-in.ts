/** What both sign-in methods share: their dependencies, the rate limit, and how a confirmed person gets a session. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/clock';
import type { UserProfile, Workspace } from '../../core/model';
import type { Logger, Repositories } from '../../core/ports';
import { DASHBOARD_PREFIX } from '../routes';
import { appendCookie } from '../security';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, type SessionData, type SessionStore } from '../session';
import { requestLocale, sendNotice } from './html';
import type { LoginStateStore } from './login-state';
import type { LoginLimiter } from './rate-limit';

/** What a sign-in method is given by the web process. */
export interface SignInContext {
  repos: Pick<Repositories, 'workspaces' | 'conversations'>;
  clock: Clock;
  logger: Logger;
  sessions: SessionStore;
  loginStates: LoginStateStore;
  limiter: LoginLimiter;
  /** The dashboard's public origin, e.g. https://symmetry.example.com. */
  publicUrl: string;
  /** Asks the platform whether someone is a workspace admin or owner; without it nobody is one by platform. */
  directory?: { getUser(workspace: Workspace, platformUserId: string): Promise<UserProfile> };
}

/** Counts a sign-in attempt; when over the limit, answers 429 (with Retry-After) and returns false. */
export async function withinLimit(ctx: SignInContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const verdict = await ctx.limiter.attempt(req);
  if (verdict.allowed) return true;
  res.setHeader('retry-after', String(verdict.retryAfterSeconds));
  sendNotice(res, 429, requestLocale(req), 'dashboard.login.rate_limited', {
    minutes: Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60)),
  });
  return false;
}

/** True when the platform says this person is an admin or owner of the workspace (false when it cannot say). */
export async function isPlatformAdmin(ctx: SignInContext, workspace: Workspace, userId: string): Promise<boolean> {
  const profile = await ctx.directory?.getUser(workspace, userId).catch(() => null);
  return Boolean(profile?.isAdmin && !profile.deleted);
}

/** Starts the session of a person whose identity was just confirmed and sets its cookie. */
export async function startSession(ctx: SignInContext, res: ServerResponse, data: SessionData): Promise<void> {
  const { cookie } = await ctx.sessions.create(data);
  appendCookie(res, SESSION_COOKIE, cookie, {
    maxAgeSeconds: Math.floor(SESSION_ABSOLUTE_MS / 1000),
    // In the Teams tab the dashboard is a third-party iframe: only SameSite=None (with Secure) reaches it there.
    sameSite: data.framed ? 'None' : 'Lax',
    secure: ctx.publicUrl.startsWith('https:'),
  });
  ctx.logger.info({ platform: data.platform, workspaceId: data.workspaceId }, 'dashboard sign-in');
}

/** Where to go once signed in: the dashboard path the person asked for, else the dashboard's home. */
export function afterSignIn(next: string | null): string {
  return next !== null && /^\/dashboard(?:[/?][^\\]*)?$/.test(next) && !next.startsWith('//') ? next : DASHBOARD_PREFIX;
}
