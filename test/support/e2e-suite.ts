/**
 * One end-to-end world for a whole test file: fresh tables, the world started (and `setup` run),
 * its queues watched; afterwards everything stopped and the app's exit code checked to be 0.
 */
import { openTestDatabase, truncateAll, type TestDatabase } from './db';
import { startWorld, watchQueues, type QueueWatch, type World, type WorldOptions } from './e2e-world';

export interface Suite {
  readonly world: World;
  readonly database: TestDatabase;
  readonly queues: QueueWatch;
}

/** Registers the file's beforeAll/afterAll; the returned suite's parts are there from beforeAll on. */
export function useWorld(options: WorldOptions, setup: (suite: Suite) => Promise<void> = async () => undefined): Suite {
  let world: World | undefined;
  let database: TestDatabase | undefined;
  let queues: QueueWatch | undefined;
  const suite: Suite = {
    get world() {
      return world!;
    },
    get database() {
      return database!;
    },
    get queues() {
      return queues!;
    },
  };
  beforeAll(async () => {
    database = openTestDatabase();
    await truncateAll(database.pool);
    world = await startWorld(options);
    queues = watchQueues(world.env);
    await setup(suite);
  });
  afterAll(async () => {
    await queues?.close();
    const code = await world?.stop();
    await database?.close();
    expect(code).toBe(0);
  });
  return suite;
}
