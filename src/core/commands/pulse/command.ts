/**
 * Every `/pulse` command the grammar can produce. Adding a shape here makes the compiler ask, in
 * ./registry.ts, for the entry that parses and runs it.
 */
import type { Weekday } from '../../model';
import type { ConfigSetting } from './config-settings';

/**
 * A `/pulse` command. Free text (`question`, `text`) is in the canonical form of `../mentions`:
 * escaped `&amp; &lt; &gt;`, people as `<@U…>`, broadcast mentions defused.
 */
export type PulseCommand =
  | { type: 'help' }
  | { type: 'setup' }
  | { type: 'schedule'; days: Weekday[]; time: string }
  | { type: 'unschedule' }
  | { type: 'now' }
  | { type: 'status' }
  | { type: 'summary'; rounds: number }
  | { type: 'ask'; kind: 'scale' | 'text'; question: string }
  | { type: 'questions' }
  | { type: 'unask'; index: number }
  | { type: 'config' }
  | { type: 'config-set'; setting: ConfigSetting }
  /** `/pulse config admins add|remove @x` and `/pulse config admins`: the workspace's named org admins. */
  | { type: 'config-admins'; op: 'add' | 'remove' | 'list'; users: string[] }
  | { type: 'action'; text: string }
  | { type: 'action-done'; index: number }
  | { type: 'mine' }
  | { type: 'forget-me' }
  /** `/pulse away until 2026-12-24` (the last day away) or `/pulse away 2w` (days from today, today included). */
  | { type: 'away'; until: { date: string } | { days: number } }
  | { type: 'away-off' }
  | { type: 'away-status' }
  | { type: 'export' }
  | { type: 'conversations' }
  | { type: 'kudos'; weeks: number }
  | { type: 'symmetry'; rounds: number }
  | { type: 'drivers' };

/** The command shapes whose `type` is one of `T`. */
export type CommandOf<T extends PulseCommand['type']> = Extract<PulseCommand, { type: T }>;
