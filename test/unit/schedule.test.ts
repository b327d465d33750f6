import { isSymmetryError } from '../../src/core/errors';
import { DEFAULT_TEAM_SETTINGS, type Schedule, type TeamSettings, type Weekday } from '../../src/core/model';
import {
  dueSlot,
  effectiveTimeZone,
  isValidTimeZone,
  isWorkingDay,
  localDateKey,
  nextSlot,
  roundBounds,
  scheduleDaysOutsideWorkdays,
  slotInstant,
} from '../../src/core/schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const LOOKBACK = 6 * HOUR;
const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const at = (iso: string): Date => new Date(iso);
const settings = (overrides: Partial<TeamSettings> = {}): TeamSettings => ({ ...DEFAULT_TEAM_SETTINGS, ...overrides });

/** What a wall clock in `tz` shows at `instant`, as 'yyyy-MM-dd HH:mm' (independent of the code under test). */
function wall(instant: Date | number, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

function expectInvalidInput(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(isSymmetryError(caught, 'invalid_input')).toBe(true);
}

/** Every distinct period dueSlot reports on minute ticks from `from` to `to`, with its first tick. */
function ticks(schedule: Schedule, team: TeamSettings, tz: string, from: string, to: string, stepMs = MIN) {
  const seen: { period: string; firstTick: string; slot: string }[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMs) {
    const due = dueSlot(schedule, team, tz, new Date(t), LOOKBACK);
    if (due && seen.at(-1)?.period !== due.period) {
      seen.push({ period: due.period, firstTick: new Date(t).toISOString(), slot: due.slot.toISOString() });
    }
  }
  return seen;
}

describe('time zone validity', () => {
  it('accepts IANA names Intl knows and rejects the rest', () => {
    for (const tz of ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'UTC']) {
      expect(isValidTimeZone(tz)).toBe(true);
    }
    for (const tz of ['', 'Mars/Olympus_Mons', 'GMT+25', 'not a zone']) {
      expect(isValidTimeZone(tz)).toBe(false);
    }
  });

  it("uses the member's zone, else the team's, else UTC", () => {
    expect(effectiveTimeZone('Asia/Kolkata', 'Europe/Stockholm')).toBe('Asia/Kolkata');
    expect(effectiveTimeZone(null, 'Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(effectiveTimeZone('Bogus/Zone', 'Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(effectiveTimeZone(null, 'Also/Bogus')).toBe('UTC');
    expect(effectiveTimeZone('', '')).toBe('UTC');
  });
});

describe('localDateKey', () => {
  it('gives each zone its own calendar date for the same instant', () => {
    const instant = at('2026-06-04T23:30:00Z');
    expect(localDateKey(instant, 'UTC')).toBe('2026-06-04');
    expect(localDateKey(instant, 'America/Los_Angeles')).toBe('2026-06-04'); // 16:30 PDT
    expect(localDateKey(instant, 'Asia/Kolkata')).toBe('2026-06-05'); // 05:00 IST
    expect(localDateKey(instant, 'Pacific/Auckland')).toBe('2026-06-05'); // 11:30 NZST
    expect(localDateKey(instant, 'Pacific/Kiritimati')).toBe('2026-06-05'); // 13:30 +14
  });

  it('crosses month and year ends', () => {
    expect(localDateKey(at('2026-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(localDateKey(at('2026-03-01T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-28');
  });

  it('refuses a zone Intl does not know', () => {
    expectInvalidInput(() => localDateKey(at('2026-06-04T00:00:00Z'), 'Not/AZone'));
  });
});

describe('slotInstant', () => {
  it('maps a local wall time to its UTC instant', () => {
    expect(slotInstant('2026-06-05', '14:00', 'Europe/Stockholm').toISOString()).toBe('2026-06-05T12:00:00.000Z');
    expect(slotInstant('2026-01-09', '14:00', 'Europe/Stockholm').toISOString()).toBe('2026-01-09T13:00:00.000Z');
    expect(slotInstant('2026-06-05', '14:00', 'Asia/Kolkata').toISOString()).toBe('2026-06-05T08:30:00.000Z');
    expect(slotInstant('2026-06-05', '14:00', 'Pacific/Kiritimati').toISOString()).toBe('2026-06-05T00:00:00.000Z');
    expect(slotInstant('2026-06-05', '00:00', 'America/Los_Angeles').toISOString()).toBe('2026-06-05T07:00:00.000Z');
  });

  it('pushes a time in a spring-forward gap forward by the gap length', () => {
    // Stockholm 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z).
    const gap = slotInstant('2026-03-29', '02:30', 'Europe/Stockholm');
    expect(gap.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wall(gap, 'Europe/Stockholm')).toBe('2026-03-29 03:30');
    expect(slotInstant('2026-03-29', '02:00', 'Europe/Stockholm').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(slotInstant('2026-03-29', '01:59', 'Europe/Stockholm').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(slotInstant('2026-03-29', '03:30', 'Europe/Stockholm').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT.
    expect(wall(slotInstant('2026-03-08', '02:30', 'America/New_York'), 'America/New_York')).toBe('2026-03-08 03:30');
    // Lord Howe's gap is 30 minutes (02:00 → 02:30), so "by the gap length" is not "by an hour".
    const lordHowe = slotInstant('2026-10-04', '02:15', 'Australia/Lord_Howe');
    expect(lordHowe.toISOString()).toBe('2026-10-03T15:45:00.000Z');
    expect(wall(lordHowe, 'Australia/Lord_Howe')).toBe('2026-10-04 02:45');
  });

  it('takes the first occurrence of a time a fall-back repeats', () => {
    // Stockholm 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 is 00:30Z and 01:30Z.
    expect(slotInstant('2026-10-25', '02:30', 'Europe/Stockholm').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(slotInstant('2026-10-25', '03:00', 'Europe/Stockholm').toISOString()).toBe('2026-10-25T02:00:00.000Z');
    // New York 2026-11-01: 02:00 EDT falls back to 01:00 EST, so 01:30 is 05:30Z and 06:30Z.
    expect(slotInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(slotInstant('2026-11-01', '02:30', 'America/New_York').toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('holds the gap and overlap rules for every quarter hour of DST days in many zones', () => {
    const days: [string, string][] = [
      ['Europe/Stockholm', '2026-03-29'],
      ['Europe/Stockholm', '2026-10-25'],
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['America/Los_Angeles', '2026-11-01'],
      ['Pacific/Auckland', '2026-04-05'],
      ['Pacific/Auckland', '2026-09-27'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Australia/Lord_Howe', '2026-10-04'],
      ['Asia/Kolkata', '2026-03-29'],
      ['Pacific/Kiritimati', '2026-12-31'],
    ];
    for (const [tz, date] of days) {
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const asked = `${date} ${time}`;
        const slot = slotInstant(date, time, tz).getTime();
        const shown = wall(slot, tz);
        if (shown === asked) {
          // First occurrence: half an hour or an hour earlier must not show the same wall time.
          expect([wall(slot - 30 * MIN, tz), wall(slot - HOUR, tz)]).not.toContain(asked);
        } else {
          // Only a time the clock skipped may move (no minute in the two hours before shows it),
          // and only forward, by no more than the gap.
          for (let t = slot - 2 * HOUR; t < slot; t += MIN) expect(wall(t, tz)).not.toBe(asked);
          const shift = Date.parse(`${shown.replace(' ', 'T')}:00Z`) - Date.parse(`${asked.replace(' ', 'T')}:00Z`);
          expect(shift).toBeGreaterThan(0);
          expect(shift).toBeLessThanOrEqual(HOUR);
        }
      }
    }
  });

  it('refuses malformed times, impossible dates and unknown zones', () => {
    expectInvalidInput(() => slotInstant('2026-06-05', '24:00', 'UTC'));
    expectInvalidInput(() => slotInstant('2026-06-05', '9:00', 'UTC'));
    expectInvalidInput(() => slotInstant('2026-06-05', '14:60', 'UTC'));
    expectInvalidInput(() => slotInstant('2026-02-30', '14:00', 'UTC'));
    expectInvalidInput(() => slotInstant('06/05/2026', '14:00', 'UTC'));
    expectInvalidInput(() => slotInstant('2026-06-05', '14:00', 'Not/AZone'));
  });
});

describe('isWorkingDay and scheduleDaysOutsideWorkdays', () => {
  const monFri = settings();
  const sunThu = settings({ workdays: ['sun', 'mon', 'tue', 'wed', 'thu'] });

  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-06-05', monFri)).toBe(true); // Friday
    expect(isWorkingDay('2026-06-06', monFri)).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-07', monFri)).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25', { ...monFri, holidays: ['2026-12-25'] })).toBe(false); // a Friday holiday
  });

  it('follows a Sunday–Thursday week', () => {
    expect(isWorkingDay('2026-06-07', sunThu)).toBe(true); // Sunday
    expect(isWorkingDay('2026-06-05', sunThu)).toBe(false); // Friday
  });

  it('lists schedule days outside the working week once, in schedule order', () => {
    expect(scheduleDaysOutsideWorkdays({ days: ['sat', 'mon', 'sat', 'sun'], time: '10:00' }, monFri.workdays)).toEqual(
      ['sat', 'sun'],
    );
    expect(scheduleDaysOutsideWorkdays({ days: ['sun', 'thu'], time: '10:00' }, sunThu.workdays)).toEqual([]);
    expect(scheduleDaysOutsideWorkdays({ days: ['fri'], time: '10:00' }, sunThu.workdays)).toEqual(['fri']);
  });
});

describe('dueSlot', () => {
  const friday: Schedule = { days: ['fri'], time: '14:00' };
  const team = settings();
  const tz = 'Europe/Stockholm'; // CEST in June: 14:00 local is 12:00Z

  it('is null before the slot and the same period from the slot until the lookback ends', () => {
    expect(dueSlot(friday, team, tz, at('2026-06-05T11:59:00Z'), LOOKBACK)).toBeNull(); // 13:59 local
    const expected = { period: '2026-06-05', slot: at('2026-06-05T12:00:00Z') };
    expect(dueSlot(friday, team, tz, at('2026-06-05T12:00:00Z'), LOOKBACK)).toEqual(expected); // 14:00
    expect(dueSlot(friday, team, tz, at('2026-06-05T12:01:00Z'), LOOKBACK)).toEqual(expected); // 14:01
    expect(dueSlot(friday, team, tz, at('2026-06-05T14:00:00Z'), LOOKBACK)).toEqual(expected); // worker down 2 h
    expect(dueSlot(friday, team, tz, at('2026-06-05T17:59:00Z'), LOOKBACK)).toEqual(expected);
    expect(dueSlot(friday, team, tz, at('2026-06-05T18:00:00Z'), LOOKBACK)).toBeNull(); // lookback over
    expect(dueSlot(friday, team, tz, at('2026-06-06T12:00:00Z'), LOOKBACK)).toBeNull();
  });

  it('reports one period per slot over a week of minute ticks', () => {
    expect(ticks(friday, team, tz, '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z')).toEqual([
      { period: '2026-06-05', firstTick: '2026-06-05T12:00:00.000Z', slot: '2026-06-05T12:00:00.000Z' },
    ]);
  });

  it('gives two periods for two schedule days', () => {
    const monThu: Schedule = { days: ['mon', 'thu'], time: '09:00' };
    expect(ticks(monThu, team, tz, '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z')).toEqual([
      { period: '2026-06-01', firstTick: '2026-06-01T07:00:00.000Z', slot: '2026-06-01T07:00:00.000Z' },
      { period: '2026-06-04', firstTick: '2026-06-04T07:00:00.000Z', slot: '2026-06-04T07:00:00.000Z' },
    ]);
  });

  it('never fires on a weekend day the schedule lists', () => {
    const saturday: Schedule = { days: ['sat'], time: '10:00' };
    expect(dueSlot(saturday, team, tz, at('2026-06-06T08:00:00Z'), LOOKBACK)).toBeNull(); // Sat 10:00 local
    expect(dueSlot(saturday, team, tz, at('2026-06-06T09:00:00Z'), LOOKBACK)).toBeNull();
    const friSat: Schedule = { days: ['fri', 'sat'], time: '10:00' };
    expect(ticks(friSat, team, tz, '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z').map((s) => s.period)).toEqual([
      '2026-06-05',
    ]);
  });

  it('fires on Sunday in a Sunday–Thursday week', () => {
    const sunThu = settings({ workdays: ['sun', 'mon', 'tue', 'wed', 'thu'] });
    const schedule: Schedule = { days: ['sun', 'fri'], time: '09:00' };
    // Jerusalem is +03:00 in June: 09:00 local is 06:00Z.
    expect(ticks(schedule, sunThu, 'Asia/Jerusalem', '2026-06-01T00:00:00Z', '2026-06-14T00:00:00Z')).toEqual([
      { period: '2026-06-07', firstTick: '2026-06-07T06:00:00.000Z', slot: '2026-06-07T06:00:00.000Z' },
    ]);
  });

  it("skips a holiday in the member's own calendar", () => {
    const schedule: Schedule = { days: ['thu', 'fri'], time: '09:00' };
    const holiday = settings({ holidays: ['2026-06-05'] });
    const instant = at('2026-06-04T21:00:00Z'); // Auckland: Fri 06-05 09:00; Los Angeles: Thu 06-04 14:00
    expect(dueSlot(schedule, holiday, 'Pacific/Auckland', instant, LOOKBACK)).toBeNull();
    expect(dueSlot(schedule, team, 'Pacific/Auckland', instant, LOOKBACK)?.period).toBe('2026-06-05'); // control
    expect(dueSlot(schedule, holiday, 'America/Los_Angeles', instant, LOOKBACK)).toEqual({
      period: '2026-06-04',
      slot: at('2026-06-04T16:00:00Z'),
    });
    // Los Angeles reaches its own Friday 09:00 later, and that is the holiday there too.
    expect(dueSlot(schedule, holiday, 'America/Los_Angeles', at('2026-06-05T16:00:00Z'), LOOKBACK)).toBeNull();
  });

  it('fires once at a 02:30 slot inside the spring-forward gap', () => {
    const everyDay = settings({ workdays: ALL_DAYS });
    const sunday: Schedule = { days: ['sun'], time: '02:30' };
    expect(dueSlot(sunday, everyDay, tz, at('2026-03-29T01:29:00Z'), LOOKBACK)).toBeNull(); // 03:29 CEST
    expect(ticks(sunday, everyDay, tz, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      { period: '2026-03-29', firstTick: '2026-03-29T01:30:00.000Z', slot: '2026-03-29T01:30:00.000Z' },
    ]);
  });

  it('fires once, at the first occurrence, for a 02:30 slot the fall-back repeats', () => {
    const everyDay = settings({ workdays: ALL_DAYS });
    const sunday: Schedule = { days: ['sun'], time: '02:30' };
    expect(ticks(sunday, everyDay, tz, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      { period: '2026-10-25', firstTick: '2026-10-25T00:30:00.000Z', slot: '2026-10-25T00:30:00.000Z' },
    ]);
    // The second 02:30 (01:30Z) is the same period, not a new one.
    expect(dueSlot(sunday, everyDay, tz, at('2026-10-25T01:30:00Z'), LOOKBACK)?.period).toBe('2026-10-25');
    const newYork: Schedule = { days: ['sun'], time: '01:30' };
    expect(ticks(newYork, everyDay, 'America/New_York', '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      { period: '2026-11-01', firstTick: '2026-11-01T05:30:00.000Z', slot: '2026-11-01T05:30:00.000Z' },
    ]);
  });

  it('keeps daily slots at the same local time across a DST change', () => {
    const daily: Schedule = { days: ALL_DAYS, time: '09:00' };
    const everyDay = settings({ workdays: ALL_DAYS });
    const seen = ticks(daily, everyDay, tz, '2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z', 5 * MIN);
    expect(seen.map((s) => s.period)).toEqual(['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(seen.map((s) => wall(Date.parse(s.slot), tz).slice(11))).toEqual([
      '09:00',
      '09:00',
      '09:00',
      '09:00',
      '09:00',
    ]);
    expect(seen.map((s) => s.slot.slice(11, 16))).toEqual(['07:00', '07:00', '08:00', '08:00', '08:00']);
  });

  it('returns nothing for an empty schedule or a non-positive lookback', () => {
    expect(dueSlot({ days: [], time: '14:00' }, team, tz, at('2026-06-05T12:00:00Z'), LOOKBACK)).toBeNull();
    expect(dueSlot(friday, team, tz, at('2026-06-05T12:00:00Z'), 0)).toBeNull();
  });

  it('catches up on a slot from an earlier day while the lookback lasts', () => {
    const week = 7 * 24 * HOUR;
    expect(dueSlot(friday, team, tz, at('2026-06-08T09:00:00Z'), week)).toEqual({
      period: '2026-06-05',
      slot: at('2026-06-05T12:00:00Z'),
    });
    expect(dueSlot(friday, team, tz, at('2026-06-12T11:59:00Z'), week)?.period).toBe('2026-06-05');
    expect(dueSlot(friday, team, tz, at('2026-06-12T12:00:00Z'), week)?.period).toBe('2026-06-12');
  });
});

describe('nextSlot', () => {
  const tz = 'Europe/Stockholm';
  const friday: Schedule = { days: ['fri'], time: '14:00' };

  it('is strictly after now', () => {
    expect(nextSlot(friday, settings(), tz, at('2026-06-05T11:59:00Z'))).toEqual(at('2026-06-05T12:00:00Z'));
    expect(nextSlot(friday, settings(), tz, at('2026-06-05T12:00:00Z'))).toEqual(at('2026-06-12T12:00:00Z'));
  });

  it('skips weekends and holidays', () => {
    const daily: Schedule = { days: ALL_DAYS, time: '09:00' };
    expect(nextSlot(daily, settings(), tz, at('2026-06-05T08:00:00Z'))).toEqual(at('2026-06-08T07:00:00Z')); // Mon
    expect(nextSlot(friday, settings({ holidays: ['2026-06-12'] }), tz, at('2026-06-05T12:00:00Z'))).toEqual(
      at('2026-06-19T12:00:00Z'),
    );
  });

  it('is null when no scheduled day can be a working day', () => {
    expect(nextSlot({ days: ['sat', 'sun'], time: '10:00' }, settings(), tz, at('2026-06-05T12:00:00Z'))).toBeNull();
    expect(nextSlot({ days: [], time: '10:00' }, settings(), tz, at('2026-06-05T12:00:00Z'))).toBeNull();
  });

  it('follows the local clock across a DST change', () => {
    const monday: Schedule = { days: ['mon'], time: '09:00' };
    expect(nextSlot(monday, settings(), tz, at('2026-03-27T12:00:00Z'))).toEqual(at('2026-03-30T07:00:00Z')); // CEST
    expect(nextSlot(monday, settings(), tz, at('2026-03-20T12:00:00Z'))).toEqual(at('2026-03-23T08:00:00Z')); // CET
  });

  it('falls back to the team zone for an invalid member zone', () => {
    const zone = effectiveTimeZone('Not/AZone', tz);
    expect(nextSlot(friday, settings(), zone, at('2026-06-05T11:00:00Z'))).toEqual(at('2026-06-05T12:00:00Z'));
    expect(nextSlot(friday, settings(), effectiveTimeZone(null, 'Bad/Too'), at('2026-06-05T11:00:00Z'))).toEqual(
      at('2026-06-05T14:00:00Z'),
    );
  });
});

describe('roundBounds', () => {
  it('opens at the earliest member slot and closes a full window after the latest', () => {
    const zones = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Kiritimati', 'Asia/Kolkata'];
    // 14:00 on 2026-06-05 is 00:00Z at +14, 02:00Z in Auckland, 08:30Z in Kolkata, 21:00Z in LA.
    expect(roundBounds('2026-06-05', '14:00', zones, 72)).toEqual({
      opensAt: at('2026-06-05T00:00:00Z'),
      closesAt: at('2026-06-08T21:00:00Z'),
    });
  });

  it('gives every member at least the window after their own slot', () => {
    const zones = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Kiritimati', 'Europe/Stockholm'];
    const { opensAt, closesAt } = roundBounds('2026-06-05', '14:00', zones, 24);
    for (const tz of zones) {
      const slot = slotInstant('2026-06-05', '14:00', tz).getTime();
      expect(slot).toBeGreaterThanOrEqual(opensAt.getTime());
      expect(closesAt.getTime() - slot).toBeGreaterThanOrEqual(24 * HOUR);
    }
  });

  it('uses UTC for an empty member list and DST rules for a repeated time', () => {
    expect(roundBounds('2026-06-05', '14:00', [], 72)).toEqual({
      opensAt: at('2026-06-05T14:00:00Z'),
      closesAt: at('2026-06-08T14:00:00Z'),
    });
    expect(roundBounds('2026-10-25', '02:30', ['Europe/Stockholm'], 1)).toEqual({
      opensAt: at('2026-10-25T00:30:00Z'),
      closesAt: at('2026-10-25T01:30:00Z'),
    });
  });
});
