/**
 * Which driver items a round asks, and whether it asks eNPS. Pure and deterministic: the same team,
 * round number and enabled drivers always give the same items, so a retried round asks the same
 * (and the chosen items are stored with the round when it opens, so nothing is chosen twice).
 */
import { createHash } from 'node:crypto';
import { DRIVER_ITEMS, DRIVERS, driverQuestionId, type DriverId } from './bank';

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
 * The response question ids of the driver items round number `sequence` (0 for the team's first)
 * asks. Every enabled driver is asked exactly once in each block of `rotationLength` rounds, in a
 * per-team order; each time a driver comes back it asks its next item.
 */
export function roundDriverItems(teamId: string, sequence: number, disabled: readonly string[]): string[] {
  const enabled = DRIVERS.filter((d) => !disabled.includes(d));
  if (enabled.length === 0) return [];
  const order = [...enabled].sort((a, b) => seed(teamId, a) - seed(teamId, b) || a.localeCompare(b));
  const per = driversPerRound(order.length);
  const length = rotationLength(order.length);
  const slot = sequence % length;
  const cycle = Math.floor(sequence / length);
  return order.slice(slot * per, slot * per + per).map((driver: DriverId) => {
    const items = DRIVER_ITEMS[driver];
    return driverQuestionId(items[(cycle + seed(teamId, `item:${driver}`)) % items.length]!);
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
