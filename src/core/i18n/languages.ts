/**
 * The language registry: the one list of the languages the bot speaks. Adding a language is its folder
 * (./languages/<code>/, see CONTRIBUTING.md "Add a language") and one entry here; everything that
 * differs by language is derived from these packs.
 */
import { ar } from './languages/ar';
import { en } from './languages/en';
import { fr } from './languages/fr';
import { nl } from './languages/nl';
import { sv } from './languages/sv';
import type { LanguagePack } from './language-pack';

/** Every language pack, English first (the reference catalog and the fallback). */
export const LANGUAGES = [en, fr, nl, sv, ar] as const satisfies readonly LanguagePack[];

/** A registered language pack. */
export type RegisteredPack = (typeof LANGUAGES)[number];
/** The code of a registered language: 'en' | 'fr' | … */
export type SupportedLanguage = RegisteredPack['code'];

/** The codes of the registered languages, in registry order. */
export const LANGUAGE_CODES: readonly SupportedLanguage[] = LANGUAGES.map((pack) => pack.code);

/** The codes as `/pulse help` and the config parser's error write them: "en, fr, nl, sv, ar". */
export const LANGUAGE_LIST = LANGUAGE_CODES.join(', ');

/** Each registered pack by its code. */
export const LANGUAGE_PACKS = Object.fromEntries(LANGUAGES.map((pack) => [pack.code, pack])) as unknown as Readonly<
  Record<SupportedLanguage, LanguagePack>
>;
