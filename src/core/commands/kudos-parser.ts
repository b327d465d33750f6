/**
 * The `/kudos @user [@user …] for <reason> [#tag …]` grammar. Pure, never throws.
 * Who may thank whom (not yourself, not a bot, the daily limit) and which tags are the workspace's
 * values (the rest are free tags, never a reason to refuse) is the use case's call.
 */
import { displayToken, joinTokens, tokenizeSlackText, visibleLength, type Token } from './mentions';
import { MAX_COMMAND_LENGTH } from './limits';
import { echoText, fail, keywordOf, parseValueSlug, type ParseResult } from './words';

export const MAX_KUDOS_REASON_LENGTH = 500;
/** Tags on one kudos: enough for a value or two and a few words of one's own, not a wall of hashtags in the shout-out. */
export const MAX_KUDOS_TAGS = 10;

/**
 * Kudos to one or more people. `recipients` are platform user ids, deduplicated, in the order typed;
 * `reason` is canonical free text (see `./mentions`); `tags` are lower-case `#words` without the `#`,
 * deduplicated, in the order typed, taken from the end of the text (the use case tells the
 * workspace's values from free tags).
 */
export interface KudosCommand {
  recipients: string[];
  reason: string;
  tags: string[];
}

export type KudosParseResult = ParseResult<KudosCommand>;

const EXAMPLE = '/kudos @alex for fixing the deploy';
// Between people: "@a, @b and @c", "@a & @b", "@a + @b".
const JOINER = /^(?:[,،、;+]+|and|&|&amp;)$/;

// Tags typed as a list: "#teamwork,#speed".
const TAG_SEPARATOR = /[,،、;]+/;
// Punctuation and emoji closing a sentence after a tag ("#teamwork!", "#تعاون؟", "#speed 🎉") are not
// part of it; "-" and "_" are, and so are the variation selector and joiner inside an emoji.
const DECORATION = String.raw`(?:(?![_-])[\p{P}\p{S}]|\u200d|\ufe0f)`;
const TRAILING_DECORATION = new RegExp(`${DECORATION}+$`, 'u');
const ONLY_DECORATION = new RegExp(`^${DECORATION}+$`, 'u');

/**
 * The tags one trailing token holds: `#teamwork`, `#Teamwork!`, `#a,#b`, or a channel link Slack made
 * of `#teamwork` because such a channel exists; null when the token is not tags only.
 */
function tagsOf(token: Token): string[] | null {
  if (token.kind === 'channel') {
    const slug = token.label === null ? null : parseValueSlug(token.label);
    return slug === null ? null : [slug];
  }
  const word = keywordOf(token);
  if (word === null) return null;
  const parts = word.split(TAG_SEPARATOR).filter((part) => part !== '');
  const tags = parts.map((part) =>
    part.startsWith('#') ? parseValueSlug(part.replace(TRAILING_DECORATION, '')) : null,
  );
  return tags.length > 0 && tags.every((tag) => tag !== null) ? (tags as string[]) : null;
}

/** Punctuation or emoji standing alone among the trailing tags ("#teamwork !", "#speed 🎉"). */
function isDecoration(token: Token): boolean {
  const word = keywordOf(token);
  return word !== null && ONLY_DECORATION.test(word);
}

/**
 * Splits the text after the people into the reason and the tags at its end. A `#word` inside the
 * sentence ("for #1 support") stays text; decoration among the trailing tags is dropped.
 */
function splitReason(rest: readonly Token[]): { reasonTokens: readonly Token[]; tags: string[] } {
  let cut = rest.length;
  const found: string[][] = [];
  for (let j = rest.length - 1; j >= 0; j -= 1) {
    const token = rest[j] as Token;
    const tags = tagsOf(token);
    if (tags !== null) {
      found.unshift(tags);
      cut = j;
    } else if (!isDecoration(token)) {
      break;
    }
  }
  return { reasonTokens: rest.slice(0, cut), tags: [...new Set(found.flat())] };
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
  const { reasonTokens, tags } = splitReason(rest);
  if (reasonTokens.length === 0)
    return fail('parse.kudos_missing_reason', { recipients: echoText(named.map(displayToken).join(' ')) });
  const reason = joinTokens(reasonTokens);
  const length = visibleLength(reason);
  if (length > MAX_KUDOS_REASON_LENGTH)
    return fail('parse.kudos_reason_too_long', { length, max: MAX_KUDOS_REASON_LENGTH });
  if (tags.length > MAX_KUDOS_TAGS)
    return fail('parse.kudos_too_many_tags', { count: tags.length, max: MAX_KUDOS_TAGS });
  return { ok: true, command: { recipients, reason, tags } };
}

/** Parses the text after `/kudos` as Slack sends it (escaped). Returns kudos or an error; never throws. */
export function parseKudosCommand(text: string): KudosParseResult {
  const input = typeof text === 'string' ? text : '';
  if (input.length > MAX_COMMAND_LENGTH)
    return fail('parse.too_long', { command: '/kudos', length: input.length, max: MAX_COMMAND_LENGTH });
  return parseKudosTokens(tokenizeSlackText(input));
}
