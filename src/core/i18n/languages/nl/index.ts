/** Dutch. Dates take the two-letter day ("vr 27 nov."), as Dutch calendars write it. */
import { nl as dateFnsLocale } from 'date-fns/locale/nl';
import type { LanguagePack } from '../../language-pack';
import { nl as catalog, type NlPlural } from './nl';

/** The Dutch language pack: its catalog, formats, theme words, direction and plural forms. */
export const nl: LanguagePack<'nl', NlPlural> = {
  code: 'nl',
  nativeName: 'Nederlands',
  catalog,
  intlLocale: 'nl',
  dateFnsLocale,
  datePattern: 'EEEEEE d MMM',
  dateTimePattern: "EEEEEE d MMM 'om' HH:mm",
  stopWords: `aan al als bij dan dat de deze die dit doen door een en er ga gaat geen had heb hebben heeft het hij
hoe ik in is je jij kan maar me meer men met mijn na naar niet nog nu of om omdat ons ook op over te tot
uit van veel voor want was wat we wel werd wie wij worden wordt zal ze zei zich zij zijn zo zou week`,
  judgingWords: `goed goede slecht slechte prima fijn fijne leuk leuke geweldig geweldige super top beter betere
best beste slechter slechtste matig matige mooi mooie prachtig prachtige uitstekend uitstekende vreselijk
vreselijke verschrikkelijk verschrikkelijke oké`,
  awayPhrases: ['vakantie', 'op vakantie', 'afwezig', 'met verlof', 'verlof', 'ziek', 'niet op kantoor'],
  direction: 'ltr',
  pluralCategories: { one: 1, other: 2 },
};
