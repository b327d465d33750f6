/**
 * Everything the bot knows about one language, in one typed value: a language is one folder,
 * src/core/i18n/languages/<code>/, whose index.ts exports its pack, and one entry in ./languages.
 * Every per-language table (supported languages, the `/pulse config language` list, number and date
 * formats, theme stop words, text direction, plural forms) is derived from the registered packs.
 */
import type { Locale } from 'date-fns';
import type { CatalogOf } from './message-key';
import type { PluralCategory } from './plural';

/**
 * The pack of language `Code`, whose cardinal plural rules use the categories `Plural` besides `other`.
 * `Plural` types the catalog's plural forms, so a catalog missing one (or having one the pack does
 * not declare) fails to compile. `LanguagePack` alone (no arguments) is any language's pack.
 */
export interface LanguagePack<Code extends string = string, Plural extends PluralCategory = never> {
  /** The ISO 639 code a locale's primary subtag is matched against ("fr" for "fr-CA"); lower case. */
  readonly code: Code;
  /** The language's name in itself ("Français"), for people choosing one. */
  readonly nativeName: string;
  /** Every user-facing sentence, keyed like the English catalog. */
  readonly catalog: CatalogOf<Plural>;
  /** The BCP 47 tag numbers are formatted with (`Intl.NumberFormat`), e.g. "ar-u-nu-latn" for Western digits. */
  readonly intlLocale: string;
  /** The date-fns locale for day and month names, imported by subpath (`date-fns/locale/fr`) so no other locale loads. */
  readonly dateFnsLocale: Locale;
  /** The date-fns pattern of a calendar day, short: "EEE d MMM" → "ven. 27 nov.". */
  readonly datePattern: string;
  /** The date-fns pattern of a day and 24-hour time: "EEE d MMM 'à' HH:mm" → "ven. 27 nov. à 14:00". */
  readonly dateTimePattern: string;
  /** Function words and answer filler that are never a theme of comments, separated by white space. */
  readonly stopWords: string;
  /** Words that only judge (good, bad…), in the forms people write them; never a theme either. White-space separated. */
  readonly judgingWords: string;
  /**
   * Words and phrases in a status text that say "out of office" (Slack statuses), matched as whole words after
   * folding case and accents ("congé" is written "conge"), so "absent" matches "Absent today" but not "absentee".
   */
  readonly awayPhrases: readonly string[];
  /** The direction the language is written in; 'rtl' makes `rtlText` mark and isolate its messages. */
  readonly direction: 'ltr' | 'rtl';
  /**
   * Each plural category the language's cardinal rules use, `other` included, with a count that takes it
   * (fr: `{ one: 1, many: 1_000_000, other: 2 }`); test/unit/language-packs.test.ts checks both against Intl.
   */
  readonly pluralCategories: { readonly [C in Plural | 'other']: number };
}
