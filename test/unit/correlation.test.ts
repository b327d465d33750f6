/** Pearson's r against hand-checked values, undefined cases, and the symmetry reading. */
import { pearson, readSymmetry, strengthOf } from '../../src/core/correlation';

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

test('strength in plain words', () => {
  expect([null, 0.05, -0.2, 0.35, -0.8].map(strengthOf)).toEqual(['none', 'none', 'weak', 'moderate', 'strong']);
});

test('fewer than 6 paired rounds: no r, and how many more are needed', () => {
  const reading = readSymmetry([
    { mood: 7, customer: 4.1 },
    { mood: null, customer: 4.3 },
    { mood: 6.5, customer: 3.9 },
    { mood: 7.2, customer: null },
  ]);
  expect(reading).toMatchObject({
    paired: 2,
    sameRound: null,
    nextRound: null,
    roundsNeeded: 4,
    strength: 'none',
    direction: null,
  });
});

test('customers following the team one round later is found as the lagged relation', () => {
  const mood = [6, 8, 5, 7, 9, 6, 8, 5];
  // Customer score echoes the previous round's mood; the first is arbitrary.
  const customer = [3.5, 3.0, 4.0, 2.5, 3.5, 4.5, 3.0, 4.0];
  const reading = readSymmetry(mood.map((m, i) => ({ mood: m, customer: customer[i]! })));
  expect(reading.nextRound).toBeCloseTo(1, 10);
  expect(Math.abs(reading.sameRound!)).toBeLessThan(Math.abs(reading.nextRound!));
  expect(reading).toMatchObject({ strength: 'strong', direction: 'together', roundsNeeded: 0 });
});
