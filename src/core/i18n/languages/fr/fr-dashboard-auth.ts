/** Textes français de la connexion au tableau de bord, des sessions et des refus. */
export const frDashboardAuth = {
  'dashboard.login.title': 'Se connecter à Symmetry',
  'dashboard.login.intro':
    "Le tableau de bord montre les résultats anonymes des équipes à ceux qui peuvent les voir : aux managers leurs équipes, aux administrateurs de l'organisation toutes les équipes, à chacun ses propres réponses.",
  'dashboard.login.slack': 'Se connecter avec Slack',
  'dashboard.login.teams':
    "Vous utilisez Microsoft Teams ? Ouvrez l'application Symmetry et son onglet Tableau de bord : il vous connecte tout seul.",
  'dashboard.login.expired': 'Cette connexion a expiré ou a déjà été utilisée. Recommencez avec le bouton ci-dessous.',
  'dashboard.login.denied':
    'Slack ne vous a pas connecté (vous avez peut-être annulé). Réessayez quand vous êtes prêt.',
  'dashboard.login.unknown_workspace':
    "Votre espace de travail n'utilise pas cette installation de Symmetry. Connectez-vous avec l'espace qui l'utilise, ou demandez à votre administrateur d'installer Symmetry.",
  'dashboard.login.failed': "Nous n'avons pas pu confirmer votre identité pour l'instant. Réessayez dans une minute.",
  'dashboard.login.rate_limited':
    'Trop de tentatives de connexion depuis cette adresse. Réessayez dans {minutes} minutes.',
  'dashboard.login.signed_out': 'Vous êtes déconnecté.',
  'dashboard.logout': 'Se déconnecter',
  'dashboard.teams.title': 'Connexion avec Microsoft Teams…',
  'dashboard.teams.failed':
    "Microsoft Teams n'a pas pu vous connecter. Ouvrez cette page depuis l'onglet Tableau de bord de l'application Symmetry dans Teams, ou demandez à votre administrateur de vérifier l'authentification unique de l'application.",
  'dashboard.error.session_ended': 'Votre session a pris fin. Reconnectez-vous.',
  'dashboard.error.forbidden':
    "Vous ne pouvez pas voir cette page. Les managers voient leurs équipes, les administrateurs de l'organisation toutes les équipes de leur espace.",
  'dashboard.error.not_found': "Cette page du tableau de bord n'existe pas.",
  'dashboard.error.csrf': 'Ce formulaire a expiré ou ne vient pas du tableau de bord. Rechargez la page et réessayez.',
  'dashboard.error.bad_form': "Cette requête n'est pas un formulaire du tableau de bord, ou elle est trop grande.",
  'dashboard.error.internal': 'Un problème est survenu de notre côté. Réessayez dans un instant.',
};
