/**
 * The CallPacer on Redis: every worker process takes its platform calls' slots from one key per
 * workspace, so all of them together send at most `perSecond` calls a second, evenly spaced (a
 * slot every 1/rate s, no bursts), which is what Slack's and Teams' sliding windows want.
 *
 * Why not BullMQ's limiter: it counts job *starts* in fixed windows, for the whole queue, while the
 * platforms count *calls* per workspace in sliding windows. A job's call comes a few milliseconds
 * after its start, and those milliseconds vary, so calls bunch at window edges and meet 429s; a job
 * that makes no call (a DM already sent) still spends a start; one that makes two spends one.
 * Here the slot is taken right before the call itself.
 */
import type { Redis } from 'ioredis';
import type { CallPacer } from '../core/ports';

/**
 * Takes the next slot of KEYS[1] (ARGV[3] consecutive slots, default one): returns { microseconds the
 * caller waits for the first, how many slots it got }. Redis's own clock, so workers on machines whose
 * clocks differ still share one timeline. ARGV[1]: microseconds between slots. ARGV[2] (when not empty):
 * hold off until now + that many µs instead (a 429), dropping the reservations before then.
 * ARGV[4] (when not empty): the longest wait the caller accepts, in µs. A slot further away is taken all
 * the same but *reserved* (kept in the sorted set KEYS[2]) and the answer is { -(its wait) - 1, 0 }: the
 * caller hands its job back to the queue to come back just before it. A caller with a wait limit first
 * takes a reservation due within it (any job of the workspace may use it: slots are alike), so jobs handed
 * back wake to a slot each, one after another, instead of all waking to the same next free slot and all
 * but one being handed back again. A reservation not used by ARGV[5] µs after its time is dropped: a call
 * later than that could put one call too many into a sliding second (the headroom below is that margin).
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local function fmt(us) return string.format('%.0f', us) end
if ARGV[2] and ARGV[2] ~= '' then
  local heldTo = now + tonumber(ARGV[2])
  if heldTo > nextSlot then
    redis.call('SET', KEYS[1], fmt(heldTo), 'PX', math.ceil((heldTo - now) / 1000) + 1000)
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. fmt(heldTo))
  return {0, 0}
end
local slot = math.max(now, nextSlot)
if ARGV[4] and ARGV[4] ~= '' then
  local maxWait = tonumber(ARGV[4])
  local oldest = now - tonumber(ARGV[5])
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. fmt(oldest))
  local due = redis.call('ZRANGEBYSCORE', KEYS[2], fmt(oldest), fmt(now + maxWait), 'LIMIT', 0, 1)
  if #due > 0 then
    redis.call('ZREM', KEYS[2], due[1])
    return {math.max(0, math.floor(tonumber(due[1]) - now)), 1}
  end
  if slot - now > maxWait then
    redis.call('SET', KEYS[1], fmt(slot + tonumber(ARGV[1])), 'PX', math.ceil((slot - now) / 1000) + 1000)
    redis.call('ZADD', KEYS[2], slot, fmt(slot))
    redis.call('PEXPIRE', KEYS[2], math.ceil((slot - now) / 1000) + 1000)
    return {-math.floor(slot - now) - 1, 0}
  end
end
local count = tonumber(ARGV[3] or '1')
local after = slot + tonumber(ARGV[1]) * count
redis.call('SET', KEYS[1], fmt(after), 'PX', math.ceil((after - now) / 1000) + 1000)
return {math.floor(slot - now), count}
`;

/**
 * A share of the rate left unused: calls reach the platform a few milliseconds after their slot, and
 * those milliseconds vary (timers, the event loop, the network), so slots spaced exactly at the limit
 * would now and then put one call too many into a sliding second. 2% absorbs 20 ms of such jitter at
 * 20 calls a second.
 */
export const PACER_HEADROOM = 0.02;
/**
 * How late a reserved slot may still be used: the headroom's worth of a second (20 ms). Calls spaced at the
 * slowed interval leave that much to spare in every sliding second, so one call this late stays inside the limit.
 */
const RESERVATION_TOLERANCE_US = Math.floor(PACER_HEADROOM * 1_000_000);

type PacerRedis = Redis & {
  symmetryPace(
    key: string,
    reservations: string,
    intervalUs: string,
    holdOffUs: string,
    count: string,
    maxWaitUs: string,
    toleranceUs: string,
  ): Promise<[number, number]>;
};

/**
 * At high rates each process takes its slots from Redis a block at a time (10 ms worth) and hands
 * them out itself, so a fan-out makes one Redis call per block instead of per message; the slots
 * are still Redis's, in order, so all processes together stay under the rate. At Slack's and
 * Teams' real limits a block is one slot, as if there were no blocks.
 */
const BLOCK_SECONDS = 0.01;

/** Slots a process holds for one key: the first slot's time (ms, local clock) and how many are left. */
interface Block {
  firstAt: number;
  intervalMs: number;
  size: number;
  next: number;
  /** For an empty block (the slot was further than the caller would wait): how far, in ms. */
  laterMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A pacer of `perSecond` calls per key, keys under `${prefix}:pace:${name}:`. */
export function createRedisPacer(redis: Redis, prefix: string, name: string, perSecond: number): CallPacer {
  const paced = redis as PacerRedis;
  if (typeof paced.symmetryPace !== 'function') redis.defineCommand('symmetryPace', { numberOfKeys: 2, lua: TAKE });
  const intervalUs = Math.ceil(1_000_000 / (perSecond * (1 - PACER_HEADROOM)));
  const blockSize = Math.max(1, Math.floor(perSecond * BLOCK_SECONDS));
  const keyOf = (key: string) => `${prefix}:pace:${name}:${key}`;
  const reservationsOf = (key: string) => `${prefix}:pace:${name}:${key}:reserved`;
  const blocks = new Map<string, Promise<Block>>();

  /**
   * The time (local ms) of this process's next slot under `key`, taking a new block when the last is used
   * up or past; or, when the next free slot is more than `maxWaitMs` away, `{ laterMs }` and no slot taken.
   */
  const nextSlot = async (key: string, maxWaitMs?: number): Promise<number | { laterMs: number }> => {
    const maxWaitUs = maxWaitMs === undefined ? '' : String(Math.round(maxWaitMs * 1000));
    for (;;) {
      const held = blocks.get(key);
      const block = held ? await held : null;
      if (block && block.next < block.size) {
        const at = block.firstAt + block.next * block.intervalMs;
        // A slot a little late is used late; a block left idle longer than it spans is dropped, so its
        // leftover slots never go out together in one burst.
        if (at >= Date.now() - BLOCK_SECONDS * 1000) {
          block.next += 1;
          return at;
        }
        block.next = block.size;
      }
      if (blocks.get(key) !== held) continue;
      const asked = paced.symmetryPace(
        keyOf(key),
        reservationsOf(key),
        String(intervalUs),
        '',
        String(blockSize),
        maxWaitUs,
        String(RESERVATION_TOLERANCE_US),
      );
      const taking = asked.then(([waitUs, count]) => ({
        firstAt: Date.now() + Math.max(0, waitUs) / 1000,
        intervalMs: intervalUs / 1000,
        // Too far away: reserved for when the job comes back, nothing to use now (an empty block, so the
        // next caller asks Redis again).
        size: waitUs < 0 ? 0 : count,
        next: 0,
        laterMs: waitUs < 0 ? (-waitUs - 1) / 1000 : 0,
      }));
      blocks.set(key, taking);
      taking.catch(() => blocks.delete(key));
      const taken = await taking;
      if (taken.size === 0) {
        if (blocks.get(key) === taking) blocks.delete(key);
        return { laterMs: Math.max(1, Math.ceil(taken.laterMs)) };
      }
    }
  };

  return {
    async take(key, maxWaitMs) {
      const slot = await nextSlot(key, maxWaitMs);
      if (typeof slot !== 'number') return slot.laterMs;
      const wait = slot - Date.now();
      if (wait >= 1) await sleep(Math.ceil(wait));
      return 0;
    },
    async holdOff(key, ms) {
      blocks.delete(key);
      await paced.symmetryPace(
        keyOf(key),
        reservationsOf(key),
        String(intervalUs),
        String(Math.max(0, Math.round(ms * 1000))),
        '1',
        '',
        '0',
      );
    },
  };
}
