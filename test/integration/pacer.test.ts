/**
 * The CallPacer on the real Redis: calls under one key are spaced 1/rate apart whoever takes them
 * (two pacers stand for two worker processes), a 429's hold-off holds every later call back, and
 * keys do not wait on each other. Bounds are lower bounds on elapsed time (the limit is never
 * exceeded; a busy machine only makes calls later), plus generous upper bounds for idle keys.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisPacer, PACER_HEADROOM } from '../../src/jobs/pacer';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
let prefix: string;

beforeEach(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  prefix = `${process.env.QUEUE_PREFIX ?? 'symtest'}pace${randomBytes(3).toString('hex')}`;
});
afterEach(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

/** Resolves with the time each take resolved, relative to the start. */
async function takeAll(takes: Array<() => Promise<unknown>>): Promise<number[]> {
  const start = performance.now();
  return Promise.all(
    takes.map(async (take) => {
      await take();
      return performance.now() - start;
    }),
  );
}

test('two workers taking slots under one key together never go faster than the rate', async () => {
  const perSecond = 40;
  const a = createRedisPacer(redis, prefix, 'slack', perSecond);
  const other = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const b = createRedisPacer(other, prefix, 'slack', perSecond);
    const times = (await takeAll(Array.from({ length: 20 }, (_, i) => () => (i % 2 ? a : b).take('T1')))).sort(
      (x, y) => x - y,
    );
    const interval = 1000 / (perSecond * (1 - PACER_HEADROOM));
    // The k-th slot is k intervals after the first, which is no earlier than the start; a take never
    // resolves before its slot (a late one only resolves later), so the k-th to resolve does so no
    // earlier than k intervals after the start, less the millisecond a timer rounds to.
    times.forEach((t, k) => expect(t).toBeGreaterThanOrEqual(k * interval - 1));
  } finally {
    other.disconnect();
  }
});

test('at high rates each worker takes its slots a block at a time, and together they still keep to the rate', async () => {
  const perSecond = 2000;
  const a = createRedisPacer(redis, prefix, 'slack', perSecond);
  const other = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const b = createRedisPacer(other, prefix, 'slack', perSecond);
    const calls = { a: 0, b: 0 };
    const countCalls = (r: Redis, name: 'a' | 'b') => {
      const send = r.sendCommand.bind(r);
      r.sendCommand = ((command: { name: string }) => {
        if (/^eval/i.test(command.name)) calls[name] += 1;
        return send(command as never);
      }) as typeof r.sendCommand;
    };
    countCalls(redis, 'a');
    countCalls(other, 'b');
    const times = (await takeAll(Array.from({ length: 200 }, (_, i) => () => (i % 2 ? a : b).take('T1')))).sort(
      (x, y) => x - y,
    );
    const interval = 1000 / (perSecond * (1 - PACER_HEADROOM));
    times.forEach((t, k) => expect(t).toBeGreaterThanOrEqual(k * interval - 1));
    // 200 calls in blocks of 20 (10 ms at 2,000 a second): a handful of Redis calls, not 200.
    expect(calls.a + calls.b).toBeGreaterThanOrEqual(10);
    expect(calls.a + calls.b).toBeLessThan(40);
  } finally {
    other.disconnect();
  }
});

test('slots left in a block a worker let sit idle are dropped, not spent at once when calls resume', async () => {
  const perSecond = 2000;
  const pacer = createRedisPacer(redis, prefix, 'slack', perSecond);
  // One call takes a block of 20 slots (10 ms at 2,000 a second) and uses the first.
  await pacer.take('T1');
  // The block's time passes with no call, far longer than it spans.
  await new Promise((r) => setTimeout(r, 60));
  const times = (await takeAll(Array.from({ length: 19 }, () => () => pacer.take('T1')))).sort((x, y) => x - y);
  const interval = 1000 / (perSecond * (1 - PACER_HEADROOM));
  // The 19 calls are spaced at the rate from when they came, not fired together on the stale slots.
  times.forEach((t, k) => expect(t).toBeGreaterThanOrEqual(k * interval - 1));
});

test('a hold-off (429 Retry-After) holds back every later call under the key, and only that key', async () => {
  const pacer = createRedisPacer(redis, prefix, 'slack', 1000);
  await pacer.take('T1');
  await pacer.holdOff('T1', 400);
  const [held, elsewhere] = await takeAll([() => pacer.take('T1'), () => pacer.take('T2')]);
  expect(held).toBeGreaterThanOrEqual(390);
  // Another workspace is not held back (a generous bound: it waits for nothing at all).
  expect(elsewhere).toBeLessThan(300);
  // A shorter hold-off never shortens a longer one already in place.
  await pacer.holdOff('T1', 500);
  await pacer.holdOff('T1', 10);
  const [after] = await takeAll([() => pacer.take('T1')]);
  expect(after).toBeGreaterThanOrEqual(490);
});

test('platforms keep separate slots, and the keys expire once idle', async () => {
  const slack = createRedisPacer(redis, prefix, 'slack', 2);
  const teams = createRedisPacer(redis, prefix, 'teams', 2);
  await slack.take('W');
  const [teamsFirst] = await takeAll([() => teams.take('W')]);
  expect(teamsFirst).toBeLessThan(300);
  const ttl = await redis.pttl(`${prefix}:pace:slack:W`);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(1000 + Math.ceil(1000 / (2 * (1 - PACER_HEADROOM))) + 5);
});

test('a slot further away than the caller will wait is reserved for it: callers handed back get one slot each, in turn', async () => {
  const pacer = createRedisPacer(redis, prefix, 'slack', 1);
  const interval = Math.ceil(1000 / (1 - PACER_HEADROOM));
  expect(await pacer.take('T1', 100)).toBe(0);
  const reserved = `${prefix}:pace:slack:T1:reserved`;
  // The next slot is about a second away (1 call/s): more than 100 ms, so no wait; the slot is reserved.
  const asked = performance.now();
  const first = await pacer.take('T1', 100);
  expect(first).toBeGreaterThan(100);
  expect(first).toBeLessThanOrEqual(interval + 1);
  // A second caller handed back at the same moment hears of the slot after it, not the same one (no herd).
  const second = await pacer.take('T1', 100);
  expect(second).toBeGreaterThan(first + interval - 50);
  expect(await redis.zcard(reserved)).toBe(2);
  // Another workspace's slot is free now: taken at once.
  expect(await pacer.take('T2', 100)).toBe(0);
  expect(await redis.get(`${prefix}:pace:slack:T2`)).not.toBeNull();
  // Coming back within reach of the first reservation (as a job handed back does), a caller gets it: it waits
  // for that slot instead of being handed back again, and the reservation is used up.
  await new Promise((r) => setTimeout(r, first - 80 - (performance.now() - asked)));
  expect(await pacer.take('T1', 100)).toBe(0);
  expect(performance.now() - asked).toBeGreaterThanOrEqual(first - 1);
  expect(await redis.zcard(reserved)).toBe(1);
});

test('a reservation not used in time is dropped, never used late', async () => {
  const pacer = createRedisPacer(redis, prefix, 'slack', 4);
  expect(await pacer.take('T1', 10)).toBe(0);
  const later = await pacer.take('T1', 10);
  expect(later).toBeGreaterThan(10);
  const reserved = `${prefix}:pace:slack:T1:reserved`;
  expect(await redis.zcard(reserved)).toBe(1);
  // Well past the reserved slot (and its 20 ms of grace): the next caller does not take it (that would answer at
  // once) but waits for the next free slot, one interval (250 ms) after the reserved one.
  await new Promise((r) => setTimeout(r, later + 150));
  const started = performance.now();
  expect(await pacer.take('T1', 300)).toBe(0);
  expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  expect(await redis.zcard(reserved)).toBe(0);
});
