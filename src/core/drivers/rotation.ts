/**
 * Which driver items a round asks, and whether it asks eNPS. Pure and deterministic: the same team, the same
 * earlier rounds and the same enabled drivers always give the same items, so a retried round asks the same
 * (and the chosen items are stored with the round when it opens, so nothing is chosen twice).
 */
import { createHash } from 'node:crypto';
import { DRIVER_ITEMS, DRIVERS, driverOfQuestion, driverQuestionId, type DriverId } from './bank';

/** How many of the team's latest rounds the rotation looks back on (more than any driver waits). */
export const ROTATION_HISTORY = 16;

/** A number from a team id and a label: the team's own fixed order of drivers and starting items. */
function seed(teamId: string, label: string): number {
  return createHash('sha256').update(`${teamId}\u0000${label}`).digest().readUInt32BE(0);
}

/**
 * Drivers asked per round: one while at most six are on (each comes back every n ≤ 6 rounds), two
 * beyond that (seven or eight come back every 4 rounds). Fewer than four on come back sooner.
 */
export function driversPerRound(enabled: number): number {
  return enabled <= 6 ? 1 : 2;
}

/** How many rounds pass before a driver is asked again, with `enabled` drivers on. */
export function rotationLength(enabled: number): number {
  return enabled === 0 ? 0 : Math.ceil(enabled / driversPerRound(enabled));
}

/**
 * The response question ids of the driver items the team's next round asks, from the driver items of its
 * latest rounds (`recent`, newest first; at most ROTATION_HISTORY are read). The drivers asked longest ago go
 * first (never asked: before any), ties in the team's own order; so with a fixed set every driver comes back
 * every `rotationLength` rounds, and a driver switched off or on moves the others by one round at most, never
 * starting them over. Each time a driver comes back it asks its next item.
 */
export function roundDriverItems(
  teamId: string,
  recent: ReadonlyArray<readonly string[]>,
  disabled: readonly string[],
): string[] {
  const enabled = DRIVERS.filter((d) => !disabled.includes(d));
  if (enabled.length === 0) return [];
  const order = [...enabled].sort((a, b) => seed(teamId, a) - seed(teamId, b) || a.localeCompare(b));
  const history = recent.slice(0, ROTATION_HISTORY);
  const last = new Map<DriverId, { age: number; item: string }>();
  history.forEach((items, age) => {
    for (const question of items) {
      const driver = driverOfQuestion(question);
      if (driver && !last.has(driver)) last.set(driver, { age, item: question });
    }
  });
  // Rounds since a driver was last asked (0: the latest round); never asked within the history counts as oldest.
  const age = (d: DriverId) => last.get(d)?.age ?? Math.max(history.length, ROTATION_HISTORY);
  const stalest = order
    .map((driver, rank) => ({ driver, rank }))
    .sort((a, b) => age(b.driver) - age(a.driver) || a.rank - b.rank);
  // Due: not asked in the last rotationLength − 1 rounds. Up to driversPerRound of them, and always one at least.
  const due = stalest.filter(({ driver }) => age(driver) >= rotationLength(order.length) - 1);
  const chosen = (due.length ? due : stalest).slice(0, due.length ? driversPerRound(order.length) : 1);
  // The drivers asked in one round keep the team's order among themselves.
  chosen.sort((a, b) => a.rank - b.rank);
  return chosen.map(({ driver }) => {
    const items = DRIVER_ITEMS[driver].map(driverQuestionId);
    const previous = last.get(driver);
    const at = previous ? items.indexOf(previous.item) + 1 : seed(teamId, `item:${driver}`);
    return items[at % items.length]!;
  });
}

/** The calendar quarter of a local date (`2026-11-27` → `2026-Q4`). */
export function quarterOf(localDate: string): string {
  const [year, month] = localDate.split('-');
  return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
}

/** The first and last local date of a quarter (`2026-Q4` → 2026-10-01 … 2026-12-31), as text that sorts like dates. */
export function quarterBounds(quarter: string): { from: string; to: string } {
  const [year, q] = quarter.split('-Q');
  const first = (Number(q) - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-31` };
}
