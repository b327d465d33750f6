/**
 * The dashboard in the web process: on when PUBLIC_URL, SESSION_SECRET and at least one sign-in method are
 * configured (Sign in with Slack, or the Teams tab's single sign-on); otherwise /dashboard answers 404 and the
 * start-up log says what is missing.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { ChartRenderer, Logger, Repositories } from '../core/ports';
import { DASHBOARD_ASSETS, DASHBOARD_PAGES } from '../dashboard/pages';
import { createDashboardRoutes, type DashboardPage, type PublicRoute } from '../dashboard/routes';
import { createRemoteJWKSet } from 'jose';
import { loginPageRoute } from '../dashboard/auth/login-page';
import { createLoginStateStore } from '../dashboard/auth/login-state';
import { createLoginLimiter } from '../dashboard/auth/rate-limit';
import type { SignInContext } from '../dashboard/auth/sign-in';
import { slackSignInRoutes } from '../dashboard/auth/slack-oidc';
import { teamsSignInRoutes } from '../dashboard/auth/teams-sso';
import { createRedisSessionStore, type SessionStore } from '../dashboard/session';
import { createSlackOpenIdClient } from '../platforms/slack/openid';
import type { Route } from './platform';

/** What the web process hands the dashboard. */
export interface DashboardContext {
  config: Config;
  logger: Logger;
  repos: Repositories;
  redis: Redis;
  clock: Clock;
  charts?: ChartRenderer;
  /** Asks the platform whether someone is a workspace admin or owner. */
  directory?: SignInContext['directory'];
}

/** Why the dashboard is off (null: it is on), said once at start. */
export function dashboardOffReason(config: Config): string | null {
  if (!config.PUBLIC_URL || !config.SESSION_SECRET)
    return 'dashboard off: set PUBLIC_URL and SESSION_SECRET (and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET or Teams) to turn /dashboard on';
  const methods = signInMethods(config);
  if (!methods.slack && !methods.teams)
    return 'dashboard off: no sign-in method; set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (Sign in with Slack) or TEAMS_APP_ID and TEAMS_TENANT_ID (the Teams tab)';
  return null;
}

/** Slack's web origin (its authorize page and id_token keys): the origin of SLACK_API_URL, else https://slack.com. */
export function slackWebOrigin(config: Pick<Config, 'SLACK_API_URL'>): string {
  return new URL(config.SLACK_API_URL ?? 'https://slack.com/api/').origin;
}

/** Which sign-in methods the configuration allows. */
export function signInMethods(config: Config): { slack: boolean; teams: boolean } {
  return {
    slack: config.slackEnabled && Boolean(config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET),
    teams: config.teamsEnabled && Boolean(config.TEAMS_APP_ID && config.TEAMS_TENANT_ID),
  };
}

/** The Application ID URI the Teams tab's tokens are issued for: configured, or api://<public host>/<app id>. */
export function teamsAppIdUri(config: Config): string {
  return config.TEAMS_SSO_APP_ID_URI ?? `api://${new URL(config.PUBLIC_URL!).host}/${config.TEAMS_APP_ID}`;
}

/** The login page and the sign-in routes of every configured method. */
function signInRoutes(ctx: DashboardContext, sessions: SessionStore): PublicRoute[] {
  const { config } = ctx;
  const methods = signInMethods(config);
  const signIn: SignInContext = {
    repos: ctx.repos,
    clock: ctx.clock,
    logger: ctx.logger,
    sessions,
    loginStates: createLoginStateStore(ctx.redis, config.QUEUE_PREFIX, config.SESSION_SECRET!, ctx.clock),
    limiter: createLoginLimiter(ctx.redis, config.QUEUE_PREFIX, ctx.clock, { trustedHops: config.TRUSTED_PROXY_HOPS }),
    publicUrl: config.PUBLIC_URL!,
    ...(ctx.directory ? { directory: ctx.directory } : {}),
  };
  const routes = [loginPageRoute(methods)];
  if (methods.slack) {
    const webOrigin = slackWebOrigin(config);
    routes.push(
      ...slackSignInRoutes(signIn, {
        clientId: config.SLACK_CLIENT_ID!,
        webOrigin,
        client: createSlackOpenIdClient(
          { clientId: config.SLACK_CLIENT_ID!, clientSecret: config.SLACK_CLIENT_SECRET! },
          config.SLACK_API_URL,
          ctx.logger,
        ),
        keys: createRemoteJWKSet(new URL('/openid/connect/keys', webOrigin)),
      }),
    );
  }
  if (methods.teams) {
    routes.push(
      ...teamsSignInRoutes(signIn, {
        tenantId: config.TEAMS_TENANT_ID!,
        clientId: config.TEAMS_APP_ID!,
        appIdUri: teamsAppIdUri(config),
        authority: config.ENTRA_AUTHORITY_URL,
        teamsJsPath: require.resolve('@microsoft/teams-js'),
      }),
    );
  }
  return routes;
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
  const methods = signInMethods(config);
  ctx.logger.info({ slack: methods.slack, teams: methods.teams }, 'dashboard on at /dashboard');
  return createDashboardRoutes(
    {
      repos: ctx.repos,
      clock: ctx.clock,
      logger: ctx.logger,
      anonymitySecret: config.ANONYMITY_SECRET,
      sessions,
      publicUrl: config.PUBLIC_URL!,
      signIn: [...signInRoutes(ctx, sessions), ...DASHBOARD_ASSETS],
      ...(ctx.charts ? { charts: ctx.charts } : {}),
    },
    pages,
  );
}
