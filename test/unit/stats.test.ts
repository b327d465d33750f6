/**
 * The statistics module against values computed independently: a Python standard-library script
 * (test/fixtures/stats/make-expected.py → expected.json), a few values by hand, and properties.
 */
import fc from 'fast-check';
import expected from '../fixtures/stats/expected.json';
import {
  correlate,
  driverAssociations,
  DRIVER_LAG,
  normalQuantile,
  roundsNeeded,
  type Correlation,
} from '../../src/core/stats';

const TOLERANCE = 1e-9;

function expectClose(
  actual: Correlation,
  wanted: (typeof expected.correlations)[keyof typeof expected.correlations]['expected'],
) {
  expect(actual.n).toBe(wanted.n);
  expect(actual.evidence).toBe(wanted.evidence);
  for (const key of ['r', 'low', 'high'] as const) {
    const want = wanted[key];
    if (want === null) expect(actual[key]).toBeNull();
    else expect(Math.abs(actual[key]! - want)).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('against the Python fixture', () => {
  test.each(Object.entries(expected.correlations))('%s', (_name, { xs, ys, expected: wanted }) => {
    expectClose(correlate(xs, ys), wanted);
  });

  test('the fixture covers n = 3, 4, 6, 30, perfect ±1, zero variance and every kind of evidence', () => {
    const all = Object.values(expected.correlations).map((c) => c.expected);
    expect(new Set(all.map((c) => c.n))).toEqual(new Set([3, 4, 5, 6, 30]));
    expect(new Set(all.map((c) => c.evidence))).toEqual(new Set(['none', 'positive', 'negative']));
    expect(all.some((c) => c.r === null)).toBe(true);
    expect(all.filter((c) => c.r !== null && Math.abs(c.r) === 1)).toHaveLength(2);
  });

  test.each(expected.roundsNeeded)(
    'rounds needed at r = $r, power $power, alpha $alpha',
    ({ r, power, alpha, expected: n }) => {
      expect(roundsNeeded(r, power, alpha)).toBe(n);
      expect(roundsNeeded(-r, power, alpha)).toBe(n);
    },
  );

  test('normal quantiles', () => {
    expect(Math.abs(normalQuantile(0.975) - expected.z975)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(normalQuantile(0.8) - expected.z80)).toBeLessThanOrEqual(1e-12);
  });
});

describe('by hand', () => {
  test('n = 6: r = 29/35, interval 0.0519 … 0.9807, positive', () => {
    // xs 1..6, ys 2 1 4 3 6 5: Σdxdy = 14.5, Σdx² = Σdy² = 17.5 → r = 14.5 / 17.5 = 29/35.
    // z = atanh(29/35) = ½ ln(64/6) = 1.183562; se = 1/√3; z ± 1.959964 · 0.577350 = 0.051976 … 2.315148;
    // tanh of those: 0.051929 … 0.980685.
    const c = correlate([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]);
    expect(c.r).toBeCloseTo(29 / 35, 12);
    expect(c.low).toBeCloseTo(0.051929, 6);
    expect(c.high).toBeCloseTo(0.980685, 6);
    expect(c.evidence).toBe('positive');
  });

  test('n = 3: r exists but the interval is the whole −1 … 1 and says nothing', () => {
    // xs 1 2 3, ys 1 3 2: Σdxdy = 1, Σdx² = 2, Σdy² = 2 → r = 0.5; n − 3 = 0, so se is infinite.
    expect(correlate([1, 2, 3], [1, 3, 2])).toEqual({ n: 3, r: 0.5, low: -1, high: 1, evidence: 'none' });
  });

  test('rounds for the published effect sizes (Harter et al. 2002): 62 at r = 0.35, 194 at r = 0.2', () => {
    // ((1.959964 + 0.841621) / atanh 0.35)² + 3 = (2.801585 / 0.365444)² + 3 = 61.77 → 62
    // ((1.959964 + 0.841621) / atanh 0.2)² + 3 = (2.801585 / 0.202733)² + 3 = 193.97 → 194
    expect(roundsNeeded(0.35)).toBe(62);
    expect(roundsNeeded(0.2)).toBe(194);
  });
});

describe('edges and bad input', () => {
  test('fewer than 2 pairs: no r at all', () => {
    expect(correlate([], [])).toEqual({ n: 0, r: null, low: null, high: null, evidence: 'none' });
    expect(correlate([4], [2])).toEqual({ n: 1, r: null, low: null, high: null, evidence: 'none' });
  });

  test('a strong r from 3 pairs is still no evidence', () => {
    expect(correlate([1, 2, 3], [2, 4, 6.1]).evidence).toBe('none');
  });

  test('mismatched or non-finite samples are refused with a message that says what to fix', () => {
    expect(() => correlate([1, 2, 3], [1, 2])).toThrow('correlate needs paired samples: got 3 xs and 2 ys');
    expect(() => correlate([1, Number.NaN, 3, 4], [1, 2, 3, 4])).toThrow('drop missing rounds before pairing');
    expect(() => roundsNeeded(0)).toThrow('0 < |r| < 1');
    expect(() => roundsNeeded(1)).toThrow('0 < |r| < 1');
    expect(() => roundsNeeded(0.3, 1)).toThrow('0 < power < 1');
    expect(() => roundsNeeded(0.3, 0.8, 0)).toThrow('0 < alpha < 1');
    expect(() => normalQuantile(1)).toThrow('0 < p < 1');
  });
});

describe('driverAssociations', () => {
  test('the lag is fixed at the same round', () => {
    expect(DRIVER_LAG).toBe(0);
  });

  test('pairs only rounds where both the mood and the driver exist, and lists every driver seen', () => {
    const rounds = [
      { mood: 1, drivers: { growth: 2, workload: 9 } },
      { mood: 2, drivers: { growth: 1 } },
      { mood: 3, drivers: { growth: 4, workload: undefined } },
      { mood: 4, drivers: { growth: 3, workload: 6 } },
      { mood: 5, drivers: { growth: 6, recognition: 5 } },
      { mood: 6, drivers: { growth: 5, workload: 4 } },
    ];
    const out = driverAssociations(rounds);
    expect(Object.keys(out)).toEqual(['growth', 'recognition', 'workload']);
    // growth pairs all six rounds: the same data as the hand example (r = 29/35).
    expect(out.growth!.n).toBe(6);
    expect(out.growth!.r).toBeCloseTo(29 / 35, 12);
    expect(out.growth!.evidence).toBe('positive');
    // workload: rounds 1, 4, 6 (moods 1, 4, 6; scores 9, 6, 4) — three pairs, so no evidence.
    expect(out.workload).toMatchObject({ n: 3, evidence: 'none', low: -1, high: 1 });
    expect(out.workload!.r).toBeCloseTo(correlate([1, 4, 6], [9, 6, 4]).r!, 12);
    expect(out.workload!.r).toBeLessThan(-0.99);
    expect(out.recognition).toEqual({ n: 1, r: null, low: null, high: null, evidence: 'none' });
  });

  test('no rounds: no drivers', () => {
    expect(driverAssociations([])).toEqual({});
  });
});

describe('properties', () => {
  const sample = (min: number, max: number) =>
    fc
      .array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })), {
        minLength: min,
        maxLength: max,
      })
      .map((pairs) => ({ xs: pairs.map((p) => p[0]), ys: pairs.map((p) => p[1]) }));

  test('the interval contains r and stays within −1 … 1', () => {
    fc.assert(
      fc.property(sample(2, 40), ({ xs, ys }) => {
        const c = correlate(xs, ys);
        if (c.r === null) return c.low === null && c.high === null && c.evidence === 'none';
        return -1 <= c.low! && c.low! <= c.r && c.r <= c.high! && c.high! <= 1;
      }),
    );
  });

  test('the interval narrows as n grows (the same data twice over)', () => {
    fc.assert(
      fc.property(sample(4, 20), ({ xs, ys }) => {
        const once = correlate(xs, ys);
        const twice = correlate([...xs, ...xs], [...ys, ...ys]);
        fc.pre(once.r !== null && Math.abs(once.r) < 1);
        return twice.high! - twice.low! < once.high! - once.low!;
      }),
    );
  });

  test('flipping the sign of one side mirrors r, the interval and the evidence', () => {
    const mirror = { none: 'none', positive: 'negative', negative: 'positive' } as const;
    fc.assert(
      fc.property(sample(2, 40), ({ xs, ys }) => {
        const c = correlate(xs, ys);
        const f = correlate(
          xs,
          ys.map((y) => -y),
        );
        if (c.r === null) return f.r === null;
        return (
          Math.abs(f.r! + c.r) < 1e-12 &&
          Math.abs(f.low! + c.high!) < 1e-12 &&
          Math.abs(f.high! + c.low!) < 1e-12 &&
          f.evidence === mirror[c.evidence]
        );
      }),
    );
  });

  test('evidence is claimed exactly when the interval leaves 0 out and n ≥ 4', () => {
    fc.assert(
      fc.property(sample(2, 40), ({ xs, ys }) => {
        const c = correlate(xs, ys);
        const claims = c.evidence !== 'none';
        return claims === (c.n >= 4 && c.r !== null && (c.low! > 0 || c.high! < 0));
      }),
    );
  });
});
