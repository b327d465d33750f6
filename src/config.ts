/**
 * The environment, validated once at start. Only src/main reads this module.
 * Every variable has one line saying what it is; a bad value stops the process
 * with one message naming every problem.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const url = (protocols: string[], example: string) =>
  z
    .string()
    .min(1, `is empty; set it like ${example}`)
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, like ${example}`);

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const schema = z.object({
  /** Bot token of the Slack app (xoxb-…), from "OAuth & Permissions". */
  SLACK_BOT_TOKEN: z.string({ message: 'is missing; copy the Bot User OAuth Token (xoxb-…) from your Slack app' }).startsWith('xoxb-', 'must start with xoxb- (the Bot User OAuth Token)'),
  /** Signing secret of the Slack app, from "Basic Information"; every request is verified with it. */
  SLACK_SIGNING_SECRET: z.string({ message: 'is missing; copy the Signing Secret from your Slack app\'s Basic Information page' }).min(16, 'looks too short; copy the whole Signing Secret'),
  /** App-level token (xapp-…, scope connections:write); when set, the web process uses Socket Mode instead of HTTP. */
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)').optional(),
  /** Web API base URL; default Slack's. Set for GovSlack, or to a fake Slack in tests. */
  SLACK_API_URL: url(['http:', 'https:'], 'https://slack.com/api/').optional(),
  /** Most Slack Web API calls per second the workers make (all workers together, per queue). */
  SLACK_MAX_CALLS_PER_SECOND: int(1, 1000).default(20),
  /** PostgreSQL connection URL. */
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user:pass@localhost:5432/symmetry'),
  /** Redis connection URL (BullMQ queues). Use persistence (AOF) and maxmemory-policy noeviction. */
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://localhost:6379'),
  /** Prefix of every Redis key and queue; lets several installs share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_{}-]{1,40}$/, 'must be 1–40 letters, digits, _ - { }').default('symmetry'),
  /** Server secret for the keyed hash of respondents (at least 32 characters; never change it, or people lose their history). */
  ANONYMITY_SECRET: z.string({ message: 'is missing; generate one with `openssl rand -hex 32`' }).min(32, 'must be at least 32 characters; generate one with `openssl rand -hex 32`'),
  /** HTTP port of the web process (/slack/events, /healthz). */
  PORT: int(1, 65535).default(3000),
  /** pino log level. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  /** Jobs each worker process runs at once per queue. */
  WORKER_CONCURRENCY: int(1, 200).default(16),
  /** Seconds between schedule ticks (60 in production; shorter only for tests and the sandbox). */
  TICK_SECONDS: int(1, 3600).default(60),
});

export type Config = z.infer<typeof schema>;

/** Thrown when the environment is not valid; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
}
