/**
 * An answer and the close of its round, at the same moment, on the real PostgreSQL: the close waits for an
 * answer being saved (which then counts in the round's tally and its anonymising rewrite), and an answer saved
 * after the close is refused: nothing stored, the delivery not marked answered.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { respondentHash } from '../../src/core/anonymity';
import { MOOD_QUESTION_ID } from '../../src/core/model';
import type { Database } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import * as schema from '../../src/db/schema';
import { waitFor } from '../support/app-process';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { SEED_SECRET, seedDashboardTeam, seedWorkspace } from '../support/dashboard-seed';

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const OPENS = new Date('2026-12-01T14:00:00Z');
const CLOSES = new Date('2026-12-04T14:00:00Z');

async function openRound(channelId: string) {
  const ws = await seedWorkspace(t.repos);
  const { team, members } = await seedDashboardTeam(t.repos, ws, { channelId, people: ['R1', 'R2'] });
  const { round } = await t.repos.rounds.ensure({
    teamId: team.id,
    period: '2026-12-04',
    kind: 'scheduled',
    opensAt: OPENS,
    closesAt: CLOSES,
  });
  const deliveries = await t.repos.deliveries.ensureMany(
    round.id,
    members.map((m) => m.id),
  );
  const answer = (i: number, score: number) => ({
    deliveryId: deliveries.find((d) => d.memberId === members[i]!.id)!.id,
    roundId: round.id,
    teamId: team.id,
    questionId: MOOD_QUESTION_ID,
    respondentHash: respondentHash(SEED_SECRET, round.id, members[i]!.id),
    score,
    at: OPENS,
  });
  return { round, answer };
}

const tallyOf = async (roundId: string) =>
  (await t.pool.query('select tally from rounds where id = $1', [roundId])).rows[0].tally as unknown;

test('the close waits for an answer being saved, and its tally counts it', async () => {
  const { round, answer } = await openRound('CRACE1');
  // An answer's save in flight: its transaction has saved and not yet committed.
  const client = await t.pool.connect();
  try {
    await client.query('begin');
    // The repositories over this one connection (they only call query(), which a PoolClient has too).
    const inFlight = createRepositories(drizzle({ client, schema }) as unknown as Database);
    expect(await inFlight.answers.saveScore(answer(0, 7))).toEqual({ score: 7, comment: null });
    const closing = t.repos.rounds.close(round.id, CLOSES);
    // The close is seen waiting on a lock (the open round held FOR SHARE by the save) before the save commits.
    await waitFor(
      async () =>
        (
          await t.pool.query(
            `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'update "rounds"%' and datname = current_database()`,
          )
        ).rows[0].n === 1,
      'the close to wait for the save',
    );
    await client.query('commit');
    await expect(closing).resolves.toBe(true);
  } finally {
    client.release();
  }
  expect(await tallyOf(round.id)).toEqual({ asked: 2, scores: [{ q: 'mood', s: 7, n: 1 }] });
});

test('an answer saved after the close is refused: nothing stored, the delivery not marked answered', async () => {
  const { round, answer } = await openRound('CRACE2');
  expect(await t.repos.answers.saveScore(answer(0, 4))).toEqual({ score: 4, comment: null });
  await expect(t.repos.rounds.close(round.id, CLOSES)).resolves.toBe(true);
  const late = answer(1, 9);
  expect(await t.repos.answers.saveScore(late)).toBeNull();
  expect(
    await t.repos.answers.saveComment({
      ...late,
      comment: 'too late',
      commentId: crypto.randomUUID(),
      authorSeal: 'x',
    }),
  ).toBeNull();
  const { rows } = await t.pool.query(
    'select question_id, score, comment from responses where round_id = $1 order by score',
    [round.id],
  );
  expect(rows).toEqual([{ question_id: 'mood', score: 4, comment: null }]);
  expect((await t.repos.deliveries.findById(late.deliveryId))?.answeredAt ?? null).toBeNull();
  expect(await tallyOf(round.id)).toEqual({ asked: 2, scores: [{ q: 'mood', s: 4, n: 1 }] });
});
