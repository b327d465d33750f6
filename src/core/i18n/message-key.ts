/** The catalog keys, in a module of their own so the catalogs can name them without importing the index that imports them. */
import type { en } from './en';
import type { LanguagePluralCategories, PluralMessage } from './plural';

export type MessageKey = keyof typeof en;

/** A language's catalog: a sentence where English has one, the language's own plural forms where English has plural forms. */
export type CatalogOf<L extends keyof LanguagePluralCategories> = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage<LanguagePluralCategories[L]> };
