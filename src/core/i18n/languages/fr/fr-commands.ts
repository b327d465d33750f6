/**
 * French texts for the /pulse and /kudos command grammar, addressed as "vous" like French HR tools.
 * Command words stay English (the parser reads English); the sentences around them explain them.
 */
import type { enCommands } from '../en/en-commands';

export const frCommands: Record<keyof typeof enCommands, string> = {
  'usage.pulse': '{commands}',
  'help.pulse.help':
    '*Commandes `/pulse`* (pour les managers de l’équipe ; tout le monde peut utiliser `/pulse mine`, `/pulse forget-me`, `/pulse away`, `/pulse kudos` et `/pulse help`)',
  'help.section.setup': '*Mise en place*',
  'help.pulse.setup': '• `/pulse setup` : faire de ce canal une équipe, dont vous êtes le manager',
  'help.pulse.schedule': [
    '• `/pulse schedule fri 14:00` : envoyer les check-ins ces jours-là à cette heure, dans le fuseau horaire de chaque membre (`mon,thu 9:30` fonctionne aussi ; les jours s’écrivent en anglais : mon, tue, wed, thu, fri, sat, sun)',
    '• `/pulse schedule off` : arrêter les check-ins programmés',
  ].join('\n'),
  'help.pulse.now': '• `/pulse now` : ouvrir une session de check-in tout de suite',
  'help.pulse.status':
    '• `/pulse status` : combien de personnes ont répondu à la session ouverte (des nombres seulement, jamais de noms)',
  'help.section.results': '*Voir ce que l’équipe a dit*',
  'help.pulse.summary': '• `/pulse summary 3` : synthèses anonymes des dernières sessions (de 1 à 12, 1 par défaut)',
  'help.pulse.symmetry': [
    '• `/pulse symmetry 8` : l’humeur de l’équipe à côté de la satisfaction client sur les dernières sessions',
    '• `/pulse config symmetry-lag 1` : lire les clients un tour plus tard plutôt qu’au même tour (à choisir avant de regarder ; 0 par défaut)',
  ].join('\n'),
  'help.pulse.mine': '• `/pulse mine` : vos propres réponses, visibles par vous seul',
  'help.pulse.export':
    '• `/pulse export` : un fichier CSV des résultats des sessions de l’équipe (même seuil d’anonymat), envoyé à vous seul',
  'help.pulse.conversations':
    '• `/pulse conversations` : les commentaires anonymes de l’équipe que vous pouvez voir, ceux sans réponse d’abord, avec leurs conversations ; répondez depuis là',
  'help.pulse.forget_me':
    '• `/pulse forget-me` : supprimer tout ce que Symmetry conserve sur vous (vos réponses, check-ins, paramètres) et anonymiser vos kudos',
  'help.pulse.away':
    '• `/pulse away until 2026-12-24` · `/pulse away 2w` · `/pulse away off` : vous êtes absent (ni check-in, ni rappel, non compté) ; `/pulse away` dit jusqu’à quand',
  'help.section.ask': '*Demander et agir*',
  'help.pulse.ask': [
    '• `/pulse ask Nos priorités sont-elles claires ?` : ajouter une question notée de 1 à 10 à la prochaine session',
    '• `/pulse ask --text Que devrions-nous commencer à faire ?` : ajouter une question à réponse écrite',
  ].join('\n'),
  'help.pulse.questions':
    '• `/pulse questions` : lister les questions ajoutées ; `/pulse unask 2` supprime la deuxième',
  'help.pulse.action': [
    '• `/pulse action Nous déplaçons la planification au mardi` : dire à l’équipe ce que vous ferez de ses retours',
    '• `/pulse action done 1` : marquer cette action comme faite',
  ].join('\n'),
  'help.section.kudos': '*Kudos*',
  'help.pulse.kudos': [
    '• `/kudos @alex pour avoir réparé le déploiement #entraide` : remercier quelqu’un publiquement',
    '• `/pulse kudos 4` : qui a donné et reçu le plus de kudos ces dernières semaines (4 par défaut)',
  ].join('\n'),
  'help.section.settings': '*Paramètres*',
  'help.pulse.config': [
    '• `/pulse config` : afficher les paramètres de cette équipe',
    '• `/pulse config threshold 5` : nombre minimal de réponses avant d’afficher quoi que ce soit (de 3 à 10)',
    '• `/pulse config window 3d` · `reminder 24h` (ou `off`) : durée d’ouverture d’une session, moment du rappel (`d` = jours, `h` = heures)',
    '• `/pulse config holidays 2026-12-24,2026-12-25` (ou `none`) · `workdays mon-fri` · `timezone Europe/Paris`',
    '• `/pulse config language fr` ({languages}) · `channel #team-pulse` · `managers add @alex` (ou `remove`)',
    "• `/pulse config admins add @alex` (ou `remove`, ou `list`) : les administrateurs de l'organisation, qui voient toutes les équipes dans le tableau de bord",
    '• `/pulse config kudos-emoji :clap: :taco:` · `kudos-channel #kudos` (ou `off`) · `kudos-limit 5` · `values entraide,service-client`',
  ].join('\n'),
  'usage.kudos':
    'Utilisation : `/kudos @alex pour avoir réparé le déploiement #entraide`. Remerciez une ou plusieurs personnes (choisissez-les dans le menu @), dites pourquoi, et ajoutez des #tags à la fin : les valeurs de l’équipe, ou vos propres mots.',
  'parse.too_long':
    'Cela fait {length} caractères ; `{command}` en accepte au plus {max}. Raccourcissez puis réessayez.',
  'parse.unknown_subcommand': '`/pulse {command}` n’est pas une commande. Essayez `/pulse help` pour les voir toutes.',
  'parse.unknown_subcommand_suggest':
    '`/pulse {command}` n’est pas une commande. Vouliez-vous dire `/pulse {suggestion}` ? `/pulse help` les liste toutes.',
  'parse.unexpected_args': '`/pulse {command}` n’accepte pas `{extra}`. Utilisez-la ainsi : `{usage}`.',
  'parse.bad_number':
    '`/pulse {command}` attend un nombre entier de {min} à {max}, comme `{usage}` ; `{value}` n’en est pas un.',
  'parse.schedule_missing':
    '`/pulse schedule` attend des jours et une heure, comme `/pulse schedule fri 14:00`, ou `/pulse schedule off` pour arrêter les check-ins.',
  'parse.schedule_missing_days':
    '`/pulse schedule` attend au moins un jour avant l’heure, comme `/pulse schedule fri {time}` (jours en anglais : mon, tue, wed, thu, fri, sat, sun).',
  'parse.schedule_missing_time':
    '`/pulse schedule` attend une heure après les jours, comme `/pulse schedule {days} 14:00`.',
  'parse.schedule_two_times':
    '`/pulse schedule` prend une seule heure, pas à la fois `{first}` et `{second}`. Un calendrier n’a qu’une heure, comme `/pulse schedule mon,thu 14:00`.',
  'parse.bad_day':
    '`{value}` n’est pas un jour : utilisez les abréviations anglaises mon, tue, wed, thu, fri, sat ou sun (du lundi au dimanche), séparées par des virgules (comme `mon,wed,fri`) ou en plage (comme `mon-fri`).',
  'parse.bad_time': '`{value}` n’est pas une heure : utilisez le format 24 h HH:MM, comme 14:00.',
  'parse.ask_missing':
    '`/pulse ask` attend une question, comme `/pulse ask Nos priorités sont-elles claires ?` (réponse de 1 à 10) ou `/pulse ask --text Que devrions-nous commencer à faire ?` (réponse écrite).',
  'parse.question_too_short': 'Cette question ne fait que {length} caractères ; écrivez-en au moins {min}.',
  'parse.question_too_long': 'Cette question fait {length} caractères ; limitez-la à {max}.',
  'parse.unask_missing':
    '`/pulse unask` attend le numéro de la question à supprimer, comme `/pulse unask 2`. `/pulse questions` affiche les numéros.',
  'parse.bad_index': '`{value}` n’est pas un numéro valide : utilisez un nombre entier de 1 à {max}, comme `{usage}`.',
  'parse.action_missing':
    '`/pulse action` attend ce que vous allez faire, comme `/pulse action Nous déplaçons la planification au mardi`, ou `/pulse action done 1` pour en clore une.',
  'parse.action_done_missing': '`/pulse action done` attend le numéro de l’action, comme `/pulse action done 1`.',
  'parse.action_too_long': 'Cette action fait {length} caractères ; limitez-la à {max}.',
  'parse.config_unknown_key': '`{key}` n’est pas un paramètre. Les paramètres sont : {keys}.',
  'parse.config_missing_value': '`/pulse config {key}` attend une valeur, comme `{usage}`.',
  'parse.bad_duration':
    '`{value}` n’est pas une durée comprise entre {min} et {max} : utilisez des heures ou des jours (`h` ou `d`), comme `{usage}`.',
  'parse.bad_reminder':
    '`{value}` n’est pas un délai de rappel : utilisez des heures, de {min} à {max}, comme `/pulse config reminder 24h`, ou `/pulse config reminder off` pour ne pas envoyer de rappel.',
  'parse.bad_date':
    '`{value}` n’est pas une date : utilisez le format AAAA-MM-JJ, comme 2026-12-25, en séparant les dates par des virgules, ou `none` pour effacer les jours fériés.',
  'parse.too_many_items': '`/pulse config {key}` en accepte au plus {max} ; vous en avez donné {count}.',
  'parse.bad_timezone':
    '`{value}` n’est pas un fuseau horaire : utilisez un nom IANA comme Europe/Paris, America/New_York ou UTC.',
  'parse.bad_language': '`{value}` n’est pas une langue que le bot parle : utilisez {languages}.',
  'parse.bad_channel': '`{value}` n’est pas un canal : choisissez-en un dans le menu #, comme `{usage}`.',
  'parse.admins_missing':
    '`/pulse config admins` attend `add` ou `remove` et une ou plusieurs personnes, comme `/pulse config admins add @alex`, ou `list`.',
  'parse.managers_missing':
    '`/pulse config managers` attend `add` (ajouter) ou `remove` (retirer) et une ou plusieurs personnes, comme `/pulse config managers add @alex`.',
  'parse.not_a_user': '`{value}` n’est pas une personne : choisissez quelqu’un dans le menu @, comme `{usage}`.',
  'parse.bad_emoji':
    '`{value}` n’est pas un nom d’emoji : utilisez des noms entre deux-points, comme `/pulse config kudos-emoji :clap: :taco:`.',
  'parse.bad_value_name':
    '`{value}` n’est pas un nom de valeur : utilisez des lettres, des chiffres et des tirets, comme `/pulse config values entraide,service-client`, ou `none` pour les effacer.',
  'parse.kudos_missing_recipient':
    '`/kudos` attend d’abord la personne à remercier, comme `/kudos @alex pour avoir réparé le déploiement #entraide`.',
  'parse.kudos_missing_reason':
    '`/kudos` attend une raison après les personnes, comme `/kudos {recipients} pour avoir réparé le déploiement`.',
  'parse.kudos_reason_too_long': 'Cette raison fait {length} caractères ; limitez-la à {max}.',
  'parse.kudos_too_many_tags': 'Cela fait {count} tags ; limitez-vous à {max}.',
  'parse.away_bad':
    '`{value}` n’est ni un jour ni une durée d’absence : utilisez `/pulse away until 2026-12-24` (aaaa-MM-jj, votre dernier jour d’absence), `/pulse away 2w` ou `/pulse away 10d` (jusqu’à {max} jours), ou `/pulse away off`.',
  'parse.bad_driver':
    '`{value}` n’est pas un levier. Les leviers sont : {drivers}. Par exemple : `/pulse config drivers off autonomy`.',
  'parse.drivers_usage':
    'Indiquez `on` ou `off` et un levier, par exemple `/pulse config drivers off autonomy`. Les leviers sont : {drivers}.',
  'help.pulse.drivers':
    '• `/pulse drivers` : le dernier score de chaque levier et sa tendance, les points à travailler et les leviers qui évoluent avec l’humeur (le seuil s’applique)',
};
