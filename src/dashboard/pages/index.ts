/**
 * Every page of the dashboard, in one list the web process hands to createDashboardRoutes. Each page checks
 * the viewer's right to what it shows on the server (../access), records who opened which team's page
 * (never what it showed), reads through the query layer (k already applied) and renders.
 */
import type { ServerResponse } from 'node:http';
import { teamLabel } from '../../core/channel-name';
import { translate, type MessageKey } from '../../core/i18n';
import type { Team } from '../../core/model';
import { listManagedTeams, loadMyPage, loadTeamPage } from '../../core/use-cases/dashboard';
import { renderSymmetryChartSvg } from '../../platforms/charts/symmetry-chart';
import { auditTeamView, canViewOrg, canViewTeam } from '../access';
import type { DashboardPage, PageContext, PublicRoute } from '../routes';
import { staticAsset } from '../static';
import { heatmapCsv, renderHeatmap } from './heatmap-page';
import { DASHBOARD_BASE, renderPage, renderRefusal, type Section } from './html';
import { myPageCsv, renderMyPage } from './my-page';
import { DASHBOARD_CSS } from './stylesheet';
import { renderTeamPage, teamCsv } from './team-page';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

function sendCsv(res: ServerResponse, name: string, csv: string): void {
  res
    .writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    })
    .end(csv);
}

/** A team export's file name: its name's ASCII letters, digits and dashes (the header stays plain ASCII), else its channel id's. */
function teamCsvName(team: Team): string {
  const ascii = (text: string) => text.replace(/\s+/g, '-').replace(/[^\w-]/g, '');
  return `symmetry-team-${ascii(team.name ?? '') || ascii(team.channelId)}.csv`;
}

function refuse(res: ServerResponse, ctx: PageContext, status: 403 | 404, key: MessageKey): void {
  sendHtml(res, status, renderRefusal(ctx.viewer.locale, key, ctx.viewer));
}

function page(res: ServerResponse, ctx: PageContext, section: Section, title: string, body: string): void {
  const { viewer } = ctx;
  sendHtml(
    res,
    200,
    renderPage({
      locale: viewer.locale,
      title,
      section,
      isOrgAdmin: viewer.isOrgAdmin,
      csrfToken: viewer.csrfToken,
      body,
    }),
  );
}

/** The team a page is about, when the viewer may see it (org admin of its workspace, or its manager); else a 403 was sent. */
async function viewableTeam(res: ServerResponse, ctx: PageContext, view: string) {
  const teamId = ctx.params.teamId ?? '';
  const team = (await canViewTeam(ctx.deps.repos, ctx.viewer, teamId))
    ? await ctx.deps.repos.teams.findById(teamId)
    : null;
  if (!team) {
    refuse(res, ctx, 403, 'dashboard.forbidden');
    return null;
  }
  await auditTeamView(ctx.deps.repos, ctx.deps.clock, ctx.viewer, team.id, view);
  return team;
}

/** The heatmap, for org admins only; the audit records that the organisation's page was opened. */
async function orgHeatmap(res: ServerResponse, ctx: PageContext, view: 'org' | 'org.csv') {
  if (!canViewOrg(ctx.viewer)) {
    refuse(res, ctx, 403, 'dashboard.forbidden');
    return null;
  }
  await auditTeamView(ctx.deps.repos, ctx.deps.clock, ctx.viewer, null, view);
  return ctx.deps.repos.dashboard.heatmap(ctx.viewer.workspaceId, ctx.deps.clock.now());
}

/** Where `/` sends the viewer: an org admin to the heatmap, the manager of one team to its page, anyone else to /me (which lists a manager's teams). */
async function homePath(ctx: PageContext): Promise<string> {
  if (canViewOrg(ctx.viewer)) return `${DASHBOARD_BASE}/org`;
  const teams = await listManagedTeams(ctx.deps, ctx.viewer.workspaceId, ctx.viewer.userId);
  return teams.length === 1 ? `${DASHBOARD_BASE}/teams/${teams[0]!.id}` : `${DASHBOARD_BASE}/me`;
}

/** The dashboard's pages. */
export const DASHBOARD_PAGES: DashboardPage[] = [
  {
    path: '/',
    method: 'GET',
    async handle(_req, res, ctx) {
      res.writeHead(303, { location: await homePath(ctx) }).end();
    },
  },
  {
    path: '/org',
    method: 'GET',
    async handle(_req, res, ctx) {
      const map = await orgHeatmap(res, ctx, 'org');
      if (!map) return;
      const locale = ctx.viewer.locale;
      page(res, ctx, 'org', translate(locale, 'dashboard.heatmap.heading'), renderHeatmap(locale, map));
    },
  },
  {
    path: '/org.csv',
    method: 'GET',
    async handle(_req, res, ctx) {
      const map = await orgHeatmap(res, ctx, 'org.csv');
      if (map) sendCsv(res, 'symmetry-teams.csv', heatmapCsv(ctx.viewer.locale, map));
    },
  },
  {
    path: new RegExp(`/teams/(?<teamId>${UUID})`),
    method: 'GET',
    async handle(_req, res, ctx) {
      const team = await viewableTeam(res, ctx, 'team');
      if (!team) return;
      const locale = ctx.viewer.locale;
      const data = await loadTeamPage(ctx.deps, team, ctx.deps.clock.now());
      const title = translate(locale, 'dashboard.team.heading', { channel: teamLabel(team) });
      page(res, ctx, null, title, renderTeamPage(locale, data));
    },
  },
  {
    path: new RegExp(`/teams/(?<teamId>${UUID})\\.csv`),
    method: 'GET',
    async handle(_req, res, ctx) {
      const team = await viewableTeam(res, ctx, 'team.csv');
      if (!team) return;
      const data = await loadTeamPage(ctx.deps, team, ctx.deps.clock.now());
      sendCsv(res, teamCsvName(team), teamCsv(ctx.viewer.locale, data));
    },
  },
  {
    path: new RegExp(`/teams/(?<teamId>${UUID})/chart\\.svg`),
    method: 'GET',
    async handle(_req, res, ctx) {
      const team = await viewableTeam(res, ctx, 'team.chart');
      if (!team) return;
      const data = await loadTeamPage(ctx.deps, team, ctx.deps.clock.now());
      const svg = await renderSymmetryChartSvg(data.symmetry, ctx.viewer.locale);
      res.writeHead(200, { 'content-type': 'image/svg+xml; charset=utf-8' }).end(svg);
    },
  },
  {
    path: '/me',
    method: 'GET',
    async handle(_req, res, ctx) {
      const locale = ctx.viewer.locale;
      const data = await loadMyPage(ctx.deps, ctx.viewer.workspaceId, ctx.viewer.userId);
      page(res, ctx, 'mine', translate(locale, 'dashboard.mine.heading'), renderMyPage(locale, data));
    },
  },
  {
    path: '/me.csv',
    method: 'GET',
    async handle(_req, res, ctx) {
      const data = await loadMyPage(ctx.deps, ctx.viewer.workspaceId, ctx.viewer.userId);
      sendCsv(res, 'symmetry-mine.csv', myPageCsv(ctx.viewer.locale, data));
    },
  },
];

/** Files served without a session (they hold no data): the stylesheet the sign-in pages use too. */
export const DASHBOARD_ASSETS: PublicRoute[] = [
  staticAsset('dashboard.css', 'text/css; charset=utf-8', () => DASHBOARD_CSS),
];
