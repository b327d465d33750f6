/** Svenska texter för inloggningen till instrumentpanelen, sessionerna och nekandena. */
export const svDashboardAuth = {
  'dashboard.login.title': 'Logga in på Symmetry',
  'dashboard.login.intro':
    'Instrumentpanelen visar teamens anonyma resultat för dem som får se dem: chefer sina egna team, organisationsadministratörer alla team, var och en sina egna svar.',
  'dashboard.login.slack': 'Logga in med Slack',
  'dashboard.login.teams':
    'Använder du Microsoft Teams? Öppna appen Symmetry och fliken Instrumentpanel: den loggar in dig av sig själv.',
  'dashboard.login.expired': 'Den inloggningen har gått ut eller redan använts. Börja om med knappen nedan.',
  'dashboard.login.denied': 'Slack loggade inte in dig (du kanske avbröt). Försök igen när du är redo.',
  'dashboard.login.unknown_workspace':
    'Din arbetsyta använder inte den här Symmetry-installationen. Logga in med arbetsytan som gör det, eller be din administratör installera Symmetry.',
  'dashboard.login.failed': 'Vi kunde inte bekräfta vem du är just nu. Försök igen om en minut.',
  'dashboard.login.rate_limited':
    'För många inloggningsförsök från den här adressen. Försök igen om {minutes} minuter.',
  'dashboard.login.signed_out': 'Du är utloggad.',
  'dashboard.logout': 'Logga ut',
  'dashboard.teams.title': 'Loggar in dig med Microsoft Teams…',
  'dashboard.teams.failed':
    'Microsoft Teams kunde inte logga in dig. Öppna sidan från fliken Instrumentpanel i appen Symmetry i Teams, eller be din administratör kontrollera appens enkel inloggning.',
  'dashboard.error.session_ended': 'Din session har tagit slut. Logga in igen.',
  'dashboard.error.forbidden':
    'Du kan inte se den här sidan. Chefer ser sina egna team, organisationsadministratörer alla team i sin arbetsyta.',
  'dashboard.error.not_found': 'Den sidan finns inte på instrumentpanelen.',
  'dashboard.error.csrf':
    'Formuläret har gått ut eller kom inte från instrumentpanelen. Ladda om sidan och försök igen.',
  'dashboard.error.bad_form': 'Begäran var inte ett formulär från instrumentpanelen, eller så var den för stor.',
  'dashboard.error.internal': 'Något gick fel hos oss. Försök igen om en stund.',
};
