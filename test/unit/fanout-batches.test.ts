/** How a round's check-ins are cut into jobs: never more jobs than its workspace's pace keeps busy. */
import { fanOutBatchSize, fanOutSpread } from '../../src/core/use-cases/fanout-batches';

const jobsFor = (n: number, spread?: number) => Math.ceil(n / fanOutBatchSize(n, spread));

test('the spread is how many jobs each find their slot within the wait: 1 at 5 calls/s, 4 at 20, 16 at most', () => {
  expect(fanOutSpread(5, 200)).toBe(1);
  expect(fanOutSpread(20, 200)).toBe(4);
  expect(fanOutSpread(50, 200)).toBe(10);
  expect(fanOutSpread(10_000, 200)).toBe(16);
  expect(fanOutSpread(1, 200)).toBe(1);
  expect(fanOutSpread(50, 1000)).toBe(16);
});

test('with the full spread (fast calls, a high pace) batches are as before: 5 to 100, a round over up to 16 jobs', () => {
  // The formula before the spread existed, written out here.
  const before = (n: number) => Math.min(100, Math.max(5, Math.ceil(n / 16)));
  for (const n of [1, 4, 5, 16, 79, 80, 81, 200, 1_599, 1_600, 1_601, 20_000]) {
    expect(fanOutBatchSize(n)).toBe(before(n));
    expect(fanOutBatchSize(n, 16)).toBe(before(n));
  }
});

test('a paced round goes in as many jobs as its spread, up to 1,600 people; bigger ones in batches of 1,600/spread', () => {
  expect(jobsFor(200, 1)).toBe(1);
  expect(jobsFor(1_600, 1)).toBe(1);
  expect(jobsFor(1_601, 1)).toBe(2);
  expect(jobsFor(200, 4)).toBe(4);
  expect(jobsFor(12, 4)).toBe(3); // at least five a job
  for (const spread of [1, 2, 3, 4, 7, 10, 16])
    for (const n of [1, 5, 6, 50, 199, 200, 999, 1_600]) {
      expect(jobsFor(n, spread)).toBeLessThanOrEqual(spread);
      expect(fanOutBatchSize(n, spread)).toBeGreaterThanOrEqual(5);
    }
});
