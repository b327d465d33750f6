/**
 * The check-in loop on the real PostgreSQL with a fixed clock: the tick finds who is due in
 * their own time zone, DMs each member once, catches up after downtime, reminds once, closes.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import { DEFAULT_TEAM_SETTINGS, type Team } from '../../src/core/model';
import { respondentHash } from '../../src/core/anonymity';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { syncTeam } from '../../src/core/use-cases/membership';
import { runTick } from '../../src/core/use-cases/tick';
import { buildProcessors } from '../../src/main/worker';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { RecordingMessenger } from '../support/recording-messenger';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };
const SECRET = 'x'.repeat(40);

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
// The tick looks at every team in the database: each test starts from empty tables (files run in band).
beforeEach(async () => {
  await truncateAll(database.pool);
});
afterAll(async () => {
  await database.close();
});

interface World {
  deps: WorkerDeps;
  clock: ManualClock;
  queue: MemoryQueue;
  messenger: RecordingMessenger;
  team: Team;
  drain(): Promise<number>;
}

/** A team of three people in Stockholm, New York and Kolkata, plus a bot and a deactivated user. */
async function makeWorld(startAt: string): Promise<World> {
  const clock = new ManualClock(new Date(startAt));
  const queue = new MemoryQueue();
  const messenger = new RecordingMessenger();
  const deps: WorkerDeps = { repos: database.repos, queue, clock, logger: silent, messenger, anonymitySecret: SECRET };
  messenger.addUser('USTO', { timezone: 'Europe/Stockholm' });
  messenger.addUser('UNYC', { timezone: 'America/New_York' });
  messenger.addUser('UKOL', { timezone: 'Asia/Kolkata' });
  messenger.addUser('UBOT', { isBot: true });
  messenger.addUser('UGONE', { deleted: true });
  const channel = `C${randomUUID().slice(0, 8)}`;
  messenger.channels.set(channel, ['USTO', 'UNYC', 'UKOL', 'UBOT', 'UGONE']);
  const workspace = await database.repos.workspaces.ensure('slack', `T${randomUUID().slice(0, 8)}`);
  const { team } = await database.repos.teams.ensure({ workspaceId: workspace.id, channelId: channel, managers: ['USTO'], settings: DEFAULT_TEAM_SETTINGS });
  await syncTeam(deps, team.id);
  await database.repos.teams.setSchedule(team.id, { days: ['fri'], time: '14:00' });
  const processors = buildProcessors(deps);
  return { deps, clock, queue, messenger, team, drain: () => queue.drain(processors) };
}

async function tickAndDrain(world: World, at: string): Promise<void> {
  world.clock.set(new Date(at));
  await runTick(world.deps);
  await world.drain();
}

test('each member is asked at 14:00 their own time, once, and bots and deactivated users never', async () => {
  const w = await makeWorld('2026-11-27T08:00:00Z'); // Friday; Kolkata is 13:30
  await tickAndDrain(w, '2026-11-27T08:29:00Z');
  expect(w.messenger.direct).toHaveLength(0);

  await tickAndDrain(w, '2026-11-27T08:30:00Z'); // 14:00 in Kolkata
  expect(w.messenger.direct.map((s) => s.to)).toEqual(['UKOL']);

  await tickAndDrain(w, '2026-11-27T08:31:00Z');
  await tickAndDrain(w, '2026-11-27T12:59:00Z'); // 13:59 in Stockholm
  expect(w.messenger.direct.map((s) => s.to)).toEqual(['UKOL']);

  await tickAndDrain(w, '2026-11-27T13:00:00Z'); // 14:00 in Stockholm
  expect(w.messenger.direct.map((s) => s.to)).toEqual(['UKOL', 'USTO']);

  // The worker was down from 13:01 until 21:30 UTC: New York (14:00 = 19:00 UTC) is caught up, once.
  await tickAndDrain(w, '2026-11-27T21:30:00Z');
  await tickAndDrain(w, '2026-11-27T21:31:00Z');
  expect(w.messenger.direct.map((s) => s.to).sort()).toEqual(['UKOL', 'UNYC', 'USTO']);
  expect(w.messenger.direct.every((s) => s.message.kind === 'checkin')).toBe(true);
  expect(w.messenger.direct.some((s) => s.to === 'UBOT' || s.to === 'UGONE')).toBe(false);

  // All three deliveries belong to one round for the period 2026-11-27, spanning every member's window.
  const round = await w.deps.repos.rounds.findOpen(w.team.id);
  expect(round?.period).toBe('2026-11-27');
  expect(round?.closesAt.toISOString()).toBe('2026-11-30T19:00:00.000Z'); // New York 14:00 + 72 h
  expect(await w.deps.repos.deliveries.countForRound(round!.id)).toEqual({ total: 3, answered: 0 });
});

test('no check-in on a holiday or a weekend; the next working Friday asks again', async () => {
  const w = await makeWorld('2026-12-04T00:00:00Z');
  await w.deps.repos.teams.updateSettings(w.team.id, { ...w.team.settings, holidays: ['2026-12-04'] });
  await tickAndDrain(w, '2026-12-04T20:00:00Z');
  await tickAndDrain(w, '2026-12-05T20:00:00Z'); // Saturday
  expect(w.messenger.direct).toHaveLength(0);
  await tickAndDrain(w, '2026-12-11T20:00:00Z');
  expect(w.messenger.direct.map((s) => s.to).sort()).toEqual(['UKOL', 'UNYC', 'USTO']);
});

test('a delivery whose worker died after sending is not sent twice', async () => {
  const w = await makeWorld('2026-11-27T13:00:00Z');
  await runTick(w.deps);
  const pending = w.queue.waiting.filter((j) => j.name === 'deliver-checkin');
  expect(pending.length).toBeGreaterThan(0);
  await w.drain();
  const sent = w.messenger.direct.length;
  // Simulate the crash window: the DM went out but the delivery still says "sending".
  const [first] = w.messenger.direct;
  const delivery = first!.message.kind === 'checkin' ? first!.message.deliveryId : '';
  await database.pool.query(`update deliveries set state = 'sending', sent_at = null where id = $1`, [delivery]);
  await w.queue.enqueue('deliver-checkin', { deliveryId: delivery });
  await w.drain();
  expect(w.messenger.direct).toHaveLength(sent);
  const row = await w.deps.repos.deliveries.findById(delivery);
  expect(row?.state).toBe('sent');
});

test('a click that beats the sent-mark of its DM is saved, and its retry shows it in the DM once the DM is recorded', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  await runTick(w.deps);
  await w.drain();
  const toSto = w.messenger.checkinsTo('USTO')[0]!;
  const deliveryId = toSto.message.kind === 'checkin' ? toSto.message.deliveryId : '';
  // The DM went out, but the worker that sent it has not recorded where (PostgreSQL went away in between).
  await database.pool.query(`update deliveries set state = 'sending', channel_id = null, message_id = null, sent_at = null where id = $1`, [deliveryId]);
  const processors = buildProcessors(w.deps);
  const record = () => processors['record-score']({ deliveryId, questionId: 'mood', score: 6, clickId: '2.1' }, { attemptsMade: 0 });

  const updates = w.messenger.updates.length;
  await expect(record()).rejects.toMatchObject({ code: 'delivery_in_flight' });
  const round = (await w.deps.repos.rounds.findOpen(w.team.id))!;
  const member = (await w.deps.repos.members.findByPlatformId(w.team.workspaceId, 'USTO'))!;
  expect(await w.deps.repos.answers.findOwn(round.id, 'mood', respondentHash(SECRET, round.id, member.id))).toEqual({ score: 6, comment: null });
  expect(w.messenger.updates).toHaveLength(updates);

  // The sender's retry finds its DM and records it; the click's retry then shows the answer, still saved once.
  await w.queue.enqueue('deliver-checkin', { deliveryId });
  await w.drain();
  expect(w.messenger.checkinsTo('USTO')).toHaveLength(1);
  await expect(record()).resolves.toBe('saved');
  const last = w.messenger.updates.at(-1)!;
  expect(last.ref).toEqual(toSto.ref);
  expect(last.message.kind === 'checkin' && last.message.answer).toEqual({ score: 6, commentSaved: false });
  const { rows } = await database.pool.query('select count(*)::int as n from responses where round_id = $1', [round.id]);
  expect(rows[0].n).toBe(1);
});

test('answers are saved under a keyed hash, the DM shows them, one reminder goes to the others, the round closes', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  await runTick(w.deps);
  await w.drain();
  const toSto = w.messenger.checkinsTo('USTO')[0]!;
  const deliveryId = toSto.message.kind === 'checkin' ? toSto.message.deliveryId : '';

  await w.queue.enqueue('record-score', { deliveryId, questionId: 'mood', score: 7, clickId: '1.1' });
  await w.queue.enqueue('record-score', { deliveryId, questionId: 'mood', score: 8, clickId: '1.2' });
  await w.queue.enqueue('record-comment', { deliveryId, questionId: 'mood', comment: 'Busy but good', clickId: 'V1' });
  await w.drain();

  const round = (await w.deps.repos.rounds.findOpen(w.team.id))!;
  const member = (await w.deps.repos.members.findByPlatformId(w.team.workspaceId, 'USTO'))!;
  const own = await w.deps.repos.answers.findOwn(round.id, 'mood', respondentHash(SECRET, round.id, member.id));
  expect(own).toEqual({ score: 8, comment: 'Busy but good' });
  const last = w.messenger.updates.at(-1)!.message;
  expect(last.kind === 'checkin' && last.answer).toEqual({ score: 8, commentSaved: true });
  expect(await w.deps.repos.deliveries.countForRound(round.id)).toEqual({ total: 3, answered: 1 });
  const { rows } = await database.pool.query('select count(*)::int as n from responses where round_id = $1', [round.id]);
  expect(rows[0].n).toBe(1);

  // 24 h later the two who did not answer get one reminder each, and never a second.
  await tickAndDrain(w, '2026-11-28T21:00:00Z');
  await tickAndDrain(w, '2026-11-29T09:00:00Z');
  const reminders = w.messenger.direct.filter((s) => s.message.kind === 'reminder').map((s) => s.to).sort();
  expect(reminders).toEqual(['UKOL', 'UNYC']);

  // After the window the round closes, and a late click is refused by the worker too.
  await tickAndDrain(w, '2026-12-01T00:00:00Z');
  expect((await w.deps.repos.rounds.findById(round.id))?.status).toBe('closed');
  await w.queue.enqueue('record-score', { deliveryId, questionId: 'mood', score: 2, clickId: '9.9' });
  await w.drain();
  expect(await w.deps.repos.answers.findOwn(round.id, 'mood', respondentHash(SECRET, round.id, member.id))).toEqual({ score: 8, comment: 'Busy but good' });
});
