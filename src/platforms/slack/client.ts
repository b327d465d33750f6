/**
 * The Slack Web API client the workers (and the web process) call Slack with. Only @slack/web-api:
 * a worker never loads Bolt.
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Logger } from '../../core/ports';
import { toBoltLogger } from './bolt-logger';
import { createSlackFetch } from './http';

/** A WebClient that throws on 429 instead of waiting: BullMQ owns retries and Retry-After. */
export function createSlackClient(
  token: string,
  apiUrl: string | undefined,
  logger: Logger,
  teamId?: string,
): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    fetch: createSlackFetch(),
    rejectRateLimitedCalls: true,
    // An org-wide (Enterprise Grid) token names the workspace of every call.
    ...(teamId ? { teamId } : {}),
    retryConfig: { retries: 0 },
    logger: toBoltLogger(logger.child({ component: 'slack-web-api' }), LogLevel.WARN),
  });
}
