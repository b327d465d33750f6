/**
 * Arabic (Modern Standard), written right to left. Numbers in Western digits (`ar-u-nu-latn`, see ../../format.ts);
 * dates take the full day name ("الجمعة 27 نوفمبر").
 */
import { ar as dateFnsLocale } from 'date-fns/locale/ar';
import type { LanguagePack } from '../../language-pack';
import { ar as catalog, type ArPlural } from './ar';

/** The Arabic language pack: its catalog, formats, theme words, direction and plural forms. */
export const ar: LanguagePack<'ar', ArPlural> = {
  code: 'ar',
  nativeName: 'العربية',
  catalog,
  intlLocale: 'ar-u-nu-latn',
  dateFnsLocale,
  datePattern: 'EEEE d MMMM',
  dateTimePattern: "EEEE d MMMM، 'الساعة' HH:mm",
  stopWords: `في من إلى الى على عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم نحن أنا انا أنت كان كانت يكون لم لن
لا ما ماذا كل بعض أو او ثم قد لقد إن ان أن لكن حتى عند بين كما أي اي جدا هناك هنا ليس فقط أيضا ايضا بعد قبل
أسبوع الأسبوع`,
  judgingWords: `جيد جيدة جيدا جيدًا ممتاز ممتازة ممتازا ممتازًا سيء سيئ سيئة سيئا سيئًا رائع رائعة رائعا رائعًا
جميل جميلة جميلا جميلًا أفضل افضل أسوأ اسوأ بخير حسنة مقبول مقبولة ممتع ممتعة`,
  awayPhrases: ['إجازة', 'اجازة', 'في إجازة', 'خارج المكتب', 'غائب', 'مريض', 'عطلة'],
  direction: 'rtl',
  pluralCategories: { zero: 0, one: 1, two: 2, few: 3, many: 11, other: 100 },
};
