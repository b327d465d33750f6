/**
 * What start.ts checks before it opens pools and queues: PostgreSQL and Redis answer (a missing database
 * is created when the user may), and, in web.ts, what Slack's auth.test failure means. A failure becomes a
 * StartupError whose message names the variable, what was tried and the fix (src/main/infra-text.ts),
 * printed without a stack; the driver's error stays attached as its cause for LOG_LEVEL=debug.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../core/ports';
import { checkDatabase } from '../db/client';
import {
  databaseTrouble,
  redisTrouble,
  slackTrouble,
  troubleReport,
  type RedisProblem,
  type SlackStartProblem,
  type Trouble,
} from './infra-text';

/** A start that cannot go on for a reason the operator can fix; the message says what and how. */
export class StartupError extends Error {
  constructor(
    readonly troubles: Trouble[],
    options?: { cause?: unknown },
  ) {
    super(troubleReport(troubles), options);
    this.name = 'StartupError';
  }
}

/** How long a check waits for a server to answer. */
const CHECK_TIMEOUT_MS = 5000;

/** What checkRedis found. */
export type RedisCheck = { ok: true } | { ok: false; problem: RedisProblem; detail: string; cause: unknown };

function redisProblemOf(err: unknown): RedisProblem {
  const { code, message = '' } = err as { code?: string; message?: string };
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown_host';
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return 'timeout';
  if (/^(NOAUTH|WRONGPASS)|invalid password|AUTH.*without any password/i.test(message)) return 'auth_failed';
  return 'other';
}

/** Connects to `url` once (no retries) and sends PING; reports, never throws. */
export async function checkRedis(url: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<RedisCheck> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
    connectionName: 'symmetry-check',
  });
  // The socket's own error (ECONNREFUSED…) comes as an event; connect() may reject with only "Connection is closed".
  let socketError: unknown;
  redis.on('error', (err) => (socketError ??= err));
  try {
    await redis.connect();
    await redis.ping();
    return { ok: true };
  } catch (err) {
    const cause = socketError ?? err;
    return { ok: false, problem: redisProblemOf(cause), detail: (cause as Error).message, cause };
  } finally {
    redis.disconnect();
  }
}

/**
 * PostgreSQL and Redis both answer, or a StartupError names every problem at once. A database that does not
 * exist yet is created when the URL's user may (logged); otherwise the error gives the command that does it.
 */
export async function checkServices(urls: { DATABASE_URL: string; REDIS_URL: string }, logger: Logger): Promise<void> {
  const [database, redis] = await Promise.all([
    checkDatabase(urls.DATABASE_URL, CHECK_TIMEOUT_MS),
    checkRedis(urls.REDIS_URL),
  ]);
  if (database.ok && database.created)
    logger.info(
      { database: database.target.database, host: database.target.host, port: database.target.port },
      'created the database, which did not exist',
    );
  const troubles: Trouble[] = [];
  const causes: unknown[] = [];
  if (!database.ok) {
    troubles.push(databaseTrouble(urls.DATABASE_URL, database.target, database.problem, database.detail));
    causes.push(database.cause);
  }
  if (!redis.ok) {
    troubles.push(redisTrouble(urls.REDIS_URL, redis.problem, redis.detail));
    causes.push(redis.cause);
  }
  if (troubles.length > 0)
    throw new StartupError(troubles, { cause: causes.length === 1 ? causes[0] : new AggregateError(causes) });
}

/** Slack's error codes that mean it looked at the token and refused it. */
const TOKEN_REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/**
 * What a failed auth.test means, read from the Web API client's coded error (its codes are stable:
 * slack_webapi_platform_error, _request_error, _http_error, _rate_limited_error). Duck-typed: src/main loads no Slack SDK.
 */
export function slackStartProblem(err: unknown): SlackStartProblem {
  type Cause = { message?: string; code?: string; cause?: { code?: string } };
  const e = err as Cause & { data?: { error?: string }; original?: Cause; statusCode?: number; retryAfter?: number };
  switch (e?.code) {
    case 'slack_webapi_platform_error': {
      const error = e.data?.error ?? 'unknown_error';
      return TOKEN_REFUSED.has(error) ? { kind: 'token_refused', error } : { kind: 'other', error };
    }
    case 'slack_webapi_http_error':
      return { kind: 'http', status: e.statusCode ?? 0 };
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate_limited', retryAfterSeconds: e.retryAfter ?? 60 };
    default: {
      const original = e?.original ?? e;
      const code = original?.code ?? original?.cause?.code;
      return { kind: 'network', detail: [code, original?.message].filter(Boolean).join(': ') || 'no answer' };
    }
  }
}

/** The StartupError for a failed auth.test at start: a refused token and an unreachable Slack say different things. */
export function slackStartError(err: unknown, apiUrl = 'https://slack.com/api/'): StartupError {
  return new StartupError([slackTrouble(slackStartProblem(err), apiUrl)], { cause: err });
}
