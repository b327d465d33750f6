/**
 * The `/pulse` grammar: the text after the command, looked up in the registry (./pulse/registry.ts)
 * and read by the subcommand's own parser, into a typed command or a precise, translatable error.
 * Pure: no I/O, no clock, never throws.
 */
import { MAX_COMMAND_LENGTH } from './limits';
import { displayToken, tokenizeSlackText, type Token } from './mentions';
import type { PulseCommand } from './pulse/command';
import { findSubcommand, SUGGESTED_NAMES } from './pulse/registry';
import type { ReadResult } from './pulse/subcommand';
import { echoText, fail, keywordOf, suggestWord, type ParseResult } from './words';

export type PulseParseResult = ParseResult<PulseCommand>;

/** Reads already-tokenized `/pulse` text (any platform's tokenizer) into a command bound to its handler. Never throws. */
export function readPulseTokens(tokens: readonly Token[]): ReadResult {
  const [head, ...args] = tokens;
  const name = head === undefined ? 'help' : keywordOf(head);
  const entry = name === null ? undefined : findSubcommand(name);
  if (entry !== undefined) return entry.read(args);
  const command = echoText(displayToken(head as Token));
  const suggestion = name === null ? null : suggestWord(name, SUGGESTED_NAMES);
  if (suggestion !== null) return fail('parse.unknown_subcommand_suggest', { command, suggestion });
  return fail('parse.unknown_subcommand', { command });
}

/** Reads the text after `/pulse` as Slack sends it (escaped) into a command bound to its handler. Never throws. */
export function readPulseCommand(text: string): ReadResult {
  const input = typeof text === 'string' ? text : '';
  if (input.length > MAX_COMMAND_LENGTH)
    return fail('parse.too_long', { command: '/pulse', length: input.length, max: MAX_COMMAND_LENGTH });
  return readPulseTokens(tokenizeSlackText(input));
}

const commandOf = (read: ReadResult): PulseParseResult =>
  read.ok ? { ok: true, command: read.invocation.command } : read;

/** Parses already-tokenized `/pulse` text (any platform's tokenizer). Never throws. */
export function parsePulseTokens(tokens: readonly Token[]): PulseParseResult {
  return commandOf(readPulseTokens(tokens));
}

/** Parses the text after `/pulse` as Slack sends it (escaped). Returns a command or an error; never throws. */
export function parsePulseCommand(text: string): PulseParseResult {
  return commandOf(readPulseCommand(text));
}
