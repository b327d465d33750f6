/**
 * The dashboard's pages over real HTTP: createDashboardRoutes with DASHBOARD_PAGES, the real repositories on
 * PostgreSQL and sessions in Redis. Each page checks the viewer's right on the server, refuses with nothing
 * shown, and records who opened which team's page.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Clock } from '../../src/core/clock';
import { respondentHash } from '../../src/core/anonymity';
import { MOOD_QUESTION_ID, type Team, type Workspace } from '../../src/core/model';
import { sealAddress } from '../../src/core/sealed-address';
import { DASHBOARD_ASSETS, DASHBOARD_PAGES } from '../../src/dashboard/pages';
import { createDashboardRoutes } from '../../src/dashboard/routes';
import {
  createRedisSessionStore,
  SESSION_COOKIE,
  type SessionData,
  type SessionStore,
} from '../../src/dashboard/session';
import { silentLogger } from '../support/checkin-team';
import { seedClosedRound, seedDashboardTeam, seedWorkspace, SEED_SECRET } from '../support/dashboard-seed';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { TEST_REDIS_URL, testQueuePrefix } from '../support/real-workers';

const NOW = new Date('2026-11-30T23:30:00.000Z');
const clock: Clock = { now: () => NOW };
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

let t: TestDatabase;
let redis: Redis;
let sessions: SessionStore;
let server: Server;
let base: string;
let wsA: Workspace;
let wsB: Workspace;
let shown: Team;
let quiet: Team;
let foreign: Team;

beforeAll(async () => {
  t = openTestDatabase();
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  sessions = createRedisSessionStore(redis, testQueuePrefix('dash'), 'x'.repeat(40), clock);
  const routes = createDashboardRoutes(
    {
      repos: t.repos,
      clock,
      logger: silentLogger,
      anonymitySecret: SEED_SECRET,
      sessions,
      publicUrl: 'http://127.0.0.1',
      signIn: [...DASHBOARD_ASSETS],
    },
    DASHBOARD_PAGES,
  );
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes.find(
      (r) => (typeof r.path === 'string' ? r.path === path : r.path.test(path)) && r.method === req.method,
    );
    if (route) return void route.handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  wsA = await seedWorkspace(t.repos);
  wsB = await seedWorkspace(t.repos);
  const a = await seedDashboardTeam(t.repos, wsA, {
    channelId: 'CSHOWN',
    people: ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'],
    managers: ['M1'],
  });
  const q = await seedDashboardTeam(t.repos, wsA, {
    channelId: 'CQUIET',
    people: ['Q1', 'Q2', 'Q3'],
    managers: ['M2'],
  });
  const f = await seedDashboardTeam(t.repos, wsB, { channelId: 'CFOREIGN', people: ['F1', 'F2', 'F3', 'F4', 'F5'] });
  [shown, quiet, foreign] = [a.team, q.team, f.team];
  await seedClosedRound(t.repos, shown, a.members, daysAgo(7), [6, 7, 8, 9, 10, null]);
  await seedClosedRound(t.repos, shown, a.members, daysAgo(14), [3, 3, null, null, null, null]);
  await seedClosedRound(t.repos, quiet, q.members, daysAgo(7), [9, 9, 9]);
  await seedClosedRound(t.repos, foreign, f.members, daysAgo(7), [1, 2, 3, 4, 5]);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await redis.quit();
  await t.close();
});

async function signIn(workspace: Workspace, userId: string, extra: Partial<SessionData> = {}): Promise<string> {
  const { cookie } = await sessions.create({
    workspaceId: workspace.id,
    platform: 'slack',
    userId,
    displayName: userId,
    locale: 'en',
    platformAdmin: false,
    framed: false,
    ...extra,
  });
  return `${SESSION_COOKIE}=${encodeURIComponent(cookie)}`;
}

/** A page without its random CSRF token (which can hold "83" by chance: a 403 page once failed that way). */
const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');

async function get(path: string, cookie: string) {
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()),
  };
}

describe('the organisation heatmap', () => {
  it('shows an org admin every team of their workspace, a round under k left out, a lone team under k not listed', async () => {
    const admin = await signIn(wsA, 'ADMIN', { platformAdmin: true });
    const page = await get('/dashboard/org', admin);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain(`<a href="/dashboard/teams/${shown.id}">#CSHOWN</a>`);
    // 6+7+8+9+10 over 5, 5 of 6: the round with two answers of 3 is not in it.
    expect(page.body).toContain('<td class="heat heat-3">8.0</td><td class="heat heat-4">83%</td>');
    expect(page.body).not.toContain('CQUIET');
    expect(page.body).not.toContain('CFOREIGN');
    const audit = await t.repos.dashboardAudit.list(wsA.id, 50);
    expect(audit).toContainEqual({ workspaceId: wsA.id, viewerUserId: 'ADMIN', teamId: null, view: 'org', at: NOW });
  });

  it('exports the same rows as CSV', async () => {
    const csv = await get('/dashboard/org.csv', await signIn(wsA, 'ADMIN', { platformAdmin: true }));
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    // eNPS and the eight drivers: no round asked them, nine empty cells.
    expect(csv.body).toBe(
      '\uFEFFTeam,Mood (1–10),Response rate,eNPS (−100 to +100),Recognition,Growth,Workload and wellbeing,' +
        'Relationship with the manager,Peers and collaboration,Alignment and purpose,Autonomy,Customer focus\r\n' +
        '#CSHOWN,8,0.8333333333333334,,,,,,,,,\r\n',
    );
  });

  it.each(['/dashboard/org', '/dashboard/org.csv'])(
    'refuses %s to a manager and to an employee, with nothing shown',
    async (path) => {
      for (const user of ['M1', 'E1']) {
        const res = await get(path, await signIn(wsA, user));
        expect(res.status).toBe(403);
        expect(withoutToken(res.body)).not.toMatch(/CSHOWN|8\.0|83/);
      }
    },
  );
});

describe("a team's page", () => {
  it("shows the team's manager its trend, rounds (a dash under k) and actions, and audits the visit", async () => {
    await t.repos.actions.add({ teamId: shown.id, text: 'Focus Fridays', createdBy: 'M1' });
    const page = await get(`/dashboard/teams/${shown.id}`, await signIn(wsA, 'M1'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Team #CSHOWN</h1>');
    expect(page.body).toContain('<td class="num">8.0</td><td class="num">83%</td>');
    expect(page.body).toMatch(/<tr><th scope="row">[^<]+<\/th><td class="num"><span aria-hidden="true">–/);
    expect(page.body).toContain('Focus Fridays');
    expect(page.body).toContain(`src="/dashboard/teams/${shown.id}/chart.svg"`);
    const audit = await t.repos.dashboardAudit.list(wsA.id, 50);
    expect(audit).toContainEqual({ workspaceId: wsA.id, viewerUserId: 'M1', teamId: shown.id, view: 'team', at: NOW });
  });

  it('draws its trend chart as SVG for those who may see it', async () => {
    const chart = await get(`/dashboard/teams/${shown.id}/chart.svg`, await signIn(wsA, 'M1'));
    expect(chart.status).toBe(200);
    expect(chart.type).toMatch(/^image\/svg\+xml/);
    expect(chart.body).toMatch(/^<svg/);
  });

  it.each(['', '.csv', '/chart.svg'])(
    'refuses %s to an employee, to the manager of another team and to an admin of another workspace, with nothing shown',
    async (suffix) => {
      const viewers = [
        await signIn(wsA, 'E1'),
        await signIn(wsA, 'M2'),
        await signIn(wsB, 'ADMIN', { platformAdmin: true }),
      ];
      for (const cookie of viewers) {
        const res = await get(`/dashboard/teams/${shown.id}${suffix}`, cookie);
        expect(res.status).toBe(403);
        expect(withoutToken(res.body)).not.toMatch(/CSHOWN|8\.0|83|<svg/);
      }
      const before = (await t.repos.dashboardAudit.list(wsA.id, 500)).filter((e) => e.teamId === shown.id).length;
      await get(`/dashboard/teams/${shown.id}${suffix}`, await signIn(wsA, 'E1'));
      const after = (await t.repos.dashboardAudit.list(wsA.id, 500)).filter((e) => e.teamId === shown.id).length;
      expect(after).toBe(before);
    },
  );

  it("refuses an admin of workspace B a team of workspace A's own id and B's page shows only B", async () => {
    const adminB = await signIn(wsB, 'ADMIN', { platformAdmin: true });
    expect((await get(`/dashboard/teams/${shown.id}`, adminB)).status).toBe(403);
    const own = await get(`/dashboard/teams/${foreign.id}`, adminB);
    expect(own.status).toBe(200);
    expect(own.body).toContain('#CFOREIGN');
  });

  it('answers 404 for a team id that is not an id', async () => {
    expect((await get('/dashboard/teams/not-a-uuid', await signIn(wsA, 'ADMIN', { platformAdmin: true }))).status).toBe(
      404,
    );
  });
});

describe("a team's drivers", () => {
  let drivers: Team;

  beforeAll(async () => {
    // A workspace of its own, so the heatmap's tests above see only theirs.
    const ws = await seedWorkspace(t.repos);
    const seeded = await seedDashboardTeam(t.repos, ws, {
      channelId: 'CDRIVERS',
      people: ['D1', 'D2', 'D3', 'D4', 'D5'],
      managers: ['MD'],
    });
    drivers = seeded.team;
    // Recognition answered by 5 (k = 5): shown. Growth by 4: under k. eNPS by 5: 3 promoters, 1 detractor.
    await seedClosedRound(t.repos, drivers, seeded.members, daysAgo(7), [7, 7, 7, 7, 7], {
      driverItems: ['driver:recognition-1', 'driver:growth-1'],
      enps: true,
      answers: {
        'driver:recognition-1': [8, 8, 9, 9, 10],
        'driver:growth-1': [2, 3, 4, 4, null],
        enps: [10, 10, 9, 5, 7],
      },
      // Two comments no manager answered (saved while the round is open: an answer after the close is refused).
      beforeClose: async (roundId, deliveries) => {
        for (const i of [0, 1]) {
          const member = seeded.members[i]!;
          const commentId = randomUUID();
          await t.repos.answers.saveComment({
            deliveryId: deliveries.find((d) => d.memberId === member.id)!.id,
            roundId,
            teamId: drivers.id,
            questionId: MOOD_QUESTION_ID,
            respondentHash: respondentHash(SEED_SECRET, roundId, member.id),
            comment: `secret comment ${i}`,
            at: daysAgo(8),
            commentId,
            authorSeal: sealAddress(SEED_SECRET, commentId, member.id),
          });
        }
      },
    });
    await t.repos.actions.add({ teamId: drivers.id, text: 'Quiet Wednesdays', createdBy: 'MD' });
    driversCookie = await signIn(ws, 'MD');
  });
  let driversCookie: string;

  it("shows a driver's score at k, only the dash for one under k, and eNPS, as /pulse drivers does", async () => {
    const page = await get(`/dashboard/teams/${drivers.id}`, driversCookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h2 id="drivers">Drivers</h2>');
    expect(page.body).toContain(
      '<tr><th scope="row">Recognition</th><td class="num">8.8</td><td class="num">First reading</td></tr>',
    );
    const growth = /<tr><th scope="row">Growth<\/th>(.*?)<\/tr>/.exec(page.body)?.[1];
    expect(growth).toBe(
      '<td class="num"><span aria-hidden="true">–</span><span class="sr-only">too few answers to show</span></td>'.repeat(
        2,
      ),
    );
    // Growth's mean under k (3.3) is nowhere on the page.
    expect(page.body).not.toMatch(/3\.[23]/);
    expect(page.body).toContain('eNPS <strong>+40</strong>');
  });

  it('puts the same drivers in the CSV: the score at k, an empty cell under k', async () => {
    const csv = await get(`/dashboard/teams/${drivers.id}.csv`, driversCookie);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('\r\nRecognition,8.8,\r\nGrowth,,\r\n');
    expect(csv.body).toContain('\r\neNPS (−100 to +100),40\r\n');
    expect(csv.body).not.toMatch(/3\.[23]/);
  });

  it("puts the page's actions and unanswered count in the CSV, never a comment's text", async () => {
    const page = await get(`/dashboard/teams/${drivers.id}`, driversCookie);
    expect(page.body).toContain('no manager has answered yet: 2');
    const csv = await get(`/dashboard/teams/${drivers.id}.csv`, driversCookie);
    expect(csv.body).toMatch(/\r\nAction,Status\r\nQuiet Wednesdays,"Open, since [^"]+"\r\n/);
    expect(csv.body).toMatch(/\r\nUnanswered comments,2\r\n$/);
    expect(csv.body).not.toContain('secret comment');
  });
});

describe('teams by their channel names', () => {
  let ws: Workspace;
  let named: Team;
  let marked: Team;
  let formula: Team;
  let admin: string;

  beforeAll(async () => {
    // A workspace of its own, so the heatmap's tests above see only theirs.
    ws = await seedWorkspace(t.repos);
    const seeded = await Promise.all(
      [
        { channelId: 'CNAMED', name: 'customer-care', managers: ['MN'] },
        { channelId: 'CMARKED', name: '<b>x</b>' },
        { channelId: 'CFORMULA', name: '=HYPERLINK("http://evil","y")' },
      ].map((team, i) =>
        seedDashboardTeam(t.repos, ws, { ...team, people: ['1', '2', '3', '4', '5'].map((p) => `N${i}${p}`) }),
      ),
    );
    [named, marked, formula] = seeded.map((x) => x.team) as [Team, Team, Team];
    for (const { team, members } of seeded) await seedClosedRound(t.repos, team, members, daysAgo(7), [7, 7, 7, 7, 7]);
    admin = await signIn(ws, 'ADMIN', { platformAdmin: true });
  });

  it('labels the heatmap rows #name, sorted by name, with a name that is HTML escaped', async () => {
    const page = await get('/dashboard/org', admin);
    expect(page.status).toBe(200);
    const rows = [...page.body.matchAll(/<th scope="row"><a href="\/dashboard\/teams\/([^"]+)">([^<]*)<\/a><\/th>/g)];
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      [marked.id, '#&lt;b&gt;x&lt;/b&gt;'],
      [formula.id, '#=HYPERLINK(&quot;http://evil&quot;,&quot;y&quot;)'],
      [named.id, '#customer-care'],
    ]);
    expect(page.body).not.toContain('<b>x</b>');
    expect(page.body).not.toMatch(/CNAMED|CMARKED|CFORMULA/);
  });

  it('heads the team page and its title with #name, escaped', async () => {
    const page = await get(`/dashboard/teams/${marked.id}`, admin);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Team #&lt;b&gt;x&lt;/b&gt;</h1>');
    expect(page.body).toContain('<title>Team #&lt;b&gt;x&lt;/b&gt; · ');
    expect(page.body).not.toContain('<b>x</b>');
    const own = await get(`/dashboard/teams/${named.id}`, await signIn(ws, 'MN'));
    expect(own.body).toContain('<h1>Team #customer-care</h1>');
    const me = await get('/dashboard/me', await signIn(ws, 'MN'));
    expect(me.body).toContain(`<a href="/dashboard/teams/${named.id}">Team #customer-care</a>`);
  });

  it('writes #name in the CSV, so that no name is read as a formula; a team export is named after its team', async () => {
    const csv = await get('/dashboard/org.csv', admin);
    const labels = csv.body
      .split('\r\n')
      .slice(1, -1)
      .map((line) => /^("(?:[^"]|"")*"|[^,]*)/.exec(line)![1]);
    expect(labels).toEqual(['#<b>x</b>', '"#=HYPERLINK(""http://evil"",""y"")"', '#customer-care']);
    const res = await fetch(`${base}/dashboard/teams/${named.id}.csv`, { headers: { cookie: admin } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="symmetry-team-customer-care.csv"');
    const plain = await fetch(`${base}/dashboard/teams/${shown.id}.csv`, {
      headers: { cookie: await signIn(wsA, 'M1') },
    });
    expect(plain.headers.get('content-disposition')).toBe('attachment; filename="symmetry-team-CSHOWN.csv"');
  });
});

describe('my page', () => {
  it("shows a person their own answers and nobody else's, and the kudos they received", async () => {
    await t.repos.kudos.give({
      workspaceId: wsA.id,
      giver: 'E2',
      recipient: 'E5',
      sourceKey: 'cmd:dash',
      shoutoutKey: 'cmd:dash',
      emoji: null,
      reason: 'untangled the release',
      values: [],
      tags: [],
      giverDate: '2026-11-29',
      givenAt: daysAgo(1),
      limit: 10,
    });
    const page = await get('/dashboard/me', await signIn(wsA, 'E5'));
    expect(page.status).toBe(200);
    // E5 answered 10 in the round that met k; nobody else's score is on the page.
    expect(page.body).toMatch(/<td class="num">10<\/td>/);
    expect(page.body).not.toMatch(/<td class="num">(6|7|8|9)<\/td>/);
    expect(page.body).toContain('untangled the release');
    const csv = await get('/dashboard/me.csv', await signIn(wsA, 'E5'));
    expect(csv.body).toContain('E2,untangled the release');
  });

  it('links a manager to the team they manage, and to no other team', async () => {
    const page = await get('/dashboard/me', await signIn(wsA, 'M1'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h2 id="teams">Teams I manage</h2>');
    expect(page.body).toContain(`<a href="/dashboard/teams/${shown.id}">Team #CSHOWN</a>`);
    expect(page.body).not.toContain(quiet.id);
    expect(page.body).not.toContain('CQUIET');
    expect(page.body).not.toContain(foreign.id);
    // Someone who manages no team sees no such list.
    expect((await get('/dashboard/me', await signIn(wsA, 'E1'))).body).not.toContain('id="teams"');
  });

  it('speaks Arabic right to left', async () => {
    const page = await get('/dashboard/me', await signIn(wsA, 'E5', { locale: 'ar' }));
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('صفحتي');
  });
});

describe('plumbing', () => {
  it('serves the stylesheet and sends / to the page the viewer may see', async () => {
    const admin = await signIn(wsA, 'ADMIN', { platformAdmin: true });
    const css = await get('/dashboard/static/dashboard.css', admin);
    expect(css.type).toMatch(/^text\/css/);
    expect(css.body).toContain('.heat-4');
    const home = await fetch(`${base}/dashboard`, { headers: { cookie: admin }, redirect: 'manual' });
    expect(home.headers.get('location')).toBe('/dashboard/org');
    const employee = await fetch(`${base}/dashboard/`, {
      headers: { cookie: await signIn(wsA, 'E1') },
      redirect: 'manual',
    });
    expect(employee.headers.get('location')).toBe('/dashboard/me');
  });

  it('sends the manager of one team from / to its page, the manager of several to /me, which lists them', async () => {
    const one = await fetch(`${base}/dashboard/`, { headers: { cookie: await signIn(wsA, 'M1') }, redirect: 'manual' });
    expect(one.headers.get('location')).toBe(`/dashboard/teams/${shown.id}`);
    // A second team (no round: the heatmap above never lists it) makes M2 the manager of two.
    const second = await seedDashboardTeam(t.repos, wsA, { channelId: 'CSECOND', people: ['S1'], managers: ['M2'] });
    const cookie = await signIn(wsA, 'M2');
    const several = await fetch(`${base}/dashboard/`, { headers: { cookie }, redirect: 'manual' });
    expect(several.headers.get('location')).toBe('/dashboard/me');
    const me = await get('/dashboard/me', cookie);
    expect(me.body).toContain(`<a href="/dashboard/teams/${quiet.id}">Team #CQUIET</a>`);
    expect(me.body).toContain(`<a href="/dashboard/teams/${second.team.id}">Team #CSECOND</a>`);
    expect(me.body).not.toContain(shown.id);
  });
});
