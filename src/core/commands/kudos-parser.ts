/**
 * The `/kudos @user [@user …] for <reason> [#value …]` grammar. Pure, never throws.
 * Who may thank whom (not yourself, not a bot, the daily limit, known values) is the use case's call.
 */
import { displayToken, joinTokens, tokenizeSlackText, visibleLength, type Token } from './mentions';
import { MAX_COMMAND_LENGTH } from './limits';
import { echoText, fail, keywordOf, parseValueSlug, type ParseResult } from './words';

export const MAX_KUDOS_REASON_LENGTH = 500;

/**
 * Kudos to one or more people. `recipients` are platform user ids, deduplicated, in the order typed;
 * `reason` is canonical free text (see `./mentions`); `values` are lower-case tags without `#`,
 * deduplicated, taken from the end of the text (to be checked against the workspace's values).
 */
export interface KudosCommand {
  recipients: string[];
  reason: string;
  values: string[];
}

export type KudosParseResult = ParseResult<KudosCommand>;

const EXAMPLE = '/kudos @alex for fixing the deploy';
// Between people: "@a, @b and @c", "@a & @b", "@a + @b".
const JOINER = /^(?:[,،、;+]+|and|&|&amp;)$/;

/** A trailing value: `#teamwork`, or a channel link Slack made of it when such a channel exists. */
function valueOf(token: Token): string | null {
  if (token.kind === 'channel') return token.label === null ? null : parseValueSlug(token.label);
  const word = keywordOf(token);
  if (word === null || !word.startsWith('#')) return null;
  return parseValueSlug(word.replace(/[,.;!]+$/, ''));
}

/** Parses already-tokenized `/kudos` text (any platform's tokenizer). Never throws. */
export function parseKudosTokens(tokens: readonly Token[]): KudosParseResult {
  if (tokens.length === 1 && keywordOf(tokens[0]) === 'help') return fail('usage.kudos');
  const recipients: string[] = [];
  const named: Token[] = [];
  let i = 0;
  for (; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind === 'user') {
      if (!recipients.includes(token.id)) {
        recipients.push(token.id);
        named.push(token);
      }
      continue;
    }
    const word = keywordOf(token);
    if (recipients.length > 0 && word !== null && JOINER.test(word)) continue;
    // A channel, a group, @here, or an "@name" the platform did not recognize as a person.
    if (token.kind !== 'word' || (word !== null && /^@\S/.test(word))) {
      return fail('parse.not_a_user', { value: echoText(displayToken(token)), usage: EXAMPLE });
    }
    break;
  }
  if (recipients.length === 0) return fail('parse.kudos_missing_recipient');

  let rest = tokens.slice(i);
  if (keywordOf(rest[0]) === 'for') rest = rest.slice(1);
  let end = rest.length;
  while (end > 0 && valueOf(rest[end - 1] as Token) !== null) end -= 1;
  const values = [...new Set(rest.slice(end).map((token) => valueOf(token) as string))];
  const reasonTokens = rest.slice(0, end);
  if (reasonTokens.length === 0) return fail('parse.kudos_missing_reason', { recipients: echoText(named.map(displayToken).join(' ')) });
  const reason = joinTokens(reasonTokens);
  const length = visibleLength(reason);
  if (length > MAX_KUDOS_REASON_LENGTH) return fail('parse.kudos_reason_too_long', { length, max: MAX_KUDOS_REASON_LENGTH });
  return { ok: true, command: { recipients, reason, values } };
}

/** Parses the text after `/kudos` as Slack sends it (escaped). Returns kudos or an error; never throws. */
export function parseKudosCommand(text: string): KudosParseResult {
  const input = typeof text === 'string' ? text : '';
  if (input.length > MAX_COMMAND_LENGTH) return fail('parse.too_long', { command: '/kudos', length: input.length, max: MAX_COMMAND_LENGTH });
  return parseKudosTokens(tokenizeSlackText(input));
}
