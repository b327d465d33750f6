/** Message catalog lookup. Every user-facing sentence goes through `translate`. */
import { en } from './en';

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

type Catalog = Record<MessageKey, string>;
const catalogs: Record<string, Catalog> = { en };

/** The catalog language for a locale such as "fr-FR" (English until other catalogs exist). */
export function languageOf(locale: string | null | undefined): string {
  const lang = (locale ?? 'en').slice(0, 2).toLowerCase();
  return lang in catalogs ? lang : 'en';
}

/** The sentence for `key` in the locale's language, with {placeholders} filled in. */
export function translate(locale: string | null | undefined, key: MessageKey, params: MessageParams = {}): string {
  const catalog = catalogs[languageOf(locale)] ?? en;
  const template: string = catalog[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
