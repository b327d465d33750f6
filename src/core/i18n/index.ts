/**
 * Message catalog lookup. Every user-facing sentence goes through `translate`.
 *
 * The catalogs come from the language packs of the registry (./languages): English (the reference)
 * and one per language. Each is typed `CatalogOf<its plural categories>`, so a key missing from any of
 * them fails to compile, as does a plural entry without the language's plural forms (./plural);
 * test/unit/i18n.test.ts checks that their placeholders match English key by key.
 * A locale is whatever the platform gives ("fr-FR", "nl_BE", "ar"); only its language picks
 * the catalog. Numbers, dates and right-to-left text are handled in `./format`.
 */
import { LANGUAGE_CODES, LANGUAGES, type SupportedLanguage } from './languages';
import { selectPlural, type Message } from './plural';
import type { MessageKey } from './message-key';

export type { MessageKey } from './message-key';
export type MessageParams = Record<string, string | number>;
/** A catalog of any language: a sentence or plural forms per key. */
export type Catalog = Record<MessageKey, Message>;
export type { CatalogOf } from './message-key';
export type { SupportedLanguage } from './languages';

/** The languages the bot speaks, English first (the fallback): the codes of the registry's packs. */
export const SUPPORTED_LANGUAGES = LANGUAGE_CODES;

/** Every catalog by language. English is the reference the others are checked against. */
export const catalogs: Readonly<Record<SupportedLanguage, Catalog>> = Object.fromEntries(
  LANGUAGES.map((pack) => [pack.code, pack.catalog]),
) as Record<SupportedLanguage, Catalog>;

const RTL_LANGUAGES: ReadonlySet<SupportedLanguage> = new Set(
  LANGUAGES.filter((pack) => pack.direction === 'rtl').map((pack) => pack.code),
);

/** The primary language subtag of a locale ("fr_CA" → "fr"), lower case; null when there is none. */
function primarySubtag(locale: string | null | undefined): string | null {
  if (typeof locale !== 'string') return null;
  const subtag = locale.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(subtag) ? subtag : null;
}

function isSupportedLanguage(language: string | null): language is SupportedLanguage {
  return language !== null && (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}

/** The catalog language for a locale: "fr-FR", "fr" and "fr_CA" give "fr"; anything unsupported gives "en". */
export function languageOf(locale: string | null | undefined): SupportedLanguage {
  const language = primarySubtag(locale);
  return isSupportedLanguage(language) ? language : 'en';
}

/** True when the locale's language has a catalog of its own ("sv-SE" yes, "de-DE" no). */
export function isSupportedLocale(locale: string | null | undefined): boolean {
  return isSupportedLanguage(primarySubtag(locale));
}

/**
 * The locale to speak to someone in: the first candidate whose language has a catalog, in the
 * order given (a member's Slack or Teams locale, then the team's `language` setting), else "en".
 * Returned as a BCP 47 tag ("fr_CA" → "fr-CA") so the region survives for callers that use it.
 */
export function resolveLocale(...candidates: Array<string | null | undefined>): string {
  for (const candidate of candidates) {
    if (isSupportedLocale(candidate)) return (candidate as string).trim().replace(/_/g, '-');
  }
  return 'en';
}

/** True when the locale's catalog language is written right to left (Arabic). */
export function isRtl(locale: string | null | undefined): boolean {
  return RTL_LANGUAGES.has(languageOf(locale));
}

/** The sentence for `key` in the locale's language (its plural form for `params.count`), with {placeholders} filled in. */
export function translate(locale: string | null | undefined, key: MessageKey, params: MessageParams = {}): string {
  const language = languageOf(locale);
  const template = selectPlural(language, catalogs[language][key] ?? catalogs.en[key], params.count);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
