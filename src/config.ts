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
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, like ${example}`,
    );

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const uuid = (what: string) =>
  z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      `must be ${what} (a GUID like 00000000-0000-0000-0000-000000000000)`,
    );

/** How to make a secret, said wherever one is refused. */
const MAKE_SECRET =
  "generate one with `openssl rand -hex 32` or `node -p \"require('crypto').randomBytes(32).toString('hex')\"`";

/** Words of the placeholders in .env.example and the docs: a value holding one was never filled in. */
const PLACEHOLDER = /change[-_ ]?me|example|placeholder|your[-_ ]|replace[-_ ]?(me|this)|client-secret-of|\.\.\.|…/i;

/** Fewest distinct characters a secret we ask people to generate may have (a random 32-character hex string has about 15). */
const MIN_DISTINCT = 8;

/** Why a secret we ask people to generate is weak, or null when it is not: too short, too repetitive, or a placeholder. */
export function weakSecretReason(value: string, minLength: number): string | null {
  if (PLACEHOLDER.test(value)) return 'is still the placeholder from .env.example or the docs';
  if (value.length < minLength) return `must be at least ${minLength} characters`;
  if (new Set(value).size < MIN_DISTINCT)
    return `has only ${new Set(value).size} distinct characters, so it is easy to guess`;
  return null;
}

/**
 * A secret the operator generates (it keys the respondent hash, or guards an endpoint): a known or guessable value
 * would quietly become a public key, so placeholders and weak values are refused with how to make a good one.
 */
const generatedSecret = (minLength: number) =>
  z.string().superRefine((value, ctx) => {
    const reason = weakSecretReason(value, minLength);
    if (reason) ctx.addIssue({ code: 'custom', message: `${reason}; ${MAKE_SECRET}` });
  });

/** A credential copied from Slack or Azure: refused while it is still the example text, with where to copy it from. */
const copiedCredential = <T extends z.ZodString>(base: T, whereFrom: string) =>
  base.refine((value) => !PLACEHOLDER.test(value), `is still the placeholder from .env.example; ${whereFrom}`);

/** A 256-bit key as 64 hex characters (`openssl rand -hex 32`). */
const encryptionKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, `must be 64 hex characters (a 256-bit key); ${MAKE_SECRET}`)
  .superRefine((value, ctx) => {
    const reason = weakSecretReason(value, 64);
    if (reason) ctx.addIssue({ code: 'custom', message: `${reason}; ${MAKE_SECRET}` });
  });
/** An https origin (no path, query or fragment), or an http one on this machine (local testing). */
function isPublicOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    return (u.protocol === 'https:' || local) && u.pathname === '/' && !u.search && !u.hash && !u.username;
  } catch {
    return false;
  }
}

const TEAMS_APP_TYPES = ['SingleTenant', 'UserAssignedMSI'] as const;

const MISSING_SLACK_TOKEN = 'is missing; copy the Bot User OAuth Token (xoxb-…) from your Slack app';
const MISSING_SLACK_SECRET = "is missing; copy the Signing Secret from your Slack app's Basic Information page";

const schema = z.object({
  /** Bot token of the Slack app (xoxb-…), from "OAuth & Permissions". Required for Slack (with SLACK_SIGNING_SECRET). */
  SLACK_BOT_TOKEN: copiedCredential(
    z.string().startsWith('xoxb-', 'must start with xoxb- (the Bot User OAuth Token)'),
    'copy the Bot User OAuth Token (xoxb-…) from your Slack app',
  ).optional(),
  /** Signing secret of the Slack app, from "Basic Information"; every request is verified with it. Required for Slack. */
  SLACK_SIGNING_SECRET: copiedCredential(
    z.string().min(16, 'looks too short; copy the whole Signing Secret'),
    "copy the Signing Secret from your Slack app's Basic Information page",
  ).optional(),
  /** App-level token (xapp-…, scope connections:write); when set, the web process uses Socket Mode instead of HTTP. */
  SLACK_APP_TOKEN: copiedCredential(
    z.string().startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)'),
    'generate an app-level token with connections:write in your Slack app',
  ).optional(),
  /** Client ID of the Slack app ("Basic Information"): Sign in with Slack for the dashboard; without SLACK_BOT_TOKEN it turns on the OAuth install (several workspaces). */
  SLACK_CLIENT_ID: copiedCredential(
    z.string().regex(/^\d+\.\d+$/, 'must look like 1234567890.1234567890 (the Client ID)'),
    "copy the Client ID from your Slack app's Basic Information page",
  ).optional(),
  /** Client Secret of the Slack app ("Basic Information"): for oauth.v2.access (install, token refresh) and openid.connect.token (dashboard sign-in). */
  SLACK_CLIENT_SECRET: copiedCredential(
    z.string().min(16, 'looks too short; copy the whole Client Secret'),
    "copy the Client Secret from your Slack app's Basic Information page",
  ).optional(),
  /** Secret that signs the OAuth `state` of each install (at least 32 random characters); needed with SLACK_CLIENT_ID. */
  SLACK_STATE_SECRET: generatedSecret(32).optional(),
  /** Key that encrypts the installations' tokens at rest (AES-256-GCM): 64 hex characters; needed with SLACK_CLIENT_ID. */
  TOKEN_ENCRYPTION_KEY: encryptionKey.optional(),
  /** The key TOKEN_ENCRYPTION_KEY replaced, during a key rotation: still read until `npm run tokens:reencrypt` has run. */
  TOKEN_ENCRYPTION_KEY_PREVIOUS: encryptionKey.optional(),
  /** Days an uninstalled workspace's data is kept before it is deleted (0–365); `npm run workspace:delete` deletes it now. */
  UNINSTALLED_DATA_GRACE_DAYS: int(0, 365).default(30),
  /** Web API base URL; default Slack's. Set for GovSlack, or to a fake Slack in tests. */
  SLACK_API_URL: url(['http:', 'https:'], 'https://slack.com/api/').optional(),
  /** Most Slack Web API calls per second the workers make to the workspace, all workers together, evenly spaced. */
  SLACK_MAX_CALLS_PER_SECOND: int(1, 10000).default(20),
  /** PostgreSQL connection URL. */
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user:pass@localhost:5432/symmetry'),
  /** Redis connection URL (BullMQ queues). Use persistence (AOF) and maxmemory-policy noeviction. */
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://localhost:6379'),
  /** Prefix of every Redis key and queue; lets several installs share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]{1,40}$/, 'must be 1–40 letters, digits, _ - { }')
    .default('symmetry'),
  /**
   * Server secret for the keyed hash of respondents and the sealed addresses of comments' authors (at least 32
   * characters, random; never change it: people lose their history, and older comments' authors can no longer be reached).
   */
  ANONYMITY_SECRET: z.string({ message: `is missing; ${MAKE_SECRET}` }).pipe(generatedSecret(32)),
  /** HTTP port of the web process (/slack/events, /api/messages, /healthz). */
  PORT: int(1, 65535).default(3000),
  /** pino log level. */
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  /** Jobs each worker process runs at once per queue. */
  WORKER_CONCURRENCY: int(1, 200).default(16),
  /** Seconds between schedule ticks (60 in production; shorter only for tests and the sandbox). */
  TICK_SECONDS: int(1, 3600).default(60),
  /** Port a worker-only process serves GET /metrics on (the web process serves them on PORT). */
  METRICS_PORT: int(1, 65535).optional(),
  /** Days a check-in comment is kept after its round closed; a daily job deletes older ones. */
  COMMENT_RETENTION_DAYS: int(7, 3650).default(365),
  /** Microsoft App ID (client id) of the Azure Bot registration; setting it turns Teams on (POST /api/messages). */
  TEAMS_APP_ID: uuid("the Azure Bot's Microsoft App ID").optional(),
  /** Client secret of that app registration (SingleTenant only; a managed identity has none). */
  TEAMS_APP_PASSWORD: copiedCredential(
    z.string().min(1),
    'create a client secret for the app registration and copy its value',
  ).optional(),
  /** Microsoft Entra tenant id the bot is registered in (SingleTenant and UserAssignedMSI both need it). */
  TEAMS_TENANT_ID: uuid('the Microsoft Entra tenant id').optional(),
  /** How the bot authenticates: SingleTenant (app id + secret) or UserAssignedMSI (a user-assigned managed identity). */
  TEAMS_APP_TYPE: z
    .enum(TEAMS_APP_TYPES, { message: `must be one of ${TEAMS_APP_TYPES.join(', ')}` })
    .default('SingleTenant'),
  /** Most Bot Connector calls per second the workers make to a tenant, all workers together (Teams allows 50 per app per tenant). */
  TEAMS_MAX_CALLS_PER_SECOND: int(1, 10000).default(50),
  /** "true" runs Teams with NO authentication of /api/messages (local testing only); refused when NODE_ENV=production. */
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  /** Bearer token a help desk or survey tool sends to POST /api/signals (at least 24 characters, random); unset, the endpoint answers 404. */
  SIGNALS_TOKEN: generatedSecret(24).optional(),
  /** Public base URL people reach this web process at (https://symmetry.example.com); the dashboard's links, sign-in redirects and Teams tab use it. */
  PUBLIC_URL: url(['https:', 'http:'], 'https://symmetry.example.com')
    .refine(
      isPublicOrigin,
      'must be an https:// origin with no path, like https://symmetry.example.com (http:// only for localhost)',
    )
    .transform((v) => new URL(v).origin)
    .optional(),
  /** Key that signs dashboard session cookies (at least 32 characters, random); with PUBLIC_URL and a sign-in method it turns /dashboard on. */
  SESSION_SECRET: generatedSecret(32).optional(),
  /** Reverse proxies in front of the web process whose X-Forwarded-For is trusted (0: none, the connection's address counts). */
  TRUSTED_PROXY_HOPS: int(0, 5).default(0),
  /** Application ID URI the Teams tab's single sign-on token is issued for; default api://<PUBLIC_URL host>/<TEAMS_APP_ID>. */
  TEAMS_SSO_APP_ID_URI: z
    .string()
    .regex(/^api:\/\/\S+$/, "must start with api:// (the app registration's Application ID URI)")
    .optional(),
  /** Microsoft Entra ID sign-in authority the Teams tab's tokens are checked against; default https://login.microsoftonline.com. */
  ENTRA_AUTHORITY_URL: url(['https:', 'http:'], 'https://login.microsoftonline.com').default(
    'https://login.microsoftonline.com',
  ),
  /** Node's environment name; "production" forbids TEAMS_ALLOW_UNAUTHENTICATED. */
  NODE_ENV: z.string().optional(),
  /** "true": with no Slack or Teams credentials at all, run the sandbox instead of failing (docker-compose.yml sets it). */
  SANDBOX_WHEN_UNCONFIGURED: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
});

type Parsed = z.infer<typeof schema>;

/** The validated environment, plus which platforms it turns on. */
export type Config = Parsed & {
  /** Slack is on: SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN (one workspace) or with the OAuth variables (several). */
  slackEnabled: boolean;
  /** Slack serves every workspace that installs it through OAuth (SLACK_CLIENT_ID set, no SLACK_BOT_TOKEN). */
  slackOAuth: boolean;
  /** Teams is on: TEAMS_APP_ID is set, or unauthenticated local testing was asked for. */
  teamsEnabled: boolean;
};

/** Which platforms the environment names at all (empty strings count as unset). */
function platformsNamed(env: Record<string, string | undefined>): { slack: boolean; teams: boolean } {
  const noAuth = env.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  return {
    slack: Boolean(env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN || env.SLACK_CLIENT_ID),
    teams: Boolean(env.TEAMS_APP_ID || env.TEAMS_APP_PASSWORD || env.TEAMS_TENANT_ID || noAuth),
  };
}

/** The dashboard's variables that only make sense together. */
function dashboardChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.SLACK_CLIENT_ID && !env.SLACK_CLIENT_SECRET)
    problems.push(
      "SLACK_CLIENT_SECRET is missing; copy the Client Secret from your Slack app's Basic Information page (SLACK_CLIENT_ID is set)",
    );
  if (env.SLACK_CLIENT_SECRET && !env.SLACK_CLIENT_ID)
    problems.push(
      "SLACK_CLIENT_ID is missing; copy the Client ID from your Slack app's Basic Information page (SLACK_CLIENT_SECRET is set)",
    );
  if (env.SESSION_SECRET && !env.PUBLIC_URL)
    problems.push(
      'PUBLIC_URL is missing; the dashboard (SESSION_SECRET is set) needs the https:// address people reach it at',
    );
  return problems;
}

/** Rules that span variables: which platform is configured, and how Teams authenticates. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const { slack, teams } = platformsNamed(env);
  const noAuth = env.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  if (!slack && !teams) {
    problems.push(
      'No chat platform is configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack, or TEAMS_APP_ID and TEAMS_TENANT_ID (and TEAMS_APP_PASSWORD) for Microsoft Teams, or both',
    );
  }
  if (slack && !env.SLACK_BOT_TOKEN && !env.SLACK_CLIENT_ID)
    problems.push(
      `SLACK_BOT_TOKEN ${MISSING_SLACK_TOKEN} (or set SLACK_CLIENT_ID and the OAuth variables to serve several workspaces)`,
    );
  if (slack && !env.SLACK_SIGNING_SECRET) problems.push(`SLACK_SIGNING_SECRET ${MISSING_SLACK_SECRET}`);
  problems.push(...oauthChecks(env));
  problems.push(...dashboardChecks(env));
  if (noAuth) {
    if (env.NODE_ENV === 'production')
      problems.push(
        'TEAMS_ALLOW_UNAUTHENTICATED=true is refused with NODE_ENV=production: it would accept unauthenticated requests on /api/messages',
      );
    if (env.TEAMS_APP_ID)
      problems.push(
        'TEAMS_ALLOW_UNAUTHENTICATED=true and TEAMS_APP_ID are both set: unset one (authentication is either on with an app id, or explicitly off)',
      );
    return problems;
  }
  if (!teams) return problems;
  const type = env.TEAMS_APP_TYPE ?? 'SingleTenant';
  if (!env.TEAMS_APP_ID)
    problems.push("TEAMS_APP_ID is missing; copy the Microsoft App ID from your Azure Bot's Configuration page");
  if (!env.TEAMS_TENANT_ID)
    problems.push(`TEAMS_TENANT_ID is missing; ${type} bots need the Microsoft Entra tenant id they are registered in`);
  if (type === 'SingleTenant' && !env.TEAMS_APP_PASSWORD)
    problems.push(
      'TEAMS_APP_PASSWORD is missing; create a client secret for the app registration (or use TEAMS_APP_TYPE=UserAssignedMSI)',
    );
  if (type === 'UserAssignedMSI' && env.TEAMS_APP_PASSWORD)
    problems.push(
      'TEAMS_APP_PASSWORD must not be set with TEAMS_APP_TYPE=UserAssignedMSI: a managed identity has no secret',
    );
  return problems;
}

/** What the OAuth install needs besides the Signing Secret. */
const OAUTH_VARIABLES = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'TOKEN_ENCRYPTION_KEY',
] as const;

/**
 * SLACK_CLIENT_ID without SLACK_BOT_TOKEN is the OAuth install: it needs its four variables together. With a bot
 * token the deployment serves that one workspace and the client id is left to Sign in with Slack.
 */
function oauthChecks(env: Record<string, string | undefined>): string[] {
  if (!env.SLACK_CLIENT_ID || env.SLACK_BOT_TOKEN) return [];
  const problems: string[] = OAUTH_VARIABLES.filter((name) => !env[name]).map(
    (name) =>
      `${name} is missing; the OAuth install (SLACK_CLIENT_ID without SLACK_BOT_TOKEN) needs ${OAUTH_VARIABLES.join(', ')}`,
  );
  if (env.SLACK_APP_TOKEN)
    problems.push('SLACK_APP_TOKEN (Socket Mode) cannot serve the OAuth install: unset it and give Slack a public URL');
  if (env.TOKEN_ENCRYPTION_KEY && env.TOKEN_ENCRYPTION_KEY === env.TOKEN_ENCRYPTION_KEY_PREVIOUS)
    problems.push('TOKEN_ENCRYPTION_KEY_PREVIOUS must differ from TOKEN_ENCRYPTION_KEY (it is the key being replaced)');
  return problems;
}

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
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
    ...crossChecks(cleaned),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  const data = result.data;
  return {
    ...data,
    slackEnabled: Boolean((data.SLACK_BOT_TOKEN || data.SLACK_CLIENT_ID) && data.SLACK_SIGNING_SECRET),
    slackOAuth: Boolean(data.SLACK_CLIENT_ID && !data.SLACK_BOT_TOKEN),
    teamsEnabled: Boolean(data.TEAMS_APP_ID) || data.TEAMS_ALLOW_UNAUTHENTICATED === 'true',
  };
}

/** Where the sandbox looks for PostgreSQL and Redis when DATABASE_URL and REDIS_URL are unset; when nothing answers there it starts its own. */
export const SANDBOX_DEFAULT_URLS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: 'redis://127.0.0.1:6379',
} as const;

/** The sandbox (`npm run sandbox`, `start.js sandbox`): the real bot against a simulated Slack workspace. */
const sandboxSchema = z.object({
  /** PostgreSQL server the sandbox creates its throwaway database on (so it needs CREATEDB); unset: SANDBOX_DEFAULT_URLS, else an embedded one. */
  DATABASE_URL: url(['postgres:', 'postgresql:'], SANDBOX_DEFAULT_URLS.DATABASE_URL).optional(),
  /** Redis the sandbox's queues use, under a throwaway key prefix deleted at the end; unset: SANDBOX_DEFAULT_URLS, else one started from the PATH. */
  REDIS_URL: url(['redis:', 'rediss:'], SANDBOX_DEFAULT_URLS.REDIS_URL).optional(),
  /** HTTP port of the sandbox's bot (/slack/events, /healthz, /metrics); unset = any free port. */
  PORT: int(1, 65535).optional(),
  /** Level of the bot's own log, written to SANDBOX_OUTPUT_DIR/symmetry.log (the terminal shows the story). */
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  /** Simulated weeks, one scheduled round each; 7 by default, so /pulse symmetry has 6 rounds to read customers one round later. */
  SANDBOX_WEEKS: int(1, 8).default(7),
  /** Simulated hours per real second while something happens; quiet nights and weekends run 30 times faster. */
  SANDBOX_HOURS_PER_SECOND: int(1, 12).default(2),
  /** Seed of the simulated people's choices: the same seed tells the same story. */
  SANDBOX_SEED: z.string().min(1).max(64, 'must be at most 64 characters').default('symmetry'),
  /** Directory for summary.md (the latest summary), chart.png (when the bot posted a chart), answers.json (what the simulated people answered) and symmetry.log. */
  SANDBOX_OUTPUT_DIR: z.string().min(1).default('sandbox-output'),
  /** Set to anything to print without colors (https://no-color.org); colors are used only on a terminal anyway. */
  NO_COLOR: z.string().optional(),
});

/** The sandbox's validated environment. */
export type SandboxConfig = z.infer<typeof sandboxSchema>;

/** Reads and validates the sandbox's environment; throws ConfigError naming every bad variable. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = sandboxSchema.safeParse(cleaned);
  if (!result.success)
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return result.data;
}

/** True when SANDBOX_WHEN_UNCONFIGURED=true and no Slack or Teams variable is set: `docker compose up` on a fresh clone. */
export function sandboxWhenUnconfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const { slack, teams } = platformsNamed(cleaned);
  return cleaned.SANDBOX_WHEN_UNCONFIGURED === 'true' && !slack && !teams;
}

/** What the CSV import of customer signals needs (DATABASE_URL only); throws ConfigError naming the problem. */
export function loadImportConfig(env: NodeJS.ProcessEnv = process.env): { DATABASE_URL: string } {
  const result = schema.pick({ DATABASE_URL: true }).safeParse({ DATABASE_URL: env.DATABASE_URL || undefined });
  if (!result.success)
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return result.data;
}

/** Every variable the app reads (the documentation's configuration table is checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);
/** Every variable the sandbox reads. */
export const SANDBOX_VARIABLES: readonly string[] = Object.keys(sandboxSchema.shape);

/** The PATH child processes are started with (the sandbox's embedded servers); read here like every variable. */
export function executableSearchPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PATH ?? '';
}
