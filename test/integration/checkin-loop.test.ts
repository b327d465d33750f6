/**
 * The check-in loop on the real PostgreSQL with a fixed clock: the tick finds who is due in
 * their own time zone, DMs each member once, catches up after downtime, reminds once, closes.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import { SymmetryError } from '../../src/core/errors';
import { DEFAULT_TEAM_SETTINGS, type Team } from '../../src/core/model';
import { respondentHash } from '../../src/core/anonymity';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { syncTeam } from '../../src/core/use-cases/membership';
import { runTick } from '../../src/core/use-cases/tick';
import { buildProcessors } from '../../src/main/worker';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { waitFor } from '../support/app-process';
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
  const { team } = await database.repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: channel,
    managers: ['USTO'],
    settings: DEFAULT_TEAM_SETTINGS,
  });
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
  expect(await w.deps.repos.deliveries.countForRound(round!.id)).toEqual({ total: 3, answered: 0, away: 0 });
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

/** The batch of a delivery, as the fan-out assigned it. */
async function batchOf(deliveryId: string): Promise<string> {
  const { rows } = await database.pool.query<{ batch: string }>('select batch from deliveries where id = $1', [
    deliveryId,
  ]);
  return rows[0]!.batch;
}

test('a fan-out goes out in batches, one job each; a batch whose worker died after sending is not sent twice', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  await runTick(w.deps);
  const jobs = w.queue.waiting.filter((j) => j.name === 'deliver-checkins');
  // Three due members, one batch.
  expect(jobs).toHaveLength(1);
  expect(w.queue.waiting.some((j) => j.name === 'deliver-checkin')).toBe(false);
  await w.drain();
  expect(w.messenger.direct.map((s) => s.to).sort()).toEqual(['UKOL', 'UNYC', 'USTO']);
  const sent = w.messenger.direct.length;
  // The crash window: USTO's DM went out but its delivery still says "sending"; UNYC's never went out.
  const sto = w.messenger.checkinsTo('USTO')[0]!;
  const nyc = w.messenger.checkinsTo('UNYC')[0]!;
  const stoDelivery = sto.message.kind === 'checkin' ? sto.message.deliveryId : '';
  const nycDelivery = nyc.message.kind === 'checkin' ? nyc.message.deliveryId : '';
  await database.pool.query(
    `update deliveries set state = 'sending', sent_at = null, channel_id = null, message_id = null where id = $1`,
    [stoDelivery],
  );
  await database.pool.query(
    `update deliveries set state = 'sending', sent_at = null, channel_id = null, message_id = null where id = $1`,
    [nycDelivery],
  );
  w.messenger.direct.splice(w.messenger.direct.indexOf(nyc), 1);
  // The tick finds the batch unsent and enqueues its job again; the retry looks before it sends.
  await tickAndDrain(w, '2026-11-27T21:01:00Z');
  expect(w.messenger.checkinsTo('USTO')).toEqual([sto]);
  expect(w.messenger.checkinsTo('UNYC')).toHaveLength(1);
  expect(w.messenger.direct).toHaveLength(sent);
  expect(await w.deps.repos.deliveries.findById(stoDelivery)).toMatchObject({
    state: 'sent',
    messageId: sto.ref.messageId,
  });
  expect((await w.deps.repos.deliveries.findById(nycDelivery))?.state).toBe('sent');
});

test('a batch meets a 429, a flaky DM and an unreachable person: each goes out once, none is lost, nobody waits on the others', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  await runTick(w.deps);
  const [job] = w.queue.waiting.filter((j) => j.name === 'deliver-checkins');
  const { batch } = job!.payload as { batch: string };
  w.queue.waiting.length = 0;
  const processors = buildProcessors(w.deps);
  const run = () => processors['deliver-checkins']({ batch }, { attemptsMade: 0 });
  // A batch goes in delivery-id order: find who comes first, second and third.
  const order = (await w.deps.repos.deliveries.loadBatch(batch))!.deliveries.map((d) => d.member.platformUserId);
  expect([...order].sort()).toEqual(['UKOL', 'UNYC', 'USTO']);
  const [first, second, third] = order;

  // The second DM meets a 429: the first is recorded, the second and third go back to pending, the job is handed back.
  w.messenger.directFaults.set(second!, [new SymmetryError('platform_rate_limited', { retryAfterMs: 1000 })]);
  await expect(run()).rejects.toMatchObject({ code: 'platform_rate_limited' });
  const states = async () =>
    Object.fromEntries(
      (await w.deps.repos.deliveries.loadBatch(batch))?.deliveries.map((d) => [
        d.member.platformUserId,
        d.delivery.state,
      ]) ?? [],
    );
  expect(await states()).toEqual({ [second!]: 'pending', [third!]: 'pending' });
  expect(w.messenger.direct.map((s) => s.to)).toEqual([first]);

  // The retry: the second fails in a way that may have reached Slack (a 500), the third is unreachable for good.
  w.messenger.directFaults.set(second!, [new SymmetryError('platform_error', { error: 'http_500' })]);
  w.messenger.directFaults.set(third!, [new SymmetryError('recipient_unreachable')]);
  await expect(run()).rejects.toMatchObject({ code: 'platform_error' });
  expect(await states()).toEqual({ [second!]: 'sending' });
  const { rows } = await database.pool.query<{ state: string }>(
    `select d.state from deliveries d join members m on m.id = d.member_id where m.platform_user_id = $1 and d.batch = $2`,
    [third, batch],
  );
  expect(rows[0]!.state).toBe('failed');

  // The next retry looks for the second's DM first (not there), then sends it: everybody once, the unreachable never.
  await expect(run()).resolves.toBe(1);
  expect(w.messenger.direct.map((s) => s.to)).toEqual([first, second]);
  expect(await w.deps.repos.deliveries.loadBatch(batch)).toBeNull();
  await expect(run()).resolves.toBe(0);
});

test('a batch stops between two DMs when the worker shuts down, records what went out and leaves the rest pending', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  let stopping = false;
  w.deps.interrupted = () => stopping;
  await runTick(w.deps);
  const [job] = w.queue.waiting.filter((j) => j.name === 'deliver-checkins');
  const { batch } = job!.payload as { batch: string };
  w.queue.waiting.length = 0;
  // SIGTERM arrives while the first DM is on its way.
  w.messenger.beforeDirect = () => {
    stopping = true;
  };
  const processors = buildProcessors(w.deps);
  await expect(processors['deliver-checkins']({ batch }, { attemptsMade: 0 })).rejects.toMatchObject({
    code: 'interrupted',
  });
  expect(w.messenger.direct).toHaveLength(1);
  const left = (await w.deps.repos.deliveries.loadBatch(batch))!.deliveries.map((d) => d.delivery.state);
  expect(left).toEqual(['pending', 'pending']);
  // Another worker takes the batch and sends the rest, once each.
  stopping = false;
  w.messenger.beforeDirect = null;
  await expect(processors['deliver-checkins']({ batch }, { attemptsMade: 0 })).resolves.toBe(2);
  expect(w.messenger.direct.map((s) => s.to).sort()).toEqual(['UKOL', 'UNYC', 'USTO']);
});

test('a per-delivery job (queued before batches) sends an unbatched delivery once, and leaves a batched one to its batch', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  const round = (
    await w.deps.repos.rounds.ensure({
      teamId: w.team.id,
      period: 'legacy',
      kind: 'manual',
      opensAt: w.clock.now(),
      closesAt: new Date(w.clock.now().getTime() + 72 * 3_600_000),
    })
  ).round;
  const members = await w.deps.repos.teams.listActiveMembers(w.team.id);
  const [unbatched, batched] = await w.deps.repos.deliveries.ensureMany(
    round.id,
    members.slice(0, 2).map((m) => m.id),
  );
  await w.deps.repos.deliveries.assignBatches([batched!.id], 100);
  const processors = buildProcessors(w.deps);
  await expect(processors['deliver-checkin']({ deliveryId: batched!.id }, { attemptsMade: 0 })).resolves.toBe(
    'skipped',
  );
  await expect(processors['deliver-checkin']({ deliveryId: unbatched!.id }, { attemptsMade: 0 })).resolves.toBe('sent');
  // Its crash window: "sending" with the DM out; the retry finds it and sends nothing.
  await database.pool.query(`update deliveries set state = 'sending', sent_at = null where id = $1`, [unbatched!.id]);
  await expect(processors['deliver-checkin']({ deliveryId: unbatched!.id }, { attemptsMade: 1 })).resolves.toBe('sent');
  expect(w.messenger.direct).toHaveLength(1);
  expect((await w.deps.repos.deliveries.findById(batched!.id))?.state).toBe('pending');
});

/** Runs the tick and its jobs, so the check-ins go out; the delivery id of USTO's. */
async function sentCheckin(w: World): Promise<string> {
  await runTick(w.deps);
  await w.drain();
  const toSto = w.messenger.checkinsTo('USTO')[0]!;
  return toSto.message.kind === 'checkin' ? toSto.message.deliveryId : '';
}

test('a click that beats the sent-mark of its DM is saved, and its retry shows it in the DM once the DM is recorded', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  const deliveryId = await sentCheckin(w);
  // The DM went out, but the worker that sent it has not recorded where (PostgreSQL went away in between).
  await database.pool.query(
    `update deliveries set state = 'sending', channel_id = null, message_id = null, sent_at = null where id = $1`,
    [deliveryId],
  );
  const processors = buildProcessors(w.deps);
  const record = () =>
    processors['record-score']({ deliveryId, questionId: 'mood', score: 6, clickId: '2.1' }, { attemptsMade: 0 });

  const updates = w.messenger.updates.length;
  await expect(record()).rejects.toMatchObject({ code: 'delivery_in_flight' });
  const round = (await w.deps.repos.rounds.findOpen(w.team.id))!;
  const member = (await w.deps.repos.members.findByPlatformId(w.team.workspaceId, 'USTO'))!;
  expect(await w.deps.repos.answers.findOwn(round.id, 'mood', respondentHash(SECRET, round.id, member.id))).toEqual({
    score: 6,
    comment: null,
  });
  expect(w.messenger.updates).toHaveLength(updates);

  // The sender's retry finds its DM and records it; the click's retry then shows the answer, still saved once.
  await w.queue.enqueue('deliver-checkins', { batch: await batchOf(deliveryId) });
  await w.drain();
  expect(w.messenger.checkinsTo('USTO')).toHaveLength(1);
  await expect(record()).resolves.toBe('saved');
  const last = w.messenger.updates.at(-1)!;
  expect(last.ref).toEqual(w.messenger.checkinsTo('USTO')[0]!.ref);
  expect(last.message.kind === 'checkin' && last.message.answer).toEqual({ score: 6, commentSaved: false });
  const { rows } = await database.pool.query('select count(*)::int as n from responses where round_id = $1', [
    round.id,
  ]);
  expect(rows[0].n).toBe(1);
});

test('a score and its comment saved by two jobs at once, their card updates landing in the wrong order: the card ends showing both', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  const deliveryId = await sentCheckin(w);
  const processors = buildProcessors(w.deps);
  // The score's update is held on its way to the platform until the comment's job has saved and sent its own.
  const record = w.messenger.update.bind(w.messenger);
  let releaseScore!: () => void;
  const scoreHeld = new Promise<void>((resolve) => (releaseScore = resolve));
  let calls = 0;
  w.messenger.update = async (workspace, ref, message) => {
    calls += 1;
    if (calls === 1) await scoreHeld;
    await record(workspace, ref, message);
  };
  const updatesBefore = w.messenger.updates.length;
  const score = processors['record-score'](
    { deliveryId, questionId: 'mood', score: 6, clickId: 'r.1' },
    { attemptsMade: 0 },
  );
  // The score is saved (its update waits) before the comment job starts.
  await waitFor(() => calls === 1, "the score job's update");
  await processors['record-comment'](
    { deliveryId, questionId: 'mood', comment: 'Too many meetings', clickId: 'r.1-c' },
    { attemptsMade: 0 },
  );
  const afterComment = w.messenger.updates.at(-1)!.message;
  expect(afterComment.kind === 'checkin' && afterComment.answer).toEqual({ score: 6, commentSaved: true });
  releaseScore();
  await score;
  // The score's update, read before the comment was saved, landed last: it is followed by one that shows both.
  const sent = w.messenger.updates.slice(updatesBefore).map((u) => u.message.kind === 'checkin' && u.message.answer);
  expect(sent).toEqual([
    { score: 6, commentSaved: true },
    { score: 6, commentSaved: false },
    { score: 6, commentSaved: true },
  ]);
});

test("an answer's job updates the DM once, already showing the person's earlier answers", async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  const deliveryId = await sentCheckin(w);
  const round = (await w.deps.repos.rounds.findOpen(w.team.id))!;
  const item = round.driverItems[0]!;
  await w.queue.enqueue('record-score', { deliveryId, questionId: 'mood', score: 7, clickId: '1.1' });
  await w.drain();
  const before = w.messenger.updates.length;
  await w.queue.enqueue('record-score', { deliveryId, questionId: item, score: 3, clickId: '1.2' });
  await w.drain();
  const sent = w.messenger.updates.slice(before).map((u) => u.message);
  expect(sent).toHaveLength(1);
  const card = sent[0]!;
  expect(card.kind === 'checkin' && card.answer).toEqual({ score: 7, commentSaved: false });
  expect(card.kind === 'checkin' && card.scaleQuestions.find((q) => q.id === item)?.score).toBe(3);
});

test('answers are saved under a keyed hash, the DM shows them, one reminder goes to the others, the round closes', async () => {
  const w = await makeWorld('2026-11-27T21:00:00Z');
  const deliveryId = await sentCheckin(w);

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
  expect(await w.deps.repos.deliveries.countForRound(round.id)).toEqual({ total: 3, answered: 1, away: 0 });
  const { rows } = await database.pool.query('select count(*)::int as n from responses where round_id = $1', [
    round.id,
  ]);
  expect(rows[0].n).toBe(1);

  // 24 h later the two who did not answer get one reminder each, and never a second.
  await tickAndDrain(w, '2026-11-28T21:00:00Z');
  await tickAndDrain(w, '2026-11-29T09:00:00Z');
  const reminders = w.messenger.direct
    .filter((s) => s.message.kind === 'reminder')
    .map((s) => s.to)
    .sort();
  expect(reminders).toEqual(['UKOL', 'UNYC']);

  // After the window the round closes, and a late click is refused by the worker too.
  await tickAndDrain(w, '2026-12-01T00:00:00Z');
  expect((await w.deps.repos.rounds.findById(round.id))?.status).toBe('closed');
  await w.queue.enqueue('record-score', { deliveryId, questionId: 'mood', score: 2, clickId: '9.9' });
  await w.drain();
  expect(await w.deps.repos.answers.findOwn(round.id, 'mood', respondentHash(SECRET, round.id, member.id))).toEqual({
    score: 8,
    comment: 'Busy but good',
  });
});
