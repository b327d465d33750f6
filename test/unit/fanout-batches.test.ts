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

test('with the full spread (fast calls, a high pace) a round of up to 1,600 goes in batches of 5 to 100 over up to 16 jobs', () => {
  // The formula before the spread existed, written out here: it still holds up to 1,600 people.
  const before = (n: number) => Math.min(100, Math.max(5, Math.ceil(n / 16)));
  for (const n of [1, 4, 5, 16, 79, 80, 81, 200, 1_599, 1_600]) {
    expect(fanOutBatchSize(n)).toBe(before(n));
    expect(fanOutBatchSize(n, 16)).toBe(before(n));
  }
});

test('a bigger round goes in whole waves of equal jobs: no last wave that leaves most workers idle', () => {
  expect(fanOutBatchSize(2_500)).toBe(79); // 32 jobs, two waves of 16 (not 25 of 100: a second wave of 9)
  expect(jobsFor(2_500)).toBe(32);
  expect(fanOutBatchSize(20_000)).toBe(97); // 207 jobs: 13 waves
  for (const spread of [1, 4, 10, 16])
    for (const n of [1_601, 2_500, 3_333, 6_400, 20_000, 100_001]) {
      const size = fanOutBatchSize(n, spread);
      const waves = Math.ceil(jobsFor(n, spread) / spread);
      // What the busiest of `spread` workers sends one after another, against an even share of the round.
      expect(waves * size).toBeLessThanOrEqual(Math.ceil(n / spread) + waves);
      expect(size).toBeLessThanOrEqual(Math.ceil(1_600 / spread));
      expect(size).toBeGreaterThanOrEqual(5);
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
