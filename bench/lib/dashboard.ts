/**
 * The org heatmap as an org admin opens it (issue #19): the built web process with the dashboard on, an
 * admin signed in through Sign in with Slack over HTTP (the app's `/dashboard/auth/slack`, the fake Slack's
 * OpenID authorize page and token endpoint, the app's callback: the session is the one the real sign-in
 * makes), then GET /dashboard/org (the full HTML page) timed beside GET /dashboard/static/dashboard.css
 * (a static answer of the same process, no session, no database), taken in turn A, B, A, B so a busy
 * moment of the machine falls on both alike.
 */
import { rememberCookies } from '../../test/support/cookie-jar';
import { percentiles, type Percentiles } from './stats';
import type { SummaryShape } from './summary';

/** 200 teams, 1,000,000 responses; the first 10 teams have 3 answers a round (under k = 5): pooled as "Other teams". */
export const DASHBOARD_SHAPE: SummaryShape = {
  teams: 200,
  roundsPerTeam: 52,
  teamSize: 110,
  responses: 1_000_000,
  smallTeams: 10,
  smallRespondents: 3,
};

export const DASHBOARD_ADMIN = 'UDASHADMIN';

export interface DashboardTimings {
  heatmap: Percentiles;
  stylesheet: Percentiles;
  /** Bytes of one heatmap page. */
  heatmapBytes: number;
  runs: number;
}

/** A cookie jar over fetch that does not follow redirects. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<Response> {
    const cookie = this.header();
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    rememberCookies(this.cookies, res.headers.getSetCookie());
    return res;
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

async function redirectOf(res: Response, step: string): Promise<string> {
  const location = res.headers.get('location');
  if ((res.status !== 302 && res.status !== 303) || !location) {
    throw new Error(`sign-in: ${step} answered ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  return location;
}

/**
 * Signs `userId` in with Slack through the app and the fake Slack's OpenID provider (the caller has
 * told the fake who approves, `slack.openid.signInAs`); returns the Cookie header of the session.
 */
export async function signInOverHttp(webUrl: string): Promise<string> {
  const jar = new CookieJar();
  const authorize = await redirectOf(await jar.get(`${webUrl}/dashboard/auth/slack?next=%2Fdashboard%2Forg`), 'start');
  const callback = new URL(await redirectOf(await fetch(authorize, { redirect: 'manual' }), 'authorize'));
  await redirectOf(await jar.get(`${webUrl}${callback.pathname}${callback.search}`), 'callback');
  if (!jar.has('symmetry_session')) throw new Error('sign-in: the callback set no session cookie');
  return jar.header();
}

/** What must be on the heatmap: a team at or above k links to its page; the teams under k are pooled, not listed. */
export interface HeatmapCheck {
  knownTeamId: string;
  pooledTeamId: string;
  otherTeamsLabel: string;
}

/** Throws unless `html` is the org heatmap with the known team, the pooled row, and no link to a team under k. */
export function assertHeatmap(status: number, html: string, check: HeatmapCheck): void {
  const problem =
    status !== 200
      ? `answered ${status}`
      : !html.includes(`/dashboard/teams/${check.knownTeamId}"`)
        ? `has no row for team ${check.knownTeamId}`
        : !html.includes(check.otherTeamsLabel)
          ? `has no "${check.otherTeamsLabel}" row (the teams under k)`
          : html.includes(`/dashboard/teams/${check.pooledTeamId}"`)
            ? `links team ${check.pooledTeamId}, which is under k`
            : undefined;
  if (problem) throw new Error(`GET /dashboard/org ${problem}: ${html.slice(0, 300)}`);
}

/** `runs` heatmaps and `runs` stylesheets, in turn, after `warmup` of each; any wrong answer stops the run. */
export async function timeDashboard(
  webUrl: string,
  cookie: string,
  check: HeatmapCheck,
  runs: number,
  warmup = 20,
): Promise<DashboardTimings> {
  const heatmapMs: number[] = [];
  const stylesheetMs: number[] = [];
  let heatmapBytes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    let sent = performance.now();
    const page = await fetch(`${webUrl}/dashboard/org`, { headers: { cookie }, redirect: 'manual' });
    const html = await page.text();
    const pageMs = performance.now() - sent;
    assertHeatmap(page.status, html, check);
    heatmapBytes = Buffer.byteLength(html);
    sent = performance.now();
    const css = await fetch(`${webUrl}/dashboard/static/dashboard.css`);
    const body = await css.text();
    const cssMs = performance.now() - sent;
    if (css.status !== 200 || body.length === 0)
      throw new Error(`GET /dashboard/static/dashboard.css answered ${css.status}`);
    if (i < warmup) continue;
    heatmapMs.push(pageMs);
    stylesheetMs.push(cssMs);
  }
  return { heatmap: percentiles(heatmapMs), stylesheet: percentiles(stylesheetMs), heatmapBytes, runs };
}
