/** Nederlandse teksten van het aanmelden bij het dashboard, de sessies en de weigeringen. */
export const nlDashboardAuth = {
  'dashboard.login.title': 'Aanmelden bij Symmetry',
  'dashboard.login.intro':
    'Het dashboard toont de anonieme resultaten van teams aan wie ze mag zien: managers hun eigen teams, organisatiebeheerders alle teams, iedereen de eigen antwoorden.',
  'dashboard.login.slack': 'Aanmelden met Slack',
  'dashboard.login.teams':
    'Gebruik je Microsoft Teams? Open de Symmetry-app en het tabblad Dashboard: daar word je vanzelf aangemeld.',
  'dashboard.login.expired': 'Deze aanmelding is verlopen of al gebruikt. Begin opnieuw met de knop hieronder.',
  'dashboard.login.denied':
    'Slack heeft je niet aangemeld (misschien heb je geannuleerd). Probeer het opnieuw als je zover bent.',
  'dashboard.login.unknown_workspace':
    'Je werkruimte gebruikt deze Symmetry-installatie niet. Meld je aan met de werkruimte die dat wel doet, of vraag je beheerder Symmetry te installeren.',
  'dashboard.login.failed': 'We konden nu niet bevestigen wie je bent. Probeer het over een minuut opnieuw.',
  'dashboard.login.rate_limited':
    'Te veel aanmeldpogingen vanaf dit adres. Probeer het over {minutes} minuten opnieuw.',
  'dashboard.login.signed_out': 'Je bent afgemeld.',
  'dashboard.logout': 'Afmelden',
  'dashboard.teams.title': 'Aanmelden met Microsoft Teams…',
  'dashboard.teams.failed':
    'Microsoft Teams kon je niet aanmelden. Open deze pagina via het tabblad Dashboard van de Symmetry-app in Teams, of vraag je beheerder de eenmalige aanmelding van de app na te kijken.',
  'dashboard.error.session_ended': 'Je sessie is afgelopen. Meld je opnieuw aan.',
  'dashboard.error.forbidden':
    'Je kunt deze pagina niet zien. Managers zien hun eigen teams, organisatiebeheerders alle teams van hun werkruimte.',
  'dashboard.error.not_found': 'Deze dashboardpagina bestaat niet.',
  'dashboard.error.csrf':
    'Dit formulier is verlopen of komt niet van het dashboard. Laad de pagina opnieuw en probeer het nog eens.',
  'dashboard.error.bad_form': 'Dit verzoek is geen formulier van het dashboard, of het is te groot.',
  'dashboard.error.internal': 'Er ging aan onze kant iets mis. Probeer het zo meteen opnieuw.',
};
