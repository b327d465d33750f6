/** The catalog keys, in a module of their own so the catalogs can name them without importing the index that imports them. */
import type { en } from './languages/en/en';
import type { PluralCategory, PluralMessage } from './plural';

export type MessageKey = keyof typeof en;

/**
 * A catalog of a language whose plural rules use the categories `P` (besides `other`): a sentence where
 * English has one, exactly those plural forms where English has plural forms.
 */
export type CatalogOf<P extends PluralCategory> = {
  [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage<P>;
};
