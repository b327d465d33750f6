/**
 * The core's only ways out: chat platforms, storage and the job queue.
 * Implementations live in src/platforms, src/db and src/jobs; tests hand in fakes.
 */
export type * from './platform';
export type * from './rounds';
export type * from './repositories';
export type * from './services';
