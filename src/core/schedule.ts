/**
 * When a check-in is due, in each member's own time zone. The one place where UTC instants
 * meet local wall clocks (STYLE.md rule 8); everything else stores and compares instants.
 *
 * Wall time → instant is done here rather than with `new TZDate(y, m, d, h, min, tz)`:
 * TZDate resolves a DST fall-back overlap differently depending on the host's own time zone
 * (date-fns/tz issue #40), and a worker's TZ must never decide when a member is asked.
 * `tzOffset` is a pure function of (zone, instant) and caches one Intl formatter per zone.
 *
 * DST rules, the same in every zone and host:
 * - a wall time in a spring-forward gap is pushed forward by the gap's length
 *   (02:30 on a day that jumps 02:00 → 03:00 becomes 03:30), like Temporal's "compatible"
 *   mode, RFC 5545 calendars and TZDate itself; a member is asked late, never skipped;
 * - a wall time that happens twice (fall-back overlap) means its first occurrence,
 *   so the check-in goes out once, at the earlier moment.
 */
import { tzOffset } from '@date-fns/tz';
import { SymmetryError } from './errors';
import { WEEKDAYS, type Schedule, type TeamSettings, type Weekday } from './model';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far nextSlot looks ahead: a year plus slack, enough for any weekly schedule. */
const NEXT_SLOT_HORIZON_DAYS = 400;

// Intl construction costs tens of microseconds and the tick asks for every member each
// minute; zone strings come from platform profiles, so the cache is bounded.
const MAX_ZONE_CACHE = 1000;
const zoneValidity = new Map<string, boolean>();

/** True when `tz` is a time zone name the runtime's Intl knows (IANA, e.g. "Europe/Stockholm"). */
export function isValidTimeZone(tz: string): boolean {
  const known = zoneValidity.get(tz);
  if (known !== undefined) return known;
  let valid = false;
  if (tz !== '') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
  }
  if (zoneValidity.size >= MAX_ZONE_CACHE) zoneValidity.clear();
  zoneValidity.set(tz, valid);
  return valid;
}

/** The zone to schedule a member in: their own if valid, else the team's if valid, else 'UTC'. */
export function effectiveTimeZone(memberTz: string | null, teamDefault: string): string {
  if (memberTz !== null && isValidTimeZone(memberTz)) return memberTz;
  if (isValidTimeZone(teamDefault)) return teamDefault;
  return 'UTC';
}

/** The calendar date ('yyyy-MM-dd') that `instant` falls on in `tz`. */
export function localDateKey(instant: Date, tz: string): string {
  return dayKey(localDayNumber(instant.getTime(), tz));
}

/**
 * The instant at which the wall clock in `tz` shows `time` ('HH:mm') on `dateKey`.
 * In a DST gap: shifted forward by the gap length; in an overlap: the first occurrence.
 */
export function slotInstant(dateKey: string, time: string, tz: string): Date {
  return new Date(wallToInstant(parseDateKey(dateKey) * DAY_MS + parseTime(time) * MINUTE_MS, tz));
}

/** True when `dateKey` falls on one of `workdays` and is not one of `holidays`. */
export function isWorkingDay(dateKey: string, settings: Pick<TeamSettings, 'workdays' | 'holidays'>): boolean {
  return settings.workdays.includes(weekdayOf(parseDateKey(dateKey))) && !settings.holidays.includes(dateKey);
}

/**
 * The latest slot at or before `now` on a scheduled working day in `tz`, if newer than
 * `now - lookbackMs`; null otherwise. Every tick from a slot until the next slot or the end
 * of the lookback returns the same period (the slot's local date), so a late tick catches up
 * and the caller dedupes by (round, member).
 */
export function dueSlot(
  schedule: Schedule,
  settings: TeamSettings,
  tz: string,
  now: Date,
  lookbackMs: number,
): { period: string; slot: Date } | null {
  if (schedule.days.length === 0 || !(lookbackMs > 0)) return null;
  const minuteOfDay = parseTime(schedule.time);
  const nowMs = now.getTime();
  const oldestMs = nowMs - lookbackMs;
  const today = localDayNumber(nowMs, tz);
  // A slot on the local day `today - back` is at least (back - 1) days minus a DST shift
  // old, so one day beyond the lookback is the last day that can still hold a due slot.
  const maxBack = Math.ceil(lookbackMs / DAY_MS) + 1;
  for (let back = 0; back <= maxBack; back++) {
    const day = today - back;
    if (!isScheduledWorkday(day, schedule, settings.workdays)) continue;
    const key = dayKey(day);
    if (settings.holidays.includes(key)) continue;
    const slotMs = wallToInstant(day * DAY_MS + minuteOfDay * MINUTE_MS, tz);
    if (slotMs > nowMs) continue; // later today: not reached yet
    // Slots on earlier days are older still, so the first one past the lookback ends the search.
    if (slotMs <= oldestMs) return null;
    return { period: key, slot: new Date(slotMs) };
  }
  return null;
}

/** The first slot strictly after `now` on a scheduled working day in `tz` (within ~400 days), or null. */
export function nextSlot(schedule: Schedule, settings: TeamSettings, tz: string, now: Date): Date | null {
  if (!schedule.days.some((d) => settings.workdays.includes(d))) return null;
  const minuteOfDay = parseTime(schedule.time);
  const nowMs = now.getTime();
  const today = localDayNumber(nowMs, tz);
  for (let ahead = 0; ahead <= NEXT_SLOT_HORIZON_DAYS; ahead++) {
    const day = today + ahead;
    if (!isScheduledWorkday(day, schedule, settings.workdays)) continue;
    if (settings.holidays.includes(dayKey(day))) continue;
    const slotMs = wallToInstant(day * DAY_MS + minuteOfDay * MINUTE_MS, tz);
    if (slotMs > nowMs) return new Date(slotMs);
  }
  return null;
}

/**
 * When a round for `period` opens (the earliest member's slot) and closes (the latest
 * member's slot plus `windowHours`), so every member gets the full window in their zone.
 * `timeZones` should already be effective zones; an empty list means 'UTC'.
 */
export function roundBounds(
  period: string,
  time: string,
  timeZones: string[],
  windowHours: number,
): { opensAt: Date; closesAt: Date } {
  const wallMs = parseDateKey(period) * DAY_MS + parseTime(time) * MINUTE_MS;
  const zones = timeZones.length === 0 ? ['UTC'] : new Set(timeZones);
  let earliest = Infinity;
  let latest = -Infinity;
  for (const tz of zones) {
    const slotMs = wallToInstant(wallMs, tz);
    if (slotMs < earliest) earliest = slotMs;
    if (slotMs > latest) latest = slotMs;
  }
  return { opensAt: new Date(earliest), closesAt: new Date(latest + windowHours * 3_600_000) };
}

/** The days `schedule` lists that are not in `workdays`, once each, in the schedule's order. */
export function scheduleDaysOutsideWorkdays(schedule: Schedule, workdays: Weekday[]): Weekday[] {
  const outside: Weekday[] = [];
  for (const day of schedule.days) {
    if (!workdays.includes(day) && !outside.includes(day)) outside.push(day);
  }
  return outside;
}

// ---- internals: days are counted as whole days since 1970-01-01 of the local calendar ----

function isScheduledWorkday(day: number, schedule: Schedule, workdays: Weekday[]): boolean {
  const weekday = weekdayOf(day);
  return schedule.days.includes(weekday) && workdays.includes(weekday);
}

/** UTC offset of `tz` at `instantMs`, in ms; throws on a zone Intl does not know. */
function offsetMs(tz: string, instantMs: number): number {
  const minutes = tzOffset(tz, new Date(instantMs));
  if (Number.isNaN(minutes)) throw new SymmetryError('invalid_input', { field: 'timezone', value: tz });
  // Historical offsets can carry seconds; keep whole milliseconds so comparisons are exact.
  return Math.round(minutes * MINUTE_MS);
}

function localDayNumber(instantMs: number, tz: string): number {
  return Math.floor((instantMs + offsetMs(tz, instantMs)) / DAY_MS);
}

/**
 * The instant whose wall clock in `tz` reads `wallMs` (wall fields encoded as if UTC).
 * Offsets a day either side bracket any real transition, which gives at most two candidates
 * (the approach of Temporal's GetPossibleInstantsFor): both valid = overlap, take the earlier;
 * none valid = gap, use the offset from before it, which lands the gap's length later.
 */
function wallToInstant(wallMs: number, tz: string): number {
  const before = offsetMs(tz, wallMs - DAY_MS);
  const after = offsetMs(tz, wallMs + DAY_MS);
  const withBefore = wallMs - before;
  // Same offset on both sides: no transition nearby (the common case, two Intl calls).
  if (before === after) return withBefore;
  const beforeValid = offsetMs(tz, withBefore) === before;
  const withAfter = wallMs - after;
  const afterValid = offsetMs(tz, withAfter) === after;
  if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
  if (beforeValid) return withBefore;
  if (afterValid) return withAfter;
  return withBefore;
}

function weekdayOf(day: number): Weekday {
  // Day 0 (1970-01-01) was a Thursday, index 3 in WEEKDAYS (which starts on Monday).
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

function dayKey(day: number): string {
  const date = new Date(day * DAY_MS);
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${date.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/; // years 1000-9999, which is all we schedule
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 for a 'yyyy-MM-dd' key; throws on anything that is not a real date. */
function parseDateKey(dateKey: string): number {
  const match = DATE_KEY.exec(dateKey);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC rolls 2026-02-30 over to March; only a key that round-trips is a real date.
    const day = ms / DAY_MS;
    if (dayKey(day) === dateKey) return day;
  }
  throw new SymmetryError('invalid_input', { field: 'date', value: dateKey });
}

/** Minutes since local midnight for 'HH:mm' (24-hour); throws otherwise. */
function parseTime(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new SymmetryError('invalid_input', { field: 'time', value: time });
  return Number(match[1]) * 60 + Number(match[2]);
}
