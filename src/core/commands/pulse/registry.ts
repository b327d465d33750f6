/**
 * Every `/pulse` subcommand, in the order `/pulse help` shows them. This list drives the parser
 * (lookup, "did you mean"), the dispatch (who may run what) and the help text.
 */
import { translate } from '../../i18n';
import { LANGUAGE_LIST } from '../../i18n/languages';
import type { Reply } from '../../use-cases/reply';
import type { PulseCommand } from './command';
import { action } from './action';
import { away } from './away';
import { config } from './config-command';
import { kudos } from './kudos';
import { forgetMe, mine } from './own-data';
import { ask, questions, unask } from './questions';
import { conversations, drivers, exportResults, summary, symmetry } from './results';
import { now, status } from './round';
import { schedule, unschedule } from './schedule';
import { setup } from './setup';
import { defineSubcommand, done, type HelpKey, type HelpSection, type Subcommand } from './subcommand';

/** `/pulse help` (also `/pulse`, `?`, `--help`): every subcommand, from the entries below. */
const help = defineSubcommand<'help'>({
  name: 'help',
  aliases: ['?', '-h', '--help', '—help', 'usage'],
  access: 'anyone',
  section: null,
  help: 'help.pulse.help',
  // Whatever follows (`/pulse help schedule`) is ignored: the whole help is short enough to show.
  parse: () => done({ type: 'help' }),
  run: async (_deps, ctx) => pulseHelp(ctx.locale),
});

export const PULSE_SUBCOMMANDS = [
  help,
  setup,
  schedule,
  unschedule,
  now,
  status,
  summary,
  drivers,
  symmetry,
  conversations,
  mine,
  exportResults,
  forgetMe,
  away,
  ask,
  questions,
  unask,
  action,
  kudos,
  config,
] as const;

type TypesOf<S> = S extends Subcommand<infer C> ? C['type'] : never;
/** Names the command types no entry produces; the compiler reports them on the line below. */
type AssertNone<T extends never> = T;
type _EveryCommandHasAnEntry = AssertNone<Exclude<PulseCommand['type'], TypesOf<(typeof PULSE_SUBCOMMANDS)[number]>>>;

const BY_WORD: ReadonlyMap<string, Subcommand> = new Map(
  PULSE_SUBCOMMANDS.flatMap((entry) => [entry.name, ...entry.aliases].map((word) => [word, entry] as const)),
);

/** The entry a keyword (lower case, as `keywordOf` gives it) names, by name or alias. */
export function findSubcommand(word: string): Subcommand | undefined {
  return BY_WORD.get(word);
}

/** The names "did you mean" may offer: those `/pulse help` teaches. */
export const SUGGESTED_NAMES: readonly string[] = PULSE_SUBCOMMANDS.filter((entry) => entry.listed).map(
  (entry) => entry.name,
);

/** The catalog keys of `/pulse help` in order: each heading once where its entries start, each help key once. */
export function helpKeys(): Array<HelpKey | HelpSection> {
  const keys: Array<HelpKey | HelpSection> = [];
  let section: HelpSection | null = null;
  for (const entry of PULSE_SUBCOMMANDS) {
    if (entry.section !== null && entry.section !== section) keys.push(entry.section);
    section = entry.section;
    if (!keys.includes(entry.help)) keys.push(entry.help);
  }
  return keys;
}

/** `/pulse help` in the caller's language, put together from the entries' help keys; {languages} lists the registry's codes. */
export function pulseHelp(locale: string): Reply {
  const params = { languages: LANGUAGE_LIST };
  return {
    key: 'usage.pulse',
    params: {
      commands: helpKeys()
        .map((key) => translate(locale, key, params))
        .join('\n'),
    },
  };
}
