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
 * Takes the next slot of KEYS[1]: returns how many microseconds the caller waits for it. Redis's
 * own clock, so workers on machines whose clocks differ still share one timeline.
 * ARGV[1]: microseconds between slots. ARGV[2] (optional): hold off until now + that many µs.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
if ARGV[2] then
  local heldTo = now + tonumber(ARGV[2])
  if heldTo > nextSlot then
    redis.call('SET', KEYS[1], string.format('%.0f', heldTo), 'PX', math.ceil((heldTo - now) / 1000) + 1000)
  end
  return 0
end
local slot = math.max(now, nextSlot)
local after = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', after), 'PX', math.ceil((after - now) / 1000) + 1000)
return math.floor(slot - now)
`;

/**
 * A share of the rate left unused: calls reach the platform a few milliseconds after their slot, and
 * those milliseconds vary (timers, the event loop, the network), so slots spaced exactly at the limit
 * would now and then put one call too many into a sliding second. 2% absorbs 20 ms of such jitter at
 * 20 calls a second.
 */
export const PACER_HEADROOM = 0.02;

type PacerRedis = Redis & { symmetryPace(key: string, intervalUs: string, holdOffUs?: string): Promise<number> };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A pacer of `perSecond` calls per key, keys under `${prefix}:pace:${name}:`. */
export function createRedisPacer(redis: Redis, prefix: string, name: string, perSecond: number): CallPacer {
  const paced = redis as PacerRedis;
  if (typeof paced.symmetryPace !== 'function') redis.defineCommand('symmetryPace', { numberOfKeys: 1, lua: TAKE });
  const intervalUs = String(Math.ceil(1_000_000 / (perSecond * (1 - PACER_HEADROOM))));
  const keyOf = (key: string) => `${prefix}:pace:${name}:${key}`;
  return {
    async take(key) {
      const waitUs = await paced.symmetryPace(keyOf(key), intervalUs);
      if (waitUs >= 1000) await sleep(Math.ceil(waitUs / 1000));
    },
    async holdOff(key, ms) {
      await paced.symmetryPace(keyOf(key), intervalUs, String(Math.max(0, Math.round(ms * 1000))));
    },
  };
}
