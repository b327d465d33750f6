/**
 * What PostgreSQL holds for an answer: the respondent is the HMAC-SHA256 of `roundId NUL memberId`
 * under the server secret, recomputed here with node:crypto (not with the code under test), and
 * nothing in the row names the member.
 */
import { createHash, createHmac } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { runTick } from '../../src/core/use-cases/tick';
import { buildProcessors } from '../../src/main/worker';
import { deliveryIdOf, seedTeam, silentLogger } from '../support/checkin-team';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';

const SECRET = 'respondent-hash-test-secret-0123456789abcdef';

let database: TestDatabase;
beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
});
afterAll(async () => {
  await database.close();
});

test('an answer is stored under HMAC-SHA256(secret, round NUL member), which changes with the secret', async () => {
  const messenger = new RecordingMessenger();
  const queue = new MemoryQueue();
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock: new ManualClock(new Date('2026-11-27T14:00:00Z')),
    logger: silentLogger,
    messenger,
    anonymitySecret: SECRET,
  };
  const processors = buildProcessors(deps);
  await seedTeam(deps, messenger, ['UANN']);
  await runTick(deps);
  await queue.drain(processors);
  const deliveryId = deliveryIdOf(messenger, 'UANN');
  await queue.enqueue('record-score', { deliveryId, questionId: 'mood', score: 7, clickId: 'c1' });
  await queue.drain(processors);

  const { rows: asked } = await database.pool.query(
    'select d.round_id, d.member_id from deliveries d where d.id = $1',
    [deliveryId],
  );
  const { round_id: roundId, member_id: memberId } = asked[0] as { round_id: string; member_id: string };
  const { rows } = await database.pool.query('select * from responses');
  expect(rows).toHaveLength(1);
  const stored = rows[0].respondent_hash as string;
  expect(stored).toBe(createHmac('sha256', SECRET).update(`${roundId}\u0000${memberId}`).digest('base64url'));
  // Under another secret, or with none, the same person in the same round is another string.
  expect(stored).not.toBe(createHmac('sha256', `${SECRET}x`).update(`${roundId}\u0000${memberId}`).digest('base64url'));
  expect(stored).not.toBe(createHash('sha256').update(`${roundId}\u0000${memberId}`).digest('base64url'));
  // The row itself names nobody: neither the member, their platform id, nor their delivery.
  expect(JSON.stringify(rows[0])).not.toMatch(new RegExp(`${memberId}|UANN|${deliveryId}`));
});
