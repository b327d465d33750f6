/**
 * The sandbox's clock: simulated time that runs many times faster than the wall clock, handed to the
 * core as its `Clock`, so the real schedule code opens and closes weeks of rounds in a minute.
 */
import type { Clock } from '../core/clock';

/** A speed in simulated milliseconds per real millisecond, from simulated hours per real second. */
export function hoursPerSecond(hours: number): number {
  return (hours * 3_600_000) / 1000;
}

/**
 * Simulated time running `rate` times faster than the wall clock. The rate changes on the fly and time
 * never jumps or goes back: every change starts from the simulated instant the clock shows at that moment.
 * A fast stretch can be given a limit, where it drops to a slower rate on its own, exactly, however late
 * the caller looks again (a busy event loop must not carry the simulation past a check-in slot).
 */
export class WarpClock implements Clock {
  private simBase: number;
  private realBase: number;
  private rate: number;
  private limit: { at: number; thenRate: number } | null = null;

  constructor(
    start: Date,
    rate: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.simBase = start.getTime();
    this.realBase = realNow();
    this.rate = rate;
  }

  /** The simulated now. */
  now(): Date {
    return new Date(this.nowMs());
  }

  /** The simulated now in epoch milliseconds. */
  nowMs(): number {
    const real = this.realNow();
    const sim = this.simBase + (real - this.realBase) * this.rate;
    if (this.limit && sim >= this.limit.at) {
      // The limit was reached between two looks: continue at the slower rate from the real moment it was reached.
      const reachedAt = this.realBase + (this.limit.at - this.simBase) / this.rate;
      this.simBase = this.limit.at;
      this.realBase = reachedAt;
      this.rate = this.limit.thenRate;
      this.limit = null;
      return this.simBase + (real - this.realBase) * this.rate;
    }
    return sim;
  }

  /** Simulated milliseconds per real millisecond right now. */
  get speed(): number {
    this.nowMs();
    return this.rate;
  }

  /** Runs at `rate` from now on; with `until`, drops to `until.thenRate` once simulated time reaches `until.at`. */
  run(rate: number, until?: { at: number; thenRate: number }): void {
    const now = this.nowMs();
    this.simBase = now;
    this.realBase = this.realNow();
    this.rate = rate;
    this.limit = until && until.at > now ? { ...until } : null;
    if (until && until.at <= now) this.rate = until.thenRate;
  }
}
