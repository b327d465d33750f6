/**
 * The operator's commands for several workspaces, run as an operator runs them (`node dist/main/installations-cli.js`,
 * what `npm run tokens:reencrypt` and `npm run workspace:delete` call) with the app's environment on the test
 * database: a key rotation reseals every installation and a second run finds none left; deleting a workspace
 * takes its installation and all its data and nothing of another's; a workspace that is not there, or a command
 * that is not one, is an error that changes nothing.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInstallationRepository } from '../../src/db/repositories/installation-repository';
import { createTokenCipher } from '../../src/db/token-cipher';
import { sharedClockEnv } from '../support/clock-env';
import { seedClosedRound, seedDashboardTeam } from '../support/dashboard-seed';
import { openTestDatabase, type TestDatabase } from '../support/db';

const CLI = join(__dirname, '..', '..', 'dist', 'main', 'installations-cli.js');
const OLD_KEY = '6f1c2b8e9d0a4f3b7c5e1d2a8b9c0f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a';
const NEW_KEY = 'a0b1c2d3e4f50617283940a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5';

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The CLI with a multi-workspace deployment's environment (and `keys`); its exit code and what it printed. */
function cli(args: string[], keys: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    ...sharedClockEnv(),
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: randomBytes(16).toString('hex'),
    SLACK_STATE_SECRET: randomBytes(16).toString('hex'),
    LOG_LEVEL: 'error',
    ...keys,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

interface Seeded {
  external: string;
  workspaceId: string;
  teamId: string;
}

const teamId = () => `TCLI${randomBytes(4).toString('hex').toUpperCase()}`;
const installation = (team: string) => JSON.stringify({ team: { id: team }, bot: { token: `xoxb-1-${team}` } });
const repoWith = (key: string, previous?: string) =>
  createInstallationRepository(database.db, createTokenCipher(key, previous));

test('tokens:reencrypt reseals every installation under the new key; a second run finds none left', async () => {
  await database.pool.query('delete from slack_installations');
  const teams = [teamId(), teamId(), teamId()];
  for (const team of teams)
    await repoWith(OLD_KEY).save({
      teamId: team,
      isEnterpriseInstall: false,
      expiresAt: null,
      data: installation(team),
    });
  await expect(repoWith(NEW_KEY).find({ teamId: teams[0] })).rejects.toThrow();

  const first = await cli(['reencrypt'], { TOKEN_ENCRYPTION_KEY: NEW_KEY, TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD_KEY });
  expect(first).toMatchObject({ code: 0, err: '' });
  expect(first.out).toContain('Re-encrypted 3 installation(s)');
  // Readable with the new key alone, whole; no longer with the old one.
  for (const team of teams) expect((await repoWith(NEW_KEY).find({ teamId: team }))?.data).toBe(installation(team));
  await expect(repoWith(OLD_KEY).find({ teamId: teams[0] })).rejects.toThrow();
  const again = await cli(['reencrypt'], { TOKEN_ENCRYPTION_KEY: NEW_KEY, TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD_KEY });
  expect(again.out).toContain('Re-encrypted 0 installation(s)');
  // Without the old key there is nothing to move from: said, and nothing changes.
  const noOld = await cli(['reencrypt'], { TOKEN_ENCRYPTION_KEY: NEW_KEY });
  expect(noOld.code).toBe(1);
  expect(noOld.err).toContain('TOKEN_ENCRYPTION_KEY_PREVIOUS is not set');
});

test("workspace:delete takes the workspace's installation and all its data, and nothing of another's", async () => {
  const seeded: Seeded[] = [];
  for (const external of [teamId(), teamId()]) {
    const ws = await database.repos.workspaces.ensure('slack', external);
    const { team, members } = await seedDashboardTeam(database.repos, ws, {
      channelId: `C${external}`,
      people: ['UA', 'UB', 'UC', 'UD', 'UE'].map((u) => `${u}${external}`),
    });
    await seedClosedRound(database.repos, team, members, new Date('2026-11-20T14:00:00Z'), [6, 7, 8, 9, 10]);
    await repoWith(NEW_KEY).save({
      teamId: external,
      isEnterpriseInstall: false,
      expiresAt: null,
      data: installation(external),
    });
    seeded.push({ external, workspaceId: ws.id, teamId: team.id });
  }
  const [gone, kept] = seeded as [Seeded, Seeded];
  const rowsOf = async (s: Seeded) => {
    const { rows } = await database.pool.query(
      `select (select count(*)::int from workspaces where id = $1) as workspaces,
              (select count(*)::int from teams where workspace_id = $1) as teams,
              (select count(*)::int from members where workspace_id = $1) as members,
              (select count(*)::int from rounds where team_id = $2) as rounds,
              (select count(*)::int from responses where team_id = $2) as responses,
              (select count(*)::int from slack_installations where team_id = $3) as installations`,
      [s.workspaceId, s.teamId, s.external],
    );
    return rows[0] as Record<string, number>;
  };
  const keptBefore = await rowsOf(kept);
  expect(keptBefore).toEqual({ workspaces: 1, teams: 1, members: 5, rounds: 1, responses: 5, installations: 1 });

  const done = await cli(['delete-workspace', gone.external], { TOKEN_ENCRYPTION_KEY: NEW_KEY });
  expect(done).toMatchObject({ code: 0, err: '' });
  expect(done.out).toContain(`Deleted workspace ${gone.external}: 1 installation(s) and all its data.`);
  expect(await rowsOf(gone)).toEqual({
    workspaces: 0,
    teams: 0,
    members: 0,
    rounds: 0,
    responses: 0,
    installations: 0,
  });
  expect(await rowsOf(kept)).toEqual(keptBefore);

  // Not here (any more): an error, and the other workspace untouched.
  const missing = await cli(['delete-workspace', gone.external], { TOKEN_ENCRYPTION_KEY: NEW_KEY });
  expect(missing.code).toBe(1);
  expect(missing.err).toContain(`No workspace ${gone.external} here: nothing was deleted`);
  const unnamed = await cli(['delete-workspace'], { TOKEN_ENCRYPTION_KEY: NEW_KEY });
  expect(unnamed.code).toBe(1);
  expect(unnamed.err).toContain('name the workspace');
  const unknown = await cli(['drop-everything'], { TOKEN_ENCRYPTION_KEY: NEW_KEY });
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain('usage: installations-cli reencrypt | delete-workspace');
  expect(await rowsOf(kept)).toEqual(keptBefore);
});
