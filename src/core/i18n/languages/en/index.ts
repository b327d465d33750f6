/** English: the reference catalog (every other one has its keys) and the fallback for any unsupported locale. */
import { enUS as dateFnsLocale } from 'date-fns/locale/en-US';
import type { LanguagePack } from '../../language-pack';
import { en as catalog, type EnPlural } from './en';

/** The English language pack: its catalog, formats, theme words, direction and plural forms. */
export const en: LanguagePack<'en', EnPlural> = {
  code: 'en',
  nativeName: 'English',
  catalog,
  intlLocale: 'en',
  dateFnsLocale,
  datePattern: 'EEE, MMM d',
  dateTimePattern: 'EEE, MMM d, HH:mm',
  stopWords: `a about above after again against all almost also although always am an and any anyone anything are
aren around as at away back be because been before being below between both but by can cannot could couldn
did didn do does doesn doing don done down during each either else enough etc even ever every everyone
everything few for from further get gets getting got had hadn has hasn have haven having he her here hers
herself him himself his how however i if in into is isn it its itself just last least less let like lot
lots made make makes many may maybe me might mine more most much must mustn my myself need needs neither
never next no nor not nothing now of off often ok okay on once one only or other others otherwise our ours
ourselves out over own per quite rather really same say says seem seems shall shan she should shouldn
since so some someone something sometimes still such than that the their theirs them themselves then
there these they thing things think this those though through thus till to too toward towards under
until up upon us very via was wasn way we well were weren what whatever when where whether which while
who whom whose why will with within without won would wouldn yeah yes yet you your yours yourself
yourselves week weeks feel feeling feels felt bit pretty kind sure actually`,
  judgingWords: `good great bad fine nice awesome amazing excellent fantastic wonderful lovely terrible awful horrible
better best worse worst decent poor super cool solid rough tough meh`,
  awayPhrases: [
    'out of office',
    'out of the office',
    'ooo',
    'ooto',
    'on vacation',
    'on holiday',
    'on holidays',
    'on leave',
    'on pto',
    'pto',
    'vacation',
    'holiday',
    'sick leave',
    'off sick',
    'out sick',
    'parental leave',
    'maternity leave',
    'paternity leave',
  ],
  direction: 'ltr',
  pluralCategories: { one: 1, other: 2 },
};
