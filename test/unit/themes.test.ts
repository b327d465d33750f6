import { extractThemes } from '../../src/core/themes';

describe('extractThemes', () => {
  test('words that recur across comments, most widespread first', () => {
    const comments = [
      'Too many meetings this week',
      'The meetings eat my focus time',
      'Deadlines are tight and meetings run long',
      'Deadlines again',
      'Great lunch',
    ];
    expect(extractThemes(comments)).toEqual(['meetings', 'deadlines']);
  });

  test('a word repeated inside one comment is not a theme', () => {
    expect(extractThemes(['great great great team', 'fine'])).toEqual([]);
  });

  test('empty when nothing recurs, or nothing is given', () => {
    expect(extractThemes(['the printer is broken', 'lovely offsite'])).toEqual([]);
    expect(extractThemes([])).toEqual([]);
    expect(extractThemes(['', '   '])).toEqual([]);
  });

  test('stop words, short words and numbers never become themes', () => {
    expect(extractThemes(['it was ok, I am at 7 of 10', 'it is ok at 7 of 10 by me', 'ok so 2026'])).toEqual([]);
  });

  test('plurals fold, and the more common surface form is shown', () => {
    expect(extractThemes(['one meeting too many', 'meetings all day', 'back to back meetings'])).toEqual(['meetings']);
    expect(extractThemes(['priority shifts', 'unclear priorities', 'the priority changed'])).toEqual(['priority']);
    expect(extractThemes(['new processes', 'the process is slow'])).toEqual(['process']);
  });

  test('a recurring phrase is preferred over its two words', () => {
    const comments = ['code review is slow', 'waiting on code review', 'more code reviews please'];
    expect(extractThemes(comments)).toEqual(['code review']);
  });

  test('a word that also recurs on its own stays beside the phrase', () => {
    const comments = ['long meetings', 'long meetings again', 'meetings without agenda', 'pointless meetings'];
    expect(extractThemes(comments)).toEqual(['meetings', 'long meetings']);
  });

  test('phrases do not span stop words or punctuation', () => {
    expect(extractThemes(['team. Deadlines hurt', 'great team, deadlines ahead'])).toEqual(['deadlines', 'team']);
    expect(extractThemes(['support and budget', 'support for budget'])).toEqual(['budget', 'support']);
  });

  test('redaction tokens are ignored', () => {
    expect(extractThemes(['thanks [someone] for [email]', '[someone] called [phone]', '[group] ping'])).toEqual([]);
  });

  test('overlapping phrases from the same comments count once', () => {
    const comments = ['the code review process', 'our code review process is slow'];
    expect(extractThemes(comments)).toEqual(['code review']);
  });

  test('ties are broken alphabetically and max is respected', () => {
    const comments = ['zebra apple mango', 'mango apple zebra', 'kiwi', 'kiwi'];
    expect(extractThemes(comments, { max: 2 })).toEqual(['apple', 'kiwi']);
    expect(extractThemes(comments, { max: 0 })).toEqual([]);
    expect(extractThemes(comments, { max: 10 })).toEqual(['apple', 'kiwi', 'mango', 'zebra']);
    expect(extractThemes(comments, { max: Number.NaN })).toEqual(['apple', 'kiwi', 'mango']);
  });

  test('deterministic whatever the order of the comments', () => {
    const comments = ['tooling is slow', 'slow tooling', 'onboarding docs missing', 'docs outdated', 'tooling again'];
    const expected = extractThemes(comments);
    expect(extractThemes([...comments].reverse())).toEqual(expected);
    expect(expected).toEqual(['tooling', 'docs', 'slow']);
  });

  test('french, dutch, swedish and arabic comments', () => {
    expect(
      extractThemes(['Trop de réunions cette semaine', 'les réunions sont longues', 'une réunion inutile'], {
        language: 'fr',
      }),
    ).toEqual(['réunions']);
    expect(extractThemes(['te veel vergaderingen', 'de vergaderingen zijn lang'], { language: 'nl-NL' })).toEqual([
      'vergaderingen',
    ]);
    expect(extractThemes(['för många möten', 'möten hela veckan'], { language: 'sv' })).toEqual(['möten']);
    expect(extractThemes(['الاجتماعات كثيرة جدا', 'اجتماعات طويلة في هذا الأسبوع'], { language: 'ar' })).toEqual([
      'اجتماعات',
    ]);
  });

  test('words that only judge the week (good, great, bad, fine…) are never themes, in any of the five languages', () => {
    // What a sandbox round really got: "good" was in three comments and came out as the only theme.
    const round = [
      'Good progress, but the deadline feels tight.',
      'Fine. Some good days, some long ones.',
      'Helped a customer fix their setup in one call, felt good.',
      'Okay week. Meetings took most of Tuesday.',
    ];
    expect(extractThemes(round)).toEqual([]);
    // What the comments are about still comes through, beside the judging words.
    expect(
      extractThemes(['great release, bad deadline', 'bad deadline again', 'a great release', 'fine, nice, awesome'], {
        language: 'en',
      }),
    ).toEqual(['deadline', 'release']);
    expect(
      extractThemes(
        ['bonne semaine, super équipe', 'très bonne ambiance, équipe géniale', 'semaine nulle, mauvaise ambiance'],
        { language: 'fr' },
      ),
    ).toEqual(['ambiance', 'équipe']);
    expect(
      extractThemes(['goede week, leuke sprint', 'prima sprint', 'slechte planning, goed team', 'planning was matig'], {
        language: 'nl',
      }),
    ).toEqual(['planning', 'sprint']);
    expect(
      extractThemes(['bra vecka, dåligt möte', 'bättre möte idag', 'fint team, bra team'], { language: 'sv' }),
    ).toEqual(['möte']);
    expect(extractThemes(['أسبوع جيد، الفريق رائع', 'كان جيدا مع الفريق', 'أسبوع ممتاز'], { language: 'ar' })).toEqual([
      'الفريق',
    ]);
  });

  test('without a language every stop-word list applies; with one, English and that one', () => {
    // "door" is a Dutch stop word but an English noun.
    const comments = ['the door is broken', 'fix the door'];
    expect(extractThemes(comments)).toEqual([]);
    expect(extractThemes(comments, { language: 'en' })).toEqual(['door']);
    // An unknown language (or a name that only looks like a key) falls back to every list.
    expect(extractThemes(comments, { language: 'constructor' })).toEqual([]);
    expect(extractThemes(comments, { language: 'de' })).toEqual([]);
  });
});
