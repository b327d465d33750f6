/** What the use cases receive from the composition root (src/main). */
import type { Clock } from '../clock';
import type { JobQueue, Logger, Messenger, Repositories } from '../ports';

/** Dependencies of the use cases the web process runs (parse, check, enqueue). */
export interface WebDeps {
  repos: Repositories;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
}

/** Dependencies of the use cases the workers run (they may talk to the platform). */
export interface WorkerDeps extends WebDeps {
  messenger: Messenger;
  anonymitySecret: string;
}
