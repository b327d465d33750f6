/** Pearson's r against hand-checked values, undefined cases, and the symmetry reading at the team's fixed lag. */
import { readSymmetry } from '../../src/core/correlation';
import { pearson } from '../../src/core/stats';

test('r matches a hand-checked example', () => {
  // x = 1..5, y = 2,4,5,4,5: mean 3 and 4; cov = 6, var x = 10, var y = 6 → r = 6 / sqrt(60) = 0.7746
  expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7746, 4);
  expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 10);
  // by hand: cov 0.80667, var 1.63333 and 0.40833 → 0.80667 / 0.81667
  expect(pearson([7.1, 6.8, 7.4, 6.2, 7.9, 7.0], [4.2, 4.0, 4.4, 3.8, 4.6, 4.1])).toBeCloseTo(0.9878, 4);
});

test('r is undefined (null) when one side is constant or there are too few pairs', () => {
  expect(pearson([5, 5, 5, 5], [1, 2, 3, 4])).toBeNull();
  expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
  expect(pearson([1], [2])).toBeNull();
});

test('fewer than 6 paired rounds: no r, and how many more are needed', () => {
  const points = [
    { mood: 7, customer: 4.1 },
    { mood: null, customer: 4.3 },
    { mood: 6.5, customer: 3.9 },
    { mood: 7.2, customer: null },
  ];
  expect(readSymmetry(points, 0)).toEqual({ lag: 0, paired: 2, roundsNeeded: 4, correlation: null });
  // One round later: 7 → 4.3 and 6.5 → null, 7.2 → (none): one pair.
  expect(readSymmetry(points, 1)).toEqual({ lag: 1, paired: 1, roundsNeeded: 5, correlation: null });
});

// Customer score echoes the previous round's mood exactly (customer[i + 1] = mood[i] / 2); the first is arbitrary.
const mood = [6, 8, 5, 7, 9, 6, 8, 5];
const customer = [3.5, 3.0, 4.0, 2.5, 3.5, 4.5, 3.0, 4.0];
const points = mood.map((m, i) => ({ mood: m, customer: customer[i]! }));

test('at lag 1 the reading pairs each mood with the next round’s customers, and only that', () => {
  const reading = readSymmetry(points, 1);
  expect(reading.lag).toBe(1);
  expect(reading.paired).toBe(7);
  expect(reading.correlation!.r).toBeCloseTo(1, 10);
  expect(reading.correlation!.evidence).toBe('positive');
});

test('at lag 0 the same data is read in the same round, never swapped for the stronger lagged relation', () => {
  const reading = readSymmetry(points, 0);
  expect(reading.lag).toBe(0);
  expect(reading.paired).toBe(8);
  // By hand: means 6.75 and 3.5; Σdxdy = −4, Σdx² = 15.5, Σdy² = 3 → r = −4 / √46.5 = −0.5866;
  // z = −0.6725, se = 1/√5, high = tanh(−0.6725 + 0.8765) = 0.20 > 0: not enough evidence with 8 rounds.
  expect(reading.correlation!.r).toBeCloseTo(-4 / Math.sqrt(46.5), 10);
  expect(reading.correlation!.evidence).toBe('none');
});
