/** The one logger (pino). Redacts anything that looks like a secret. */
import pino from 'pino';
import type { Logger } from '../core/ports';

/** Creates the process logger at the given level, writing to stdout (or to `destination`, e.g. the sandbox's log file). */
export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options = {
    name,
    level,
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'comment', '*.comment', 'score', '*.score'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
