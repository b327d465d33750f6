/**
 * The question bank, its rotation, eNPS arithmetic and the drivers view under the threshold k. Every
 * expected figure here is worked out by hand in the comments, never by the code under test.
 */
import {
  DRIVER_ITEMS,
  DRIVERS,
  driverItemKey,
  driverOfQuestion,
  driverQuestionId,
  ENPS_QUESTION_ID,
} from '../../src/core/drivers/bank';
import { checkinQuestions } from '../../src/core/drivers/checkin';
import { buildDriversView, driverScores, enpsOf, type DriverRoundFacts } from '../../src/core/drivers/report';
import { quarterBounds, quarterOf, roundDriverItems, rotationLength } from '../../src/core/drivers/rotation';
import { associationLine, driversSummaryText, driversText, enpsLine } from '../../src/core/drivers/text';
import { SUPPORTED_LANGUAGES, translate } from '../../src/core/i18n';
import type { Round } from '../../src/core/model';

const TEAMS = ['9b2f0c1e-0000-4000-8000-000000000001', 'team-b', 'team-c', 'another-team'];
/** The driver items of a team's first n rounds, each chosen from the rounds before it (as roundQuestions does). */
function itemsOf(teamId: string, n: number, disabled: (seq: number) => string[] = () => []): string[][] {
  const rounds: string[][] = [];
  for (let seq = 0; seq < n; seq++) rounds.push(roundDriverItems(teamId, [...rounds].reverse(), disabled(seq)));
  return rounds;
}
const asked = (teamId: string, n: number, disabled: string[] = []) =>
  itemsOf(teamId, n, () => disabled).map((items) => items.map((q) => driverOfQuestion(q)!));

describe('the question bank', () => {
  it('holds the eight drivers the issue names, two or three statements each, customer focus among them', () => {
    expect([...DRIVERS].sort()).toEqual(
      ['alignment', 'autonomy', 'customers', 'growth', 'manager', 'peers', 'recognition', 'wellbeing'].sort(),
    );
    for (const driver of DRIVERS) {
      expect(DRIVER_ITEMS[driver].length).toBeGreaterThanOrEqual(2);
      expect(DRIVER_ITEMS[driver].length).toBeLessThanOrEqual(3);
    }
    const customerItems = DRIVER_ITEMS.customers.map((item) => translate('en', driverItemKey(driverQuestionId(item))));
    expect(customerItems).toEqual(
      expect.arrayContaining(['I have what I need to serve our customers well.', 'What our customers say reaches me.']),
    );
  });
});

describe('rotation', () => {
  it.each([
    [0, 4],
    [1, 4],
    [2, 6],
    [3, 5],
    [4, 4],
    [5, 3],
  ])('with %i drivers off, every enabled driver comes back every %i rounds, exactly once per block', (off, every) => {
    const disabled = DRIVERS.slice(0, off) as unknown as string[];
    const enabled = DRIVERS.filter((d) => !disabled.includes(d));
    expect(rotationLength(enabled.length)).toBe(every);
    for (const teamId of TEAMS) {
      const rounds = asked(teamId, every * 6, disabled);
      for (let block = 0; block < 6; block++) {
        const inBlock = rounds.slice(block * every, block * every + every).flat();
        // Each enabled driver once in each block, and no disabled driver ever.
        expect([...inBlock].sort()).toEqual([...enabled].sort());
      }
      for (const r of rounds) expect(r.length).toBeGreaterThanOrEqual(1);
      for (const r of rounds) expect(r.length).toBeLessThanOrEqual(2);
    }
  });

  it('with all eight drivers on, each is re-measured every 4 rounds (within the 4–6 the issue asks)', () => {
    for (const teamId of TEAMS) {
      const rounds = asked(teamId, 40);
      for (const driver of DRIVERS) {
        const at = rounds.flatMap((r, i) => (r.includes(driver) ? [i] : []));
        const gaps = at.slice(1).map((x, i) => x - at[i]!);
        expect(gaps.every((g) => g === 4)).toBe(true);
        expect(at[0]).toBeLessThan(4);
      }
    }
  });

  it('is deterministic per team (a retried round asks the same), and differs between teams', () => {
    for (const teamId of TEAMS) {
      const rounds = itemsOf(teamId, 30);
      expect(itemsOf(teamId, 30)).toEqual(rounds);
      for (let seq = 0; seq < 30; seq++)
        expect(roundDriverItems(teamId, rounds.slice(0, seq).reverse(), [])).toEqual(rounds[seq]);
    }
    const orders = new Set(TEAMS.map((teamId) => JSON.stringify(asked(teamId, 4))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps every driver within its 4–6 rounds when drivers are switched off and on mid-way', () => {
    // Per team: a driver goes off at round 5 and comes back at round 9; another goes off at round 14 for good.
    // Starting the rotation over on each change (by round count) left a driver unasked for up to 8 rounds.
    const gapsOf = (rounds: string[][], driver: string, from: number) => {
      const at = rounds.flatMap((r, i) => (i >= from && r.includes(driver) ? [i] : []));
      return at.slice(1).map((x, i) => x - at[i]!);
    };
    for (const teamId of [...TEAMS, 'team-d', 'team-e', 'team-f', 'team-g']) {
      const [first, second] = [...DRIVERS].sort((a, b) => (teamId + a < teamId + b ? -1 : 1));
      const disabled = (seq: number) => [...(seq >= 5 && seq < 9 ? [first!] : []), ...(seq >= 14 ? [second!] : [])];
      const rounds = itemsOf(teamId, 40, disabled).map((items) => items.map((q) => driverOfQuestion(q)!));
      for (const driver of DRIVERS) {
        if (driver === second) continue;
        // Every driver that is on is asked at least once every 6 rounds, through both changes (the one switched
        // off for a while counted from its return).
        const gaps = gapsOf(rounds, driver, driver === first ? 9 : 0);
        expect(Math.max(...gaps)).toBeLessThanOrEqual(6);
      }
      // Switched off, it is not asked; back on, it is asked within the next two rounds.
      expect(rounds.slice(5, 9).flat()).not.toContain(first);
      expect(rounds.slice(9, 11).flat()).toContain(first);
      expect(rounds.slice(14).flat()).not.toContain(second);
      // Once settled, seven drivers on come back every 4 rounds again.
      for (const driver of DRIVERS.filter((d) => d !== second))
        expect(gapsOf(rounds, driver, 20)).toEqual([4, 4, 4, 4]);
    }
  });

  it('asks a driver its next item each time it comes back, so every item of the bank is asked', () => {
    for (const teamId of TEAMS) {
      const items = itemsOf(teamId, 12).flat();
      // 12 rounds = 3 passes of every driver: a driver of 2 or 3 items has asked each one.
      for (const driver of DRIVERS)
        expect(new Set(items.filter((q) => driverOfQuestion(q) === driver))).toEqual(
          new Set(DRIVER_ITEMS[driver].map(driverQuestionId)),
        );
    }
  });

  it('asks nothing when every driver is off', () => {
    expect(roundDriverItems('t', [['driver:growth-1']], [...DRIVERS])).toEqual([]);
  });

  it('reads the calendar quarter of a local date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2028-02-29')).toBe('2028-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterBounds('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterBounds('2027-Q2')).toEqual({ from: '2027-04-01', to: '2027-06-31' });
  });
});

describe('eNPS', () => {
  it('all promoters is +100, all detractors −100, at exactly k', () => {
    expect(enpsOf('r', [9, 10, 10, 9, 10], 5)).toEqual({
      kind: 'shown',
      roundId: 'r',
      score: 100,
      promoters: 5,
      passives: 0,
      detractors: 0,
      mean: 9.6, // 48 / 5
      respondents: 5,
    });
    expect(enpsOf('r', [0, 6, 3, 0, 5], 5)).toMatchObject({ score: -100, promoters: 0, passives: 0, detractors: 5 });
    // 14 / 5
    expect(enpsOf('r', [0, 6, 3, 0, 5], 5)).toMatchObject({ mean: 2.8 });
  });

  it('k − 1 answers show nothing at all', () => {
    expect(enpsOf('r', [10, 10, 10, 10], 5)).toEqual({ kind: 'withheld', roundId: 'r' });
    expect(enpsOf('r', [], 3)).toEqual({ kind: 'withheld', roundId: 'r' });
  });

  it('counts 7 and 8 as passives and 6 as a detractor; rounds half away from zero', () => {
    // 10, 9 promoters; 8, 7 passives; 6, 0 detractors: (2 − 2) / 6 = 0; mean 40 / 6.
    const mixed = enpsOf('r', [10, 9, 8, 7, 6, 0], 3);
    expect(mixed).toMatchObject({ score: 0, promoters: 2, passives: 2, detractors: 2 });
    expect(mixed.kind === 'shown' && mixed.mean).toBeCloseTo(6.6667, 4);
    // (2 − 1) / 3 = 33.3 → 33; (1 − 2) / 3 → −33; (1 − 0) / 2 = 50; (3 − 0) / 8 = 37.5 → 38; (0 − 3) / 8 → −38.
    expect(enpsOf('r', [9, 9, 0], 3)).toMatchObject({ score: 33 });
    expect(enpsOf('r', [0, 0, 9], 3)).toMatchObject({ score: -33 });
    expect(enpsOf('r', [10, 8, 8, 8, 8, 8, 9, 9], 3)).toMatchObject({ score: 38 });
    expect(enpsOf('r', [0, 8, 8, 8, 8, 8, 1, 2], 3)).toMatchObject({ score: -38 });
  });

  it('reads in every language, with its sign, counts and mean', () => {
    const e = enpsOf('r', [10, 9, 8, 7, 2], 5); // (2 − 1) / 5 = +20; mean 36 / 5 = 7.2
    expect(enpsLine('en', e)).toBe(
      'eNPS *+20* (from −100 to +100): 2 promoters, 2 passives, 1 detractors; mean 7.2 / 10',
    );
    expect(enpsLine('fr', e)).toContain('7,2');
    for (const language of SUPPORTED_LANGUAGES) {
      expect(enpsLine(language, e)).toContain('20');
      expect(enpsLine(language, { kind: 'withheld', roundId: 'r' })).toBe(translate(language, 'enps.withheld'));
    }
  });
});

const round = (
  id: string,
  items: string[],
  scores: Array<[string, number[]]>,
  mood: number | null,
  enps = false,
): DriverRoundFacts => ({
  roundId: id,
  closesAt: new Date(Date.UTC(2026, 0, 1 + Number(id.slice(1)) * 7)),
  driverItems: items.map(driverQuestionId),
  enps,
  scores: scores.flatMap(([q, ss]) =>
    ss.map((score) => ({ questionId: q === ENPS_QUESTION_ID || q === 'mood' ? q : driverQuestionId(q), score, n: 1 })),
  ),
  mood,
});

describe('the drivers view under the threshold', () => {
  it('a driver item needs k scores of its own; a driver is the mean of its items that reached k', () => {
    const r = round(
      'r1',
      ['growth-1', 'growth-2', 'autonomy-1'],
      [
        ['growth-1', [6, 7, 8]], // k = 3: shown, mean 7
        ['growth-2', [1, 1]], // k − 1: left out, not even pulling the driver down
        ['autonomy-1', [9, 9]], // k − 1: autonomy has no figure
      ],
      null,
    );
    expect(driverScores(r, 3)).toEqual({ growth: 7 });
    expect(driverScores(r, 2)).toEqual({ growth: 4, autonomy: 9 }); // (7 + 1) / 2
  });

  it('shows the latest figure with its change, withheld as nothing, off and never asked apart, and the focus areas', () => {
    const rounds = [
      round(
        'r1',
        ['growth-1', 'peers-1'],
        [
          ['growth-1', [5, 5, 5]],
          ['peers-1', [8, 8, 8]],
        ],
        6,
      ),
      round(
        'r2',
        ['growth-2', 'recognition-1'],
        [
          ['growth-2', [7, 7, 8]],
          ['recognition-1', [3, 4, 5]],
        ],
        6,
      ),
      round(
        'r3',
        ['peers-2', 'wellbeing-1'],
        [
          ['peers-2', [9, 9]],
          ['wellbeing-1', [6, 6, 6]],
        ],
        6,
      ),
    ];
    const view = buildDriversView(rounds, 3, ['customers']);
    const by = Object.fromEntries(view.drivers.map((d) => [d.driver, d]));
    // growth: 5 then (7 + 7 + 8) / 3 = 7.33, change +2.33
    expect(by.growth).toMatchObject({ state: 'shown' });
    expect(by.growth!.state === 'shown' && by.growth!.score).toBeCloseTo(7.3333, 4);
    expect(by.growth!.state === 'shown' && by.growth!.change).toBeCloseTo(2.3333, 4);
    // peers' latest round had 2 answers under k = 3: nothing, not the older 8.
    expect(by.peers).toEqual({ driver: 'peers', state: 'withheld' });
    expect(by.recognition).toEqual({ driver: 'recognition', state: 'shown', score: 4, change: null });
    expect(by.wellbeing).toEqual({ driver: 'wellbeing', state: 'shown', score: 6, change: null });
    expect(by.customers).toEqual({ driver: 'customers', state: 'off' });
    expect(by.autonomy).toEqual({ driver: 'autonomy', state: 'not_asked' });
    // Shown: recognition 4, wellbeing 6, growth 7.33 → lowest two and the strongest.
    expect(view.focus).toEqual({ lowest: ['recognition', 'wellbeing'], strongest: 'growth' });
    expect(view.associations).toBeNull();
    expect(view.enps).toBeNull();
    const text = driversText('en', view).join('\n');
    expect(text).toContain('Growth: *7.3* / 10 (▲2.3 since it was last asked)');
    expect(text).toContain('Peers and collaboration: not shown (under the threshold)');
    expect(text).not.toMatch(/Peers and collaboration: \*/);
    expect(text).toContain('Focus areas: Recognition, Workload and wellbeing. Strongest: Growth.');
  });

  it('has no focus areas with fewer than two drivers shown', () => {
    const view = buildDriversView([round('r1', ['growth-1'], [['growth-1', [5, 5, 5]]], 6)], 3, []);
    expect(view.focus).toBeNull();
  });

  it('reads eNPS from the latest round that asked it, under k', () => {
    const view = buildDriversView(
      [
        round('r1', [], [[ENPS_QUESTION_ID, [10, 10, 10]]], 6, true),
        round('r2', [], [[ENPS_QUESTION_ID, [0, 10]]], 6, true),
      ],
      3,
      [],
    );
    expect(view.enps).toEqual({ kind: 'withheld', roundId: 'r2' });
  });

  it('reads a tally (how many gave each score) exactly as the answers one by one', () => {
    const answers = [
      round(
        'r1',
        ['growth-1', 'autonomy-1'],
        [
          ['growth-1', [4, 4, 5, 2, 4]],
          ['autonomy-1', [7, 7, 7]],
          ['mood', [6, 6, 8, 8, 9]],
        ],
        7.4,
      ),
      round(
        'r2',
        ['growth-2'],
        [
          ['growth-2', [3, 3, 3, 3, 5, 9]],
          [ENPS_QUESTION_ID, [10, 9, 9, 6, 0, 7]],
        ],
        6,
        true,
      ),
    ];
    // The same rounds as a close tallies them: one entry per question and score, with how many gave it.
    const tallied = answers.map((r) => {
      const counts = new Map<string, { questionId: string; score: number | null; n: number }>();
      for (const { questionId, score } of r.scores) {
        const key = `${questionId}:${score}`;
        counts.set(key, { questionId, score, n: (counts.get(key)?.n ?? 0) + 1 });
      }
      return { ...r, scores: [...counts.values()] };
    });
    expect(tallied[0]!.scores.length).toBeLessThan(answers[0]!.scores.length);
    const view = buildDriversView(tallied, 5, []);
    expect(view).toEqual(buildDriversView(answers, 5, []));
    // (3·4 + 5 + 9) / 6 and eNPS (3 promoters − 2 detractors) / 6 of 6 answers, read from the counts.
    expect(view.drivers.find((d) => d.driver === 'growth')).toMatchObject({ state: 'shown', score: 26 / 6 });
    expect(view.enps).toMatchObject({ kind: 'shown', score: 17, promoters: 3, detractors: 2, respondents: 6 });
  });

  it('shows which drivers move with the mood with r, n and the 95% interval, and no direction while it spans 0', () => {
    // mood 1 2 3 4 beside growth 2 4 3 5: Σdxdy = 4, Σdx² = Σdy² = 5, r = 0.8; n = 4 spans 0:
    // z = atanh 0.8 = 1.0986, se = 1/√(4 − 3) = 1, z ± 1.96 = −0.861 … 3.059, tanh → −0.697 … 0.996.
    const scores = [2, 4, 3, 5];
    const rounds = [1, 2, 3, 4].map((mood, i) =>
      round(`r${i + 1}`, ['growth-1'], [['growth-1', [scores[i]!, scores[i]!, scores[i]!]]], mood),
    );
    const view = buildDriversView(rounds, 3, []);
    const growth = view.associations?.find((a) => a.driver === 'growth');
    expect(growth?.correlation).toMatchObject({ n: 4, evidence: 'none' });
    expect(growth?.correlation.r).toBeCloseTo(0.8, 10);
    expect(growth!.correlation.low!).toBeLessThan(0);
    const line = associationLine('en', 'growth', growth!.correlation);
    expect(line).toBe('Growth: r = 0.80, n = 4 rounds, 95% interval -0.70 to 1.00: not enough evidence yet');
    expect(line).not.toContain('together');
  });

  it('says a direction only when the interval leaves 0 out', () => {
    // 8 rounds where growth rises exactly with mood: r = 1 → the interval is above 0.
    const rounds = [1, 2, 3, 4, 5, 6, 7, 8].map((mood, i) =>
      round(`r${i + 1}`, ['growth-1'], [['growth-1', [mood + 1, mood + 1, mood + 2]]], mood),
    );
    const growth = buildDriversView(rounds, 3, []).associations!.find((a) => a.driver === 'growth')!;
    expect(growth.correlation.evidence).toBe('positive');
    expect(associationLine('en', 'growth', growth.correlation)).toContain('they rise and fall together');
  });

  it("puts under a round's summary only the drivers whose interval leaves 0 out, or says none does yet", () => {
    // growth rises exactly with the mood over 8 rounds (interval above 0); wellbeing 2 4 3 5 … beside it spans 0.
    const wobble = [2, 4, 3, 5, 4, 3, 5, 2];
    const rounds = [1, 2, 3, 4, 5, 6, 7, 8].map((mood, i) =>
      round(
        `r${i + 1}`,
        ['growth-1', 'wellbeing-1'],
        [
          ['growth-1', [mood + 1, mood + 1, mood + 2]],
          ['wellbeing-1', [wobble[i]!, wobble[i]!, wobble[i]!]],
        ],
        mood,
      ),
    );
    const view = buildDriversView(rounds, 3, []);
    expect(view.associations?.find((a) => a.driver === 'wellbeing')?.correlation.evidence).toBe('none');
    const text = driversSummaryText('en', view, ['growth'], 'r8');
    expect(text).toContain('Which drivers move with the mood (same round):');
    expect(text.filter((l) => l.startsWith('• '))).toEqual([
      expect.stringMatching(/^• Growth: r = 1\.00, n = 8 rounds/),
    ]);
    // With only the wobbling driver, the summary says none moves clearly, and names no direction.
    const unclear = buildDriversView(
      [1, 2, 3, 4, 5, 6, 7, 8].map((mood, i) =>
        round(`r${i + 1}`, ['wellbeing-1'], [['wellbeing-1', [wobble[i]!, wobble[i]!, wobble[i]!]]], mood),
      ),
      3,
      [],
    );
    const lines = driversSummaryText('en', unclear, ['wellbeing'], 'r8');
    expect(lines).toContain(
      'No driver moves clearly with the mood yet (`/pulse drivers` shows each with its interval).',
    );
    expect(lines.join('\n')).not.toMatch(/together|opposite/);
  });

  it('says plainly how many rounds a moderate link needs before it can show', () => {
    const view = buildDriversView([], 3, []);
    // 8 drivers on: each is asked every 4 rounds.
    expect(view.power?.every).toBe(4);
    expect(driversText('en', view).at(-1)).toMatch(/^A moderate link \(r = 0\.3\) needs about \d+ measured rounds/);
  });
});

describe('the check-in questions', () => {
  const base: Round = {
    id: 'r',
    teamId: 't',
    period: '2026-10-02',
    kind: 'scheduled',
    opensAt: new Date(0),
    closesAt: new Date(0),
    status: 'open',
    questions: [
      { id: 'q1', kind: 'scale', text: 'Custom scale' },
      { id: 'q2', kind: 'text', text: 'Custom text' },
    ],
    driverItems: [driverQuestionId('customers-1'), driverQuestionId('peers-2')],
    enps: true,
    summaryState: 'pending',
  };

  it('asks custom, driver and eNPS questions in the member language; eNPS from 0', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const q = checkinQuestions(base, language);
      expect(q.scale.map((x) => [x.id, x.min])).toEqual([
        ['q1', 1],
        ['driver:customers-1', 1],
        ['driver:peers-2', 1],
        [ENPS_QUESTION_ID, 0],
      ]);
      expect(q.scale[1]!.text).toBe(translate(language, 'driver.item.customers-1'));
      expect(q.scale[3]!.text).toBe(translate(language, 'enps.question'));
      expect(q.text).toEqual([{ id: 'q2', text: 'Custom text' }]);
    }
    expect(checkinQuestions(base, 'en').scale[1]!.text).toBe('I have what I need to serve our customers well.');
    expect(checkinQuestions(base, 'en').scale[2]!.text).toBe('My team works well together.');
  });

  it('every bank item and driver name has its own text in every language', () => {
    for (const language of SUPPORTED_LANGUAGES)
      for (const driver of DRIVERS) {
        expect(translate(language, `driver.name.${driver}`)).not.toContain('driver.');
        for (const item of DRIVER_ITEMS[driver])
          expect(translate(language, `driver.item.${item}` as never)).not.toContain('driver.');
      }
  });
});
