/** Comment retention on the real PostgreSQL: comments of rounds closed long ago go, recent ones and scores stay. */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import { DEFAULT_TEAM_SETTINGS } from '../../src/core/model';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { threadDmKey } from '../../src/core/use-cases/comment-threads';
import { purgeOldComments } from '../../src/core/use-cases/privacy';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};
let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(() => database.close());

test('comments of rounds closed more than the retention period ago are deleted with their threads and sealed addresses; scores and recent comments stay', async () => {
  const clock = new ManualClock(new Date('2026-11-23T00:00:00Z'));
  const deps: WorkerDeps = {
    repos: database.repos,
    queue: new MemoryQueue(),
    clock,
    logger: silent,
    messenger: new RecordingMessenger(),
    anonymitySecret: 's'.repeat(40),
  };
  const workspace = await database.repos.workspaces.ensure('slack', `T${randomUUID().slice(0, 8)}`);
  const { team } = await database.repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: 'CRET',
    managers: ['U1'],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  const round = async (period: string, closesAt: string) => {
    const { round } = await database.repos.rounds.ensure({
      teamId: team.id,
      period,
      kind: 'scheduled',
      opensAt: new Date(closesAt),
      closesAt: new Date(closesAt),
    });
    await database.repos.rounds.close(round.id, new Date(closesAt));
    return round.id;
  };
  const old = await round('2025-10-03', '2025-10-06T12:00:00Z'); // 413 days before "now"
  const recent = await round('2026-10-02', '2026-10-05T12:00:00Z');
  const insert = (roundId: string, hash: string, score: number | null, comment: string | null) =>
    database.pool.query(
      'insert into responses (round_id, team_id, question_id, respondent_hash, score, comment) values ($1, $2, $3, $4, $5, $6)',
      [roundId, team.id, 'mood', hash, score, comment],
    );
  await insert(old, 'h1', 7, 'old and personal');
  await insert(old, 'h2', null, 'comment only, old');
  await insert(recent, 'h3', 4, 'recent comment');
  // Each comment has a sealed address and a conversation: the old ones' go with their comments, the recent one's stays.
  await database.pool.query(`update responses set author_seal = 'v1.sealed-' || respondent_hash where team_id = $1`, [
    team.id,
  ]);
  await database.pool.query(
    `insert into comment_replies (comment_id, team_id, position, from_author, manager_id, text, request_key, state)
     select comment_id, team_id, 1, false, 'U1', 'Thanks for telling us', 'k-' || respondent_hash, 'sent' from responses where team_id = $1`,
    [team.id],
  );
  // Each reply's DMs were recorded as a Teams messenger records them (to the author: sent, not where; to a manager: where).
  const { rows: replies } = await database.pool.query<{ id: string; hash: string }>(
    'select c.id, r.respondent_hash as hash from comment_replies c join responses r using (comment_id) where c.team_id = $1',
    [team.id],
  );
  for (const r of replies) {
    await database.repos.conversations.savePost(workspace.id, threadDmKey(r.id, null), {
      channelId: '',
      messageId: '',
    });
    await database.repos.conversations.savePost(workspace.id, threadDmKey(r.id, 'U1'), {
      channelId: 'a:U1',
      messageId: '1',
    });
  }
  const recentReply = replies.find((r) => r.hash === 'h3')!.id;

  expect(await purgeOldComments(deps, 365)).toBe(2);
  const posts = await database.pool.query('select key from posted_messages where workspace_id = $1 order by key', [
    workspace.id,
  ]);
  expect(posts.rows.map((r) => r.key)).toEqual([threadDmKey(recentReply, null), threadDmKey(recentReply, 'U1')]);
  const threads = await database.pool.query(
    'select r.respondent_hash, r.author_seal, count(c.id)::int as replies from responses r left join comment_replies c on c.comment_id = r.comment_id where r.team_id = $1 group by 1, 2 order by 1',
    [team.id],
  );
  expect(threads.rows).toEqual([
    { respondent_hash: 'h1', author_seal: null, replies: 0 },
    { respondent_hash: 'h3', author_seal: 'v1.sealed-h3', replies: 1 },
  ]);
  const { rows } = await database.pool.query(
    'select round_id, respondent_hash, score, comment from responses where team_id = $1 order by respondent_hash',
    [team.id],
  );
  expect(rows).toEqual([
    { round_id: old, respondent_hash: 'h1', score: 7, comment: null },
    { round_id: recent, respondent_hash: 'h3', score: 4, comment: 'recent comment' },
  ]);
  expect(await purgeOldComments(deps, 365)).toBe(0);
});
