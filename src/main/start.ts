/** Entry point: `start.js [all|web|worker|sandbox]`. Validates config, starts, stops cleanly on SIGTERM/SIGINT. */
import { ConfigError, loadConfig, loadSandboxConfig, sandboxWhenUnconfigured } from '../config';
import { checkServices, StartupError } from './infra-check';
import { createLogger } from './logger';
import { startWeb, type Running } from './web';
import { startWorker } from './worker';

const ROLES = ['all', 'web', 'worker', 'sandbox'] as const;
type Role = (typeof ROLES)[number];

/**
 * The sandbox: asked for (`start.js sandbox`), or what docker compose runs on a fresh clone
 * (SANDBOX_WHEN_UNCONFIGURED=true and no Slack or Teams credentials). Then the web role runs the whole
 * sandbox and the worker role waits, so neither container exits into a restart loop.
 */
async function sandbox(role: Role): Promise<void> {
  let config;
  try {
    config = loadSandboxConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md#try-it and docs/configuration.md.\n`);
      process.exit(1);
    }
    throw err;
  }
  if (role === 'worker') {
    const logger = createLogger(config.LOG_LEVEL, 'symmetry-worker');
    logger.info({}, 'no Slack or Teams credentials: the web service runs the sandbox, so this worker waits');
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    process.exit(0);
  }
  // Loaded only here: the simulated workspace has no place in a web or worker process.
  const { runSandbox } = await import('./sandbox.js');
  process.exit(await runSandbox(config, { stayAfterwards: role !== 'sandbox' }));
}

async function main(): Promise<void> {
  const role = (process.argv[2] ?? 'all') as Role;
  if (!ROLES.includes(role)) {
    process.stderr.write(`Unknown role "${role}": use one of ${ROLES.join(', ')}.\n`);
    process.exit(2);
  }
  if (role === 'sandbox' || sandboxWhenUnconfigured()) return sandbox(role);
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example and docs/configuration.md.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, `symmetry-${role}`);
  const running: Running[] = [];
  try {
    // Before any pool or queue exists: one clear answer instead of a driver's stack or ten seconds of Redis retries.
    await checkServices(config, logger);
    if (role === 'all' || role === 'worker') running.push(await startWorker(config, logger));
    if (role === 'all' || role === 'web') running.push(await startWeb(config, logger));
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    // The driver's error and its stack only for whoever asks (LOG_LEVEL=debug); the operator reads what to fix.
    logger.debug({ err: err.cause }, 'start-up check failed');
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Side by side: the web stops taking requests and lets its listeners finish while the workers stop
    // fetching and finish their jobs. Each part is bounded (8 s); one after the other they could take
    // twice that, and the worker would keep fetching new jobs while the web drained. Hard exit after 10 s.
    setTimeout(() => {
      logger.error({}, 'shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    (async () => {
      await Promise.all(
        running.map(async (r) => {
          await r.stop();
          logger.info({ role: r.role }, 'stopped part');
        }),
      );
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
