/**
 * The French catalog. Formal "vous", as French HR and survey tools address employees;
 * French typography (no-break space before : ; ? ! and inside « »). Placeholders are {name}.
 */
import type { CatalogOf } from '../../message-key';
import { frCommands } from './fr-commands';
import { frDrivers } from './fr-drivers';
import { frDashboard } from './fr-dashboard';
import { frDashboardAuth } from './fr-dashboard-auth';

/** The plural categories of fr's cardinal rules besides `other` (CLDR, as Node's ICU has them). */
export type FrPlural = 'one' | 'many';

export const fr: CatalogOf<FrPlural> = {
  ...frCommands,
  ...frDrivers,
  ...frDashboard,
  ...frDashboardAuth,
  'checkin.question': 'Comment vous sentez-vous au travail cette semaine, de 1 (très mal) à 10 (très bien) ?',
  'checkin.privacy':
    'Votre réponse est anonyme : votre équipe ne voit que des moyennes d’au moins {threshold} personnes, jamais votre nom à côté d’une note.',
  'checkin.open_until': 'Vous pouvez modifier votre réponse jusqu’à la clôture ({closesAt}).',
  'checkin.selected': 'Vous avez répondu *{score}*. C’est enregistré.',
  'checkin.comment_saved': 'Votre commentaire est enregistré aussi. Merci.',
  'checkin.closed': 'Ce check-in est clos.',
  'checkin.fallback': 'Check-in : comment vous sentez-vous au travail cette semaine ?',
  'checkin.button_alt': 'Note {score}',
  'reminder.text':
    'Petit rappel : votre check-in reste ouvert jusqu’à la clôture ({closesAt}). Cela prend dix secondes.',
  'comment.title': 'Votre check-in',
  'comment.question': 'Qu’est-ce qui explique votre note cette semaine ?',
  'comment.hint':
    'Facultatif. Anonyme comme votre note ; montré à votre équipe uniquement parmi au moins {threshold} réponses, sans noms, e-mails ni numéros de téléphone.',
  'comment.submit': 'Enregistrer',
  'comment.cancel': 'Passer',
  'comment.too_long': 'Merci de vous limiter à {max} caractères (vous en êtes à {length}).',
  'answer.saving': 'Enregistrement de votre réponse…',
  'answer.retry':
    'Nous n’avons pas pu confirmer votre réponse pour le moment. Cliquez à nouveau sur votre note dans une minute ; deux clics ne comptent jamais deux fois.',
  'answer.not_yours': 'Ce check-in appartient à quelqu’un d’autre.',
  'answer.round_closed': 'Ce check-in est clos : les réponses ne peuvent plus être modifiées.',
  'answer.invalid': 'Cette réponse n’est pas valide : utilisez les boutons de votre dernier check-in.',
  'answer.out_of_range': 'Cette réponse n’est pas valide : cette question se note de {min} à {max}.',
  'pulse.setup_started':
    'Ce canal devient une équipe. Ses membres (hors bots) seront ajoutés dans un instant ; vous en êtes le manager. Étape suivante : `/pulse schedule fri 14:00` (jours en anglais : `fri` = vendredi).',
  'pulse.setup_exists':
    'Ce canal est déjà une équipe (gérée par {managers}). Sa liste de membres est en cours de mise à jour.',
  'pulse.schedule_set':
    'Les check-ins partiront chaque semaine ({days}) à {time}, dans le fuseau horaire de chaque membre, uniquement les jours ouvrés.',
  'pulse.round_opening': 'Ouverture d’une session : les check-ins partent vers {members} membres.',
  'pulse.unscheduled':
    'Les check-ins programmés sont désactivés pour cette équipe. `/pulse schedule fri 14:00` les réactive.',
  'pulse.round_already_open':
    'Une session est déjà ouverte jusqu’à la clôture ({closesAt}). `/pulse status` indique où elle en est.',
  'pulse.status_open': '{answered} sur {total} ont répondu. La session reste ouverte jusqu’à la clôture ({closesAt}).',
  'pulse.status_none':
    'Aucune session n’est ouverte. `/pulse now` en ouvre une ; `/pulse schedule` fixe un horaire régulier.',
  'pulse.not_a_team': 'Ce canal n’est pas encore une équipe. Lancez d’abord `/pulse setup` ici.',
  'pulse.not_manager':
    'Désolé, seuls les managers de cette équipe et les administrateurs de l’espace de travail peuvent faire cela.',
  'pulse.not_a_working_day': 'Ce jour ne fait pas partie des jours ouvrés de l’équipe ({workdays}) : {day}.',
  'pulse.no_members': 'Cette équipe n’a pas encore de membres ; ajoutez d’abord des personnes au canal.',
  'pulse.not_available':
    '`/pulse {command}` n’est pas encore disponible dans cette version. `/pulse help` liste ce qui l’est.',
  'config.show':
    '*Paramètres de l’équipe*\n• `threshold` (seuil) : {threshold} (aucun chiffre n’est affiché avec moins de réponses)\n• `window` (durée d’ouverture) : {window}\n• `reminder` (rappel) : {reminder}\n• `holidays` (jours fériés) : {holidays}\n• `workdays` (jours ouvrés) : {workdays}\n• `timezone` (fuseau horaire) : {timezone} (pour les membres dont le fuseau est inconnu)\n• `language` (langue) : {language}\n• `channel` (canal) : {channel} (les synthèses y sont publiées)\n• `managers` : {managers}\n• `schedule` (calendrier) : {schedule}\n• `symmetry-lag` : {symmetryLag} (0 : clients du même tour, 1 : un tour plus tard)\n• `drivers` désactivés : {driversOff} (p. ex. `/pulse config drivers on growth` le repose)',
  'config.show_all': '{team}\n\n{kudos}',
  'config.reminder_not_before_window':
    'Le rappel ({reminder}) doit partir avant la clôture de la session ({window}). Raccourcissez le délai du rappel ou allongez la durée d’ouverture.',
  'config.schedule_outside_workdays':
    'Le calendrier utilise {days}, qui ne serait plus un jour ouvré. Modifiez d’abord le calendrier (`/pulse schedule …`).',
  'config.symmetry_lag_fixed':
    'Le décalage client reste à {lag} : cette équipe a déjà assez de sessions face à ses clients pour montrer une corrélation, et un décalage choisi après l’avoir vue choisirait la lecture la plus flatteuse. Choisissez-le avant les premières sessions.',
  'config.last_manager': 'Une équipe a besoin d’au moins un manager. Ajoutez-en un autre avant de retirer celui-ci.',
  'config.managers_set': 'Les managers sont désormais : {managers}.',
  'questions.too_many':
    'Une session pose au plus {max} questions personnalisées, pour rester courte. Supprimez-en d’abord une, par exemple avec `/pulse unask 1`.',
  'questions.added_scale':
    'Question {n} ajoutée (de 1 à 10) : « {question} ». Elle sera posée à partir de la prochaine session.',
  'questions.added_text':
    'Question {n} ajoutée (réponse libre) : « {question} ». Elle sera posée à partir de la prochaine session.',
  'questions.none':
    'Aucune question personnalisée. Ajoutez-en une avec `/pulse ask Nos priorités sont-elles claires ?` (de 1 à 10) ou `/pulse ask --text Que devrions-nous arrêter de faire ?`.',
  'questions.list':
    '*Questions personnalisées* (posées à chaque nouvelle session) :\n{list}\nPour en supprimer une : `/pulse unask 1` (son numéro).',
  'questions.no_such': 'Il n’y a pas de question {n} ; cette équipe en a {count}. `/pulse questions` les liste.',
  'questions.removed': 'Question « {question} » supprimée. Les sessions déjà ouvertes la posent encore.',
  'action.added':
    'Publiée auprès de l’équipe comme action {n}. Elle figure sous chaque synthèse jusqu’à `/pulse action done {n}`.',
  'action.no_such': 'Il n’y a pas d’action ouverte numéro {n} ; cette équipe en a {count}.',
  'action.done': 'Marquée comme faite : « {text} ».',
  'action.announcement': '*Vous l’avez dit, nous l’avons fait* — de la part de <@{manager}> :\n{text}',
  'summary.none': 'Aucune session n’est encore close : il n’y a rien à synthétiser.',
  'summary.header': {
    one: 'La dernière session, telle que l’équipe la voit :',
    many: 'Les {count} dernières sessions, telles que l’équipe les voit :',
    other: 'Les {count} dernières sessions, telles que l’équipe les voit :',
  },
  'summary.title': '*Météo de l’équipe* — session close le {date}',
  'summary.withheld':
    'Pas assez de réponses pour préserver l’anonymat ({needed} nécessaires). Rien de cette session n’est affiché.',
  'summary.rate': 'Taux de réponse : {respondents} sur {invited} ({rate} %)',
  'summary.away': 'Absents (non sollicités, non comptés) : {away}',
  'summary.average': 'Humeur moyenne : *{average}* / 10',
  'summary.change_up': '▲ {change} depuis la session précédente',
  'summary.change_down': '▼ {change} depuis la session précédente',
  'summary.change_same': '= stable depuis la session précédente',
  'summary.distribution': '1–4 : {low} · 5–7 : {mid} · 8–10 : {high}',
  'summary.question_scale': '« {question} » : *{average}* / 10 ({respondents} réponses)',
  'summary.question_withheld': '« {question} » : pas assez de réponses pour l’afficher ({needed} nécessaires)',
  'summary.question_text': '« {question} »',
  'summary.comments': '*Ce que les gens ont dit* (dans le désordre, sans noms ni coordonnées) :',
  'summary.themes': 'Thèmes récurrents : {themes}',
  'summary.actions': '*Vous l’avez dit, nous l’avons fait* (actions en cours) :',
  'symmetry.none': 'Aucun tour n’est encore clos : rien à mettre en regard de la satisfaction client.',
  'symmetry.header': {
    one: 'L’humeur de l’équipe face à la satisfaction client, dernier tour :',
    many: 'L’humeur de l’équipe face à la satisfaction client, {count} derniers tours :',
    other: 'L’humeur de l’équipe face à la satisfaction client, {count} derniers tours :',
  },
  'symmetry.title': '*Symétrie* : humeur de l’équipe et satisfaction client',
  'symmetry.mood': 'humeur *{mood}* / 10',
  'symmetry.mood_withheld': 'humeur non affichée (sous le seuil)',
  'symmetry.csat': 'CSAT *{value} %*',
  'symmetry.nps': 'NPS *{value}*',
  'symmetry.no_customers': 'pas de chiffre client',
  'symmetry.no_signals':
    'Pas encore de CSAT ni de NPS client pour ces tours : connectez un outil de support ou d’enquête à POST /api/signals.',
  'symmetry.lag_same': 'même tour',
  'symmetry.lag_next': 'clients un tour plus tard',
  'symmetry.correlation': '{metric} client ({lag}) : r = {r}, intervalle à 95 % de {low} à {high}, n = {n} tours.',
  'symmetry.undefined': '{metric} client ({lag}) : pas de r, car l’un des deux n’a pas varié sur {n} tours.',
  'symmetry.no_evidence':
    'Pas encore assez d’éléments pour une relation avec le {metric} client : l’intervalle contient 0, il n’indique donc aucun sens.',
  'symmetry.together':
    'Tout l’intervalle est au-dessus de 0 : l’humeur de l’équipe et le {metric} client ont évolué ensemble jusqu’ici.',
  'symmetry.opposite':
    'Tout l’intervalle est en dessous de 0 : l’humeur de l’équipe et le {metric} client ont évolué en sens inverse jusqu’ici.',
  'symmetry.power':
    'Pour donner l’échelle : les liens publiés entre satisfaction des salariés et satisfaction client, au niveau des équipes, sont d’environ r = 0,2–0,35 (Harter et al. 2002) ; un lien de cette taille demande environ {fewest} (r = 0,35) à {most} (r = 0,2) tours avec les deux chiffres avant de pouvoir apparaître.',
  'symmetry.more_rounds': {
    one: '{metric} client : encore {count} tour avec une humeur d’équipe et un chiffre client avant d’afficher une corrélation ({paired} pour l’instant).',
    many: '{metric} client : encore {count} de tours avec une humeur d’équipe et un chiffre client avant d’afficher une corrélation ({paired} pour l’instant).',
    other:
      '{metric} client : encore {count} tours avec une humeur d’équipe et un chiffre client avant d’afficher une corrélation ({paired} pour l’instant).',
  },
  'symmetry.caveat':
    'Corrélation n’est pas causalité : les deux peuvent suivre autre chose, comme un lancement, la saison ou les effectifs.',
  'chart.title': 'Humeur de l’équipe et satisfaction client',
  'chart.caption': '{metric} client ({lag}) : r = {r} [{low} ; {high}], n = {n} : {evidence}',
  'chart.evidence_none': 'pas encore assez d’éléments',
  'chart.evidence_positive': 'évoluent ensemble jusqu’ici',
  'chart.evidence_negative': 'évoluent en sens inverse jusqu’ici',
  'chart.mood_axis': 'Humeur (1–10)',
  'chart.customers_axis': 'Taux de réponse / clients',
  'chart.legend_mood': 'Humeur de l’équipe (1–10)',
  'chart.legend_rate': 'Taux de réponse (%)',
  'chart.legend_csat': 'CSAT client (%)',
  'chart.legend_nps': 'NPS client',
  'chart.on_its_way': 'Le graphique de tendance (PNG) arrive dans vos messages avec Symmetry.',
  'mine.none': 'Vous n’avez encore aucune réponse de check-in.',
  'mine.list': '*Vos propres réponses* (vous seul pouvez les voir) :\n{list}',
  'away.set':
    'Vous êtes absent jusqu’au {date} inclus (votre fuseau, {zone}) : pas de check-in ni de rappel d’ici là, et vous n’êtes pas compté dans les taux de réponse. De retour plus tôt ? `/pulse away off`.',
  'away.status':
    'Vous êtes absent jusqu’au {date} inclus (votre fuseau, {zone}). `/pulse away off` y met fin maintenant.',
  'away.none': 'Vous n’êtes pas absent. `/pulse away until 2026-12-24` ou `/pulse away 2w` met vos check-ins en pause.',
  'away.off':
    'Bon retour : vous n’êtes plus absent. Si votre équipe a un tour ouvert, votre check-in arrive d’ici quelques minutes.',
  'away.past':
    'Le {date} est déjà passé dans votre fuseau ({zone} ; nous sommes le {today}). Choisissez aujourd’hui ou un jour suivant.',
  'away.too_far': 'Le {date} est à plus d’un an ; au plus tard : {latest}. Recommencez plus près de la date.',
  'away.not_member': 'Vous ne faites pas encore partie d’une équipe Symmetry : personne ne vous demandera rien.',
  'home.title': 'Symmetry',
  'home.own_title': '*Vos check-ins récents* (vous seul pouvez les voir)',
  'home.own_none':
    'Aucun check-in pour l’instant. Quand votre équipe en lance un, il arrive ici sous forme de message.',
  'home.own_line': '{date} : {score}{comment}{open}',
  'home.teams_title': '*Équipes que vous gérez*',
  'home.team_line': '<#{channel}>',
  'home.team_next': 'Prochaine session : {date}',
  'home.team_next_none': 'Aucun calendrier. `/pulse schedule fri 14:00` dans le canal en définit un.',
  'home.team_open': 'Session ouverte : {answered} sur {total} ont répondu, clôture : {date}',
  'home.team_last': 'Dernière session : {rate} % de réponses, humeur moyenne {average}',
  'home.team_last_withheld': 'Dernière session : pas assez de réponses pour l’afficher ({needed} nécessaires)',
  'kudos.limit_reached':
    'Vous avez donné vos {limit} kudos du jour. Merci d’être attentif aux autres ! Vous en aurez de nouveaux demain.',
  'kudos.self': 'Les kudos, c’est pour les autres — vous ne pouvez pas vous en donner.',
  'kudos.bot': '<@{user}> est un bot ; les kudos sont pour les personnes.',
  'kudos.limit_left':
    'Il vous reste {left} kudos aujourd’hui (sur {limit}). Choisissez moins de personnes, ou donnez-en d’autres demain.',
  'kudos.sent': 'Kudos envoyés à {recipients}. Merci !',
  'kudos.sent_free_tags':
    'Kudos envoyés à {recipients}. Merci !\nGardés comme tags libres, hors valeurs de l’entreprise : {tags} (les valeurs de cet espace de travail sont {values}). Un manager peut en faire des valeurs avec `/pulse config values {proposed}`.',
  'kudos.board_empty':
    'Aucun kudos depuis {weeks} semaine(s). Réagissez à un message avec :raised_hands: ou utilisez `/kudos`.',
  'kudos.board':
    '*Kudos, {weeks} dernière(s) semaine(s)*\n*Ont le plus reçu*\n{receivers}\n*Ont le plus donné*\n{givers}\n*Valeurs* : {values}\n*Tags libres* : {tags}',
  'kudos.settings':
    '*Paramètres de reconnaissance* (tout l’espace de travail)\n• `kudos-emoji` : {emoji}\n• `kudos-channel` (canal) : {channel}\n• `kudos-limit` (limite) : {limit} par jour\n• `values` (valeurs) : {values}\nPour en modifier un : `/pulse config threshold 4`.',
  'kudos.in_thread': 'dans le fil du message',
  'shoutout.text': ':tada: <@{giver}> met à l’honneur {recipients}',
  'shoutout.more': ' (+{more} autres)',
  'shoutout.reason': '« {reason} »',
  'shoutout.values': 'Valeurs : {values}',
  'shoutout.tags': 'Tags : {tags}',
  'shoutout.excerpt': '> {excerpt}',
  'shoutout.link': '<{permalink}|Voir le message>',
  'shoutout.withdrawn': 'Cette reconnaissance a été retirée.',
  'digest.title': '*Kudos de la semaine* — {total} au total',
  'digest.line': '<@{user}> : {count}',
  'home.kudos_title': '*Kudos reçus* (30 derniers jours)',
  'home.kudos_count': '{count} kudos',
  'home.kudos_none': 'Aucun pour l’instant. Les kudos que l’on vous donne apparaissent ici.',
  'error.unknown_command': '`{command}` n’est pas une commande Symmetry. Essayez `/pulse help`.',
  'error.other_workspace': 'Ce Symmetry est installé dans un autre espace de travail : il ne peut pas agir ici.',
  'install.done':
    'Symmetry est installé. Retournez dans Slack : invitez @Symmetry dans le canal d’une équipe et lancez /pulse setup.',
  'install.failed':
    'L’installation n’a pas abouti ({reason}). Recommencez depuis la page Ajouter à Slack ; son lien ne sert qu’une fois, pendant 10 minutes.',
  'kudos.unknown_user': 'Je ne trouve pas <@{user}> dans cet espace de travail ; les kudos vont aux personnes d’ici.',
  'privacy.forgotten':
    'C’est fait. Supprimé : {answers} réponse(s), {deliveries} trace(s) de check-in, votre appartenance à {teams} équipe(s) et vos paramètres ; {kudos} kudos vous présentent désormais comme « quelqu’un ». Si vous restez dans le canal d’une équipe, une prochaine synchronisation vous y rajoutera et vous recevrez de nouveau des check-ins ; quittez le canal pour les arrêter.',
  'privacy.export_queued':
    'Export en préparation ; il arrivera sous forme de fichier CSV dans vos messages avec Symmetry. Les sessions sous le seuil y figurent sans chiffres.',
  'error.queue_unavailable':
    'Un service de notre côté ne répond pas. Rien n’a été modifié ; réessayez dans une minute.',
  'error.generic': 'Un problème est survenu de notre côté. Rien n’a été modifié ; veuillez réessayer.',
  'day.mon': 'lundi',
  'day.tue': 'mardi',
  'day.wed': 'mercredi',
  'day.thu': 'jeudi',
  'day.fri': 'vendredi',
  'day.sat': 'samedi',
  'day.sun': 'dimanche',
  'home.conversations_title':
    '*Conversations* : commentaires encore sans réponse, puis fils en cours (`/pulse conversations` les liste tous).',
  'thread.sent':
    'Envoyé. Seul l’auteur le lira, sans jamais vous être nommé ; tous les managers de l’équipe voient la conversation.',
  'thread.answer_sent': 'Envoyé aux managers de l’équipe.',
  'thread.answer_sent_named': 'Envoyé aux managers de l’équipe, avec votre nom sur cette réponse seulement.',
  'thread.empty': 'Merci d’écrire quelque chose avant d’envoyer.',
  'thread.too_long': 'Merci de vous limiter à {max} caractères (vous en êtes à {length}).',
  'thread.cap':
    'Ce commentaire a déjà reçu {max} réponses de managers aujourd’hui. Merci d’attendre demain : cette limite empêche de chercher qui l’a écrit.',
  'thread.not_visible':
    'Vous ne pouvez répondre qu’aux commentaires que vous voyez : d’une session close d’une équipe que vous gérez, ayant atteint son seuil d’anonymat.',
  'thread.not_yours': 'Cette conversation appartient à quelqu’un d’autre.',
  'thread.unreachable':
    'L’auteur de ce commentaire n’est plus joignable (il a quitté l’équipe ou l’espace de travail). Votre réponse reste dans la conversation.',
  'thread.answer_undelivered':
    'Votre réponse n’a pas pu être remise : aucun manager de l’équipe n’est joignable pour le moment (ils ont peut-être quitté l’équipe ou l’espace de travail). Elle reste dans la conversation.',
  'thread.retry':
    'Envoi impossible pour l’instant. Réessayez dans une minute ; envoyer deux fois n’envoie qu’une fois.',
  'thread.quick.noted': 'Merci, c’est noté.',
  'thread.quick.working': 'Nous y travaillons.',
  'thread.quick.talk': 'Pouvons-nous en parler ?',
  'thread.anonymous': 'Collègue anonyme',
  'thread.you': 'Vous',
  'thread.manager': 'Manager {manager}',
  'thread.your_comment': 'Votre commentaire anonyme :',
  'thread.comment_in': 'Commentaire anonyme dans {channel} :',
  'thread.reply_button': 'Répondre…',
  'thread.answer_button': 'Répondre…',
  'thread.modal_title': 'Réponse',
  'thread.field_label': 'Votre réponse (2 000 caractères au plus)',
  'thread.reveal_label': 'Montrer mon nom aux managers sur cette réponse seulement',
  'thread.reveal_hint':
    'Désactivé par défaut. Activé, les managers voient votre nom à côté de cette seule réponse ; votre commentaire et vos autres réponses restent anonymes.',
  'thread.reveal_confirm_title': 'Montrer votre nom ?',
  'thread.reveal_confirm':
    "Les managers de l'équipe verront votre nom à côté de cette réponse. Votre commentaire et vos autres réponses restent anonymes. Ce choix est définitif.",
  'thread.reveal_yes': 'Oui, montrer mon nom',
  'thread.reveal_no': 'Non, rester anonyme',
  'thread.send': 'Envoyer',
  'thread.unanswered': 'Pas encore de réponse.',
  'thread.manager_forgotten': 'Un manager',
  'thread.earlier_hidden': {
    one: '{count} message plus ancien n’est pas affiché ici.',
    many: '{count} de messages plus anciens ne sont pas affichés ici.',
    other: '{count} messages plus anciens ne sont pas affichés ici.',
  },
  'conversations.header':
    'Commentaires de votre équipe issus de sessions affichées au seuil ou au-dessus, et leurs conversations ({count}) :',
  'conversations.none':
    'Aucun commentaire à traiter : aucune session récente ayant atteint le seuil n’a de commentaire.',
  'summary.answered': '{answered} commentaires sur {comments} ont reçu une réponse.',
};
