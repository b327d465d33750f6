/**
 * What a `/pulse` subcommand is: one entry that names it, reads its arguments, says who may run it,
 * runs it and names its help line. ./registry.ts lists the entries; the parser, the dispatch in
 * use-cases/pulse-command.ts and `/pulse help` are all driven by that list.
 */
import type { Team, Workspace } from '../../model';
import type { WebDeps } from '../../use-cases/deps';
import type { CommandInput, Reply } from '../../use-cases/reply';
import { MAX_ITEM_INDEX } from '../limits';
import type { Token } from '../mentions';
import {
  echoTokens,
  fail,
  keywordOf,
  parseWholeNumber,
  type CommandError,
  type CommandMessageKey,
  type ParseResult,
} from '../words';
import type { CommandOf, PulseCommand } from './command';

/**
 * Who may run a subcommand: `anyone`; `self`, anyone acting on their own data only; `manager`, a
 * manager of the team (or a workspace admin), the team being the channel's or, in a 1:1 chat, the one
 * the caller manages.
 */
export type Access = 'anyone' | 'self' | 'manager';

/** A catalog key holding a subcommand's lines of `/pulse help`. */
export type HelpKey = Extract<CommandMessageKey, `help.pulse.${string}`>;
/** A catalog key holding a heading of `/pulse help`. */
export type HelpSection = Extract<CommandMessageKey, `help.section.${string}`>;

/** The caller of a command, as the dispatch found them. */
export interface CommandContext {
  input: CommandInput;
  workspace: Workspace;
  /** The caller's language: their own locale, else the team's, else English. */
  locale: string;
  /** A day and time as the check-in DMs show them: in the caller's language and time zone ("ven. 11 déc. à 19:00"). */
  formatDateTime(d: Date): string;
  /** A day alone, likewise. */
  formatDate(d: Date): string;
}

type CallerRun<C> = (deps: WebDeps, ctx: CommandContext, command: C) => Promise<Reply>;
type TeamRun<C> = (deps: WebDeps, ctx: CommandContext, command: C, team: Team) => Promise<Reply>;

/** A subcommand as its module writes it. `T` names the command types its parser produces. */
export type SubcommandSpec<T extends PulseCommand['type']> = {
  /** The word typed after `/pulse`, lower case. */
  name: string;
  /** Other words that reach it; never offered by "did you mean". */
  aliases?: readonly string[];
  /** False for a spelling kept for those who type it but taught nowhere: "did you mean" never offers it. */
  listed?: boolean;
  /** The help heading it stands under; null before the first heading. */
  section: HelpSection | null;
  /** Its lines of `/pulse help`; an entry documented on another's lines names that entry's key. */
  help: HelpKey;
  /** Reads the words after the name: the command, or the exact problem. Pure, never throws. */
  parse(args: readonly Token[], name: string): ParseResult<CommandOf<T>>;
} & (
  | { access: 'anyone' | 'self'; run: CallerRun<CommandOf<T>> }
  | {
      access: 'manager';
      run: TeamRun<CommandOf<T>>;
      /**
       * The run of a command of this entry that concerns the workspace rather than a team (`/pulse config admins`):
       * it needs no team, and checks its caller itself. Null for the entry's team commands.
       */
      workspaceRun?: (command: CommandOf<T>) => CallerRun<CommandOf<T>> | null;
    }
);

/** A parsed command bound to its handler, with the access the dispatch must check before running it. */
export type Invocation<C extends PulseCommand = PulseCommand> = { command: C } & (
  | { access: 'anyone' | 'self'; run: (deps: WebDeps, ctx: CommandContext) => Promise<Reply> }
  | { access: 'manager'; run: (deps: WebDeps, ctx: CommandContext, team: Team) => Promise<Reply> }
);

export type ReadResult<C extends PulseCommand = PulseCommand> =
  { ok: true; invocation: Invocation<C> } | { ok: false; error: CommandError };

/** A registry entry: its names and help, and a reader that returns the parsed command bound to its handler. `C` is what it parses to. */
export interface Subcommand<C extends PulseCommand = PulseCommand> {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly listed: boolean;
  readonly access: Access;
  readonly section: HelpSection | null;
  readonly help: HelpKey;
  read(args: readonly Token[]): ReadResult<C>;
}

/** Turns a subcommand's spec into a registry entry; its parser and handler stay paired by type. */
export function defineSubcommand<T extends PulseCommand['type']>(spec: SubcommandSpec<T>): Subcommand<CommandOf<T>> {
  const bind = (command: CommandOf<T>): Invocation<CommandOf<T>> => {
    if (spec.access !== 'manager')
      return { command, access: spec.access, run: (deps, ctx) => spec.run(deps, ctx, command) };
    const workspaceRun = spec.workspaceRun?.(command);
    if (workspaceRun) return { command, access: 'anyone', run: (deps, ctx) => workspaceRun(deps, ctx, command) };
    return { command, access: spec.access, run: (deps, ctx, team) => spec.run(deps, ctx, command, team) };
  };
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    listed: spec.listed ?? true,
    access: spec.access,
    section: spec.section,
    help: spec.help,
    read(args) {
      const parsed = spec.parse(args, spec.name);
      return parsed.ok ? { ok: true, invocation: bind(parsed.command) } : parsed;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers for the subcommands' parsers.

/** A parsed command. */
export const done = <C>(command: C): { ok: true; command: C } => ({ ok: true, command });

/** The parser of a subcommand that takes nothing: anything after it is named as the problem. */
export function takesNothing<C extends PulseCommand>(
  command: C,
): (args: readonly Token[], name: string) => ParseResult<C> {
  return (args, name) =>
    args.length === 0
      ? done(command)
      : fail('parse.unexpected_args', { command: name, extra: echoTokens(args), usage: `/pulse ${name}` });
}

/** The parser of `[N]` subcommands: an optional number in a range (or its default), made into a command by `make`. */
export function optionalCount<C extends PulseCommand>(
  range: { min: number; max: number; fallback: number; example: number; unit?: RegExp },
  make: (n: number) => C,
): (args: readonly Token[], name: string) => ParseResult<C> {
  return (args, name) => {
    const usage = `/pulse ${name} ${range.example}`;
    if (args.length === 0) return done(make(range.fallback));
    if (args.length > 1)
      return fail('parse.unexpected_args', { command: name, extra: echoTokens(args.slice(1)), usage });
    const word = keywordOf(args[0]);
    const value =
      word === null ? null : parseWholeNumber(range.unit ? word.replace(range.unit, '') : word, range.min, range.max);
    if (value === null)
      return fail('parse.bad_number', {
        command: name,
        min: range.min,
        max: range.max,
        usage,
        value: echoTokens(args),
      });
    return done(make(value));
  };
}

/** An item number (`2`, `#2`) as the first token, for `unask` and `action done`. */
export function parseIndex(
  args: readonly Token[],
  usage: string,
): { ok: true; value: number } | { ok: false; error: CommandError } {
  const word = keywordOf(args[0]);
  const value = word === null ? null : parseWholeNumber(word.replace(/^#/, ''), 1, MAX_ITEM_INDEX);
  if (value === null)
    return fail('parse.bad_index', { value: echoTokens(args.slice(0, 1)), max: MAX_ITEM_INDEX, usage });
  return { ok: true, value };
}
