import fc from 'fast-check';
import { commandText, SLACK_REFERENCE } from '../support/command-text';
import {
  MAX_KUDOS_REASON_LENGTH,
  MAX_KUDOS_TAGS,
  parseKudosCommand,
  type KudosCommand,
} from '../../src/core/commands/kudos-parser';
import { splitTags } from '../../src/core/kudos';
import { MAX_COMMAND_LENGTH } from '../../src/core/commands/limits';
import type { CommandError } from '../../src/core/commands/words';
import { translate } from '../../src/core/i18n';
import { enCommands } from '../../src/core/i18n/languages/en/en-commands';

function expectTranslatable(error: CommandError): void {
  expect(Object.keys(enCommands)).toContain(error.key);
  const template: string = enCommands[error.key];
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) expect(error.params).toHaveProperty([name as string]);
  const typed = Object.values(error.params).some((value) => /[{}]/.test(String(value)));
  if (!typed) expect(translate('en', error.key, error.params)).not.toMatch(/\{\w+\}/);
}

describe('parseKudosCommand: kudos', () => {
  const cases: [string, KudosCommand][] = [
    ['<@U123ABC|alex> for fixing the deploy', { recipients: ['U123ABC'], reason: 'fixing the deploy', tags: [] }],
    ['<@U123ABC> for fixing the deploy', { recipients: ['U123ABC'], reason: 'fixing the deploy', tags: [] }],
    ['<@U123ABC> FOR fixing the deploy', { recipients: ['U123ABC'], reason: 'fixing the deploy', tags: [] }],
    ['<@U123ABC> thanks for the deploy', { recipients: ['U123ABC'], reason: 'thanks for the deploy', tags: [] }],
    [
      '<@U123ABC|alex>, <@W456DEF|sam> and <@U123ABC> for the launch #Teamwork #customer-care, #teamwork',
      { recipients: ['U123ABC', 'W456DEF'], reason: 'the launch', tags: ['teamwork', 'customer-care'] },
    ],
    ['<@U1><@U2> & <@U3> + <@U4> for pairing', { recipients: ['U1', 'U2', 'U3', 'U4'], reason: 'pairing', tags: [] }],
    ['<@U1> &amp; <@U2> for pairing', { recipients: ['U1', 'U2'], reason: 'pairing', tags: [] }],
    // Slack turns "#teamwork" into a channel link when such a channel exists.
    ['<@U1> for help <#C999|teamwork>', { recipients: ['U1'], reason: 'help', tags: ['teamwork'] }],
    // Only trailing #words are tags; one inside the sentence stays text.
    [
      '<@U1> for #1 support all week #ownership',
      { recipients: ['U1'], reason: '#1 support all week', tags: ['ownership'] },
    ],
    ['<@U1> for helping <@U2|bo> with Q&amp;A', { recipients: ['U1'], reason: 'helping <@U2> with Q&amp;A', tags: [] }],
    ['<@U1> for <!channel> level heroics', { recipients: ['U1'], reason: '@channel level heroics', tags: [] }],
    ['  <@U1>\n\tfor   the\u00a0fix  ', { recipients: ['U1'], reason: 'the fix', tags: [] }],
    ['<@U1> for المساعدة في الإطلاق #تعاون', { recipients: ['U1'], reason: 'المساعدة في الإطلاق', tags: ['تعاون'] }],
    ['<@U1> för hjälpen 🙌🏽 #kundfokus', { recipients: ['U1'], reason: 'för hjälpen 🙌🏽', tags: ['kundfokus'] }],
    [
      "<@U1> for '; DROP TABLE kudos;-- $(rm -rf /) `id`",
      { recipients: ['U1'], reason: "'; DROP TABLE kudos;-- $(rm -rf /) `id`", tags: [] },
    ],
    [
      `<@U1> for ${'a'.repeat(MAX_KUDOS_REASON_LENGTH)}`,
      { recipients: ['U1'], reason: 'a'.repeat(MAX_KUDOS_REASON_LENGTH), tags: [] },
    ],
  ];

  it.each(cases)('%j', (text, command) => {
    expect(parseKudosCommand(text)).toEqual({ ok: true, command });
  });
});

describe('parseKudosCommand: punctuation and emoji around the tags', () => {
  const cases: [string, Pick<KudosCommand, 'reason' | 'tags'>][] = [
    ['<@U1> for a great demo #teamwork!', { reason: 'a great demo', tags: ['teamwork'] }],
    ['<@U1> for a great demo #Teamwork, #speed.', { reason: 'a great demo', tags: ['teamwork', 'speed'] }],
    ['<@U1> for a great demo #teamwork?!… #speed:', { reason: 'a great demo', tags: ['teamwork', 'speed'] }],
    ['<@U1> for a great demo #teamwork,#speed;#fun', { reason: 'a great demo', tags: ['teamwork', 'speed', 'fun'] }],
    // Punctuation and emoji standing among the tags are dropped; before the first tag they are the reason's.
    ['<@U1> for a great demo! #teamwork ! #speed 🎉', { reason: 'a great demo!', tags: ['teamwork', 'speed'] }],
    ['<@U1> for a great demo #teamwork🎉 #fun❤️', { reason: 'a great demo', tags: ['teamwork', 'fun'] }],
    ['<@U1> for المساعدة #تعاون؟ #سرعة،', { reason: 'المساعدة', tags: ['تعاون', 'سرعة'] }],
    // "-" and "_" belong to the tag.
    ['<@U1> for the fix #customer-care #on_call', { reason: 'the fix', tags: ['customer-care', 'on_call'] }],
    // Without a tag, nothing is dropped: trailing punctuation and emoji stay in the reason.
    ['<@U1> for the demo 🎉 !', { reason: 'the demo 🎉 !', tags: [] }],
    ['<@U1> for the demo #', { reason: 'the demo #', tags: [] }],
    // Not tags: a bracketed #word, a possessive, a tag longer than 40 characters; they stay text (and stop the tags).
    ['<@U1> for the demo (#teamwork)', { reason: 'the demo (#teamwork)', tags: [] }],
    ["<@U1> for #ana's demo #speed", { reason: "#ana's demo", tags: ['speed'] }],
    [`<@U1> for the demo #${'x'.repeat(41)} #speed`, { reason: `the demo #${'x'.repeat(41)}`, tags: ['speed'] }],
    // Case and width do not make two tags.
    ['<@U1> for the demo #TeamWork #teamwork #ｔｅａｍｗｏｒｋ', { reason: 'the demo', tags: ['teamwork'] }],
  ];

  it.each(cases)('%j', (text, expected) => {
    expect(parseKudosCommand(text)).toEqual({ ok: true, command: { recipients: ['U1'], ...expected } });
  });

  it(`takes up to ${MAX_KUDOS_TAGS} tags and refuses more with a clear answer`, () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#t${i + 1}`).join(' ');
    expect(parseKudosCommand(`<@U1> for the demo ${tags(MAX_KUDOS_TAGS)}`)).toMatchObject({
      ok: true,
      command: { tags: expect.arrayContaining(['t1', `t${MAX_KUDOS_TAGS}`]) },
    });
    const over = parseKudosCommand(`<@U1> for the demo ${tags(MAX_KUDOS_TAGS + 1)}`);
    expect(over).toEqual({
      ok: false,
      error: { key: 'parse.kudos_too_many_tags', params: { count: MAX_KUDOS_TAGS + 1, max: MAX_KUDOS_TAGS } },
    });
    if (!over.ok) expectTranslatable(over.error);
  });
});

describe('splitTags: company values and free tags', () => {
  it('keeps every tag: those among the values as values, the rest as free tags, each once, in the order typed', () => {
    expect(splitTags(['speed', 'teamwork', 'fun', 'speed'], ['customer-care', 'teamwork'])).toEqual({
      values: ['teamwork'],
      free: ['speed', 'fun'],
    });
    expect(splitTags([], ['teamwork'])).toEqual({ values: [], free: [] });
  });

  it('with no values configured, every tag is a free tag', () => {
    expect(splitTags(['teamwork', 'speed'], [])).toEqual({ values: [], free: ['teamwork', 'speed'] });
  });

  it('matches case-insensitively (and across Unicode width), naming the value as configured', () => {
    expect(splitTags(['teamwork', 'KUNDFOKUS', 'ｓｐｅｅｄ'], ['TeamWork', 'kundfokus', 'Speed'])).toEqual({
      values: ['TeamWork', 'kundfokus', 'Speed'],
      free: [],
    });
    expect(splitTags(['#Ownership'], ['ownership'])).toEqual({ values: ['ownership'], free: [] });
  });

  it('from typed text to the split: "#TeamWork!" is the value teamwork, "#Speed." a free tag', () => {
    const parsed = parseKudosCommand('<@U1> for a great demo #TeamWork! #Speed.');
    if (!parsed.ok) throw new Error(parsed.error.key);
    expect(splitTags(parsed.command.tags, ['teamwork', 'customer-care'])).toEqual({
      values: ['teamwork'],
      free: ['speed'],
    });
  });
});

describe('parseKudosCommand: errors', () => {
  const example = '/kudos @alex for fixing the deploy';
  const cases: [string, CommandError['key'], Record<string, string | number>][] = [
    ['', 'parse.kudos_missing_recipient', {}],
    ['help', 'usage.kudos', {}],
    ['for fixing the deploy', 'parse.kudos_missing_recipient', {}],
    ['thanks everyone', 'parse.kudos_missing_recipient', {}],
    ['@alex for fixing the deploy', 'parse.not_a_user', { value: '@alex', usage: example }],
    ['<#C123|general> for fixing the deploy', 'parse.not_a_user', { value: '#general', usage: example }],
    ['<@U1> <#C123> for fixing the deploy', 'parse.not_a_user', { value: '#C123', usage: example }],
    ['<!here> for fixing the deploy', 'parse.not_a_user', { value: '@here', usage: example }],
    ['<!subteam^S0123|@devs> for the deploy', 'parse.not_a_user', { value: '@devs', usage: example }],
    ['<@U1|alex>', 'parse.kudos_missing_reason', { recipients: '@alex' }],
    ['<@U1|alex> <@U2> for', 'parse.kudos_missing_reason', { recipients: '@alex @U2' }],
    ['<@U1|alex> for #teamwork', 'parse.kudos_missing_reason', { recipients: '@alex' }],
    ['<@U1|alex> for #teamwork! 🎉 #speed', 'parse.kudos_missing_reason', { recipients: '@alex' }],
    [
      `<@U1> for ${'a'.repeat(MAX_KUDOS_REASON_LENGTH + 1)}`,
      'parse.kudos_reason_too_long',
      { length: MAX_KUDOS_REASON_LENGTH + 1, max: MAX_KUDOS_REASON_LENGTH },
    ],
    [`<@U1> for ${'🙌'.repeat(MAX_KUDOS_REASON_LENGTH + 1)}`, 'parse.kudos_reason_too_long', { length: 501, max: 500 }],
    [
      `<@U1> for ${'x'.repeat(10_000)}`,
      'parse.too_long',
      { command: '/kudos', length: 10_010, max: MAX_COMMAND_LENGTH },
    ],
  ];

  it.each(cases)('%j → %s', (text, key, params) => {
    const result = parseKudosCommand(text);
    expect(result).toEqual({ ok: false, error: { key, params } });
    if (!result.ok) expectTranslatable(result.error);
  });

  it('never throws, and every error is a catalog sentence with every placeholder filled (property, fast-check)', () => {
    const fragments = [
      '<@U123ABC|alex>',
      '<@U9>',
      '<@W1>',
      'for',
      'FOR',
      'and',
      ',',
      '&amp;',
      '#teamwork',
      '#',
      '#!',
      '<#C1|values>',
      '<#C1>',
      '#Speed!',
      '#a,#b',
      '🎉',
      '!',
      '؟',
      '(#x)',
      '<!here>',
      '<!subteam^S1|@devs>',
      '<https://x.y>',
      '@bob',
      '<',
      '>',
      '<@',
      '|',
      '`',
      '{reason}',
      'ما',
      '😀',
      '\u202E',
      '\u0000',
      '\n',
      "'; DROP TABLE kudos;--",
      '$(reboot)',
      'great',
      'work',
      '\uDC00',
    ];
    fc.assert(
      fc.property(commandText(fragments), (text) => {
        let result: ReturnType<typeof parseKudosCommand> | undefined;
        expect(() => {
          result = parseKudosCommand(text);
        }).not.toThrow();
        if (!result) return;
        if (!result.ok) {
          expectTranslatable(result.error);
          return;
        }
        const { recipients, reason, tags } = result.command;
        expect(recipients.length).toBeGreaterThan(0);
        expect(new Set(recipients).size).toBe(recipients.length);
        expect(reason.trim()).not.toBe('');
        expect(reason.replace(SLACK_REFERENCE, '')).not.toMatch(/[<>]/);
        for (const tag of tags) expect(tag).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*$/u);
        expect(new Set(tags).size).toBe(tags.length);
        expect(tags.length).toBeLessThanOrEqual(MAX_KUDOS_TAGS);
      }),
      { seed: 0xcafe, numRuns: 3000 },
    );
  });
});
