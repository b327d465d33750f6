/**
 * The dashboard is off unless configured: /dashboard gets no route and the start-up log says what to set; variables
 * that only make sense together are refused with what is missing.
 */
import type { Redis } from 'ioredis';
import { ConfigError, loadConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import type { Repositories } from '../../src/core/ports';
import { dashboardOffReason, mountDashboard, teamsAppIdUri } from '../../src/main/dashboard';

const BASE = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SLACK_SIGNING_SECRET: '0123456789abcdef0123',
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  ANONYMITY_SECRET: '0123456789abcdef0123456789abcdef',
};
const SESSION_SECRET = 'fedcba9876543210fedcba9876543210';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

test('without PUBLIC_URL and SESSION_SECRET, or without a sign-in method, there is no /dashboard and the log says why', () => {
  const lines: string[] = [];
  const logger = {
    debug() {},
    info: (_o: object, msg?: string) => void lines.push(msg ?? ''),
    warn() {},
    error() {},
    child: () => logger,
  };
  const ctx = { logger, repos: {} as Repositories, redis: {} as Redis, clock: new ManualClock(new Date(0)) };
  expect(mountDashboard({ ...ctx, config: loadConfig(BASE) })).toEqual([]);
  expect(lines.pop()).toMatch(/^dashboard off: set PUBLIC_URL and SESSION_SECRET/);
  const noMethod = loadConfig({ ...BASE, PUBLIC_URL: 'https://pulse.acme.test', SESSION_SECRET });
  expect(mountDashboard({ ...ctx, config: noMethod })).toEqual([]);
  expect(lines.pop()).toMatch(/^dashboard off: no sign-in method; set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET/);
  const on = loadConfig({
    ...BASE,
    PUBLIC_URL: 'https://pulse.acme.test/',
    SESSION_SECRET,
    SLACK_CLIENT_ID: '123.456',
    SLACK_CLIENT_SECRET: '0123456789abcdef0123',
  });
  expect(dashboardOffReason(on)).toBeNull();
  expect(on.PUBLIC_URL).toBe('https://pulse.acme.test');
});

test('variables that belong together are refused with what is missing', () => {
  expect(problemsOf({ ...BASE, SESSION_SECRET })).toEqual([expect.stringMatching(/^PUBLIC_URL is missing/)]);
  expect(problemsOf({ ...BASE, SLACK_CLIENT_ID: '123.456' })).toEqual([
    expect.stringMatching(/^SLACK_CLIENT_SECRET is missing/),
  ]);
  expect(problemsOf({ ...BASE, PUBLIC_URL: 'http://pulse.acme.test' })).toEqual([
    expect.stringMatching(/^PUBLIC_URL must be an https:\/\/ origin/),
  ]);
  expect(problemsOf({ ...BASE, PUBLIC_URL: 'https://pulse.acme.test/dash' })).toHaveLength(1);
  expect(problemsOf({ ...BASE, PUBLIC_URL: 'http://localhost:3000' })).toEqual([]);
  expect(
    problemsOf({ ...BASE, PUBLIC_URL: 'https://a.test', SESSION_SECRET: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }),
  ).toEqual([expect.stringMatching(/^SESSION_SECRET has only 1 distinct characters/)]);
});

test("the Teams tab's token audience is api://<public host>/<app id> unless configured", () => {
  const teams = {
    ...BASE,
    TEAMS_APP_ID: '6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d',
    TEAMS_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    TEAMS_APP_PASSWORD: 'secret-value-1',
    PUBLIC_URL: 'https://pulse.acme.test',
  };
  expect(teamsAppIdUri(loadConfig(teams))).toBe('api://pulse.acme.test/6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d');
  expect(teamsAppIdUri(loadConfig({ ...teams, TEAMS_SSO_APP_ID_URI: 'api://custom/app' }))).toBe('api://custom/app');
});
