/**
 * `npm run teams:package` without the organisation's page URLs still builds a valid package, but says
 * plainly that its website, privacy and terms links are a placeholder, naming what to set; the manifest
 * carries exactly the URLs that were given.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PACKAGE = join(ROOT, 'teams', 'package.mjs');
const APP_ID = '6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d';
const out = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(urls: Record<string, string>) {
  return spawnSync(process.execPath, [PACKAGE, '--out', join(out, 'app.zip')], {
    env: { PATH: process.env.PATH ?? '', TEAMS_APP_ID: APP_ID, ...urls },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** The manifest buildManifest makes for `urls` (read in a child: package.mjs is an ES module). */
function manifestLinks(urls: Record<string, string>): Record<string, string> {
  const script = `import { buildManifest } from ${JSON.stringify(PACKAGE)}; process.stdout.write(JSON.stringify(buildManifest(process.env).developer));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', TEAMS_APP_ID: APP_ID, ...urls },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(result.stdout) as Record<string, string>;
}

test('no page URLs: the package is built, and the output says plainly that its links are a placeholder and what to set', () => {
  const result = build({});
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(
    'PLACEHOLDER: WEBSITE_URL, PRIVACY_URL, TERMS_URL not set, so the manifest links to https://github.com/symmetry-bot/symmetry instead.',
  );
  expect(manifestLinks({})).toMatchObject({
    websiteUrl: 'https://github.com/symmetry-bot/symmetry',
    privacyUrl: 'https://github.com/symmetry-bot/symmetry',
    termsOfUseUrl: 'https://github.com/symmetry-bot/symmetry',
  });
});

test('only the URLs left unset are named', () => {
  const result = build({ PRIVACY_URL: 'https://hr.example.org/privacy' });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('PLACEHOLDER: WEBSITE_URL, TERMS_URL not set');
  expect(manifestLinks({ PRIVACY_URL: 'https://hr.example.org/privacy' }).privacyUrl).toBe(
    'https://hr.example.org/privacy',
  );
});

test('all three given: no placeholder anywhere', () => {
  const urls = {
    WEBSITE_URL: 'https://hr.example.org/',
    PRIVACY_URL: 'https://hr.example.org/privacy',
    TERMS_URL: 'https://hr.example.org/terms',
  };
  const result = build(urls);
  expect(result.status).toBe(0);
  expect(result.stdout).not.toMatch(/PLACEHOLDER|github\.com/);
  expect(manifestLinks(urls)).toMatchObject({
    websiteUrl: urls.WEBSITE_URL,
    privacyUrl: urls.PRIVACY_URL,
    termsOfUseUrl: urls.TERMS_URL,
  });
});

/** The whole manifest buildManifest makes for `env`. */
function manifestFor(env: Record<string, string>): Record<string, unknown> {
  const script = `import { buildManifest } from ${JSON.stringify(PACKAGE)}; process.stdout.write(JSON.stringify(buildManifest(process.env)));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', TEAMS_APP_ID: APP_ID, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

test('with PUBLIC_URL the package carries the Dashboard personal tab and its single sign-on resource', () => {
  const manifest = manifestFor({ PUBLIC_URL: 'https://pulse.acme.test' });
  expect(manifest.staticTabs).toEqual([
    {
      entityId: 'dashboard',
      name: 'Dashboard',
      contentUrl: 'https://pulse.acme.test/dashboard/auth/teams',
      websiteUrl: 'https://pulse.acme.test/dashboard',
      scopes: ['personal'],
    },
  ]);
  // The audience the web process checks the tab's tokens against (src/main/dashboard.ts teamsAppIdUri).
  expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://pulse.acme.test/${APP_ID}` });
  expect(manifest.validDomains).toEqual(['pulse.acme.test']);
  const bare = manifestFor({});
  expect(bare.staticTabs).toBeUndefined();
  expect(bare.webApplicationInfo).toBeUndefined();
});

test('a PUBLIC_URL that is not https is refused, naming it', () => {
  const result = spawnSync(process.execPath, [PACKAGE, '--out', join(out, 'bad.zip')], {
    env: { PATH: process.env.PATH ?? '', TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'http://pulse.acme.test' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('PUBLIC_URL must be an https:// URL');
});
