/** Customer signals in: validated in full, teams resolved, then stored all or nothing. */
import type { SignalRepository } from '../ports';
import { parseSignals, type CustomerSignal, type SignalProblem } from '../signals';

export type RecordResult = { ok: true; stored: number } | { ok: false; problems: SignalProblem[] };

/**
 * Validates a body of one signal or an array of them, resolves each `team` (a channel id) to its
 * team, and stores the batch in one transaction; any problem refuses the whole batch.
 */
export async function recordSignals(signals: SignalRepository, body: unknown): Promise<RecordResult> {
  const parsed = parseSignals(body);
  // Teams are checked for every well-formed item, so one answer names every problem of the batch.
  const valid = parsed.ok ? new Map(parsed.items.map((item, index) => [index, item] as const)) : parsed.valid;
  const teams = await signals.teamsByChannel([...valid.values()].map((i) => i.team));
  const problems: SignalProblem[] = parsed.ok ? [] : [...parsed.problems];
  const rows: CustomerSignal[] = [];
  for (const [index, item] of valid) {
    const ids = teams.get(item.team) ?? [];
    if (ids.length !== 1) {
      problems.push({
        index,
        field: 'team',
        message:
          ids.length === 0
            ? `no team is set up in channel ${item.team} (run /pulse setup there first)`
            : `channel ${item.team} names teams in several workspaces`,
      });
      continue;
    }
    rows.push({
      teamId: ids[0]!,
      metric: item.metric,
      value: item.value,
      responses: item.responses,
      at: item.at,
      day: item.day,
      source: item.source,
    });
  }
  if (problems.length) return { ok: false, problems: problems.sort((x, y) => x.index - y.index) };
  return { ok: true, stored: await signals.upsertMany(rows) };
}
