/**
 * The catalog's neutral markup (src/core/markup.ts): one parser into typed segments, written back
 * losslessly, with stray markup found rather than guessed at.
 */
import fc from 'fast-check';
import { catalogs, SUPPORTED_LANGUAGES } from '../../src/core/i18n';
import { toSlackMrkdwn } from '../../src/platforms/slack/render';
import { findStrayMarkup, formatMarkup, mentionedPeople, parseMarkup, type Segment } from '../../src/core/markup';

const text = (t: string): Segment => ({ kind: 'text', text: t });

describe('parseMarkup', () => {
  test('each form becomes its segment', () => {
    expect(parseMarkup('*Team settings* for <@U1> in <#C2|team-pulse>')).toEqual([
      { kind: 'bold', children: [text('Team settings')] },
      text(' for '),
      { kind: 'person', id: 'U1', label: null },
      text(' in '),
      { kind: 'channel', id: 'C2', label: 'team-pulse' },
    ]);
    expect(
      parseMarkup(
        '<https://x.test/m|See the message> <https://x.test> :tada: <!date^1800000000^{date_short_pretty} {time}|2027-01-15 08:00 UTC>',
      ),
    ).toEqual([
      { kind: 'link', url: 'https://x.test/m', label: 'See the message' },
      text(' '),
      { kind: 'link', url: 'https://x.test', label: null },
      text(' '),
      { kind: 'emoji', name: 'tada' },
      text(' '),
      { kind: 'date', seconds: 1800000000, format: '{date_short_pretty} {time}', fallback: '2027-01-15 08:00 UTC' },
    ]);
  });

  test('code is code; code that starts with /pulse or /kudos is a command reference', () => {
    expect(parseMarkup('Run `/pulse schedule fri 14:00`, `/kudos` or `threshold`; `/pulsefoo` is no command.')).toEqual(
      [
        text('Run '),
        { kind: 'command', command: 'pulse', rest: [text(' schedule fri 14:00')] },
        text(', '),
        { kind: 'command', command: 'kudos', rest: [] },
        text(' or '),
        { kind: 'code', children: [text('threshold')] },
        text('; '),
        { kind: 'code', children: [text('/pulsefoo')] },
        text(' is no command.'),
      ],
    );
  });

  test('bold holds other segments but not bold; code holds people and emoji but not bold', () => {
    expect(parseMarkup('*from <@U1> `/pulse now`*')).toEqual([
      {
        kind: 'bold',
        children: [
          text('from '),
          { kind: 'person', id: 'U1', label: null },
          text(' '),
          { kind: 'command', command: 'pulse', rest: [text(' now')] },
        ],
      },
    ]);
    expect(parseMarkup('`/kudos <@U1> for *this* :clap:`')).toEqual([
      {
        kind: 'command',
        command: 'kudos',
        rest: [
          text(' '),
          { kind: 'person', id: 'U1', label: null },
          text(' for *this* '),
          { kind: 'emoji', name: 'clap' },
        ],
      },
    ]);
  });

  test('odd input is plain text: unbalanced or glued stars, unclosed <@, lone backtick, escaped < from people', () => {
    expect(parseMarkup('2*3*4 and *open')).toEqual([text('2*3*4 and *open')]);
    expect(parseMarkup('*a*b')).toEqual([text('*a*b')]);
    expect(parseMarkup('x*y* z')).toEqual([text('x*y* z')]);
    expect(parseMarkup('**')).toEqual([text('**')]);
    expect(parseMarkup('<@U1 and `half')).toEqual([text('<@U1 and `half')]);
    expect(parseMarkup('&lt;@U1&gt; &lt;3 &amp;')).toEqual([text('&lt;@U1&gt; &lt;3 &amp;')]);
    expect(parseMarkup('*two\nlines*')).toEqual([text('*two\nlines*')]);
    expect(parseMarkup('<mailto:a@b.test> <!here>')).toEqual([text('<mailto:a@b.test> <!here>')]);
  });

  test('bold opens after a space or an opening quote and closes before punctuation', () => {
    expect(parseMarkup('(*7.4*) “*yes*”, *no*!')).toEqual([
      text('('),
      { kind: 'bold', children: [text('7.4')] },
      text(') “'),
      { kind: 'bold', children: [text('yes')] },
      text('”, '),
      { kind: 'bold', children: [text('no')] },
      text('!'),
    ]);
  });

  test('mentionedPeople lists each person once, wherever they are', () => {
    expect(mentionedPeople('<@U1> *and <@U2>* `/kudos <@U3>` <@U1>')).toEqual(['U1', 'U2', 'U3']);
  });
});

describe('parseMarkup, for any input', () => {
  // Strings dense in the characters the grammar cares about, so odd combinations come up often.
  const markupish = fc.string({
    unit: fc.constantFrom(
      '*',
      '`',
      '<',
      '>',
      '@',
      '#',
      '|',
      ':',
      '!',
      '^',
      ' ',
      '\n',
      'a',
      'U1',
      'https:',
      '/pulse',
      'tada',
      '&lt;',
      '1',
      '<@U1',
      '<#C1',
      '<https://x.test',
      '|label',
      '<!date^1^{t}|',
      ')',
    ),
    maxLength: 40,
  });
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    markupish,
  );

  test('never throws, and writing the segments back gives the input exactly', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expect(formatMarkup(parseMarkup(input))).toBe(input);
      }),
      { numRuns: 2000 },
    );
  });

  test('plain text is one text segment, unchanged', () => {
    const plain = fc.string({ unit: 'grapheme', maxLength: 80 }).filter((s) => !/[*`<:]/.test(s));
    fc.assert(
      fc.property(plain, (input) => {
        expect(parseMarkup(input)).toEqual(input === '' ? [] : [text(input)]);
        expect(findStrayMarkup(input.replace(/>/g, '&gt;'))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  test('text escaped as people reach the catalog (&amp; &lt; &gt;) never turns into markup', () => {
    const escaped = fc
      .string({ unit: fc.constantFrom('<', '>', '&', '@', '#', 'U1', '|', ' ', 'x'), maxLength: 40 })
      .map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    fc.assert(
      fc.property(escaped, (input) => {
        expect(parseMarkup(input).every((s) => s.kind === 'text')).toBe(true);
      }),
    );
  });

  test('adjacent plain text is always one segment', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const kinds = parseMarkup(input).map((s) => s.kind);
        expect(kinds.some((kind, i) => kind === 'text' && kinds[i + 1] === 'text')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findStrayMarkup', () => {
  test('clean markup has none', () => {
    expect(findStrayMarkup('*Kudos* to <@U1> :tada: `/pulse now` <https://x.test|link>\n> a quote')).toEqual([]);
  });

  test('names each markup character left in plain text, with its place', () => {
    expect(findStrayMarkup('a * b')).toEqual(['"*" at 2']);
    expect(findStrayMarkup('hi <@U1 there')).toEqual(['"<" at 3']);
    expect(findStrayMarkup('*bold <x*')).toEqual(['"<" at 6']);
    expect(findStrayMarkup('odd ` tick and 2 > 1')).toEqual(['"`" at 4', '">" at 17']);
  });
});

describe('Slack rendering', () => {
  test('every catalog sentence reaches Slack exactly as written (the markup is spelled as mrkdwn)', () => {
    const sentences = SUPPORTED_LANGUAGES.flatMap((language) =>
      Object.values(catalogs[language]).flatMap((entry) =>
        typeof entry === 'string' ? [entry] : Object.values(entry as Record<string, string>),
      ),
    );
    expect(sentences.length).toBeGreaterThan(500);
    const changed = sentences.filter((sentence) => toSlackMrkdwn(sentence) !== sentence);
    expect(changed).toEqual([]);
  });
});
