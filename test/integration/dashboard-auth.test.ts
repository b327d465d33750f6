/**
 * The dashboard's sign-in, sessions and access checks, through the real web process (startWeb) over HTTP:
 * Sign in with Slack against the fake Slack's OpenID provider, the Teams tab's SSO token against a fake Entra ID,
 * and every refusal the issue lists (forged or replayed state, wrong nonce, expired session, tampered cookie,
 * CSRF-less POST, another workspace's team, an employee on a team page, too many attempts), each showing nothing.
 * The pages here are probes written for the test; the real pages (src/dashboard/pages) use the same checks.
 */
import { rememberCookies } from '../support/cookie-jar';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ManualClock } from '../../src/core/clock';
import { DEFAULT_TEAM_SETTINGS, type Team, type Workspace } from '../../src/core/model';
import { loadConfig } from '../../src/config';
import { auditTeamView, canViewTeam } from '../../src/dashboard/access';
import { LOGIN_WINDOW_SECONDS, LOGIN_ATTEMPTS } from '../../src/dashboard/auth/rate-limit';
import { refuse, type DashboardPage } from '../../src/dashboard/routes';
import { SESSION_IDLE_MS } from '../../src/dashboard/session';
import { createLogger } from '../../src/main/logger';
import { startWeb, type Running } from '../../src/main/web';
import { freePort } from '../support/app-process';
import { startFakeEntra, type FakeEntra } from '../support/fake-entra';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { openTestDatabase, type TestDatabase } from '../support/db';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const TEAMS_APP_ID = '22222222-3333-4444-8555-666666666666';
const CLIENT = { clientId: '1234567890.9876543210', clientSecret: randomBytes(16).toString('hex') };
const SECRET_TEXT = 'TEAM-PAGE-CONTENT';

/** Everything a probe page did, so a refused request can be shown to have changed nothing. */
const effects: string[] = [];
const send = (res: ServerResponse, text: string) => res.writeHead(200, { 'content-type': 'text/plain' }).end(text);

/** Probe pages: a team page behind canViewTeam, the home page, and a state-changing POST. */
const probes: DashboardPage[] = [
  {
    path: /\/teams\/(?<teamId>[^/]+)/,
    method: 'GET',
    async handle(_req, res, ctx) {
      const teamId = ctx.params.teamId!;
      if (!(await canViewTeam(ctx.deps.repos, ctx.viewer, teamId)))
        return refuse(res, 403, ctx.viewer.locale, 'dashboard.error.forbidden');
      await auditTeamView(ctx.deps.repos, ctx.deps.clock, ctx.viewer, teamId, 'team');
      send(res, `${SECRET_TEXT} ${teamId}`);
    },
  },
  {
    path: '/',
    method: 'GET',
    async handle(_req, res, ctx) {
      send(res, `HOME ${ctx.viewer.userId} admin=${ctx.viewer.isOrgAdmin} csrf=${ctx.viewer.csrfToken}`);
    },
  },
  {
    path: '/echo',
    method: 'POST',
    async handle(_req, res, ctx) {
      effects.push(`${ctx.viewer.userId}:${ctx.form.get('value')}`);
      send(res, 'POSTED');
    },
  },
];

let db: TestDatabase;
let slack: FakeSlack;
let entra: FakeEntra;
let web: Running;
let base: string;
let clock: ManualClock;
let workspaceA: Workspace;
let teamA1: Team;
let teamA2: Team;
let teamB: Team;

/** A browser: a cookie jar over fetch, redirects not followed (each hop is asserted). */
class Browser {
  readonly cookies = new Map<string, string>();
  setCookies: string[] = [];

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${base}${path}`;
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    this.setCookies = res.headers.getSetCookie();
    rememberCookies(this.cookies, this.setCookies);
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }
}

/** Starts Sign in with Slack; returns the fake's authorize URL the app sent the browser to. */
async function startSlackSignIn(browser: Browser, next = '/dashboard'): Promise<URL> {
  const res = await browser.get(`/dashboard/auth/slack?next=${encodeURIComponent(next)}`);
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

/** The fake Slack approves the authorize request; returns the callback path it sends the browser back to. */
async function approve(authorize: URL): Promise<string> {
  const res = await fetch(authorize, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  return back.pathname + back.search;
}

/** A whole Sign in with Slack as `userId` (of `teamId`, default workspace A); returns the callback's answer. */
async function signInWithSlack(browser: Browser, userId: string, teamId?: string, next?: string): Promise<Response> {
  slack.openid.signInAs({ userId, ...(teamId ? { teamId } : {}), name: `Person ${userId}` });
  return browser.get(await approve(await startSlackSignIn(browser, next)));
}

const seconds = () => Math.floor(clock.now().getTime() / 1000);

beforeAll(async () => {
  db = openTestDatabase();
  clock = new ManualClock(new Date());
  slack = await startFakeSlack();
  slack.openid.configure(CLIENT);
  slack.openid.useClock(seconds);
  slack.addUser({ id: 'UADMIN0001', isAdmin: true });
  slack.addUser({ id: 'UOWNER0001', isOwner: true });
  slack.addUser({ id: 'UMANAGER01' });
  slack.addUser({ id: 'UEMPLOYEE1' });
  slack.addUser({ id: 'UNAMED0001' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  entra = await startFakeEntra(`api://127.0.0.1:${port}/${TEAMS_APP_ID}`);

  workspaceA = await db.repos.workspaces.ensure('slack', slack.teamId);
  const workspaceB = await db.repos.workspaces.ensure('slack', `TB${randomBytes(4).toString('hex').toUpperCase()}`);
  await db.repos.workspaces.ensure('teams', TENANT);
  const team = (workspaceId: string, channelId: string, managers: string[]) =>
    db.repos.teams.ensure({ workspaceId, channelId, managers, settings: DEFAULT_TEAM_SETTINGS }).then((t) => t.team);
  teamA1 = await team(workspaceA.id, 'CTEAMA1', ['UMANAGER01']);
  teamA2 = await team(workspaceA.id, 'CTEAMA2', ['USOMEONE01']);
  teamB = await team(workspaceB.id, 'CTEAMB1', ['UMANAGER01']);
  await db.repos.orgAdmins.add(workspaceA.id, ['UNAMED0001'], 'UADMIN0001');

  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-dashboard-test',
    SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
    SLACK_API_URL: slack.url,
    SLACK_CLIENT_ID: CLIENT.clientId,
    SLACK_CLIENT_SECRET: CLIENT.clientSecret,
    TEAMS_APP_ID,
    TEAMS_TENANT_ID: TENANT,
    TEAMS_APP_PASSWORD: randomBytes(16).toString('hex'),
    ENTRA_AUTHORITY_URL: entra.url,
    PUBLIC_URL: base,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}dash${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    LOG_LEVEL: 'silent',
  });
  web = await startWeb(config, createLogger('silent', 'web'), { clock, dashboardPages: probes });
});

afterAll(async () => {
  await web?.stop();
  await slack?.close();
  await entra?.close();
  await db?.close();
});

// Each test starts in a fresh rate-limit window (the limiter counts in windows of the injected clock).
beforeEach(() => clock.advance(LOGIN_WINDOW_SECONDS * 1000));

describe('Sign in with Slack', () => {
  test('signs an org admin in: state and nonce go to Slack, the session cookie is signed, HttpOnly, SameSite', async () => {
    const browser = new Browser();
    const authorize = await startSlackSignIn(browser, `/dashboard/teams/${teamA1.id}`);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${new URL(slack.url).origin}/openid/connect/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      scope: 'openid profile email',
      client_id: CLIENT.clientId,
      redirect_uri: `${base}/dashboard/auth/slack/callback`,
      state: expect.stringMatching(/^[\w-]{32}$/),
      nonce: expect.stringMatching(/^[\w-]{32}$/),
    });
    expect(browser.setCookies.find((c) => c.startsWith('symmetry_login='))).toMatch(/HttpOnly; .*SameSite=Lax/);

    slack.openid.signInAs({ userId: 'UADMIN0001', name: 'Ada Admin', locale: 'fr-FR' });
    const done = await browser.get(await approve(authorize));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/dashboard/teams/${teamA1.id}`);
    const session = browser.setCookies.find((c) => c.startsWith('symmetry_session='))!;
    expect(session).toMatch(/^symmetry_session=[\w-]{32}\.[\w-]{43}; Path=\/; HttpOnly; Max-Age=86400; SameSite=Lax$/);
    expect(slack.callsTo('openid.connect.token')).toHaveLength(1);
    expect(slack.callsTo('openid.connect.userInfo')).toHaveLength(1);

    const home = await browser.get('/dashboard');
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/^HOME UADMIN0001 admin=true/);
    const page = await browser.get(`/dashboard/teams/${teamA2.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(`${SECRET_TEXT} ${teamA2.id}`);
  });

  test('every dashboard answer carries the security headers: CSP without inline script, framing by Teams only', async () => {
    const res = await new Browser().get('/dashboard/login');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('href="/dashboard/auth/slack"');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
  });

  test('without a session a page sends the browser to the login page, and shows nothing', async () => {
    const res = await new Browser().get(`/dashboard/teams/${teamA1.id}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/dashboard/login?next=${encodeURIComponent(`/dashboard/teams/${teamA1.id}`)}`,
    );
    expect(await res.text()).not.toContain(SECRET_TEXT);
  });

  test('a forged state is refused and signs nobody in', async () => {
    const browser = new Browser();
    const authorize = await startSlackSignIn(browser);
    authorize.searchParams.set('state', randomBytes(24).toString('base64url'));
    slack.openid.signInAs({ userId: 'UADMIN0001' });
    const res = await browser.get(await approve(authorize));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('expired or was already used');
    expect(browser.cookies.has('symmetry_session')).toBe(false);
    expect((await browser.get('/dashboard')).status).toBe(303);
  });

  test('a replayed state is refused: the first callback spent it', async () => {
    const browser = new Browser();
    const authorize = await startSlackSignIn(browser);
    slack.openid.signInAs({ userId: 'UADMIN0001' });
    const callback = await approve(authorize);
    const login = browser.cookies.get('symmetry_login')!;
    expect((await browser.get(callback)).status).toBe(303);

    const attacker = new Browser();
    attacker.cookies.set('symmetry_login', login);
    const replay = await attacker.get(callback);
    expect(replay.status).toBe(400);
    expect(attacker.cookies.has('symmetry_session')).toBe(false);
  });

  test("a state started in another browser is refused (it is bound to the starter's pre-login cookie)", async () => {
    const victim = new Browser();
    await startSlackSignIn(victim); // gives the victim a pre-login cookie of their own
    const attacker = new Browser();
    const authorize = await startSlackSignIn(attacker);
    slack.openid.signInAs({ userId: 'UEMPLOYEE1' });
    const res = await victim.get(await approve(authorize));
    expect(res.status).toBe(400);
    expect(victim.cookies.has('symmetry_session')).toBe(false);
  });

  test('an id_token with another nonce than the one this sign-in sent is refused', async () => {
    const browser = new Browser();
    const authorize = await startSlackSignIn(browser);
    authorize.searchParams.set('nonce', 'a-nonce-the-app-never-made-000000');
    slack.openid.signInAs({ userId: 'UADMIN0001' });
    const res = await browser.get(await approve(authorize));
    expect(res.status).toBe(401);
    expect(browser.cookies.has('symmetry_session')).toBe(false);
  });

  test('a person of a workspace this deployment does not serve is refused', async () => {
    const browser = new Browser();
    const res = await signInWithSlack(browser, 'USTRANGER1', 'TNOTSERVED');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('does not use this Symmetry installation');
    expect(browser.cookies.has('symmetry_session')).toBe(false);
  });

  test('cancelling at Slack signs nobody in', async () => {
    const browser = new Browser();
    const authorize = await startSlackSignIn(browser);
    slack.openid.signInAs(null);
    const res = await browser.get(await approve(authorize));
    expect(res.status).toBe(401);
    expect(browser.cookies.has('symmetry_session')).toBe(false);
  });

  test('too many sign-in attempts from one address get 429 with Retry-After, and the next window lets them in', async () => {
    const browser = new Browser();
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) expect((await browser.get('/dashboard/auth/slack')).status).toBe(302);
    const limited = await browser.get('/dashboard/auth/slack');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('location')).toBeNull();
    clock.advance(LOGIN_WINDOW_SECONDS * 1000);
    expect((await browser.get('/dashboard/auth/slack')).status).toBe(302);
  });
});

describe('sessions', () => {
  test('a tampered session cookie is refused: nothing shown, back to the login page', async () => {
    const browser = new Browser();
    expect((await signInWithSlack(browser, 'UADMIN0001')).status).toBe(303);
    const cookie = browser.cookies.get('symmetry_session')!;
    const [id, signature] = cookie.split('.') as [string, string];
    const flipped = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${signature}`;
    for (const forged of [flipped, id, `${id}.${'A'.repeat(43)}`]) {
      browser.cookies.set('symmetry_session', forged);
      const res = await browser.get(`/dashboard/teams/${teamA1.id}`);
      expect(res.status).toBe(303);
      expect(await res.text()).not.toContain(SECRET_TEXT);
    }
    browser.cookies.set('symmetry_session', cookie);
    expect((await browser.get(`/dashboard/teams/${teamA1.id}`)).status).toBe(200);
  });

  test('a session idle longer than 8 hours has ended; one in use lasts, up to 24 hours', async () => {
    const idle = new Browser();
    expect((await signInWithSlack(idle, 'UADMIN0001')).status).toBe(303);
    const busy = new Browser();
    expect((await signInWithSlack(busy, 'UADMIN0001')).status).toBe(303);
    // Used every 7 hours: alive at 7, 14 and 21 hours; the idle one ended after 8.
    for (let i = 0; i < 3; i++) {
      clock.advance(7 * 60 * 60 * 1000);
      expect((await busy.get('/dashboard')).status).toBe(200);
    }
    expect(SESSION_IDLE_MS).toBeLessThan(21 * 60 * 60 * 1000);
    const expired = await idle.get(`/dashboard/teams/${teamA1.id}`);
    expect(expired.status).toBe(303);
    expect(await expired.text()).not.toContain(SECRET_TEXT);
    // 25 hours after sign-in, seen 4 hours ago: past the absolute limit of 24 hours.
    clock.advance(4 * 60 * 60 * 1000);
    expect((await busy.get('/dashboard')).status).toBe(303);
  });

  test('logout (a POST with the CSRF token) ends the session on the server: the old cookie no longer works', async () => {
    const browser = new Browser();
    expect((await signInWithSlack(browser, 'UADMIN0001')).status).toBe(303);
    const stolen = browser.cookies.get('symmetry_session')!;
    const csrf = /csrf=(\S+)/.exec(await (await browser.get('/dashboard')).text())![1]!;
    const out = await browser.post('/dashboard/logout', { _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/dashboard/login?signed-out');
    expect(browser.cookies.has('symmetry_session')).toBe(false);
    const replay = new Browser();
    replay.cookies.set('symmetry_session', stolen);
    expect((await replay.get('/dashboard')).status).toBe(303);
  });

  test('a POST without the CSRF token, with a wrong one, or from another origin is refused and changes nothing', async () => {
    const browser = new Browser();
    expect((await signInWithSlack(browser, 'UADMIN0001')).status).toBe(303);
    const csrf = /csrf=(\S+)/.exec(await (await browser.get('/dashboard')).text())![1]!;
    const before = effects.length;
    expect((await browser.post('/dashboard/echo', { value: 'none' })).status).toBe(403);
    expect((await browser.post('/dashboard/echo', { value: 'wrong', _csrf: `${csrf.slice(1)}x` })).status).toBe(403);
    expect(
      (await browser.post('/dashboard/echo', { value: 'foreign', _csrf: csrf }, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    expect((await browser.post('/dashboard/logout', {})).status).toBe(403);
    expect(effects.length).toBe(before);
    expect((await browser.get('/dashboard')).status).toBe(200);

    const ok = await browser.post('/dashboard/echo', { value: 'fine', _csrf: csrf }, { origin: base });
    expect(ok.status).toBe(200);
    expect(effects.slice(before)).toEqual(['UADMIN0001:fine']);
    const viaHeader = await browser.post('/dashboard/echo', { value: 'header' }, { 'x-csrf-token': csrf });
    expect(viaHeader.status).toBe(200);
  });

  test('a POST without a session is refused with 401', async () => {
    const res = await new Browser().post('/dashboard/echo', { value: 'x' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Sign in again');
  });
});

describe('roles', () => {
  test('an org admin of workspace A asking for a team of workspace B gets 403 and nothing of it', async () => {
    const browser = new Browser();
    expect((await signInWithSlack(browser, 'UADMIN0001')).status).toBe(303);
    const res = await browser.get(`/dashboard/teams/${teamB.id}`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(SECRET_TEXT);
    // UMANAGER01 manages a team called the same in B: being its manager in A gives nothing in B either.
    const manager = new Browser();
    expect((await signInWithSlack(manager, 'UMANAGER01')).status).toBe(303);
    expect((await manager.get(`/dashboard/teams/${teamB.id}`)).status).toBe(403);
  });

  test('an employee asking for a team page gets 403; a manager sees their team only; owners and named admins all', async () => {
    const employee = new Browser();
    expect((await signInWithSlack(employee, 'UEMPLOYEE1')).status).toBe(303);
    expect(await (await employee.get('/dashboard')).text()).toMatch(/admin=false/);
    const refused = await employee.get(`/dashboard/teams/${teamA1.id}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(SECRET_TEXT);

    const manager = new Browser();
    expect((await signInWithSlack(manager, 'UMANAGER01')).status).toBe(303);
    expect((await manager.get(`/dashboard/teams/${teamA1.id}`)).status).toBe(200);
    expect((await manager.get(`/dashboard/teams/${teamA2.id}`)).status).toBe(403);
    expect((await manager.get('/dashboard/teams/not-a-team')).status).toBe(403);

    for (const userId of ['UOWNER0001', 'UNAMED0001']) {
      const admin = new Browser();
      expect((await signInWithSlack(admin, userId)).status).toBe(303);
      expect((await admin.get(`/dashboard/teams/${teamA2.id}`)).status).toBe(200);
    }
  });

  test('a named org admin removed from the list loses every team at once, in the session they already have', async () => {
    await db.repos.orgAdmins.add(workspaceA.id, ['UEMPLOYEE1'], 'UADMIN0001');
    const browser = new Browser();
    expect((await signInWithSlack(browser, 'UEMPLOYEE1')).status).toBe(303);
    expect((await browser.get(`/dashboard/teams/${teamA2.id}`)).status).toBe(200);
    await db.repos.orgAdmins.remove(workspaceA.id, ['UEMPLOYEE1']);
    expect((await browser.get(`/dashboard/teams/${teamA2.id}`)).status).toBe(403);
  });

  test('opening a team page leaves an audit record of who and which team, and nothing of what it showed', async () => {
    const browser = new Browser();
    expect((await signInWithSlack(browser, 'UMANAGER01')).status).toBe(303);
    const at = clock.now();
    expect((await browser.get(`/dashboard/teams/${teamA1.id}`)).status).toBe(200);
    const [latest] = await db.repos.dashboardAudit.list(workspaceA.id, 1);
    expect(latest).toEqual({
      workspaceId: workspaceA.id,
      viewerUserId: 'UMANAGER01',
      teamId: teamA1.id,
      view: 'team',
      at,
    });
    // A refused request is not recorded as a view.
    expect((await browser.get(`/dashboard/teams/${teamA2.id}`)).status).toBe(403);
    expect((await db.repos.dashboardAudit.list(workspaceA.id, 1))[0]).toEqual(latest);
  });
});

describe('the Teams tab', () => {
  const audience = () => `api://${new URL(base).host}/${TEAMS_APP_ID}`;
  const postToken = (browser: Browser, token: string) =>
    browser.request('/dashboard/auth/teams', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, next: '/dashboard' }),
    });

  test('the tab page loads only served scripts: the Teams JS SDK and the one that posts the token', async () => {
    const browser = new Browser();
    const res = await browser.get('/dashboard/auth/teams');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script src="/dashboard/static/teams-js.js" defer>',
      '<script src="/dashboard/static/teams-tab.js" defer>',
    ]);
    const sdk = await browser.get('/dashboard/static/teams-js.js');
    expect(sdk.status).toBe(200);
    expect(await sdk.text()).toContain('getAuthToken');
    expect(await (await browser.get('/dashboard/static/teams-tab.js')).text()).toContain(
      "fetch('/dashboard/auth/teams'",
    );
  });

  test('a valid SSO token signs the person in, by the Teams id the bot knows them by, in a cookie the iframe gets', async () => {
    const workspace = (await db.repos.workspaces.findByExternalId('teams', TENANT))!;
    const oid = '0f0f0f0f-1111-4222-8333-444444444444';
    await db.repos.conversations.saveContact({
      workspaceId: workspace.id,
      userId: '29:teams-user',
      directoryId: oid,
      timezone: null,
      locale: 'sv-SE',
    });
    const browser = new Browser();
    const res = await postToken(browser, entra.token(TENANT, { oid, name: 'Tove' }, { nowSeconds: seconds() }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ next: '/dashboard' });
    expect(browser.setCookies.find((c) => c.startsWith('symmetry_session='))).toMatch(/SameSite=None; Secure$/);
    expect(await (await browser.get('/dashboard')).text()).toMatch(/^HOME 29:teams-user admin=false/);
  });

  test.each([
    ['another tenant', () => entra.token(OTHER_TENANT, { tid: OTHER_TENANT }, { nowSeconds: seconds() })],
    [
      "this tenant's id in another tenant's token",
      () => entra.token(OTHER_TENANT, { tid: TENANT }, { nowSeconds: seconds() }),
    ],
    ['another audience', () => entra.token(TENANT, { aud: 'api://elsewhere/app' }, { nowSeconds: seconds() })],
    ['an expired token', () => entra.token(TENANT, {}, { nowSeconds: seconds() - 7200 })],
    ['a key Entra ID never published', () => entra.token(TENANT, {}, { nowSeconds: seconds(), unpublishedKey: true })],
    [
      'a token with its payload changed',
      () => {
        const [head, , sig] = entra.token(TENANT, {}, { nowSeconds: seconds() }).split('.');
        const body = Buffer.from(
          JSON.stringify({ aud: audience(), tid: TENANT, oid: 'x', exp: seconds() + 60 }),
        ).toString('base64url');
        return `${head}.${body}.${sig}`;
      },
    ],
  ])('%s is refused with 401 and no session', async (_name, token) => {
    const browser = new Browser();
    const res = await postToken(browser, token());
    expect(res.status).toBe(401);
    expect(browser.cookies.has('symmetry_session')).toBe(false);
  });

  test('a token sent as a form (a cross-site form post could) is refused', async () => {
    const browser = new Browser();
    const res = await browser.post('/dashboard/auth/teams', {
      token: entra.token(TENANT, {}, { nowSeconds: seconds() }),
    });
    expect(res.status).toBe(400);
    expect(browser.cookies.has('symmetry_session')).toBe(false);
  });
});
