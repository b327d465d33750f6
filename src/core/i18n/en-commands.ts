/** English texts for the /pulse and /kudos command grammar (usage and parse errors). */
export const enCommands = {
  'usage.pulse': 'Usage: `/pulse setup` · `/pulse schedule fri 14:00` · `/pulse now` · `/pulse status` · `/pulse help`',
} as const;
