import {
  awayByStatus,
  awayEnd,
  awayLastDay,
  emojiName,
  isAwayUntil,
  statusTextSaysAway,
  type PresenceStatus,
} from '../../src/core/away';

const NOW = new Date('2026-11-27T23:30:00Z');
const status = (s: Partial<PresenceStatus>): PresenceStatus => ({ emoji: '', text: '', expiresAt: null, ...s });

describe('away by Slack status', () => {
  it.each([':palm_tree:', ':airplane:', ':face_with_thermometer:', ':mask:', ':no_entry:', ':Palm_Tree::skin-tone-3:'])(
    '%s says away',
    (emoji) => {
      expect(awayByStatus(status({ emoji }), NOW)).toEqual({ until: null });
    },
  );

  it.each([':house:', ':spiral_calendar_pad:', ':coffee:', '', ':palm_tree_not:'])('%s alone does not', (emoji) => {
    expect(awayByStatus(status({ emoji }), NOW)).toBeNull();
  });

  it('uses the workspace list of emoji when one is given', () => {
    expect(awayByStatus(status({ emoji: ':taco:' }), NOW, ['taco'])).toEqual({ until: null });
    expect(awayByStatus(status({ emoji: ':palm_tree:' }), NOW, ['taco'])).toBeNull();
  });

  it.each([
    ['en', 'Out of office until Monday'],
    ['en', 'OOO'],
    ['en', 'on vacation 🌴'],
    ['en', 'On leave'],
    ['fr', 'En congé jusqu’au 3'],
    ['fr', 'Absent aujourd’hui'],
    ['fr', 'en vacances'],
    ['nl', 'Vakantie!'],
    ['nl', 'afwezig tot maandag'],
    ['sv', 'Semester'],
    ['sv', 'ledig idag'],
    ['sv', 'Tjänstledig'],
    ['ar', 'في إجازة'],
    ['ar', 'إجازة حتى الأحد'],
  ])('%s text "%s" says away', (_lang, text) => {
    expect(statusTextSaysAway(text)).toBe(true);
    expect(awayByStatus(status({ text }), NOW)).toEqual({ until: null });
  });

  it.each([
    'In a meeting',
    'Reviewing the absentee list',
    'Working from home',
    'booking my vacationing parents',
    'Focus time',
    'Lunch',
  ])('"%s" does not', (text) => {
    expect(statusTextSaysAway(text)).toBe(false);
    expect(awayByStatus(status({ text }), NOW)).toBeNull();
  });

  it('is away until a future expiration, and not away once it has passed', () => {
    const future = new Date('2026-11-30T08:00:00Z');
    expect(awayByStatus(status({ emoji: ':palm_tree:', expiresAt: future }), NOW)).toEqual({ until: future });
    expect(awayByStatus(status({ emoji: ':palm_tree:', expiresAt: new Date('2026-11-27T23:29:59Z') }), NOW)).toBeNull();
    expect(awayByStatus(status({ emoji: ':palm_tree:', expiresAt: NOW }), NOW)).toBeNull();
  });

  it('no status is not away', () => {
    expect(awayByStatus(null, NOW)).toBeNull();
  });

  it('reads emoji names with or without colons and skin tones', () => {
    expect(emojiName(':airplane:')).toBe('airplane');
    expect(emojiName('airplane')).toBe('airplane');
    expect(emojiName(':wave::skin-tone-2:')).toBe('wave');
  });
});

describe('the end of a /pulse away', () => {
  it("runs through the end of the last day in the person's own zone", () => {
    // 23:30 UTC on 27 Nov is already 28 Nov in Tokyo and still 27 Nov in New York.
    const tokyo = awayEnd('2026-12-24', 'Asia/Tokyo', NOW);
    expect(tokyo).toEqual({ ok: true, until: new Date('2026-12-24T15:00:00Z') });
    const ny = awayEnd('2026-12-24', 'America/New_York', NOW);
    expect(ny).toEqual({ ok: true, until: new Date('2026-12-25T05:00:00Z') });
    expect(awayLastDay(new Date('2026-12-25T05:00:00Z'), 'America/New_York')).toBe('2026-12-24');
  });

  it("takes today but not yesterday, in the person's zone", () => {
    expect(awayEnd('2026-11-27', 'America/New_York', NOW).ok).toBe(true);
    expect(awayEnd('2026-11-27', 'Asia/Tokyo', NOW)).toMatchObject({ ok: false, reason: 'past', today: '2026-11-28' });
  });

  it('takes a year ahead but not a day more', () => {
    expect(awayEnd('2027-11-27', 'UTC', NOW).ok).toBe(true);
    expect(awayEnd('2027-11-28', 'UTC', NOW)).toMatchObject({ ok: false, reason: 'too_far', latest: '2027-11-27' });
  });

  it('crosses a DST change on the wall clock (Paris, 25 October 2026)', () => {
    expect(awayEnd('2026-10-25', 'Europe/Paris', new Date('2026-10-24T12:00:00Z'))).toEqual({
      ok: true,
      until: new Date('2026-10-25T23:00:00Z'),
    });
  });

  it('is away only while the date has not passed', () => {
    expect(isAwayUntil(new Date('2026-11-28T00:00:00Z'), NOW)).toBe(true);
    expect(isAwayUntil(NOW, NOW)).toBe(false);
    expect(isAwayUntil(null, NOW)).toBe(false);
  });
});
