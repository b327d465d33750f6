/**
 * The benchmark writes the last full run's table into the README between two markers, so the figures the
 * README quotes are always those of bench/results.md. These check the block is replaced, and only it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_SIZES } from '../../bench/lib/sizes';
import { FIGURES_PAGE, README_END, README_START, withReadmeBlock, type Report } from '../../bench/lib/report';

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
