/**
 * Plural forms. A catalog entry is a sentence, or, where a number changes the wording, one
 * sentence per CLDR plural category of the language ("1 round" / "3 rounds"; Arabic has six).
 * The number is always the message's `count` parameter, and `Intl.PluralRules` picks the form,
 * so "(s)" never reaches a reader.
 *
 * Each language pack (./language-pack) names exactly the categories its rules use: the compiler checks
 * its catalog against them, test/unit/language-packs.test.ts checks them against `Intl.PluralRules`.
 */

/** The CLDR plural categories, as `Intl.PluralRules#select` names them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A message with one wording per plural category `C` (and `other`, which every language has). */
export type PluralMessage<C extends PluralCategory = never> = { readonly [K in C | 'other']: string };

/** Plural forms of any language: `other`, and whichever other categories the language uses. */
export type AnyPluralMessage = PluralMessage & { readonly [K in PluralCategory]?: string };

/** A catalog entry: a sentence, or its plural forms. */
export type Message = string | AnyPluralMessage;

const rules = new Map<string, Intl.PluralRules>();

/** True when a catalog entry carries plural forms rather than one sentence. */
export function isPlural(message: Message): message is AnyPluralMessage {
  return typeof message !== 'string';
}

/**
 * The wording of `message` for `count` in `language` (a BCP 47 language such as "fr"): the form of
 * the category `Intl.PluralRules` selects, else `other`. A count that is not a finite number takes `other`.
 */
export function selectPlural(language: string, message: Message, count: unknown): string {
  if (!isPlural(message)) return message;
  const n =
    typeof count === 'number' ? count : typeof count === 'string' && count.trim() !== '' ? Number(count) : Number.NaN;
  if (!Number.isFinite(n)) return message.other;
  let rule = rules.get(language);
  if (rule === undefined) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return message[rule.select(n) as PluralCategory] ?? message.other;
}
