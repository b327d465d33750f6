/**
 * Slack installations at rest: what a dump of the table holds (no token text), and a key rotation that keeps
 * every installation readable while it runs. Tokens are made up here; the repository sees only JSON text.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { createInstallationRepository } from '../../src/db/repositories/installation-repository';
import { createTokenCipher } from '../../src/db/token-cipher';
import { databaseSnapshot } from '../support/db-snapshot';
import { openTestDatabase, type TestDatabase } from '../support/db';

const KEY_A = '6f1c2b8e9d0a4f3b7c5e1d2a8b9c0f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a';
const KEY_B = 'a0b1c2d3e4f50617283940a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5';
const TOKENS = /xox[bep]-/;

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A unique team id per test: the database is shared by the run's files. */
const teamId = (label: string) =>
  `T${label}${createHash('sha1').update(`${label}${Math.random()}`).digest('hex').slice(0, 8)}`;
const installation = (team: string) =>
  JSON.stringify({
    team: { id: team },
    bot: { token: `xoxe.xoxb-1-${team}-secret`, refreshToken: `xoxe-1-${team}-refresh` },
  });

async function tableDump(): Promise<string> {
  const { rows } = await database.pool.query<{ row: string }>(
    'select row_to_json(t)::text as row from slack_installations t',
  );
  return rows.map((r) => r.row).join('\n');
}

test('a dump of the installation table (and of the whole database) holds no xoxb-/xoxe-/xoxp- text', async () => {
  const repo = createInstallationRepository(database.db, createTokenCipher(KEY_A));
  const team = teamId('DUMP');
  await repo.save({ teamId: team, isEnterpriseInstall: false, expiresAt: null, data: installation(team) });
  const dump = await tableDump();
  expect(dump).toContain(team);
  expect(dump).not.toMatch(TOKENS);
  expect(await databaseSnapshot(database.pool)).not.toMatch(TOKENS);
  // And it reads back whole.
  expect((await repo.find({ teamId: team }))?.data).toBe(installation(team));
});

test('a sealed value only opens on its own row: moved onto another workspace it is refused', async () => {
  const repo = createInstallationRepository(database.db, createTokenCipher(KEY_A));
  const [a, b] = [teamId('MOVA'), teamId('MOVB')];
  await repo.save({ teamId: a, isEnterpriseInstall: false, expiresAt: null, data: installation(a) });
  await repo.save({ teamId: b, isEnterpriseInstall: false, expiresAt: null, data: installation(b) });
  await database.pool.query(
    'update slack_installations set sealed = (select sealed from slack_installations where team_id = $1) where team_id = $2',
    [a, b],
  );
  await expect(repo.find({ teamId: b })).rejects.toThrow();
  // The tampered row would stop the key rotation below (it cannot be resealed): it goes.
  expect(await repo.remove({ teamId: b })).toBe(1);
});

test('the seal is AES-256-GCM under the key itself: decrypting the stored bytes with node:crypto gives the installation', async () => {
  const repo = createInstallationRepository(database.db, createTokenCipher(KEY_A));
  const team = teamId('GCM');
  await repo.save({ teamId: team, isEnterpriseInstall: false, expiresAt: null, data: installation(team) });
  const { rows } = await database.pool.query<{ sealed: string }>(
    'select sealed from slack_installations where team_id = $1',
    [team],
  );
  const raw = Buffer.from(rows[0]!.sealed, 'base64url');
  // Re-encrypting with the stored nonce reproduces the stored ciphertext: the key and the algorithm are what the docs say.
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(KEY_A, 'hex'), raw.subarray(0, 12));
  cipher.setAAD(Buffer.from(`slack-installation::${team}`));
  const body = Buffer.concat([cipher.update(installation(team), 'utf8'), cipher.final()]);
  expect(Buffer.concat([raw.subarray(0, 12), body, cipher.getAuthTag()]).toString('base64url')).toBe(rows[0]!.sealed);
});

test('key rotation: with the old key as PREVIOUS every row still reads, reseal moves them all to the new key, then the old key can go', async () => {
  const oldRepo = createInstallationRepository(database.db, createTokenCipher(KEY_A));
  const teams = [teamId('ROT1'), teamId('ROT2'), teamId('ROT3')];
  for (const team of teams)
    await oldRepo.save({ teamId: team, isEnterpriseInstall: false, expiresAt: null, data: installation(team) });

  const rotating = createInstallationRepository(database.db, createTokenCipher(KEY_B, KEY_A));
  // Before and during the reseal, every installation reads.
  for (const team of teams) expect((await rotating.find({ teamId: team }))?.data).toBe(installation(team));
  expect(await rotating.reseal(2)).toBe(2);
  for (const team of teams) expect((await rotating.find({ teamId: team }))?.data).toBe(installation(team));
  let more = 1;
  while (more > 0) more = await rotating.reseal(2);

  const newOnly = createInstallationRepository(database.db, createTokenCipher(KEY_B));
  for (const team of teams) expect((await newOnly.find({ teamId: team }))?.data).toBe(installation(team));
  const { rows } = await database.pool.query<{ n: number }>(
    'select count(*)::int as n from slack_installations where key_id = $1',
    [createTokenCipher(KEY_A).currentKeyId],
  );
  expect(rows[0]!.n).toBe(0);
  // Without the old key, a row it sealed would not read: the new-key-only repository really depends on the reseal.
  await oldRepo.save({ teamId: teams[0], isEnterpriseInstall: false, expiresAt: null, data: installation(teams[0]!) });
  await expect(newOnly.find({ teamId: teams[0] })).rejects.toThrow(/neither TOKEN_ENCRYPTION_KEY/);
});

test('an org-wide install serves every workspace of its organization; a workspace install of another org does not', async () => {
  const repo = createInstallationRepository(database.db, createTokenCipher(KEY_A));
  const enterprise = `E${teamId('ORG')}`;
  await repo.save({ enterpriseId: enterprise, isEnterpriseInstall: true, expiresAt: null, data: '{"org":true}' });
  expect((await repo.find({ enterpriseId: enterprise, teamId: 'TANY1' }))?.data).toBe('{"org":true}');
  expect((await repo.find({ enterpriseId: enterprise, isEnterpriseInstall: true }))?.data).toBe('{"org":true}');
  expect(await repo.find({ enterpriseId: `${enterprise}X`, teamId: 'TANY1' })).toBeNull();
  expect(await repo.remove({ enterpriseId: enterprise })).toBe(1);
  expect(await repo.find({ enterpriseId: enterprise, teamId: 'TANY1' })).toBeNull();
});
