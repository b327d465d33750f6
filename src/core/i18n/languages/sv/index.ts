/** Swedish. */
import { sv as dateFnsLocale } from 'date-fns/locale/sv';
import type { LanguagePack } from '../../language-pack';
import { sv as catalog, type SvPlural } from './sv';

/** The Swedish language pack: its catalog, formats, theme words, direction and plural forms. */
export const sv: LanguagePack<'sv', SvPlural> = {
  code: 'sv',
  nativeName: 'Svenska',
  catalog,
  intlLocale: 'sv',
  dateFnsLocale,
  datePattern: 'EEE d MMM',
  dateTimePattern: "EEE d MMM 'kl.' HH:mm",
  stopWords: `alla allt att av blev bli blir de dem den denna deras dess det detta dig din dina ditt du där eller
en ett från för har hade han hans hon honom hur här inte jag kan man med mig min mina mitt mot mycket
ni nu när och om oss på sig sin sina sitt sina ska skulle som så till under upp ut var vad varit vara
vi vid väldigt än är över vecka veckan`,
  judgingWords: `bra bättre bäst bästa dålig dåligt dåliga sämre sämst fin fint fina toppen jättebra okej kul
skön skönt sköna härlig härligt härliga underbar underbart utmärkt utmärkta hemsk hemskt hemska trevlig trevligt`,
  awayPhrases: [
    'semester',
    'pa semester',
    'ledig',
    'tjanstledig',
    'foraldraledig',
    'sjuk',
    'sjukskriven',
    'franvarande',
    'inte pa kontoret',
  ],
  direction: 'ltr',
  pluralCategories: { one: 1, other: 2 },
};
