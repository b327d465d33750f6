/**
 * A chat platform as the composition root runs it: one module per platform, registered in ./platforms.
 * The web process asks each enabled one for its messenger (to look people up) and then mounts its inbound
 * side over the core; a worker asks for its paced messenger. Nothing else in src/main names a platform.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Database } from '../db/client';
import type { Platform } from '../core/model';
import type { Logger, Messenger, Repositories } from '../core/ports';
import type { WebDeps } from '../core/use-cases/deps';
import type { Metrics } from './metrics';

/** An HTTP route of the web process's one server. */
export interface Route {
  /** The exact path, or a pattern the whole path must match (the dashboard's pages). */
  path: string | RegExp;
  method: 'GET' | 'POST';
  handler: (req: IncomingMessage, res: ServerResponse) => unknown;
}

/** A platform's inbound side, mounted over the core. */
export interface MountedPlatform {
  routes: Route[];
  /** Connects what needs connecting (Slack's Socket Mode); HTTP routes need nothing. */
  start?(): Promise<void>;
  /** Stops taking requests (called before the server closes). */
  stop?(): Promise<void>;
  /** Requests it acknowledged whose work is still running (the web waits for them at shutdown). */
  inFlight?(): number;
  /** What the start-up log line says of it ("http", "socket", "on"). */
  mode: string;
}

/** A platform in the web process: its messenger first (the core's directory needs it), then its inbound side. */
export interface WebPlatform {
  messenger: Messenger;
  mount(deps: WebDeps): Promise<MountedPlatform>;
}

/** What a platform module is given. */
export interface PlatformContext {
  config: Config;
  logger: Logger;
  repos: Repositories;
  metrics: Metrics;
  /** The Redis a worker's call pacer keeps its slots in (all workers share them). */
  redis: Redis;
  /** The database, for what a platform keeps of its own (Slack's OAuth installations). */
  db: Database;
  /** The process's clock: tokens are refreshed before they expire by it. */
  clock: Clock;
}

/** One chat platform: whether the configuration turns it on, and what it brings to each process. */
export interface PlatformModule {
  name: Platform;
  enabled(config: Config): boolean;
  web(ctx: PlatformContext): Promise<WebPlatform>;
  /** The messenger a worker sends with, its calls paced per workspace across every worker. */
  worker(ctx: PlatformContext): Promise<Messenger>;
  /** How many jobs a round's check-ins may be spread over at its pace (src/core/use-cases/fanout-batches.ts). */
  fanOutSpread(config: Config): number;
}
