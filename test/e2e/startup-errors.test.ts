/**
 * End to end: the built app started as `npm start` does, against servers that are not there or not
 * ready. Each failure is one clear answer on stderr (the variable, what was tried with the password
 * masked, the fix), no stack at the default log level, exit 1; a missing database is created when the
 * user may, else the exact command is given. At Slack's auth.test, an unreachable Slack and a refused
 * token say different things.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { APP_NODE_ARGS, freePort, startApp, waitFor } from '../support/app-process';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { adminUrl, withDatabase } from '../support/global-setup';

const ENTRY = join(__dirname, '..', '..', 'dist', 'main', 'start.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = 'xoxb-startup-0123-abcdef';
/** A stack frame line, as Node prints them. */
const STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

const base = () => ({
  SLACK_BOT_TOKEN: TOKEN,
  SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
  DATABASE_URL: process.env.DATABASE_URL!,
  REDIS_URL,
  QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}s${randomBytes(3).toString('hex')}`,
  ANONYMITY_SECRET: randomBytes(32).toString('hex'),
});

/** Runs `start.js <role>` with `env` until it exits (it must, within 30 s); resolves with its code and output. */
async function runToExit(
  env: Record<string, string>,
  role = 'all',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...APP_NODE_ARGS, ENTRY, role], {
    env: { PATH: process.env.PATH ?? '', PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const databaseExists = (name: string) =>
  admin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);

describe('PostgreSQL and Redis at start', () => {
  test('neither answers: both named with host:port and the URL tried (password masked), each with its fix; no stack, no Redis retries', async () => {
    const [pgPort, redisPort] = [await freePort(), await freePort()];
    const run = await runToExit({
      ...base(),
      DATABASE_URL: `postgres://app:hunter2@127.0.0.1:${pgPort}/symmetry`,
      REDIS_URL: `redis://:sesame@127.0.0.1:${redisPort}`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'Symmetry cannot start:',
        `- DATABASE_URL: nothing answers at 127.0.0.1:${pgPort} (tried postgres://app:***@127.0.0.1:${pgPort}/symmetry).`,
        '  Fix: Start PostgreSQL there (with Docker: `docker compose up -d postgres`), or set DATABASE_URL to the one you use.',
        `- REDIS_URL: nothing answers at 127.0.0.1:${redisPort} (tried redis://:***@127.0.0.1:${redisPort}).`,
        '  Fix: Start Redis there (`redis-server`; with Docker: `docker compose up -d redis`), or set REDIS_URL to the one you use.',
        '',
      ].join('\n'),
    );
    // Nothing else at the default level: no driver stack, no "redis connection error" lines.
    expect(run.stdout).toBe('');
  });

  test('LOG_LEVEL=debug adds the driver errors with their stacks, for whoever asks', async () => {
    const run = await runToExit({ ...base(), REDIS_URL: `redis://127.0.0.1:${await freePort()}`, LOG_LEVEL: 'debug' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Symmetry cannot start:\n- REDIS_URL: nothing answers at/);
    expect(run.stderr).not.toMatch(STACK);
    const logged = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; err?: { stack?: string } });
    expect(logged.find((l) => l.msg === 'start-up check failed')?.err?.stack).toMatch(/ECONNREFUSED[\s\S]*\n\s+at /);
  });

  test('a missing database is created when the user may, and the app starts on it', async () => {
    const name = `symmetry_created_${randomBytes(4).toString('hex')}`;
    const url = withDatabase(adminUrl(), name);
    expect(await databaseExists(name)).toBe(false);
    const app = await startApp({ ...base(), DATABASE_URL: url }, 'worker');
    try {
      await waitFor(() => app.output().includes('"msg":"workers running"'), 'the worker to run');
      expect(app.output()).toContain(`"database":"${name}"`);
      expect(app.output()).toContain('"msg":"created the database, which did not exist"');
      expect(await databaseExists(name)).toBe(true);
    } finally {
      expect(await app.stop()).toBe(0);
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    }
  });

  test('a missing database the user may not create: nothing is created, and the exact command is given', async () => {
    const role = `symmetry_nocreate_${randomBytes(4).toString('hex')}`;
    const name = `symmetry_missing_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create role "${role}" login nocreatedb`));
    try {
      const server = new URL(adminUrl());
      const run = await runToExit({ ...base(), DATABASE_URL: `postgres://${role}@${server.host}/${name}` });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `- DATABASE_URL: the database "${name}" does not exist on ${server.hostname}:${server.port || 5432}, and user "${role}" could not create it: permission denied to create database`,
      );
      expect(run.stderr).toContain(
        `  Fix: Create it as a user who may, then start again: createdb -h ${server.hostname} -p ${server.port || 5432} -U postgres -O ${role} ${name}\n`,
      );
      expect(run.stderr).not.toMatch(STACK);
      expect(await databaseExists(name)).toBe(false);
    } finally {
      await admin((c) => c.query(`drop role if exists "${role}"`));
    }
  });
});

describe("Slack's auth.test at start", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack({ tokens: [TOKEN] });
  });
  afterAll(() => slack.close());

  test('Slack unreachable: the network is named, not the token', async () => {
    const api = `http://127.0.0.1:${await freePort()}/api/`;
    const run = await runToExit({ ...base(), SLACK_API_URL: api }, 'web');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^Symmetry cannot start:\\n- Could not reach Slack's Web API at ${api.replace(/[./]/g, '\\$&')} \\(ECONNREFUSED: .*\\); this is the network, not the token, which was not checked\\.\\n`,
      ),
    );
    expect(run.stderr).not.toMatch(/refused SLACK_BOT_TOKEN|copy the Bot User OAuth Token/i);
    expect(run.stderr).not.toMatch(STACK);
  });

  test.each(['invalid_auth', 'account_inactive'])('Slack refuses the token (%s): copy it again', async (error) => {
    const env = {
      ...base(),
      SLACK_API_URL: slack.url,
      ...(error === 'invalid_auth' ? { SLACK_BOT_TOKEN: 'xoxb-startup-9999-wrong' } : {}),
    };
    if (error !== 'invalid_auth') slack.failNext('auth.test', 1, { error });
    const run = await runToExit(env, 'web');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Symmetry cannot start:\n- Slack refused SLACK_BOT_TOKEN (${error}).\n  Fix: Copy the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page again (reinstall the app if Slack asks), and start again.\n`,
    );
  });

  test('Slack answers HTTP 503: neither the token nor the network is blamed', async () => {
    slack.failNext('auth.test', 1, { status: 503 });
    const run = await runToExit({ ...base(), SLACK_API_URL: slack.url }, 'web');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `- Slack's Web API at ${slack.url} answered HTTP 503 instead of checking SLACK_BOT_TOKEN.`,
    );
  });
});
