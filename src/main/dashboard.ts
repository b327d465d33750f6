/**
 * The dashboard in the web process: on when PUBLIC_URL, SESSION_SECRET and at least one sign-in method are
 * configured (Sign in with Slack, or the Teams tab's single sign-on); otherwise /dashboard answers 404 and the
 * start-up log says what is missing.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { ChartRenderer, Logger, Repositories } from '../core/ports';
import { DASHBOARD_PAGES } from '../dashboard/pages';
import { createDashboardRoutes, type DashboardPage, type PublicRoute } from '../dashboard/routes';
import { createRedisSessionStore } from '../dashboard/session';
import type { Route } from './platform';

/** What the web process hands the dashboard. */
export interface DashboardContext {
  config: Config;
  logger: Logger;
  repos: Repositories;
  redis: Redis;
  clock: Clock;
  charts?: ChartRenderer;
}

/** Why the dashboard is off (null: it is on), said once at start. */
export function dashboardOffReason(config: Config): string | null {
  if (!config.PUBLIC_URL || !config.SESSION_SECRET)
    return 'dashboard off: set PUBLIC_URL and SESSION_SECRET (and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET or Teams) to turn /dashboard on';
  return null;
}

/** The sign-in routes the configuration allows (none yet: see ../dashboard/auth). */
function signInRoutes(_ctx: DashboardContext): PublicRoute[] {
  return [];
}

/** The dashboard's routes, or none (and a log line saying why) when it is not configured. */
export function mountDashboard(ctx: DashboardContext, pages: DashboardPage[] = DASHBOARD_PAGES): Route[] {
  const off = dashboardOffReason(ctx.config);
  if (off) {
    ctx.logger.info({}, off);
    return [];
  }
  const { config } = ctx;
  const sessions = createRedisSessionStore(ctx.redis, config.QUEUE_PREFIX, config.SESSION_SECRET!, ctx.clock);
  return createDashboardRoutes(
    {
      repos: ctx.repos,
      clock: ctx.clock,
      logger: ctx.logger,
      anonymitySecret: config.ANONYMITY_SECRET,
      sessions,
      publicUrl: config.PUBLIC_URL!,
      signIn: signInRoutes(ctx),
      ...(ctx.charts ? { charts: ctx.charts } : {}),
    },
    pages,
  );
}
