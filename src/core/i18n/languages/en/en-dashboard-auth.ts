/** English texts of the dashboard's sign-in, sessions and refusals. Placeholders are {name}. */
export const enDashboardAuth = {
  'dashboard.login.title': 'Sign in to Symmetry',
  'dashboard.login.intro':
    "The dashboard shows your teams' anonymous results to the people allowed to see them: managers their own teams, org admins every team, everyone their own answers.",
  'dashboard.login.slack': 'Sign in with Slack',
  'dashboard.login.teams':
    'Using Microsoft Teams? Open the Symmetry app and its Dashboard tab: it signs you in by itself.',
  'dashboard.login.expired': 'That sign-in has expired or was already used. Start again with the button below.',
  'dashboard.login.denied': 'Slack did not sign you in (perhaps you cancelled). Try again when you are ready.',
  'dashboard.login.unknown_workspace':
    'Your workspace does not use this Symmetry installation. Sign in with the workspace that does, or ask your admin to install Symmetry.',
  'dashboard.login.failed': 'We could not confirm who you are just now. Try again in a minute.',
  'dashboard.login.rate_limited': 'Too many sign-in attempts from this address. Try again in {minutes} minutes.',
  'dashboard.login.signed_out': 'You are signed out.',
  'dashboard.logout': 'Sign out',
  'dashboard.teams.title': 'Signing you in with Microsoft Teams…',
  'dashboard.teams.failed':
    "Microsoft Teams could not sign you in. Open this page from the Symmetry app's Dashboard tab in Teams, or ask your admin to check the app's single sign-on setup.",
  'dashboard.error.session_ended': 'Your session has ended. Sign in again.',
  'dashboard.error.forbidden':
    'You cannot see this page. Managers see their own teams, org admins every team of their workspace.',
  'dashboard.error.not_found': 'There is no such dashboard page.',
  'dashboard.error.csrf': 'This form has expired or did not come from the dashboard. Reload the page and try again.',
  'dashboard.error.bad_form': 'This request was not a form the dashboard sends, or it was too large.',
  'dashboard.error.internal': 'Something went wrong on our side. Try again in a moment.',
} as const;
