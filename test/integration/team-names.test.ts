/**
 * A team's name is its channel's name as the platform hands it over with a `/pulse` command: kept at setup,
 * brought up to date by a later command after a rename (a write only when it changed), cleaned on the way in,
 * never taken from a 1:1 chat. Real PostgreSQL, a fixed clock, the in-memory queue.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import type { WebDeps } from '../../src/core/use-cases/deps';
import { runPulseCommand } from '../../src/core/use-cases/pulse-command';
import type { CommandInput } from '../../src/core/use-cases/reply';
import { silentLogger } from '../support/checkin-team';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';

let database: TestDatabase;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A Slack workspace of its own with one channel, and a counter of the name writes. */
function makeWorld() {
  const writes: Array<string | null> = [];
  const teams = database.repos.teams;
  const repos = {
    ...database.repos,
    teams: {
      ...teams,
      setName: async (teamId: string, name: string | null) => {
        writes.push(name);
        await teams.setName(teamId, name);
      },
    },
  };
  const deps: WebDeps = {
    repos,
    queue: new MemoryQueue(),
    clock: new ManualClock(new Date('2026-11-26T12:00:00Z')),
    logger: silentLogger,
    anonymitySecret: randomUUID().repeat(2),
  };
  const externalId = `T${randomUUID().slice(0, 8)}`;
  const channelId = `C${randomUUID().slice(0, 8).toUpperCase()}`;
  const pulse = (text: string, extra: Partial<CommandInput> = {}) =>
    runPulseCommand(deps, {
      platform: 'slack',
      workspaceExternalId: externalId,
      channelId,
      userId: 'UMGR',
      text,
      ...extra,
    });
  const team = async () => {
    const workspace = await database.repos.workspaces.ensure('slack', externalId);
    return database.repos.teams.findByChannel(workspace.id, channelId);
  };
  return { pulse, team, writes };
}

test('setup keeps the channel name; a command after a rename updates it, once, and an unchanged name is not written', async () => {
  const w = makeWorld();
  expect(await w.pulse('setup', { channelName: 'team-pulse' })).toMatchObject({ key: 'pulse.setup_started' });
  expect((await w.team())?.name).toBe('team-pulse');
  // The same name again: nothing to write.
  await w.pulse('status', { channelName: 'team-pulse' });
  expect(w.writes).toEqual([]);

  await w.pulse('status', { channelName: 'customer-care' });
  expect((await w.team())?.name).toBe('customer-care');
  await w.pulse('config', { channelName: 'customer-care' });
  expect(w.writes).toEqual(['customer-care']);

  // A command without a name (an older client, a placeholder the platform adapter dropped) leaves it as it is.
  await w.pulse('status', { channelName: null });
  await w.pulse('status');
  expect((await w.team())?.name).toBe('customer-care');
});

test('setup again on an existing team brings its name up to date too', async () => {
  const w = makeWorld();
  await w.pulse('setup');
  expect((await w.team())?.name).toBeNull();
  expect(await w.pulse('setup', { channelName: 'ops' })).toMatchObject({ key: 'pulse.setup_exists' });
  expect((await w.team())?.name).toBe('ops');
});

test('a name is cleaned on the way in: control and bidi characters out, trimmed, at most 80 characters', async () => {
  const w = makeWorld();
  await w.pulse('setup', { channelName: '  #sales\u0000\u202Eteam\n ' });
  expect((await w.team())?.name).toBe('sales team');
  await w.pulse('status', { channelName: 'x'.repeat(79) + '🎉🎉' });
  expect((await w.team())?.name).toBe('x'.repeat(79) + '🎉');
  // Nothing usable: the name on record stays.
  await w.pulse('status', { channelName: ' \u0007 ' });
  expect((await w.team())?.name).toBe('x'.repeat(79) + '🎉');
});

test('a command typed in a 1:1 chat never names a team', async () => {
  const w = makeWorld();
  await w.pulse('setup', { channelName: 'planning' });
  await w.pulse('status', { channelName: 'Morgan Lee', direct: true });
  expect((await w.team())?.name).toBe('planning');
  expect(w.writes).toEqual([]);
});
