/** Entry point: `start.js [all|web|worker]`. Validates config, starts, stops cleanly on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from '../config';
import { createLogger } from './logger';
import { startWeb, type Running } from './web';
import { startWorker } from './worker';

const ROLES = ['all', 'web', 'worker'] as const;
type Role = (typeof ROLES)[number];

async function main(): Promise<void> {
  const role = (process.argv[2] ?? 'all') as Role;
  if (!ROLES.includes(role)) {
    process.stderr.write(`Unknown role "${role}": use one of ${ROLES.join(', ')}.\n`);
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example and the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, `symmetry-${role}`);
  const running: Running[] = [];
  if (role === 'all' || role === 'worker') running.push(await startWorker(config, logger));
  if (role === 'all' || role === 'web') running.push(await startWeb(config, logger));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Web first (stop taking work), then workers (finish what is in flight); hard exit after 10 s.
    setTimeout(() => {
      logger.error({}, 'shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    (async () => {
      for (const r of running.reverse()) {
        await r.stop();
        logger.info({ role: r.role }, 'stopped part');
      }
      logger.info({}, 'stopped');
      process.exit(0);
    })().catch((err: Error) => {
      logger.error({ err: err.message }, 'error while stopping');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`Symmetry failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
