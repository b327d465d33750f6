/** A customer CSAT figure for view-building unit tests: one rating on the UTC day of `at`. */
import type { CustomerSignal } from '../../src/core/signals';

export function csatSignal(at: Date, value: number): CustomerSignal {
  return { teamId: 't', metric: 'csat', value, responses: 1, at, day: at.toISOString().slice(0, 10), source: 'api' };
}
