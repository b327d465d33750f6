/**
 * The benchmark adds up a baseline's interleaved slices into one rate: the total count over the total
 * time, so a short slow slice weighs as much as its seconds (an average of the slices' rates would
 * let a 1-second burst count as much as a 10-second crawl).
 */
import { totalOf } from '../../bench/lib/slices';

test('slices add up to the total count over the total time', () => {
  const total = totalOf([
    { count: 1000, seconds: 10, perSecond: 100 },
    { count: 1000, seconds: 1, perSecond: 1000 },
  ]);
  expect(total.count).toBe(2000);
  expect(total.seconds).toBe(11);
  // 2000 / 11, not the 550 an average of 100 and 1000 would give.
  expect(total.perSecond).toBeCloseTo(181.818, 3);
});

test('one slice is its own total', () => {
  expect(totalOf([{ count: 500, seconds: 2, perSecond: 250 }])).toEqual({ count: 500, seconds: 2, perSecond: 250 });
});
