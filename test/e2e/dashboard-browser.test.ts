/**
 * The dashboard in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core) signs in
 * through the fake Slack's OpenID provider against the built app, sees the heatmap, a team page and /me, and
 * an employee gets 403 on a team page. Cells under the threshold are blank ("–"), axe-core (injected into each
 * page) finds no serious or critical violation, the Arabic page is right to left. Screenshots of every page are
 * written under test/artifacts/screenshots/ (gitignored) and their paths printed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Team } from '../../src/core/model';
import { startApp, freePort, type AppProcess } from '../support/app-process';
import { seedClosedRound, seedDashboardTeam } from '../support/dashboard-seed';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CLIENT = { clientId: '1234567890.1122334455', clientSecret: randomBytes(16).toString('hex') };

let db: TestDatabase;
let slack: FakeSlack;
let app: AppProcess;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let shown: Team;
let pooled: Team;

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
}

/** axe-core's violations of the open page whose impact is serious or critical (evaluated over CDP: the page's CSP allows no inline script). */
async function seriousViolations(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    () => (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run() as Promise<AxeResult>,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Keeps a full-page screenshot of the open page and prints its path. */
async function screenshot(name: string): Promise<void> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
}

/** Signs in with Slack from the login page as `userId`, ending on `next`; returns the page's HTTP status there. */
async function signIn(userId: string, next: string, locale = 'en-US'): Promise<number | undefined> {
  await context.clearCookies();
  slack.openid.signInAs({ userId, name: `Person ${userId}`, locale });
  await page.goto(`${app.url}/dashboard/login?next=${encodeURIComponent(next)}`);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === next),
    page.click('a[href^="/dashboard/auth/slack"]'),
  ]);
  await page.waitForLoadState('load');
  expect(new URL(page.url()).pathname).toBe(next);
  return answer.status();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  db = openTestDatabase();
  slack = await startFakeSlack();
  slack.openid.configure(CLIENT);
  slack.addUser({ id: 'UADMIN0001', isAdmin: true });
  slack.addUser({ id: 'UEMPLOYEE1' });

  const workspace = await db.repos.workspaces.ensure('slack', slack.teamId);
  const team = await seedDashboardTeam(db.repos, workspace, {
    channelId: 'CSHOWN',
    people: ['UEMPLOYEE1', 'UE2', 'UE3', 'UE4', 'UE5', 'UE6'],
    managers: ['UMANAGER01'],
  });
  // Two teams under k whose distinct people (three) do not reach k together: "Other teams (2)" without figures.
  const poolA = await seedDashboardTeam(db.repos, workspace, { channelId: 'CPOOLA', people: ['UP1', 'UP2', 'UP3'] });
  const poolB = await seedDashboardTeam(db.repos, workspace, { channelId: 'CPOOLB', people: ['UP1', 'UP2'] });
  [shown, pooled] = [team.team, poolA.team];
  // The app runs on the machine's clock (or the run's libfaketime clock, which this process shares).
  const now = Date.now();
  const daysAgo = (n: number) => new Date(now - n * 86_400_000);
  // Recognition answered by 5 (k = 5): shown; growth by 4: under k; eNPS by 5: 3 promoters, 1 detractor (+40).
  await seedClosedRound(db.repos, shown, team.members, daysAgo(7), [6, 7, 8, 9, 10, null], {
    driverItems: ['driver:recognition-1', 'driver:growth-1'],
    enps: true,
    answers: {
      'driver:recognition-1': [8, 8, 9, 9, 10, null],
      'driver:growth-1': [2, 3, 4, 4, null, null],
      enps: [10, 10, 9, 5, 7, null],
    },
  });
  await seedClosedRound(db.repos, shown, team.members, daysAgo(14), [3, 3, null, null, null, null]);
  await seedClosedRound(db.repos, poolA.team, poolA.members, daysAgo(7), [2, 4, 6]);
  await seedClosedRound(db.repos, poolB.team, poolB.members, daysAgo(7), [8, 10]);

  const port = String(await freePort());
  app = await startApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-browser-test',
      SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
      SLACK_API_URL: slack.url,
      SLACK_CLIENT_ID: CLIENT.clientId,
      SLACK_CLIENT_SECRET: CLIENT.clientSecret,
      // Over http:// the dashboard's cookies are not Secure (routes.ts isSecure); production is https.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}b${randomBytes(3).toString('hex')}`,
      ANONYMITY_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      PORT: port,
    },
    'web',
  );
  userDataDir = mkdtempSync(join(tmpdir(), 'symmetry-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  const code = await app?.stop();
  await slack?.close();
  await db?.close();
  if (code !== undefined && code !== 0) console.error(`the app exited with ${code}:\n${app.output().slice(-3000)}`);
});

describe('the dashboard in Chromium', () => {
  test('an org admin signs in with Slack and sees the heatmap: under-k cells blank, the pooled teams unnamed', async () => {
    expect(await signIn('UADMIN0001', '/dashboard/org')).toBe(200);
    const rows = await page.$$eval('table tbody tr', (trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('th')?.textContent?.trim() ?? '',
        shown: [...tr.querySelectorAll('td')].map((td) =>
          [...td.childNodes]
            .filter(
              (n) => !(n as unknown as { classList?: { contains(c: string): boolean } }).classList?.contains('sr-only'),
            )
            .map((n) => n.textContent)
            .join('')
            .trim(),
        ),
      })),
    );
    // #CSHOWN's round asked eNPS, recognition (at k) and growth (under k); the pool shows no eNPS or driver.
    const dashes = (n: number) => Array<string>(n).fill('–');
    expect(rows).toEqual([
      { name: '#CSHOWN', shown: ['8.0', '83%', '+40', '8.8', ...dashes(7)] },
      { name: expect.stringContaining('(2)'), shown: ['–', '–', ...dashes(9)] },
    ]);
    const text = await page.textContent('body');
    expect(text).not.toContain('CPOOLA');
    expect(text).not.toContain('CPOOLB');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await screenshot('heatmap');
    expect(await seriousViolations()).toEqual([]);
  });

  test('from the heatmap the admin opens a team page: the round under k shows "–", the chart loads', async () => {
    await page.click(`a[href="/dashboard/teams/${shown.id}"]`);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/dashboard/teams/${shown.id}`);
    const rounds = await page.$$eval('table.rounds tbody tr', (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.querySelector('[aria-hidden]')?.textContent ?? td.textContent),
      ),
    );
    // Newest first: the round of five answers, then the round of two (under k: every figure withheld).
    expect(rounds.map((r) => r.slice(0, 2))).toEqual([
      ['8.0', '83%'],
      ['–', '–'],
    ]);
    const chartWidth = await page.$eval(
      'img.chart',
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth,
    );
    expect(chartWidth).toBeGreaterThan(0);
    const drivers = await page.$$eval('table.drivers tbody tr', (trs) =>
      trs
        .slice(0, 3)
        .map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => td.querySelector('[aria-hidden]')?.textContent ?? td.textContent),
        ),
    );
    // Recognition at k, growth under k (only the dash), wellbeing never asked.
    expect(drivers).toEqual([['8.8', 'First reading'], ['–', '–'], ['Not asked yet']]);
    await screenshot('team');
    expect(await seriousViolations()).toEqual([]);
  });

  test("the admin's own page opens", async () => {
    const res = await page.goto(`${app.url}/dashboard/me`);
    expect(res?.status()).toBe(200);
    expect(await page.textContent('h1')).toBeTruthy();
    await screenshot('me');
    expect(await seriousViolations()).toEqual([]);
  });

  test('an employee signed in gets 403 on a team page, with nothing of the team in it', async () => {
    expect(await signIn('UEMPLOYEE1', `/dashboard/teams/${shown.id}`)).toBe(403);
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toContain('CSHOWN');
    expect(text).not.toContain('8.0');
    await screenshot('employee-403');
    expect(await seriousViolations()).toEqual([]);
    const pool = await page.goto(`${app.url}/dashboard/teams/${pooled.id}`);
    expect(pool?.status()).toBe(403);
  });

  test('an admin whose Slack language is Arabic gets the heatmap right to left', async () => {
    expect(await signIn('UADMIN0001', '/dashboard/org', 'ar')).toBe(200);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await screenshot('heatmap-ar');
    expect(await seriousViolations()).toEqual([]);
  });
});
