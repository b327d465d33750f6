/** The bounds of what `/pulse` and `/kudos` accept: shared by the parsers, the use cases and the job schemas. */

/** Longer input is refused before it is read, so a 10 KB paste costs nothing. */
export const MAX_COMMAND_LENGTH = 4000;
export const MIN_QUESTION_LENGTH = 3;
export const MAX_QUESTION_LENGTH = 300;
export const MAX_ACTION_LENGTH = 1000;
export const MAX_SUMMARY_ROUNDS = 12;
export const MAX_SYMMETRY_ROUNDS = 52;
export const DEFAULT_SYMMETRY_ROUNDS = 8;
export const MAX_KUDOS_WEEKS = 52;
export const DEFAULT_KUDOS_WEEKS = 4;
export const MAX_ITEM_INDEX = 100;
export const MIN_WINDOW_HOURS = 1;
export const MAX_WINDOW_HOURS = 14 * 24;
export const MIN_REMINDER_HOURS = 1;
export const MAX_REMINDER_HOURS = 72;
export const MIN_KUDOS_LIMIT = 1;
export const MAX_KUDOS_LIMIT = 50;
export const MAX_KUDOS_EMOJI = 10;
export const MAX_VALUES = 20;
export const MAX_HOLIDAYS = 366;
