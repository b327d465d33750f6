/**
 * Customer signals: CSAT and NPS a help desk or survey tool reports for a team.
 *
 * Decisions:
 * - CSAT is a percentage of satisfied answers, 0–100 (a tool that reports a 1–5 average converts
 *   it before sending); NPS is -100..100. Both are plain numbers, not necessarily whole.
 * - `team` is the team's channel id (what a manager sees in Slack or Teams), `at` an ISO 8601
 *   instant with a time zone; the row's `day` is its UTC date. `responses` (default 1) weighs
 *   the value when several days fall in one round; `source` (default "api") names the tool.
 * - One row per (team, metric, source, day): sending a day again replaces it (a nightly export
 *   re-run is harmless).
 * - A batch is all or nothing: one bad item (or an unknown team) refuses the whole batch, with
 *   every problem named by item index and field, and nothing is stored.
 */
import { z } from 'zod';

export type CustomerMetric = 'csat' | 'nps';
export const CUSTOMER_METRICS: readonly CustomerMetric[] = ['csat', 'nps'];

/** Most items one request or file may carry. */
export const MAX_SIGNALS_PER_BATCH = 5000;

/** A signal as the caller sent it, validated; `team` is still a channel id. */
export interface SignalItem {
  team: string;
  metric: CustomerMetric;
  value: number;
  responses: number;
  at: Date;
  /** The UTC date of `at`, YYYY-MM-DD. */
  day: string;
  source: string;
}

/** A stored signal of a team. */
export interface CustomerSignal {
  teamId: string;
  metric: CustomerMetric;
  value: number;
  responses: number;
  at: Date;
  day: string;
  source: string;
}

/** One problem of a batch: which item (0-based), which field, what is wrong. */
export interface SignalProblem {
  index: number;
  field: string;
  message: string;
}

const RANGES: Record<CustomerMetric, [number, number]> = { csat: [0, 100], nps: [-100, 100] };

const item = z
  .object({
    team: z
      .string({ message: 'must be the team channel id (a string)' })
      .trim()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters'),
    metric: z.enum(['csat', 'nps'], { message: 'must be "csat" or "nps"' }),
    value: z.number({ message: 'must be a number' }).finite('must be a finite number'),
    responses: z
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(10_000_000, 'must be at most 10000000')
      .default(1),
    // ISO 8601 lets the seconds go: help desks send "2013-12-12T05:35Z" (Zendesk's *_with_timestamp placeholders).
    at: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d)(?=Z$|[+-]\d\d:\d\d$)/, '$1:00') : v),
      z.iso.datetime({
        offset: true,
        message: 'must be an ISO 8601 date-time with a time zone, like 2026-03-06T17:00:00Z',
      }),
    ),
    source: z
      .string({ message: 'must be a string' })
      .trim()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits, _ . : -')
      .default('api'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const [min, max] = RANGES[v.metric];
    if (v.value < min || v.value > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be between ${min} and ${max} for ${v.metric}${v.metric === 'csat' ? ' (a percentage)' : ''}`,
      });
    }
  });

/**
 * What a caller sent: one item or an array of them, each checked on its own; every problem is listed.
 * On failure `valid` holds the items that passed, by their index (so callers can check them further).
 */
export function parseSignals(
  body: unknown,
): { ok: true; items: SignalItem[] } | { ok: false; problems: SignalProblem[]; valid: Map<number, SignalItem> } {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0)
    return { ok: false, problems: [{ index: 0, field: '', message: 'the batch is empty' }], valid: new Map() };
  if (list.length > MAX_SIGNALS_PER_BATCH)
    return {
      ok: false,
      problems: [
        { index: MAX_SIGNALS_PER_BATCH, field: '', message: `a batch holds at most ${MAX_SIGNALS_PER_BATCH} items` },
      ],
      valid: new Map(),
    };
  const items: SignalItem[] = [];
  const valid = new Map<number, SignalItem>();
  const problems: SignalProblem[] = [];
  list.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ index, field: '', message: 'must be an object' });
      return;
    }
    const result = item.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
        problems.push({
          index,
          field,
          message: issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message,
        });
      }
      return;
    }
    const at = new Date(result.data.at);
    const parsed = { ...result.data, at, day: at.toISOString().slice(0, 10) };
    items.push(parsed);
    valid.set(index, parsed);
  });
  return problems.length ? { ok: false, problems, valid } : { ok: true, items };
}

/** The average of values weighted by their responses, or null when there are none. */
export function weightedAverage(signals: ReadonlyArray<{ value: number; responses: number }>): number | null {
  let weight = 0;
  let sum = 0;
  for (const s of signals) {
    weight += s.responses;
    sum += s.value * s.responses;
  }
  return weight === 0 ? null : sum / weight;
}
