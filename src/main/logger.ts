/** The one logger (pino). Redacts anything that looks like a secret. */
import pino from 'pino';
import type { Logger } from '../core/ports';

/** Creates the process logger at the given level. */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'comment', '*.comment', 'score', '*.score'], censor: '[redacted]' },
  });
}
