/**
 * Slack App Home for org admins: a link to the dashboard and the organisation's heatmap as a PNG, drawn by the
 * real renderer from the query layer (k applied); nobody else gets either. Real PostgreSQL, fixed clock,
 * recording messenger; the Block Kit it becomes is checked through renderHome.
 */
import { ManualClock } from '../../src/core/clock';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { publishHome } from '../../src/core/use-cases/summaries';
import { createChartRenderer } from '../../src/platforms/charts/symmetry-chart';
import { renderHome } from '../../src/platforms/slack/render';
import { silentLogger } from '../support/checkin-team';
import { seedClosedRound, seedDashboardTeam, seedWorkspace, SEED_SECRET } from '../support/dashboard-seed';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';
import { decodePng, pixelsOf } from '../support/png';
import { RecordingMessenger } from '../support/recording-messenger';
import { createSlackClient } from '../../src/platforms/slack/client';
import { createSlackMessenger } from '../../src/platforms/slack/messenger';
import { startFakeSlack } from '../support/fake-slack';

const NOW = new Date('2026-11-30T23:30:00.000Z');

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function world() {
  const messenger = new RecordingMessenger();
  const deps: WorkerDeps = {
    repos: t.repos,
    queue: new MemoryQueue(),
    clock: new ManualClock(NOW),
    logger: silentLogger,
    messenger,
    anonymitySecret: SEED_SECRET,
    charts: createChartRenderer(),
    dashboardUrl: 'https://symmetry.example.com/dashboard',
  };
  const ws = await seedWorkspace(t.repos);
  const { team, members } = await seedDashboardTeam(t.repos, ws, {
    channelId: 'CHOME',
    people: ['E1', 'E2', 'E3', 'E4', 'E5'],
  });
  await seedClosedRound(t.repos, team, members, new Date(NOW.getTime() - 7 * 86_400_000), [6, 7, 8, 9, 10]);
  // The workspace admin, as the platform reported them at the last sync.
  await t.repos.members.upsertMany(ws.id, [
    { platformUserId: 'ADMIN', isBot: false, deleted: false, isAdmin: true, timezone: 'UTC', locale: 'en' },
  ]);
  return { deps, messenger, ws };
}

describe('App Home for org admins', () => {
  it('gives a workspace admin the dashboard link and the heatmap PNG; the Block Kit shows both', async () => {
    const { deps, messenger, ws } = await world();
    await publishHome(deps, ws.id, 'ADMIN');
    const home = messenger.homes.get('ADMIN')!;
    expect(home.organisation?.dashboardUrl).toBe('https://symmetry.example.com/dashboard');
    const png = decodePng(Buffer.from(home.organisation!.heatmapPng!));
    expect(png.width).toBeGreaterThan(300);
    // The response-rate cell (5 of 5) is drawn in the best level's colour, mood 8.0 in the one below it.
    expect(pixelsOf(png, '#1f5f99').length).toBeGreaterThan(500);
    expect(pixelsOf(png, '#8dbbe0').length).toBeGreaterThan(500);
    const blocks = renderHome(home, 'F123').blocks;
    expect(blocks).toContainEqual({
      type: 'image',
      slack_file: { id: 'F123' },
      alt_text: 'Heatmap of every team against mood and response rate',
    });
    expect(JSON.stringify(blocks)).toContain('<https://symmetry.example.com/dashboard|Open the dashboard>');
  });

  it('gives a person named with /pulse config admins add the same', async () => {
    const { deps, messenger, ws } = await world();
    await t.repos.orgAdmins.add(ws.id, ['E3'], 'ADMIN');
    await publishHome(deps, ws.id, 'E3');
    expect(messenger.homes.get('E3')?.organisation?.heatmapPng).toBeInstanceOf(Uint8Array);
  });

  it('gives an employee neither the link nor the heatmap', async () => {
    const { deps, messenger, ws } = await world();
    await publishHome(deps, ws.id, 'E1');
    const home = messenger.homes.get('E1')!;
    expect(home.organisation).toBeUndefined();
    expect(JSON.stringify(renderHome(home, null).blocks)).not.toMatch(/dashboard|slack_file/);
  });

  it('through Slack: the same heatmap is shown again from its file; a new one replaces it and the old file is deleted', async () => {
    const { deps, ws } = await world();
    const slack = await startFakeSlack();
    try {
      slack.addUser({ id: 'ADMIN' });
      deps.messenger = createSlackMessenger(createSlackClient('xoxb-home', slack.url, silentLogger));
      const imageOf = () =>
        JSON.stringify(slack.homeOf('ADMIN')?.blocks ?? []).match(/"slack_file":\{"id":"(F[A-Z0-9]+)"\}/)?.[1];
      await publishHome(deps, ws.id, 'ADMIN');
      const first = imageOf();
      expect(first).toMatch(/^F/);
      // Opened again, nothing changed: shown from the same file, nothing uploaded.
      await publishHome(deps, ws.id, 'ADMIN');
      expect(imageOf()).toBe(first);
      expect(slack.uploads).toHaveLength(1);
      // A round closes: the new picture goes up, the old file is deleted.
      const team = (await t.repos.teams.findByChannel(ws.id, 'CHOME'))!;
      const members = await t.repos.teams.listActiveMembers(team.id);
      await seedClosedRound(t.repos, team, members, new Date(NOW.getTime() - 86_400_000), [1, 2, 3, 4, 5]);
      await publishHome(deps, ws.id, 'ADMIN');
      expect(slack.uploads).toHaveLength(2);
      expect(imageOf()).not.toBe(first);
      expect([...slack.deletedFiles]).toEqual([first]);
    } finally {
      await slack.close();
    }
  });
});
