/**
 * Honest statistics: Pearson's r with its 95% confidence interval (Fisher z), the evidence it carries, and how
 * many rounds a correlation of a given size needs before it can show. Pure functions, no I/O.
 *
 * Worked by hand (checked in test/unit/stats.test.ts and against test/fixtures/stats/expected.json):
 *   xs = 1 2 3 4 5 6, ys = 2 1 4 3 6 5: means 3.5 and 3.5, Σdxdy = 14.5, Σdx² = Σdy² = 17.5, r = 29/35 ≈ 0.828571;
 *   z = atanh r = ½·ln(64/6) ≈ 1.18356, se = 1/√3 ≈ 0.57735, z ± 1.95996·se ≈ 0.05198 … 2.31515, interval ≈ 0.0519 … 0.9807:
 *   above 0, so the evidence is positive even with 6 rounds because r is large.
 */

/** Pearson's r with its 95% confidence interval; `evidence` says whether the interval leaves 0 out. */
export interface Correlation {
  /** Pairs the correlation was computed from. */
  n: number;
  /** Pearson's r, or null when it is undefined (fewer than 2 pairs, or one side constant). */
  r: number | null;
  /** The 95% confidence interval (Fisher z), or null with r. With 3 pairs or fewer it is the whole −1 … 1. */
  low: number | null;
  high: number | null;
  /** 'none' when n < 4, r is undefined or the interval spans 0; otherwise the direction the interval shows. */
  evidence: 'none' | 'positive' | 'negative';
}

/** Confidence level of every interval shown: 95%, two-sided. */
export const CONFIDENCE = 0.95;

/** Fewest pairs for which a correlation can carry evidence (Fisher z needs n − 3 > 0). */
export const MIN_PAIRS_FOR_EVIDENCE = 4;

/**
 * Drivers are read against the mood of the same round. Fixed here, before any data is seen, so the code never
 * picks the lag that happens to look best.
 */
export const DRIVER_LAG = 0;

/** Pearson's correlation coefficient, or null when it is undefined (fewer than 2 pairs, or one side constant). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i += 1) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  if (vx === 0 || vy === 0) return null;
  // Rounding can push a perfect correlation a hair past ±1.
  return Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
}

/** Pearson's r of paired samples with its 95% Fisher-z interval and the evidence it carries. */
export function correlate(xs: readonly number[], ys: readonly number[]): Correlation {
  if (xs.length !== ys.length) {
    throw new RangeError(`correlate needs paired samples: got ${xs.length} xs and ${ys.length} ys`);
  }
  if (!xs.every(Number.isFinite) || !ys.every(Number.isFinite)) {
    throw new RangeError('correlate needs finite numbers: drop missing rounds before pairing');
  }
  const n = xs.length;
  const r = pearson(xs, ys);
  if (r === null) return { n, r: null, low: null, high: null, evidence: 'none' };
  if (n < MIN_PAIRS_FOR_EVIDENCE) return { n, r, low: -1, high: 1, evidence: 'none' };
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - CONFIDENCE) / 2) / Math.sqrt(n - 3);
  const low = Math.tanh(z - half);
  const high = Math.tanh(z + half);
  const evidence = low > 0 ? 'positive' : high < 0 ? 'negative' : 'none';
  return { n, r, low, high, evidence };
}

/** One round as the driver associations read it: the team mood and each driver's score (absent: not asked or under k). */
export interface DriverRound {
  mood: number;
  drivers: Record<string, number | undefined>;
}

/**
 * Each driver's correlation with the mood of the same round (DRIVER_LAG), pairing only rounds where both exist.
 * Every driver seen in any round gets an entry, even when it has too few pairs to say anything.
 */
export function driverAssociations(rounds: readonly DriverRound[]): Record<string, Correlation> {
  const names = new Set<string>();
  for (const round of rounds) for (const name of Object.keys(round.drivers)) names.add(name);
  const out: Record<string, Correlation> = {};
  for (const name of [...names].sort()) {
    const moods: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i + DRIVER_LAG < rounds.length; i += 1) {
      const mood = rounds[i]!.mood;
      const score = rounds[i + DRIVER_LAG]!.drivers[name];
      if (score === undefined || !Number.isFinite(score) || !Number.isFinite(mood)) continue;
      moods.push(mood);
      scores.push(score);
    }
    out[name] = correlate(scores, moods);
  }
  return out;
}

/**
 * Pairs (rounds) needed to detect a true correlation r with the given power at two-sided level alpha:
 * n = ((z₁₋α/₂ + z_power) / atanh r)² + 3, rounded up. About 62 at r = 0.35 and 194 at r = 0.2 (80%, 5%).
 */
export function roundsNeeded(r: number, power = 0.8, alpha = 0.05): number {
  if (!(Math.abs(r) > 0 && Math.abs(r) < 1)) throw new RangeError(`roundsNeeded needs 0 < |r| < 1, got ${r}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`roundsNeeded needs 0 < power < 1, got ${power}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`roundsNeeded needs 0 < alpha < 1, got ${alpha}`);
  const z = (normalQuantile(1 - alpha / 2) + normalQuantile(power)) / Math.atanh(Math.abs(r));
  return Math.ceil(z * z + 3);
}

/**
 * The standard normal quantile (inverse CDF) by Wichura's algorithm AS241 (PPND16, Applied Statistics 37(3),
 * 1988), accurate to about 1e-16: Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.8) = 0.8416212335729143.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    x = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -x : x;
}

/** Horner's rule; coefficients from the constant term up. */
function poly(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i -= 1) sum = sum * x + coefficients[i]!;
  return sum;
}

// AS241 coefficients, constant term first.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];
