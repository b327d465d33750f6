/**
 * `start.js sandbox` (`npm run sandbox`): the real bot — the same web and worker code, PostgreSQL,
 * Redis, BullMQ — against a simulated Slack workspace (src/sandbox), on a throwaway database and
 * Redis prefix that are removed at the end, with a clock that runs weeks in a minute.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { loadConfig, SANDBOX_DEFAULT_URLS, type SandboxConfig } from '../config';
import { checkDatabase } from '../db/client';
import { hoursPerSecond, WarpClock } from '../sandbox/clock';
import { startFakeSlack } from '../sandbox/fake-slack';
import { storyCounts, summaryMarkdown } from '../sandbox/report';
import { counted } from '../sandbox/render';
import { QUIET_FACTOR, Simulation, storyStart, type SimulationResult } from '../sandbox/simulation';
import { CHANNEL, DEPLOY_BOT, MANAGER, PEOPLE, WORKSPACE } from '../sandbox/team';
import { Terminal } from '../sandbox/terminal';
import { checkRedis, StartupError } from './infra-check';
import {
  EmbeddedUnavailable,
  freeLoopbackPort,
  startEmbeddedPostgres,
  startEmbeddedRedis,
  type EmbeddedServer,
} from './infra-embedded';
import { databaseTrouble, embeddedText, maskedUrl, redisTrouble, type Trouble } from './infra-text';
import { createLogger } from './logger';
import { startWeb, type Running } from './web';
import { startWorker } from './worker';

/** The tick runs this often: at 2 simulated hours a second, a check-in is at most 24 simulated minutes late. */
const TICK_EVERY_MS = 200;

export interface SandboxRunOptions {
  /** Keep the process up after the story ends (docker compose restarts a container that exits). */
  stayAfterwards?: boolean;
}

interface Cleanup {
  what: string;
  run: () => Promise<void>;
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    // FORCE ends any connection still open (a worker stopped mid-job, say).
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** The PostgreSQL and Redis a sandbox run uses, and the servers it started for them (stopped at the end). */
export interface SandboxServices {
  databaseUrl: string;
  redisUrl: string;
  embedded: EmbeddedServer[];
}

/** One server the sandbox needs: how to check it, and how to start one of its own. */
interface ServiceKind {
  variable: 'DATABASE_URL' | 'REDIS_URL';
  check: (url: string) => Promise<{ ok: true } | { ok: false; problem: string; trouble: Trouble }>;
  starting: (tried: string) => string;
  start: () => Promise<EmbeddedServer>;
  started: (server: EmbeddedServer) => string;
}

const POSTGRES: ServiceKind = {
  variable: 'DATABASE_URL',
  check: async (url) => {
    const found = await checkDatabase(url);
    return found.ok
      ? { ok: true }
      : { ok: false, problem: found.problem, trouble: databaseTrouble(url, found.target, found.problem, found.detail) };
  },
  starting: embeddedText.postgresStarting,
  start: () => startEmbeddedPostgres(),
  started: (server) => embeddedText.postgresStarted(server.name, server.port, server.dir, server.runAs),
};

const REDIS: ServiceKind = {
  variable: 'REDIS_URL',
  check: async (url) => {
    const found = await checkRedis(url);
    return found.ok
      ? { ok: true }
      : { ok: false, problem: found.problem, trouble: redisTrouble(url, found.problem, found.detail) };
  },
  starting: embeddedText.redisStarting,
  start: startEmbeddedRedis,
  started: (server) => embeddedText.redisStarted(server.port, server.dir),
};

/**
 * The URL of one server: the one given, else the default when something answers there, else (nothing listens
 * at the default) one started for this run. A given server that fails, or a default that answers but refuses,
 * stops the run with what to fix: starting another one then would hide the mistake.
 */
async function pickService(
  kind: ServiceKind,
  given: string | undefined,
  fallback: string,
  say: (line: string) => void,
  embedded: EmbeddedServer[],
): Promise<string> {
  const url = given ?? fallback;
  const found = await kind.check(url);
  if (found.ok) return url;
  if (given !== undefined || found.problem !== 'refused')
    throw new StartupError([
      { what: found.trouble.what, fix: `${found.trouble.fix} ${embeddedText.sandboxHint(kind.variable)}` },
    ]);
  say(kind.starting(maskedUrl(url)));
  try {
    const server = await kind.start();
    embedded.push(server);
    say(kind.started(server));
    return server.url;
  } catch (err) {
    if (!(err instanceof EmbeddedUnavailable)) throw err;
    throw new StartupError(
      [
        {
          what: `${kind.variable} is not set and ${found.trouble.what.replace(`${kind.variable}: `, '')}`,
          fix: err.message,
        },
      ],
      { cause: err },
    );
  }
}

/** PostgreSQL and Redis for a sandbox run (see pickService); on failure, whatever it started is stopped again. */
export async function sandboxServices(
  given: { DATABASE_URL?: string | undefined; REDIS_URL?: string | undefined },
  say: (line: string) => void,
  defaults: { DATABASE_URL: string; REDIS_URL: string } = SANDBOX_DEFAULT_URLS,
): Promise<SandboxServices> {
  const embedded: EmbeddedServer[] = [];
  try {
    const databaseUrl = await pickService(POSTGRES, given.DATABASE_URL, defaults.DATABASE_URL, say, embedded);
    const redisUrl = await pickService(REDIS, given.REDIS_URL, defaults.REDIS_URL, say, embedded);
    return { databaseUrl, redisUrl, embedded };
  } catch (err) {
    await Promise.all(embedded.map((server) => server.stop()));
    throw err;
  }
}

/** Deletes every key under `prefix:` (SCAN, never KEYS, so a shared Redis is not blocked). */
async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    connectTimeout: 5000,
  });
  redis.on('error', () => undefined);
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Runs the sandbox until the story ends or Ctrl-C; resolves with the exit code. Everything it created is removed. */
export async function runSandbox(config: SandboxConfig, options: SandboxRunOptions = {}): Promise<number> {
  const t = new Terminal({
    out: process.stdout,
    color: Boolean(process.stdout.isTTY) && config.NO_COLOR === undefined,
  });
  const s = t.s;
  const suffix = randomBytes(3).toString('hex');
  const dbName = `symmetry_sandbox_${suffix}`;
  const prefix = `symsandbox${suffix}`;
  const outDir = config.SANDBOX_OUTPUT_DIR;
  const nearby = relative(process.cwd(), outDir);
  const shownDir = nearby === '' ? '.' : nearby.startsWith('..') ? resolve(outDir) : nearby;
  mkdirSync(outDir, { recursive: true });
  // What is in the folder is this run's: no chart left from an earlier run, a log that starts empty.
  rmSync(join(outDir, 'chart.png'), { force: true });
  const logFile = join(outDir, 'symmetry.log');
  const logger = createLogger(
    config.LOG_LEVEL,
    'symmetry-sandbox',
    pino.destination({ dest: logFile, sync: true, append: false }),
  );

  const cleanups: Cleanup[] = [];
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      t.print(
        '',
        s.yellow(
          `${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the simulation, the bot and the fake Slack, and removing the sandbox's database and Redis keys…`,
        ),
      );
      abort.abort();
      return;
    }
    t.close();
    const left = cleanups.map((c) => c.what).reverse();
    process.stderr.write(`Stopped at once${left.length ? `; not cleaned up: ${left.join('; ')}` : ''}.\n`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let result: SimulationResult | undefined;
  let chart: { title: string; png: Buffer } | null = null;
  let failure: Error | undefined;
  let embedded: string[] = [];
  const started = Date.now();
  try {
    t.print(
      s.bold('Symmetry sandbox') +
        s.dim(' — the real bot (web + worker, PostgreSQL, Redis, BullMQ) in a simulated Slack workspace'),
    );
    const services = await sandboxServices(config, (line) => t.print(s.dim(line)));
    // First in, last out: the servers started for this run stop after everything that uses them.
    for (const server of services.embedded)
      cleanups.push({ what: `the embedded ${server.name} (${server.dir})`, run: () => server.stop() });
    embedded = services.embedded.map((server) => server.name);
    if (abort.signal.aborted) throw new Error('stopped');
    await createDatabase(services.databaseUrl, dbName);
    cleanups.push({
      what: `database ${dbName} (drop database "${dbName}")`,
      run: () => dropDatabase(services.databaseUrl, dbName),
    });
    cleanups.push({
      what: `Redis keys ${prefix}:*`,
      run: async () => void (await deleteRedisKeys(services.redisUrl, prefix)),
    });
    if (abort.signal.aborted) throw new Error('stopped');

    const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
    const signingSecret = randomBytes(16).toString('hex');
    const signalsToken = randomBytes(24).toString('hex');
    const slack = await startFakeSlack({ teamId: WORKSPACE.teamId, teamDomain: WORKSPACE.domain, tokens: [botToken] });
    cleanups.push({ what: 'the fake Slack', run: () => slack.close() });
    for (const p of PEOPLE) slack.addUser({ id: p.id, name: p.handle, realName: p.name, tz: p.tz, locale: p.locale });
    slack.addUser({ id: DEPLOY_BOT.id, name: DEPLOY_BOT.handle, isBot: true });
    slack.addChannel(CHANNEL.id, [...PEOPLE.map((p) => p.id), DEPLOY_BOT.id, slack.botUserId], { name: CHANNEL.name });

    const port = config.PORT ?? (await freeLoopbackPort());
    const appConfig = loadConfig({
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SIGNALS_TOKEN: signalsToken,
      SLACK_API_URL: slack.url,
      DATABASE_URL: withDatabase(services.databaseUrl, dbName),
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: prefix,
      ANONYMITY_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      LOG_LEVEL: config.LOG_LEVEL,
      TICK_SECONDS: '1',
      WORKER_CONCURRENCY: '8',
    });
    // Time stands still until the bot is up, then runs from a Friday afternoon in the manager's zone.
    const clock = new WarpClock(storyStart(Date.now()), 0);
    const worker = await startWorker(appConfig, logger, { clock, tickEveryMs: TICK_EVERY_MS });
    cleanups.push({ what: "the bot's worker", run: () => worker.stop() });
    const web: Running = await startWeb(appConfig, logger, { clock });
    cleanups.push({ what: "the bot's web process", run: () => web.stop() });
    if (abort.signal.aborted) throw new Error('stopped');

    const zones = PEOPLE.map((p) => p.city).join(', ');
    t.print(
      s.dim(
        `Team: ${PEOPLE.length} people in #${CHANNEL.name} (${zones}); ${MANAGER.name} manages it and runs /pulse.`,
      ),
      s.dim(
        `Time: ${config.SANDBOX_HOURS_PER_SECOND} simulated hours a second while something happens, ${config.SANDBOX_HOURS_PER_SECOND * QUIET_FACTOR} through quiet nights and weekends; ${counted(config.SANDBOX_WEEKS, 'week')} to go. Ctrl-C stops it cleanly.`,
      ),
      s.dim(
        `Bot: http://127.0.0.1:${port} (/healthz, /metrics) · database ${dbName} · Redis prefix ${prefix} · its log: ${join(shownDir, 'symmetry.log')}`,
      ),
      '',
    );
    clock.run(hoursPerSecond(config.SANDBOX_HOURS_PER_SECOND));
    const simulation = new Simulation(
      { slack, appUrl: `http://127.0.0.1:${port}`, signingSecret, signalsToken, clock },
      {
        weeks: config.SANDBOX_WEEKS,
        hoursPerSecond: config.SANDBOX_HOURS_PER_SECOND,
        seed: config.SANDBOX_SEED,
        terminal: t,
      },
    );
    result = await simulation.run(abort.signal);
    chart = simulation.latestChart;
  } catch (err) {
    if (!abort.signal.aborted) failure = err as Error;
  } finally {
    t.close();
    // Reverse order: web, worker, the fake Slack, then the Redis keys and the database.
    for (const c of cleanups.reverse()) {
      try {
        await c.run();
      } catch (err) {
        process.stderr.write(`Could not clean up ${c.what}: ${(err as Error).message}\n`);
      }
    }
    cleanups.length = 0;
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  if (failure instanceof StartupError) {
    process.stderr.write(`${failure.message}\n`);
    return 1;
  }
  if (failure) {
    process.stderr.write(`${s.red('The sandbox failed:')} ${failure.message}\nThe bot's log: ${logFile}\n`);
    return 1;
  }
  if (result) {
    const files = {
      summary: join(outDir, 'summary.md'),
      answers: join(outDir, 'answers.json'),
      chart: join(outDir, 'chart.png'),
    };
    writeFileSync(files.summary, summaryMarkdown(result, chart ? 'chart.png' : null));
    // A chart only when the bot really posted one (a PNG in a file upload); nothing pretends otherwise.
    if (chart) writeFileSync(files.chart, chart.png);
    writeFileSync(
      files.answers,
      `${JSON.stringify({ about: "What the simulated people answered, round by round, in no particular order and without names (the simulation plays the people; the bot itself never pairs a person with a score). The summaries are what the bot posted; the signals are the help desk's daily CSAT as it sent them, with the bot's answers.", database: dbName, queuePrefix: prefix, ...result }, null, 2)}\n`,
    );
    const latest = result.summaries.at(-1);
    if (latest) {
      t.print(
        s.bold(`The latest summary, as #${CHANNEL.name} shows it:`),
        ...latest.text.split('\n').map((l) => `  ${l}`),
        '',
      );
    }
    t.print(
      `${result.completed ? s.green('Done') : s.yellow('Stopped')}: ${result.weeks > 0 ? `simulated ${result.startedAt.slice(0, 10)} → ${result.endedAt.slice(0, 10)}` : ''} in ${seconds} s: ${storyCounts(result)}.`,
      `Wrote ${join(shownDir, 'summary.md')} (the latest summary${result.symmetry ? ' and /pulse symmetry' : ''})${chart ? `, ${join(shownDir, 'chart.png')} (the latest chart the bot posted: ${chart.title})` : ''} and ${join(shownDir, 'answers.json')} (what the simulated people answered, to check the averages); the bot's log is ${join(shownDir, 'symmetry.log')}.`,
      s.dim(`Removed the database ${dbName} and the Redis keys ${prefix}:*.`),
      ...(embedded.length ? [s.dim(embeddedText.stopped(embedded))] : []),
      ...(result.problems.length
        ? [s.red(`${counted(result.problems.length, 'problem')}: ${result.problems.join('; ')}`)]
        : []),
      s.dim('Next: put it in your own workspace, see docs/install-slack.md.'),
    );
  }
  if (options.stayAfterwards && !abort.signal.aborted) {
    t.print(
      s.dim(
        'The sandbox is done; this container now waits (Ctrl-C or `docker compose down` stops it). Put your Slack credentials in .env and run `docker compose up` again to serve your workspace.',
      ),
    );
    await new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  // Ctrl-C is a clean stop, not a failure.
  if (abort.signal.aborted) return 0;
  return !result || result.problems.length > 0 ? 1 : 0;
}
