/**
 * The benchmark writes the last full run's table into the README between two markers, so the figures the
 * README quotes are always those of bench/results.md. These check the block is replaced, and only it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_SIZES } from '../../bench/lib/sizes';
import {
  dashboardRows,
  FIGURES_PAGE,
  README_END,
  README_START,
  renderResults,
  withReadmeBlock,
  type DashboardResults,
  type Report,
} from '../../bench/lib/report';
import { assertHeatmap } from '../../bench/lib/dashboard';
import type { Percentiles } from '../../bench/lib/stats';

function report(measured: string): Report {
  return {
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGb: 4,
      node: 'v20.0.0',
      loadBefore: [0.5, 0.4, 0.3],
      loadAfter: [1.5, 1.2, 1],
    },
    versions: { postgres: '15.2', redis: '7.0.15' },
    startedAt: new Date('2026-12-06T10:00:00Z'),
    finishedAt: new Date('2026-12-06T10:03:30Z'),
    rows: [
      { what: 'Ack p99', target: '≤ 25 ms', measured, met: false },
      { what: 'Fan-out', target: '(reported)', measured: '1,200 DMs/s', met: null },
    ],
    sizes: FULL_SIZES,
    quick: false,
    app: undefined,
    summary: undefined,
    dashboard: undefined,
  };
}

const latency = (p50: number, p95: number): Percentiles => ({
  n: 300,
  p50,
  p90: p95,
  p95,
  p99: p95 + 10,
  max: p95 + 20,
  mean: p50,
});

function dashboard(heatmapP95: number, stylesheetP95: number): DashboardResults {
  return {
    seed: {
      seconds: 40,
      responses: 1_000_000,
      driverAnswers: 0,
      deliveries: 1_144_000,
      rounds: 10_400,
      teamIds: Array.from({ length: 200 }, (_, i) => `t${i}`),
    },
    timings: {
      heatmap: latency(60, heatmapP95),
      stylesheet: latency(1, stylesheetP95),
      heatmapBytes: 90_000,
      runs: 300,
    },
  };
}

const readme = `# Title\n\nBefore.\n\n${README_START}\nold figures\n${README_END}\n\nAfter.\n`;

test('the block between the markers holds the run, the machine and the table; the rest is kept', () => {
  const out = withReadmeBlock(readme, report('31.0 ms'));
  expect(out.startsWith('# Title\n\nBefore.\n\n')).toBe(true);
  expect(out.endsWith(`${README_END}\n\nAfter.\n`)).toBe(true);
  expect(out).not.toContain('old figures');
  expect(out).toContain('Last run: 2026-12-06T10:00:00.000Z (210 s), `npm run bench`.');
  expect(out).toContain('Machine: Test CPU, 2 cores, 4.0 GB RAM; Node v20.0.0, PostgreSQL 15.2,');
  expect(out).toContain('| Ack p99 | ≤ 25 ms | 31.0 ms | **no** |');
  expect(out).toContain('| Fan-out | (reported) | 1,200 DMs/s | – |');
});

test("a second run replaces the first one's figures instead of adding to them", () => {
  const twice = withReadmeBlock(withReadmeBlock(readme, report('31.0 ms')), report('12.5 ms'));
  expect(twice).toContain('| Ack p99 | ≤ 25 ms | 12.5 ms | **no** |');
  expect(twice).not.toContain('31.0 ms');
  expect(twice.split(README_START)).toHaveLength(2);
});

test('a README without the markers is refused, not silently left stale', () => {
  expect(() => withReadmeBlock('# No block here\n', report('1 ms'))).toThrow(/bench:last-run/);
});

test('the benchmarks page has the block, once', () => {
  const text = readFileSync(join(__dirname, '..', '..', FIGURES_PAGE), 'utf8');
  expect(text.split(README_START)).toHaveLength(2);
  expect(text.indexOf(README_END)).toBeGreaterThan(text.indexOf(README_START));
});

test('the heatmap row is met at a p95 of 150 ms and missed just above it; the ratio to the static page is reported', () => {
  const [at, ratio] = dashboardRows(dashboard(150, 2));
  expect(at).toMatchObject({ target: 'p95 ≤ 150 ms', met: true });
  expect(at!.what).toContain('200 teams, 1,000,000 responses stored');
  expect(at!.measured).toBe('p50 60.00 ms, p95 150.00 ms, p99 160.00 ms');
  expect(ratio).toMatchObject({ met: null });
  expect(ratio!.measured).toBe('75.0 (stylesheet p50 1.00 ms, p95 2.00 ms, p99 12.00 ms)');
  expect(dashboardRows(dashboard(150.01, 2))[0]!.met).toBe(false);
});

test('results.md carries the heatmap section with both requests, only when the dashboard part ran', () => {
  const withIt = renderResults({ ...report('1 ms'), dashboard: dashboard(80, 2) });
  expect(withIt).toContain('| GET /dashboard/org (heatmap) | 300 | 60.00 | 80.00 | 80.00 | 90.00 | 100.00 |');
  expect(withIt).toContain('| GET /dashboard/static/dashboard.css | 300 | 1.00 | 2.00 | 2.00 | 12.00 | 22.00 |');
  expect(renderResults(report('1 ms'))).not.toContain('The org heatmap');
});

describe('a response that is not the heatmap stops the run', () => {
  const check = { knownTeamId: 'team-big', pooledTeamId: 'team-small', otherTeamsLabel: 'Other teams (10)' };
  const page =
    '<table><tr><th scope="row"><a href="/dashboard/teams/team-big">#CSUM0200</a></th></tr>' +
    '<tr><th scope="row" class="other">Other teams (10)</th></tr></table>';

  test('the heatmap passes', () => {
    expect(() => assertHeatmap(200, page, check)).not.toThrow();
  });
  test('another status (the login redirect, an error)', () => {
    expect(() => assertHeatmap(302, '', check)).toThrow('GET /dashboard/org answered 302');
  });
  test('a page without the known team', () => {
    expect(() => assertHeatmap(200, page.replace('team-big', 'team-else'), check)).toThrow(
      'has no row for team team-big',
    );
  });
  test('a page without the pooled row', () => {
    expect(() => assertHeatmap(200, page.replace('Other teams (10)', ''), check)).toThrow(
      'has no "Other teams (10)" row',
    );
  });
  test('a page listing a team under k', () => {
    const leaked = page.replace(
      '</table>',
      '<tr><th><a href="/dashboard/teams/team-small">#CSUM0001</a></th></tr></table>',
    );
    expect(() => assertHeatmap(200, leaked, check)).toThrow('links team team-small, which is under k');
  });
});
