/**
 * The comment form behind a mood click is opened by the click's job, not by the web: the job opens it with the
 * click's trigger through the real Slack messenger (views.open on the fake Slack) while the trigger is good, then
 * saves the score; an expired or refused trigger never costs the score. Real PostgreSQL, fixed clock.
 */
import { randomBytes } from 'node:crypto';
import type { CommentFormJob, JobName } from '../../src/core/jobs';
import { JOBS } from '../../src/jobs/definitions';
import { createJobQueue } from '../../src/jobs/producer';
import { startWorkers, type Processors } from '../../src/jobs/workers';
import { connectProducer, connectWorker, redisOptionsFromUrl } from '../../src/main/redis';
import { openManualRound } from '../../src/core/use-cases/checkins';
import { buildProcessors } from '../../src/main/worker';
import { createSlackClient } from '../../src/platforms/slack/client';
import { createSlackMessenger } from '../../src/platforms/slack/messenger';
import { deliveryIdOf, fixedClockDeps, seedTeam, silentLogger, useEmptyDatabase } from '../support/checkin-team';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { waitFor } from '../support/app-process';
import { testQueuePrefix, TEST_REDIS_URL } from '../support/real-workers';

const database = useEmptyDatabase();
let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});

/** A trigger id shaped like Slack's (the fake refuses any other, and any used before). */
const trigger = () => `${Date.now()}.${Date.now() % 100_000}.${randomBytes(16).toString('hex')}`;

/** UA's open check-in, and a worker whose messenger opens forms on the fake Slack (everything else recorded). */
async function clickWorld() {
  const t = fixedClockDeps(database().repos, '2026-12-04T14:30:00Z');
  const team = await seedTeam(t.deps, t.messenger, ['UM', 'UA']);
  await openManualRound(t.deps, team.id, t.clock.now());
  const processors = buildProcessors(t.deps);
  await t.queue.drain(processors);
  const workspace = (await database().repos.workspaces.findById(team.workspaceId))!;
  const real = createSlackMessenger(createSlackClient('xoxb-form-test', slack.url, silentLogger));
  Object.assign(t.messenger, { openCommentForm: real.openCommentForm! });
  const deliveryId = deliveryIdOf(t.messenger, 'UA');
  const click = async (form: CommentFormJob, score = 4) => {
    await t.deps.queue.enqueue('open-comment-form', {
      deliveryId,
      questionId: 'mood',
      score,
      clickId: trigger(),
      form,
    });
    await t.queue.drain(processors);
  };
  const form = (over: Partial<CommentFormJob> = {}): CommentFormJob => ({
    platform: 'slack',
    workspace: workspace.externalId,
    trigger: trigger(),
    // A trigger's 3 s are the wall clock's (the web sets `until` by it), not the app's clock.
    until: new Date(Date.now() + 3_000).toISOString(),
    locale: 'fr-FR',
    threshold: 7,
    textQuestions: [{ id: 'q-blockers', text: 'Qu’est-ce qui vous bloque ?' }],
    ...over,
  });
  const savedScore = async () =>
    (await database().pool.query<{ score: number }>('select score from responses')).rows.map((r) => r.score);
  return { ...t, deliveryId, click, form, savedScore };
}

test("a mood click's job opens its comment form with the click's trigger, in the reader's language, and saves the score", async () => {
  const w = await clickWorld();
  const before = slack.callsTo('views.open').length;
  const form = w.form();
  await w.click(form, 4);
  const opened = slack.callsTo('views.open').slice(before);
  expect(opened.map((c) => c.args.trigger_id)).toEqual([form.trigger]);
  expect((opened[0]!.response as { ok: boolean }).ok).toBe(true);
  const view = opened[0]!.args.view as { private_metadata: string; blocks: Array<{ block_id: string }> };
  expect(JSON.parse(view.private_metadata)).toEqual({ d: w.deliveryId });
  expect(view.blocks.map((b) => b.block_id)).toEqual(['comment', 'q_q-blockers']);
  // French, with the team's threshold (7) in its hint: the form shows what the click carried, no query needed.
  expect(JSON.stringify(view)).toContain('Qu’est-ce qui vous bloque ?');
  expect(JSON.stringify(view)).toMatch(/\b7\b/);
  expect(JSON.stringify(view)).not.toMatch(/What's behind your score/);
  expect(await w.savedScore()).toEqual([4]);
  expect(w.messenger.updates.at(-1)?.message).toMatchObject({ kind: 'checkin', answer: { score: 4 } });
});

test('a trigger past its 3 s is not used (no call Slack would refuse), and the score is saved all the same', async () => {
  const w = await clickWorld();
  const before = slack.callsTo('views.open').length;
  const form = w.form({ until: new Date(Date.now() - 1).toISOString() });
  await w.click(form, 6);
  expect(slack.callsTo('views.open').slice(before)).toHaveLength(0);
  expect(await w.savedScore()).toEqual([6]);
});

test('a trigger Slack refuses (already used) leaves the job to save the score; it does not fail or retry', async () => {
  const w = await clickWorld();
  const form = w.form();
  await w.click(form, 3);
  const before = slack.callsTo('views.open').length;
  // drain() rethrows a job's failure: this resolves only if the job went on and finished.
  await w.click({ ...form }, 8);
  const asked = slack.callsTo('views.open').slice(before);
  expect(asked.map((c) => (c.response as { ok: boolean }).ok)).toEqual([false]);
  expect(await w.savedScore()).toEqual([8]);
});

test('on BullMQ a form job is served before every score save queued ahead of it (one worker slot)', async () => {
  const prefix = testQueuePrefix('form');
  const producer = connectProducer(TEST_REDIS_URL);
  const queue = createJobQueue(producer, prefix);
  const score = (i: number) => ({ deliveryId: `d${i}`, questionId: 'mood', score: 5, clickId: `c${i}` });
  const form: CommentFormJob = {
    platform: 'slack',
    workspace: 'T0ORDER',
    trigger: trigger(),
    until: '2026-12-04T14:30:03.000Z',
    locale: 'en-US',
    threshold: 5,
    textQuestions: [],
  };
  for (let i = 0; i < 20; i++) await queue.enqueue('record-score', score(i));
  await queue.enqueue('open-comment-form', { ...score(99), form });
  const served: JobName[] = [];
  const record = (name: JobName) => async () => void served.push(name);
  const processors = Object.fromEntries(
    (Object.keys(JOBS) as JobName[]).map((name) => [name, record(name)]),
  ) as unknown as Processors;
  const workers = startWorkers({
    connect: () => connectWorker(TEST_REDIS_URL),
    workerConnection: redisOptionsFromUrl(TEST_REDIS_URL),
    prefix,
    concurrency: 1,
    processors,
    logger: silentLogger,
  });
  try {
    await waitFor(() => served.length === 21, 'all 21 jobs');
    expect(served[0]).toBe('open-comment-form');
    expect(served.slice(1)).toEqual(Array.from({ length: 20 }, () => 'record-score'));
  } finally {
    await workers.close(2000);
    await queue.close();
    producer.disconnect();
  }
});
