/** Bolt's Logger interface on top of our structured logger, so Bolt logs go to the same place. */
import { LogLevel, type Logger as BoltLogger } from '@slack/web-api';
import type { Logger } from '../../core/ports';

/** Wraps the app logger for Bolt and the WebClient. */
export function toBoltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  // Bolt's and the WebClient's debug lines carry raw payloads (comments, who clicked what): they are
  // dropped unless this wrapper itself is set to DEBUG, whatever the app's LOG_LEVEL.
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const enabled = (l: LogLevel) => order.indexOf(l) >= order.indexOf(current);
  return {
    debug: (...msg) => enabled(LogLevel.DEBUG) && logger.debug({ source: 'bolt' }, text(msg)),
    info: (...msg) => enabled(LogLevel.INFO) && logger.info({ source: 'bolt' }, text(msg)),
    warn: (...msg) => enabled(LogLevel.WARN) && logger.warn({ source: 'bolt' }, text(msg)),
    error: (...msg) => logger.error({ source: 'bolt' }, text(msg)),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}
