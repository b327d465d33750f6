/**
 * Drivers and eNPS on the real PostgreSQL with a fixed clock: scheduled rounds pick their driver items
 * and eNPS when they open (eNPS with the first scheduled round of each calendar quarter only), driver
 * answers are stored like mood answers (keyed hash, no link to the person), and what managers see
 * (`/pulse drivers`, the summary's drivers section) obeys k per item.
 */
import { translate } from '../../src/core/i18n';
import { driverOfQuestion, DRIVERS } from '../../src/core/drivers/bank';
import type { SummaryMessage } from '../../src/core/messages';
import { recordAnswer } from '../../src/core/use-cases/checkins';
import { runPulseCommand } from '../../src/core/use-cases/pulse-command';
import { runTick } from '../../src/core/use-cases/tick';
import { buildProcessors } from '../../src/main/worker';
import { deliveryIdOf, fixedClockDeps, seedTeam, useEmptyDatabase } from '../support/checkin-team';

const database = useEmptyDatabase();
const PEOPLE = ['UA', 'UB', 'UC', 'UD'];

async function world() {
  const { deps, clock, queue, messenger } = fixedClockDeps(database().repos, '2026-09-01T00:00:00Z');
  const team = await seedTeam(deps, messenger, PEOPLE);
  await deps.repos.teams.updateSettings(team.id, { ...team.settings, threshold: 3 });
  const processors = buildProcessors(deps);
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    await runTick(deps);
    await queue.drain(processors);
  };
  return { deps, messenger, team, at };
}

const roundsOf = async (teamId: string) =>
  (
    await database().pool.query<{ period: string; enps: boolean; driver_items: string[] }>(
      'select period, enps, driver_items from rounds where team_id = $1 order by period',
      [teamId],
    )
  ).rows;

test('eNPS goes with the first scheduled round of each quarter; four weekly rounds ask each of the eight drivers once', async () => {
  const { team, at } = await world();
  // Fridays 14:00 UTC: Sep 25 (Q3), Oct 2, 9, 16 (Q4), then Jan 1 2027 (Q1).
  for (const day of ['2026-09-25', '2026-10-02', '2026-10-09', '2026-10-16', '2027-01-01']) {
    await at(`${day}T14:01:00Z`);
    await at(`${day}T14:02:00Z`); // a second tick of the same slot changes nothing
  }
  const rounds = await roundsOf(team.id);
  expect(rounds.map((r) => [r.period, r.enps])).toEqual([
    ['2026-09-25', true],
    ['2026-10-02', true],
    ['2026-10-09', false],
    ['2026-10-16', false],
    ['2027-01-01', true],
  ]);
  // Rounds 1–4 (Sep 25 … Oct 16) are one pass of the rotation: every driver once, two a round.
  const asked = rounds.slice(0, 4).flatMap((r) => r.driver_items.map(driverOfQuestion));
  expect([...asked].sort()).toEqual([...DRIVERS].sort());
  for (const r of rounds) expect(r.driver_items).toHaveLength(2);
});

test('driver and eNPS answers are stored like mood answers, and managers see them only at k per item', async () => {
  const { deps, messenger, team, at } = await world();
  await at('2026-10-02T14:01:00Z');
  const round = await deps.repos.rounds.findOpen(team.id);
  const [first, second] = round!.driverItems as [string, string];
  expect(round!.enps).toBe(true);
  // Everyone answers mood and eNPS; three answer the first driver item, only two the second (under k = 3).
  const answers: Record<string, Array<[string, number]>> = {
    UA: [
      ['mood', 8],
      ['enps', 10],
      [first, 6],
      [second, 9],
    ],
    UB: [
      ['mood', 6],
      ['enps', 9],
      [first, 7],
      [second, 9],
    ],
    UC: [
      ['mood', 7],
      ['enps', 5],
      [first, 8],
    ],
    UD: [
      ['mood', 9],
      ['enps', 0],
    ],
  };
  for (const [user, list] of Object.entries(answers))
    for (const [questionId, score] of list)
      expect(await recordAnswer(deps, { deliveryId: deliveryIdOf(messenger, user), questionId, score })).toBe('saved');
  // A 0 is eNPS's alone; a driver item refuses it and nothing is saved.
  await expect(
    recordAnswer(deps, { deliveryId: deliveryIdOf(messenger, 'UD'), questionId: first, score: 0 }),
  ).rejects.toMatchObject({ code: 'invalid_score' });
  // Nothing stored for a driver answer names anyone: the same columns as mood, a keyed hash, no time.
  // Whole rows, against every member's id and platform id (ids compared whole: a base64 hash can hold "UA" by chance).
  const { rows: stored } = await database().pool.query<Record<string, unknown>>(
    `select * from responses where question_id like 'driver:%'`,
  );
  expect(stored).toHaveLength(5);
  const { rows: people } = await database().pool.query<{ id: string; platform_user_id: string }>(
    'select id::text, platform_user_id from members',
  );
  expect(people.map((m) => m.platform_user_id)).toEqual(expect.arrayContaining(PEOPLE));
  for (const r of stored) {
    const values = Object.values(r).map((v) => String(v));
    for (const m of people) {
      expect(JSON.stringify(r)).not.toContain(m.id);
      expect(values).not.toContain(m.platform_user_id);
    }
  }

  await at('2026-10-05T14:02:00Z'); // the 72 h window has passed: closed and summarized
  const summary = messenger.channelPosts.find((p) => p.message.kind === 'summary')?.message as SummaryMessage;
  expect(summary.drivers).toBeDefined();
  const names = { first: driverOfQuestion(first)!, second: driverOfQuestion(second)! };
  const shown = summary.drivers!.view.drivers;
  // First item: 6, 7, 8 → 7; second: two answers under k → nothing.
  expect(shown.find((d) => d.driver === names.first)).toEqual({
    driver: names.first,
    state: 'shown',
    score: 7,
    change: null,
  });
  expect(shown.find((d) => d.driver === names.second)).toEqual({ driver: names.second, state: 'withheld' });
  // eNPS of 10, 9, 5, 0: 2 promoters, 2 detractors → 0; mean 24 / 4 = 6.
  expect(summary.drivers!.view.enps).toMatchObject({ kind: 'shown', score: 0, promoters: 2, detractors: 2, mean: 6 });

  const workspace = (await deps.repos.workspaces.findById(team.workspaceId))!;
  /** `/pulse <text>` from `userId` in the team's channel. */
  const pulse = (text: string, userId = 'UA') =>
    runPulseCommand(deps, {
      platform: 'slack',
      workspaceExternalId: workspace.externalId,
      channelId: team.channelId,
      userId,
      text,
    });
  const reply = await pulse('drivers');
  expect(reply.key).toBe('drivers.header');
  expect(reply.messages?.[0]).toMatchObject({ kind: 'drivers' });
  // A teammate who is no manager is refused.
  const refused = await pulse('drivers', 'UB');
  expect(refused.messages).toBeUndefined();
  expect(refused.key).not.toBe('drivers.header');

  // `/pulse config drivers off <driver>`: the next round never asks it.
  const off = await pulse(`config drivers off ${names.first}`);
  expect(off.key).toBe('config.driver_off');
  // `/pulse config` lists it among the drivers off.
  const config = await pulse('config');
  expect(translate('en', config.key, config.params)).toContain(`drivers off: ${names.first} (`);
  for (const day of ['2026-10-09', '2026-10-16', '2026-10-23', '2026-10-30']) await at(`${day}T14:01:00Z`);
  const later = (await roundsOf(team.id)).slice(1).flatMap((r) => r.driver_items.map(driverOfQuestion));
  expect(later).not.toContain(names.first);

  // `/pulse config drivers on <driver>`: asked again, first of all (asked longest ago), and no longer listed as off.
  const on = await pulse(`config drivers on ${names.first}`);
  expect(on.key).toBe('config.driver_on');
  const after = await pulse('config');
  expect(translate('en', after.key, after.params)).toContain('drivers off: – (');
  const before = (await roundsOf(team.id)).length;
  await at('2026-11-06T14:01:00Z');
  const next = (await roundsOf(team.id)).slice(before);
  expect(next.flatMap((r) => r.driver_items.map(driverOfQuestion))).toContain(names.first);
});
