/** Every page of the dashboard, in one list the web process hands to createDashboardRoutes (pages: h-19pages). */
import type { DashboardPage } from '../routes';

/** The dashboard's pages. */
export const DASHBOARD_PAGES: DashboardPage[] = [];
