/** French. */
import { fr as dateFnsLocale } from 'date-fns/locale/fr';
import type { LanguagePack } from '../../language-pack';
import { fr as catalog, type FrPlural } from './fr';

/** The French language pack: its catalog, formats, theme words, direction and plural forms. */
export const fr: LanguagePack<'fr', FrPlural> = {
  code: 'fr',
  nativeName: 'Français',
  catalog,
  intlLocale: 'fr',
  dateFnsLocale,
  datePattern: 'EEE d MMM',
  dateTimePattern: "EEE d MMM 'à' HH:mm",
  stopWords: `alors au aucun aussi autre aux avec avoir bien car ce cela ces cette ceux chez comme dans des donc
elle elles encore est et été être fait faire il ils je la le les leur lui mais me même mes moi mon ne nos
notre nous on ont ou où par pas peu plus pour pourquoi quand que quel qui sa sans se ses son sont sur ta
te tes toi ton tous tout très tu un une vos votre vous était semaine`,
  judgingWords: `bon bonne bons bonnes mauvais mauvaise mauvaises super génial géniale géniaux géniales top excellent
excellente excellents excellentes nul nulle nuls nulles correct correcte meilleur meilleure meilleurs meilleures
pire pires sympa chouette parfait parfaite horrible horribles affreux affreuse terrible terribles`,
  awayPhrases: [
    'en conge',
    'en conges',
    'conge',
    'conges',
    'absent',
    'absente',
    'en vacances',
    'vacances',
    'en arret maladie',
    'arret maladie',
    'hors du bureau',
  ],
  direction: 'ltr',
  pluralCategories: { one: 1, many: 1_000_000, other: 2 },
};
