/** Every page of the dashboard, in one list the web process hands to createDashboardRoutes (pages: h-19pages). */
import type { DashboardPage, PublicRoute } from '../routes';

/** The dashboard's pages. */
export const DASHBOARD_PAGES: DashboardPage[] = [];

/** Files served without a session (the stylesheet): staticAsset()/staticFile() routes of ../static. */
export const DASHBOARD_ASSETS: PublicRoute[] = [];
