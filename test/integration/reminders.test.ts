/**
 * Reminders on the real queues (BullMQ on Redis) and the real PostgreSQL: the tick queues a reminder
 * for everyone who has not answered, and the worker looks again before sending it, so a person who
 * answers while their reminder waits in the queue is not reminded.
 */
import { randomBytes } from 'node:crypto';
import { Job } from 'bullmq';
import { ManualClock } from '../../src/core/clock';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { runTick } from '../../src/core/use-cases/tick';
import { createJobQueue, type BullJobQueue } from '../../src/jobs/producer';
import type { RunningWorkers } from '../../src/jobs/workers';
import { connectProducer } from '../../src/main/redis';
import { buildProcessors } from '../../src/main/worker';
import { waitFor } from '../support/app-process';
import { deliveryIdOf, seedTeam, silentLogger } from '../support/checkin-team';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { RecordingMessenger } from '../support/recording-messenger';
import { runRealWorkers, TEST_REDIS_URL, testQueuePrefix } from '../support/real-workers';

const REDIS_URL = TEST_REDIS_URL;
const PREFIX = testQueuePrefix('rem');

let database: TestDatabase;
let producer: ReturnType<typeof connectProducer>;
let queue: BullJobQueue;
let workers: RunningWorkers | null = null;

beforeAll(async () => {
  database = openTestDatabase();
  // The tick looks at every team in the database.
  await truncateAll(database.pool);
  producer = connectProducer(REDIS_URL);
  queue = createJobQueue(producer, PREFIX);
});
afterAll(async () => {
  await workers?.close(2000);
  await queue.close();
  producer.disconnect();
  await database.close();
});

const runWorkers = (deps: WorkerDeps): RunningWorkers => runRealWorkers(REDIS_URL, PREFIX, deps);

/** The job's state and what its processor returned, as BullMQ holds them. */
async function outcomeOf(jobId: string): Promise<{ state: string; result: unknown }> {
  const job = await Job.fromId(queue.queues.platform, jobId);
  return { state: job ? await job.getState() : 'missing', result: job?.returnvalue };
}

test('a reminder queued before the member answered is skipped by the worker; the one who did not answer gets theirs', async () => {
  const messenger = new RecordingMessenger();
  const clock = new ManualClock(new Date('2026-11-27T13:59:00Z')); // a Friday
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock,
    logger: silentLogger,
    messenger,
    anonymitySecret: randomBytes(32).toString('hex'),
  };
  await seedTeam(deps, messenger, ['UANN', 'UBEN']);

  // 14:00: the tick queues both check-ins and the workers send them.
  clock.set(new Date('2026-11-27T14:00:00Z'));
  await runTick(deps);
  workers = runWorkers(deps);
  await waitFor(() => messenger.direct.filter((s) => s.message.kind === 'checkin').length === 2, 'both check-ins');
  await workers.close(5000);
  workers = null;
  const ann = deliveryIdOf(messenger, 'UANN');
  const ben = deliveryIdOf(messenger, 'UBEN');

  // 24 h later, no worker running: the tick queues a reminder for each of them.
  clock.set(new Date('2026-11-28T14:00:00Z'));
  await runTick(deps);
  expect(await outcomeOf(`remind-${ann}`)).toMatchObject({ state: expect.stringMatching(/^(waiting|prioritized)$/) });
  expect(await outcomeOf(`remind-${ben}`)).toMatchObject({ state: expect.stringMatching(/^(waiting|prioritized)$/) });

  // Ann answers while her reminder waits (the worker's own record-score step, on PostgreSQL).
  clock.set(new Date('2026-11-28T14:01:00Z'));
  expect(
    await buildProcessors(deps)['record-score'](
      { deliveryId: ann, questionId: 'mood', score: 7, clickId: 'c1' },
      { attemptsMade: 0 },
    ),
  ).toBe('saved');

  // The worker runs both reminders: Ben's is sent, Ann's is looked at again and skipped.
  workers = runWorkers(deps);
  await waitFor(
    async () =>
      (await outcomeOf(`remind-${ann}`)).state === 'completed' &&
      (await outcomeOf(`remind-${ben}`)).state === 'completed',
    'both reminder jobs to finish',
  );
  expect(await outcomeOf(`remind-${ben}`)).toEqual({ state: 'completed', result: 'sent' });
  expect(await outcomeOf(`remind-${ann}`)).toEqual({ state: 'completed', result: 'skipped' });
  expect(messenger.direct.filter((s) => s.message.kind === 'reminder').map((s) => s.to)).toEqual(['UBEN']);
  const { rows } = await database.pool.query(
    'select d.reminded_at is not null as reminded from deliveries d where d.id = $1',
    [ann],
  );
  expect(rows).toEqual([{ reminded: false }]);
});
