/** What the use cases receive from the composition root (src/main). */
import type { Clock } from '../clock';
import type { ChartRenderer, JobQueue, Logger, Messenger, Repositories } from '../ports';
import type { Platform, UserProfile, Workspace } from '../model';

/** Dependencies of the use cases the web process runs (parse, check, enqueue). */
export interface WebDeps {
  repos: Repositories;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** Looks a user up on the platform (is this caller a workspace admin?); optional in tests. */
  directory?: { getUser(workspace: Workspace, platformUserId: string): Promise<UserProfile> };
  anonymitySecret: string;
  /** The dashboard's address (PUBLIC_URL + /dashboard) when it is configured; App Home links org admins to it. */
  dashboardUrl?: string;
}

/** Dependencies of the use cases the workers run (they may talk to the platform). */
export interface WorkerDeps extends WebDeps {
  messenger: Messenger;
  /** Draws the trend chart posted with summaries; without it summaries go out without a chart. */
  charts?: ChartRenderer;
  /** True once the process is shutting down: long jobs stop between two DMs and hand the rest back. */
  interrupted?: () => boolean;
  /** How many jobs a round's check-ins are spread over at most, per platform (see fanOutSpread); 16 when not given. */
  fanOutSpread?: (platform: Platform) => number;
}
