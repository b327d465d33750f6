/** Who is looking at the dashboard: one signed-in person of one workspace, as every page and export receives them. */

/** The signed-in viewer of a dashboard request (built from their server-side session on every request). */
export interface Viewer {
  /** Our workspace id (not the platform's team or tenant id). */
  workspaceId: string;
  platform: 'slack' | 'teams';
  /** Their platform user id (Slack U…, Teams 29:… or AAD object id as the bot knows them). */
  userId: string;
  displayName: string;
  /** BCP 47 locale the pages are rendered in (`en`, `fr-FR`, `ar`…). */
  locale: string;
  /** A workspace admin or owner, or named with `/pulse config admins add`: sees every team of the workspace. */
  isOrgAdmin: boolean;
  sessionId: string;
  /** The session's anti-forgery token: every POST form carries it as `_csrf` (or the `x-csrf-token` header). */
  csrfToken: string;
}
