/**
 * The chart of `/pulse summary N` and `/pulse symmetry N` on the real PostgreSQL, with a fixed
 * clock, the in-memory queue and the recording messenger: the command promises a chart only when
 * one will be drawn and queues one job (ids only) however often it is submitted; the worker draws
 * the same view with the real renderer in the caller's language and sends the PNG privately;
 * a round under the threshold k never gets a point; non-managers and hidden moods get no chart.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import { translate } from '../../src/core/i18n';
import { DEFAULT_TEAM_SETTINGS } from '../../src/core/model';
import type { ChartRenderer } from '../../src/core/ports';
import type { SymmetryView } from '../../src/core/symmetry';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { runPulseCommand } from '../../src/core/use-cases/pulse-command';
import { recordSignals } from '../../src/core/use-cases/signals';
import { buildProcessors } from '../../src/main/worker';
import { createChartRenderer, CSAT_COLOR, MOOD_COLOR } from '../../src/platforms/charts/symmetry-chart';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { decodePng, pixelsOf } from '../support/png';
import { RecordingMessenger } from '../support/recording-messenger';
import { seedClosedRounds } from '../support/symmetry-seed';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};
const NOW = new Date('2026-03-20T10:15:30Z');

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/**
 * A team managed by UMGR (who reads French) with one closed weekly round per mood, oldest first
 * (null: two answers, under any k), and a CSAT figure in every round's window.
 */
async function makeWorld(moods: Array<number | null>) {
  const queue = new MemoryQueue();
  const messenger = new RecordingMessenger();
  const drawn: SymmetryView[] = [];
  const renderer = createChartRenderer();
  const charts: ChartRenderer = {
    symmetryChart: (view, locale) => {
      drawn.push(view);
      return renderer.symmetryChart(view, locale);
    },
  };
  const deps: WorkerDeps = {
    repos: database.repos,
    queue,
    clock: new ManualClock(NOW),
    logger: silent,
    messenger,
    anonymitySecret: 'x'.repeat(40),
    charts,
  };
  const externalId = `T${randomUUID().slice(0, 8)}`;
  const workspace = await database.repos.workspaces.ensure('slack', externalId);
  const { team } = await database.repos.teams.ensure({
    workspaceId: workspace.id,
    channelId: `C${randomUUID().slice(0, 8).toUpperCase()}`,
    managers: ['UMGR'],
    settings: DEFAULT_TEAM_SETTINGS,
  });
  await database.repos.members.upsertMany(workspace.id, [
    { platformUserId: 'UMGR', isBot: false, deleted: false, isAdmin: false, timezone: 'Europe/Paris', locale: 'fr-FR' },
    { platformUserId: 'UA', isBot: false, deleted: false, isAdmin: false, timezone: 'UTC', locale: 'en-US' },
  ]);
  const rounds = await seedClosedRounds(database.pool, team.id, moods, NOW);
  const signals = rounds.map((r, i) => ({
    team: team.channelId,
    metric: 'csat',
    value: 90 - 10 * i,
    responses: 10,
    at: new Date(r.closesAt.getTime() - 86_400_000).toISOString(),
  }));
  expect((await recordSignals(database.repos.signals, signals)).ok).toBe(true);
  const processors = buildProcessors(deps);
  return {
    deps,
    queue,
    messenger,
    team,
    /** Every view the renderer was asked to draw. */
    drawn,
    pulse: (userId: string, text: string) =>
      runPulseCommand(deps, {
        platform: 'slack',
        workspaceExternalId: externalId,
        channelId: team.channelId,
        userId,
        text,
      }),
    drain: () => queue.drain(processors),
  };
}

const chartJobs = (queue: MemoryQueue) => queue.added.filter((j) => j.name === 'send-chart');
/** Pixels of a color inside the plot of an 800 × 400 chart (axis titles and the legend use the same colors). */
const inPlot = (pixels: Array<[number, number]>) => pixels.filter(([x, y]) => x > 45 && x < 740 && y > 25 && y < 340);

test('/pulse symmetry: the reply says the chart is coming, a double submit is one job of ids, and the manager gets the PNG in French', async () => {
  const w = await makeWorld([6.0, 6.4, 7.0, 7.4]);
  const reply = await w.pulse('UMGR', 'symmetry 8');
  expect(reply).toMatchObject({
    key: 'symmetry.header',
    params: { count: 4 },
    note: 'chart.on_its_way',
    locale: 'fr-FR',
  });
  // Pressed twice within the minute: one job.
  expect((await w.pulse('UMGR', 'symmetry 8')).note).toBe('chart.on_its_way');
  expect(chartJobs(w.queue)).toHaveLength(1);
  expect(chartJobs(w.queue)[0]!.payload).toEqual({
    teamId: w.team.id,
    platformUserId: 'UMGR',
    view: 'symmetry',
    rounds: 8,
    requestedAt: NOW.toISOString(),
  });

  expect(await w.drain()).toBe(1);
  expect(w.messenger.images).toHaveLength(1);
  const [sent] = w.messenger.images;
  expect(sent).toMatchObject({
    to: 'UMGR',
    direct: true,
    image: {
      name: 'pulse-symmetry-2026-03-20.png',
      title: translate('fr', 'chart.title'),
      altText: translate('fr', 'chart.title'),
      comment: `<#${w.team.channelId}>`,
    },
  });
  const png = decodePng(sent!.image.content);
  expect([png.width, png.height]).toEqual([800, 400]);
  expect(w.drawn[0]!.rounds.map((r) => r.mood)).toEqual([6.0, 6.4, 7.0, 7.4]);
  expect(w.messenger.channelPosts).toHaveLength(0);
});

test('the threshold applies on this path: a round under k is drawn with no mood point, its customers still shown', async () => {
  const w = await makeWorld([6.0, 6.4, 7.0, null]);
  expect((await w.pulse('UMGR', 'symmetry 4')).note).toBe('chart.on_its_way');
  await w.drain();
  expect(w.drawn[0]!.rounds.map((r) => [r.mood, r.responseRate === null])).toEqual([
    [6.0, false],
    [6.4, false],
    [7.0, false],
    [null, true],
  ]);
  const png = decodePng(w.messenger.images[0]!.image.content);
  const mood = inPlot(pixelsOf(png, MOOD_COLOR));
  const customers = inPlot(pixelsOf(png, CSAT_COLOR));
  expect(mood.length).toBeGreaterThan(200);
  // CSAT has a point in all four rounds; the mood stops at the third, a whole round's width short of it.
  const maxX = (pixels: Array<[number, number]>) => Math.max(...pixels.map(([x]) => x));
  expect(maxX(customers) - maxX(mood)).toBeGreaterThan(100);
});

test('/pulse summary: the trend up to the newest round shown, at least eight rounds long', async () => {
  const w = await makeWorld([5.0, 5.4, 6.0, 6.2, 6.6, 7.0, 7.2, 7.6, 8.0]);
  const reply = await w.pulse('UMGR', 'summary');
  expect(reply).toMatchObject({ key: 'summary.header', params: { count: 1 }, note: 'chart.on_its_way' });
  expect(chartJobs(w.queue).map((j) => j.payload)).toEqual([expect.objectContaining({ view: 'summary', rounds: 1 })]);
  await w.drain();
  expect(w.drawn[0]!.rounds.map((r) => r.mood)).toEqual([5.4, 6.0, 6.2, 6.6, 7.0, 7.2, 7.6, 8.0]);
  expect(w.messenger.images[0]!.image.name).toBe('pulse-summary-2026-03-20.png');
});

test('no chart when no round shows a mood, for someone who may not manage, or when k was raised before the job ran', async () => {
  const w = await makeWorld([6.0, 6.4, 7.0]);
  // A teammate is refused and nothing is queued.
  expect((await w.pulse('UA', 'symmetry')).key).toBe('pulse.not_manager');
  expect((await w.pulse('UA', 'summary')).key).toBe('pulse.not_manager');
  expect(chartJobs(w.queue)).toHaveLength(0);

  // Every round under the threshold: the replies say nothing about a chart.
  await database.repos.teams.updateSettings(w.team.id, { ...w.team.settings, threshold: 6 });
  const hidden = await w.pulse('UMGR', 'symmetry 8');
  expect(hidden.key).toBe('symmetry.header');
  expect(hidden.note).toBeUndefined();
  expect((await w.pulse('UMGR', 'summary 3')).note).toBeUndefined();
  expect(chartJobs(w.queue)).toHaveLength(0);

  // Queued while the moods showed, run after k was raised: the worker draws nothing and sends nothing.
  await database.repos.teams.updateSettings(w.team.id, { ...w.team.settings, threshold: 5 });
  expect((await w.pulse('UMGR', 'symmetry 8')).note).toBe('chart.on_its_way');
  await database.repos.teams.updateSettings(w.team.id, { ...w.team.settings, threshold: 6 });
  expect(await w.drain()).toBe(1);
  expect(w.drawn).toHaveLength(0);
  expect(w.messenger.images).toHaveLength(0);
});

test('with the queue down the reply still comes, without promising a chart', async () => {
  const w = await makeWorld([6.0, 6.4]);
  w.queue.down = true;
  const reply = await w.pulse('UMGR', 'symmetry');
  expect(reply).toMatchObject({ key: 'symmetry.header', params: { count: 2 } });
  expect(reply.note).toBeUndefined();
});
