/**
 * Dates in `/pulse status`, `/pulse now` and `/pulse mine` replies read like the check-in DMs: in the
 * caller's language and in their own time zone (the team's default zone when theirs is unknown),
 * never as ISO-like UTC. Real PostgreSQL, a fixed clock, the in-memory queue.
 */
import { randomUUID } from 'node:crypto';
import { respondentHash } from '../../src/core/anonymity';
import { ManualClock } from '../../src/core/clock';
import { DEFAULT_TEAM_SETTINGS } from '../../src/core/model';
import type { WebDeps } from '../../src/core/use-cases/deps';
import { runPulseCommand } from '../../src/core/use-cases/pulse-command';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};
// The round closes on Friday 27 November 2026 at 23:30 UTC: already Saturday in Paris, still Friday in New York.
const CLOSES_AT = new Date('2026-11-27T23:30:00Z');
const NOW = new Date('2026-11-26T12:00:00Z');
const SECRET = randomUUID().repeat(2);

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A team (default zone New York) managed by a French reader in Paris, with a Swedish manager whose zone is unknown; one open round. */
async function makeWorld() {
  const deps: WebDeps = {
    repos: database.repos,
    queue: new MemoryQueue(),
    clock: new ManualClock(NOW),
    logger: silent,
    anonymitySecret: SECRET,
  };
  const externalId = `T${randomUUID().slice(0, 8)}`;
  const workspace = await database.repos.workspaces.ensure('slack', externalId);
  const settings = { ...DEFAULT_TEAM_SETTINGS, timezone: 'America/New_York' };
  const { team } = await database.repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: `C${randomUUID().slice(0, 8).toUpperCase()}`,
    managers: ['UFR', 'USV'],
    settings,
  });
  const [french] = await database.repos.members.upsertMany(workspace.id, [
    { platformUserId: 'UFR', isBot: false, deleted: false, isAdmin: false, timezone: 'Europe/Paris', locale: 'fr-FR' },
  ]);
  await database.repos.members.upsertMany(workspace.id, [
    { platformUserId: 'USV', isBot: false, deleted: false, isAdmin: false, timezone: null, locale: 'sv-SE' },
  ]);
  const { rows } = await database.pool.query<{ id: string }>(
    `insert into rounds (team_id, period, kind, opens_at, closes_at) values ($1, $2, 'scheduled', $3, $4) returning id`,
    [team.id, `p-${randomUUID()}`, new Date('2026-11-24T09:00:00Z'), CLOSES_AT],
  );
  const roundId = rows[0]!.id;
  // The French manager was asked and answered 7: `/pulse mine` lists that round.
  await database.pool.query(
    `insert into deliveries (round_id, member_id, state, sent_at, answered_at) values ($1, $2, 'answered', $3, $3)`,
    [roundId, french!.id, NOW],
  );
  await database.pool.query(
    `insert into responses (round_id, team_id, question_id, respondent_hash, score) values ($1, $2, 'mood', $3, 7)`,
    [roundId, team.id, respondentHash(SECRET, roundId, french!.id)],
  );
  const pulse = (userId: string, text: string) =>
    runPulseCommand(deps, {
      platform: 'slack',
      workspaceExternalId: externalId,
      channelId: team.channelId,
      userId,
      text,
    });
  return { pulse };
}

test('status and now give the closing time in the caller’s language and zone, as the DMs do', async () => {
  const w = await makeWorld();
  // Paris: Saturday 00:30.
  expect(await w.pulse('UFR', 'status')).toMatchObject({
    key: 'pulse.status_open',
    params: { answered: 1, total: 1, closesAt: 'sam. 28 nov. à 00:30' },
    locale: 'fr-FR',
  });
  expect(await w.pulse('UFR', 'now')).toMatchObject({
    key: 'pulse.round_already_open',
    params: { closesAt: 'sam. 28 nov. à 00:30' },
  });
  // No zone of her own: the team's default, New York, where it is still Friday 18:30.
  expect(await w.pulse('USV', 'status')).toMatchObject({
    key: 'pulse.status_open',
    params: { closesAt: 'fre 27 nov. kl. 18:30' },
    locale: 'sv-SE',
  });
});

test('mine lists each round by its closing day in the caller’s language and zone', async () => {
  const w = await makeWorld();
  const reply = await w.pulse('UFR', 'mine');
  expect(reply.key).toBe('mine.list');
  expect(reply.params?.list).toBe('• sam. 28 nov.: 7 (open)');
});
