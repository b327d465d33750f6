/**
 * Every way of starting the app gives Node the same flags (the heap cap the benchmark's memory
 * figures stand on): `npm start` and its web/worker variants, the Dockerfile, docker-compose.yml,
 * and the tests and benchmark (test/support/app-process.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_ARGS } from '../support/app-process';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

test('npm start, start:web and start:worker run node with the app flags', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  for (const [name, role] of [['start', 'all'], ['start:web', 'web'], ['start:worker', 'worker']] as const) {
    expect(scripts[name]).toBe(`node ${APP_NODE_ARGS.join(' ')} dist/main/start.js ${role}`);
  }
});

test('the Dockerfile and docker-compose.yml run node with the app flags', () => {
  const exec = (role: string) => JSON.stringify(['node', ...APP_NODE_ARGS, 'dist/main/start.js', role]).replace(/,/g, ', ');
  expect(read('Dockerfile')).toContain(`CMD ${exec('all')}`);
  const compose = read('docker-compose.yml');
  expect(compose).toContain(`command: ${exec('web')}`);
  expect(compose).toContain(`command: ${exec('worker')}`);
  // No other way in: every place that starts start.js gives the flags.
  for (const text of [read('Dockerfile'), compose]) {
    expect(text.match(/"dist\/main\/start\.js"/g)?.length).toBe(text.match(/"--max-old-space-size=\d+", "dist\/main\/start\.js"/g)?.length);
  }
});
