/**
 * The memory figures (docs/operations.md "Memory", the benchmark's peak RSS) stand on each process loading only
 * what it uses: loading the built web or worker module must not pull in Bolt (worker), botbuilder
 * (Teams not configured), the chart libraries (before the first chart) or date-fns' package root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What `expression` (over require.cache) gives in a fresh node process that has required `file` from dist/. */
function afterRequiring<T>(file: string, expression: string): T {
  const entry = join(ROOT, 'dist', file);
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  const script = `require(${JSON.stringify(entry)}); const files = Object.keys(require.cache); process.stdout.write(JSON.stringify(${expression}));`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }).toString(),
  ) as T;
}

/** The node_modules packages a fresh node process has loaded after requiring `file` from dist/. */
const packagesLoadedBy = (file: string) =>
  afterRequiring<string[]>(
    file,
    String.raw`[...new Set(files.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean))]`,
  );

test('the worker module loads neither Bolt, botbuilder nor the chart libraries', () => {
  const loaded = packagesLoadedBy('main/worker.js');
  expect(loaded).toContain('@slack/web-api');
  expect(loaded).toContain('bullmq');
  for (const name of ['@slack/bolt', 'botbuilder', 'botbuilder-core', 'vega', 'vega-lite', '@resvg/resvg-js'])
    expect(loaded).not.toContain(name);
});

test('the web module loads neither Bolt, botbuilder nor the chart libraries until a platform is mounted', () => {
  // Each platform brings its SDK when the configuration turns it on (src/main/platform-*.ts mount()).
  const loaded = packagesLoadedBy('main/web.js');
  expect(loaded).toContain('@slack/web-api');
  expect(loaded).not.toContain('@slack/bolt');
  for (const name of ['botbuilder', 'botbuilder-core', 'vega', 'vega-lite', '@resvg/resvg-js'])
    expect(loaded).not.toContain(name);
});

test('date-fns is loaded function by function, not through its package root', () => {
  const files = afterRequiring<number>(
    'main/worker.js',
    String.raw`files.filter((f) => /node_modules\/date-fns\//.test(f)).length`,
  );
  // The package root alone brings in some 800 files (every function and locale).
  expect(files).toBeGreaterThan(0);
  expect(files).toBeLessThan(200);
});
