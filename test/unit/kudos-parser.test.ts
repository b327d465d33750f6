import fc from 'fast-check';
import { commandText, SLACK_REFERENCE } from '../support/command-text';
import { MAX_KUDOS_REASON_LENGTH, parseKudosCommand, type KudosCommand } from '../../src/core/commands/kudos-parser';
import { MAX_COMMAND_LENGTH } from '../../src/core/commands/limits';
import type { CommandError } from '../../src/core/commands/words';
import { translate } from '../../src/core/i18n';
import { enCommands } from '../../src/core/i18n/en-commands';

function expectTranslatable(error: CommandError): void {
  expect(Object.keys(enCommands)).toContain(error.key);
  const template: string = enCommands[error.key];
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) expect(error.params).toHaveProperty([name as string]);
  const typed = Object.values(error.params).some((value) => /[{}]/.test(String(value)));
  if (!typed) expect(translate('en', error.key, error.params)).not.toMatch(/\{\w+\}/);
}

describe('parseKudosCommand: kudos', () => {
  const cases: [string, KudosCommand][] = [
    ['<@U123ABC|alex> for fixing the deploy', { recipients: ['U123ABC'], reason: 'fixing the deploy', values: [] }],
    ['<@U123ABC> for fixing the deploy', { recipients: ['U123ABC'], reason: 'fixing the deploy', values: [] }],
    ['<@U123ABC> FOR fixing the deploy', { recipients: ['U123ABC'], reason: 'fixing the deploy', values: [] }],
    ['<@U123ABC> thanks for the deploy', { recipients: ['U123ABC'], reason: 'thanks for the deploy', values: [] }],
    [
      '<@U123ABC|alex>, <@W456DEF|sam> and <@U123ABC> for the launch #Teamwork #customer-care, #teamwork',
      { recipients: ['U123ABC', 'W456DEF'], reason: 'the launch', values: ['teamwork', 'customer-care'] },
    ],
    ['<@U1><@U2> & <@U3> + <@U4> for pairing', { recipients: ['U1', 'U2', 'U3', 'U4'], reason: 'pairing', values: [] }],
    ['<@U1> &amp; <@U2> for pairing', { recipients: ['U1', 'U2'], reason: 'pairing', values: [] }],
    // Slack turns "#teamwork" into a channel link when such a channel exists.
    ['<@U1> for help <#C999|teamwork>', { recipients: ['U1'], reason: 'help', values: ['teamwork'] }],
    // Only trailing tags are values; one inside the sentence stays text.
    ['<@U1> for #1 support all week #ownership', { recipients: ['U1'], reason: '#1 support all week', values: ['ownership'] }],
    ['<@U1> for helping <@U2|bo> with Q&amp;A', { recipients: ['U1'], reason: 'helping <@U2> with Q&amp;A', values: [] }],
    ['<@U1> for <!channel> level heroics', { recipients: ['U1'], reason: '@channel level heroics', values: [] }],
    ['  <@U1>\n\tfor   the\u00a0fix  ', { recipients: ['U1'], reason: 'the fix', values: [] }],
    ['<@U1> for المساعدة في الإطلاق #تعاون', { recipients: ['U1'], reason: 'المساعدة في الإطلاق', values: ['تعاون'] }],
    ['<@U1> för hjälpen 🙌🏽 #kundfokus', { recipients: ['U1'], reason: 'för hjälpen 🙌🏽', values: ['kundfokus'] }],
    [
      "<@U1> for '; DROP TABLE kudos;-- $(rm -rf /) `id`",
      { recipients: ['U1'], reason: "'; DROP TABLE kudos;-- $(rm -rf /) `id`", values: [] },
    ],
    [`<@U1> for ${'a'.repeat(MAX_KUDOS_REASON_LENGTH)}`, { recipients: ['U1'], reason: 'a'.repeat(MAX_KUDOS_REASON_LENGTH), values: [] }],
  ];

  it.each(cases)('%j', (text, command) => {
    expect(parseKudosCommand(text)).toEqual({ ok: true, command });
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
    [
      `<@U1> for ${'a'.repeat(MAX_KUDOS_REASON_LENGTH + 1)}`,
      'parse.kudos_reason_too_long',
      { length: MAX_KUDOS_REASON_LENGTH + 1, max: MAX_KUDOS_REASON_LENGTH },
    ],
    [`<@U1> for ${'🙌'.repeat(MAX_KUDOS_REASON_LENGTH + 1)}`, 'parse.kudos_reason_too_long', { length: 501, max: 500 }],
    [`<@U1> for ${'x'.repeat(10_000)}`, 'parse.too_long', { command: '/kudos', length: 10_010, max: MAX_COMMAND_LENGTH }],
  ];

  it.each(cases)('%j → %s', (text, key, params) => {
    const result = parseKudosCommand(text);
    expect(result).toEqual({ ok: false, error: { key, params } });
    if (!result.ok) expectTranslatable(result.error);
  });

  it('never throws, and every error is a catalog sentence with every placeholder filled (property, fast-check)', () => {
    const fragments = [
      '<@U123ABC|alex>', '<@U9>', '<@W1>', 'for', 'FOR', 'and', ',', '&amp;', '#teamwork', '#', '#!', '<#C1|values>', '<#C1>',
      '<!here>', '<!subteam^S1|@devs>', '<https://x.y>', '@bob', '<', '>', '<@', '|', '`', '{reason}', 'ما', '😀', '\u202E',
      '\u0000', '\n', "'; DROP TABLE kudos;--", '$(reboot)', 'great', 'work', '\uDC00',
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
        const { recipients, reason, values } = result.command;
        expect(recipients.length).toBeGreaterThan(0);
        expect(new Set(recipients).size).toBe(recipients.length);
        expect(reason.trim()).not.toBe('');
        expect(reason.replace(SLACK_REFERENCE, '')).not.toMatch(/[<>]/);
        for (const value of values) expect(value).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*$/u);
      }),
      { seed: 0xcafe, numRuns: 3000 },
    );
  });
});
