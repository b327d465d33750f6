/**
 * The language registry: every registered pack is complete and agrees with what the runtime (ICU, via Intl)
 * and date-fns know about its language. The compiler checks that each field is present and that a catalog has
 * the pack's plural forms; this checks that the values are right, so a sixth language with a wrong or empty
 * piece fails here rather than in a user's DM.
 */
import { statusTextSaysAway } from '../../src/core/away';
import { format } from 'date-fns/format';
import { en } from '../../src/core/i18n/languages/en/en';
import { LANGUAGE_CODES, LANGUAGE_PACKS, LANGUAGES } from '../../src/core/i18n/languages';
import { isPlural, type Message } from '../../src/core/i18n/plural';
import { SUPPORTED_LANGUAGES, isRtl } from '../../src/core/i18n';

// Friday 27 November 2026, 14:00 UTC: a date whose day and month every pattern must show.
const FRIDAY = new Date(Date.UTC(2026, 10, 27, 14, 0));
const englishKeys = Object.keys(en).sort();
const sorted = (items: Iterable<string>): string[] => [...items].sort();

/** The text direction ICU gives a language (Node 20 has the `textInfo` accessor; later versions `getTextInfo()`). */
function directionOf(code: string): string | undefined {
  const locale = new Intl.Locale(code) as Intl.Locale & {
    textInfo?: { direction?: string };
    getTextInfo?: () => { direction?: string };
  };
  return (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
}

test('the registry lists each language once, English first, and everything else reads its codes', () => {
  const codes = LANGUAGES.map((pack) => pack.code);
  expect(codes[0]).toBe('en');
  expect(new Set(codes).size).toBe(codes.length);
  expect(LANGUAGE_CODES).toEqual(codes);
  expect(SUPPORTED_LANGUAGES).toEqual(codes);
  expect(sorted(Object.keys(LANGUAGE_PACKS))).toEqual(sorted(codes));
});

describe.each(LANGUAGES.map((pack) => [pack.code, pack] as const))('the %s pack', (code, pack) => {
  it('has a lower-case ISO 639 code that the runtime knows as a language, and its name in itself', () => {
    expect(code).toMatch(/^[a-z]{2,3}$/);
    expect(new Intl.Locale(code).language).toBe(code);
    const ownName = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    expect(pack.nativeName.toLocaleLowerCase(code)).toBe(ownName?.toLocaleLowerCase(code));
  });

  it('has every English key, no other, and no empty sentence', () => {
    const catalog: Record<string, Message> = pack.catalog;
    expect(sorted(Object.keys(catalog))).toEqual(englishKeys);
    const empty = Object.entries(catalog).filter(([, message]) =>
      (isPlural(message) ? Object.values(message) : [message]).some((text) => text.trim() === ''),
    );
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('names exactly the plural categories of its Intl.PluralRules, each with a count that takes it, and its catalog uses exactly those', () => {
    const rules = new Intl.PluralRules(code);
    expect(sorted(Object.keys(pack.pluralCategories))).toEqual(sorted(rules.resolvedOptions().pluralCategories));
    for (const [category, count] of Object.entries(pack.pluralCategories))
      expect([category, rules.select(count)]).toEqual([category, category]);
    const forms = Object.values(pack.catalog as Record<string, Message>)
      .filter(isPlural)
      .map((message) => sorted(Object.keys(message)).join());
    expect(forms.length).toBeGreaterThan(0);
    expect(new Set(forms)).toEqual(new Set([sorted(Object.keys(pack.pluralCategories)).join()]));
  });

  it('formats numbers with an Intl locale of its own language that the runtime supports', () => {
    expect(Intl.NumberFormat.supportedLocalesOf([pack.intlLocale])).toEqual([pack.intlLocale]);
    expect(new Intl.Locale(pack.intlLocale).language).toBe(code);
  });

  it('writes dates with a date-fns locale of its language and patterns showing the day, and the time in 24 hours', () => {
    expect(pack.dateFnsLocale.code?.split('-')[0]).toBe(code);
    const day = format(FRIDAY, pack.datePattern, { locale: pack.dateFnsLocale });
    const dayTime = format(FRIDAY, pack.dateTimePattern, { locale: pack.dateFnsLocale });
    expect(day).toContain('27');
    expect(dayTime).toContain('27');
    expect(dayTime).toContain('14:00');
  });

  it('has stop words and judging words, lower case, each list at least a dozen words', () => {
    for (const list of [pack.stopWords, pack.judgingWords]) {
      const words = list.split(/\s+/).filter((word) => word !== '');
      expect(words.length).toBeGreaterThanOrEqual(12);
      expect(words.filter((word) => word !== word.toLocaleLowerCase(code))).toEqual([]);
    }
  });

  it('has out-of-office words, and a status saying the first of them means away', () => {
    expect(pack.awayPhrases.length).toBeGreaterThanOrEqual(5);
    expect(statusTextSaysAway(`Back soon: ${pack.awayPhrases[0]!}`)).toBe(true);
  });

  it('is written in the direction ICU gives the language, and isRtl follows it', () => {
    expect(pack.direction).toBe(directionOf(code));
    expect(isRtl(code)).toBe(pack.direction === 'rtl');
  });
});
