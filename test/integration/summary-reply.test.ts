/**
 * `/pulse summary N` reads everything its reply needs in one wave (`summaryReply`). On the real PostgreSQL, a team
 * with eleven closed rounds (one under the threshold k, comments on several, an answered one, drivers, CSAT and an
 * open action) must get exactly what the one-by-one path gives, the path the worker posts summaries with
 * (`recentSummaries`, `summaryMessage`, `commandChartView`), and each summary only its own round's comments.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import { DEFAULT_TEAM_SETTINGS, type Team } from '../../src/core/model';
import type { WebDeps } from '../../src/core/use-cases/deps';
import { commandChartView } from '../../src/core/use-cases/charts';
import { loadDriversView } from '../../src/core/use-cases/drivers';
import { roundTallyExpression } from '../../src/db/round-tally';
import { recordSignals } from '../../src/core/use-cases/signals';
import { recentSummaries, summaryMessage } from '../../src/core/use-cases/summaries';
import { summaryReply } from '../../src/core/use-cases/summary-reply';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { silentLogger } from '../support/checkin-team';
import { MemoryQueue } from '../support/memory-queue';
import { seedClosedRounds, type SeededRound } from '../support/symmetry-seed';

const NOW = new Date('2028-02-29T23:30:00Z');
// Oldest first; the newest but one is under k (two answers), so its summary is withheld.
const MOODS = [5.0, 5.4, 6.0, 6.2, 6.6, 7.0, 7.2, 7.6, 8.0, null, 6.4];

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function addComment(round: SeededRound, team: Team, text: string): Promise<string> {
  const { rows } = await database.pool.query<{ comment_id: string }>(
    `insert into responses (round_id, team_id, question_id, respondent_hash, score, comment)
     values ($1, $2, 'behind', $3, null, $4) returning comment_id`,
    [round.id, team.id, randomUUID(), text],
  );
  return rows[0]!.comment_id;
}

/** A new workspace with one team managed by UMGR, and the web's dependencies on the real PostgreSQL at NOW. */
async function emptyTeam() {
  const workspace = await database.repos.workspaces.ensure('slack', `T${randomUUID().slice(0, 8)}`);
  const { team } = await database.repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: `C${randomUUID().slice(0, 8).toUpperCase()}`,
    managers: ['UMGR'],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  const deps: WebDeps = {
    repos: database.repos,
    queue: new MemoryQueue(),
    clock: new ManualClock(NOW),
    logger: silentLogger,
    anonymitySecret: 'x'.repeat(40),
  };
  return { deps, team };
}

async function makeTeam() {
  const { deps, team } = await emptyTeam();
  const rounds = await seedClosedRounds(database.pool, team.id, MOODS, NOW);
  const newest = rounds.at(-1)!;
  const withheld = rounds.at(-2)!;
  const older = rounds.at(-3)!;
  // The newest round and the withheld one asked a driver item; the newest one's five respondents answered it.
  await database.pool.query(`update rounds set driver_items = '{driver:growth-1}' where id = any($1::uuid[])`, [
    [newest.id, withheld.id],
  ]);
  for (const score of [4, 5, 5, 4, 3])
    await database.pool.query(
      `insert into responses (round_id, team_id, question_id, respondent_hash, score) values ($1, $2, 'driver:growth-1', $3, $4)`,
      [newest.id, team.id, randomUUID(), score],
    );
  const answered = await addComment(newest, team, 'Too many meetings this week');
  await addComment(newest, team, 'The release went well');
  await addComment(withheld, team, 'Nobody may read this one');
  await addComment(older, team, 'Older round, older comment');
  await database.repos.threads.add({
    commentId: answered,
    teamId: team.id,
    fromAuthor: false,
    managerId: 'UMGR',
    text: 'Thank you, we will cut one',
    quick: null,
    revealedAs: null,
    requestKey: 'summary-reply-test',
    sentAt: NOW,
    cap: null,
  });
  await database.repos.actions.add({ teamId: team.id, text: 'No-meeting Wednesdays', createdBy: 'UMGR' });
  const csat = rounds.map((r, i) => ({
    team: team.channelId,
    metric: 'csat',
    value: 60 + 3 * i,
    responses: 10,
    at: new Date(r.closesAt.getTime() - 86_400_000).toISOString(),
  }));
  expect((await recordSignals(database.repos.signals, csat)).ok).toBe(true);
  return { deps, team: (await database.repos.teams.findById(team.id))! };
}

test.each([1, 3, 12])('summary %i: the one-wave reply is what the one-by-one reads give', async (count) => {
  const { deps, team } = await makeTeam();
  const reply = await summaryReply(deps, team, count, NOW, { forManager: true });
  const summaries = await recentSummaries(deps, team, count);
  const oneByOne = await Promise.all(summaries.map((s) => summaryMessage(deps, team, s, { forManager: true })));
  expect(reply.messages).toEqual(oneByOne);
  expect(reply.chartView).toEqual(await commandChartView(deps, team, 'summary', count, NOW));
  expect(reply.messages).toHaveLength(Math.min(count, MOODS.length));
});

test('each summary shows its own round only: comments, answers, drivers, the trend up to it, nothing of a round under k', async () => {
  const { deps, team } = await makeTeam();
  const { messages, chartView } = await summaryReply(deps, team, 3, NOW, { forManager: true });
  const [newest, withheld, older] = messages;

  expect(newest!.summary).toMatchObject({ kind: 'summary', respondents: 5 });
  expect(newest!.replyTo!.map((c) => c.comment).sort()).toEqual([
    'The release went well',
    'Too many meetings this week',
  ]);
  expect(newest!.answered).toEqual({ answered: 1, comments: 2 });
  expect(newest!.actions).toEqual(['No-meeting Wednesdays']);
  expect(newest!.drivers?.asked).toEqual(['growth']);
  // (4 + 5 + 5 + 4 + 3) / 5, from five scores: at k = 5 it shows.
  expect(newest!.drivers?.view.drivers.find((d) => d.driver === 'growth')).toEqual({
    driver: 'growth',
    state: 'shown',
    score: 4.2,
    change: null,
  });
  expect(newest!.symmetry?.rounds).toHaveLength(8);

  expect(withheld!.summary.kind).not.toBe('summary');
  expect(withheld).not.toHaveProperty('replyTo');
  expect(withheld).not.toHaveProperty('answered');
  expect(withheld).not.toHaveProperty('drivers');
  expect(JSON.stringify(withheld)).not.toContain('Nobody may read this one');

  expect(older!.replyTo!.map((c) => c.comment)).toEqual(['Older round, older comment']);
  expect(older).not.toHaveProperty('answered');
  expect(older).not.toHaveProperty('drivers');
  // Its trend ends at its own round: the two newer ones are not in it.
  const olderTrend = older!.symmetry!.rounds.map((r) => r.roundId);
  expect(olderTrend).toHaveLength(8);
  expect(olderTrend).not.toContain(newest!.summary.roundId);
  expect(olderTrend.at(-1)).toBe(older!.summary.roundId);

  // The chart: the eight newest rounds, the withheld one without a mood.
  expect(chartView.rounds.map((r) => r.mood)).toEqual([6.2, 6.6, 7.0, 7.2, 7.6, 8.0, null, 6.4]);
});

test('someone who may manage but is not the team’s manager (an admin) sees no comment to answer', async () => {
  const { deps, team } = await makeTeam();
  const { messages } = await summaryReply(deps, team, 1, NOW, { forManager: false });
  expect(messages[0]).not.toHaveProperty('replyTo');
  expect(messages[0]!.answered).toEqual({ answered: 1, comments: 2 });
});

test('drivers are read from the tallies the closes wrote, and equal what the answers say', async () => {
  const { deps, team } = await makeTeam();
  const fromAnswers = await loadDriversView(deps, team);
  expect(fromAnswers.drivers.find((d) => d.driver === 'growth')).toMatchObject({ state: 'shown', score: 4.2 });
  await database.pool.query(`update rounds set tally = ${roundTallyExpression('rounds.id')} where team_id = $1`, [
    team.id,
  ]);
  // With the answers gone, only the tallies can still say what they came to.
  await database.pool.query(`delete from responses where team_id = $1 and question_id like 'driver:%'`, [team.id]);
  expect(await loadDriversView(deps, team)).toEqual(fromAnswers);
  const { messages } = await summaryReply(deps, team, 1, NOW);
  expect(messages[0]!.drivers?.view).toEqual(fromAnswers);
});

test('a team with no closed round has no summary and an empty chart', async () => {
  const { deps, team } = await emptyTeam();
  const reply = await summaryReply(deps, team, 3, NOW);
  expect(reply.messages).toEqual([]);
  expect(reply.chartView.rounds).toEqual([]);
});
