/**
 * Every way of starting the app gives Node the same flags (the heap cap the benchmark's memory
 * figures stand on): `npm start` and its web/worker variants, the Dockerfile, docker-compose.yml,
 * and the tests and benchmark (test/support/app-process.ts). The files a new user reads first say
 * what is true: the compose healthcheck runs in the image it checks, the manifest's comment counts
 * its URLs, the license package.json names is there.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { LISTENED_EVENTS } from '../../src/platforms/slack/payload-screen';
import { APP_NODE_ARGS } from '../support/app-process';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

test('npm start, start:web and start:worker run node with the app flags (through the launcher, which runs dist/main/start.js in the same process)', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  for (const [name, role] of [
    ['start', 'all'],
    ['start:web', 'web'],
    ['start:worker', 'worker'],
  ] as const) {
    expect(scripts[name]).toBe(`node ${APP_NODE_ARGS.join(' ')} scripts/launch.mjs ${role}`);
  }
  expect(scripts.sandbox).toBe('node scripts/launch.mjs sandbox');
});

test('the Dockerfile and docker-compose.yml run node with the app flags', () => {
  const exec = (role: string) =>
    JSON.stringify(['node', ...APP_NODE_ARGS, 'dist/main/start.js', role]).replace(/,/g, ', ');
  expect(read('Dockerfile')).toContain(`CMD ${exec('all')}`);
  const compose = read('docker-compose.yml');
  expect(compose).toContain(`command: ${exec('web')}`);
  expect(compose).toContain(`command: ${exec('worker')}`);
  // No other way in: every place that starts start.js gives the flags.
  for (const text of [read('Dockerfile'), compose]) {
    expect(text.match(/"dist\/main\/start\.js"/g)?.length).toBe(
      text.match(/"--max-old-space-size=\d+", "dist\/main\/start\.js"/g)?.length,
    );
  }
});

/** The healthcheck command of the web service in docker-compose.yml (a YAML flow list of quoted strings is JSON). */
function webHealthcheck(): string[] {
  const web = read('docker-compose.yml')
    .split(/\n {2}web:\n/)[1]!
    .split(/\n {2}\w+:\n/)[0]!;
  const test = /\n\s+test: (\[.*\])\n/.exec(web);
  if (!test) throw new Error('the web service has no healthcheck test');
  return JSON.parse(test[1]!) as string[];
}

/** Runs the healthcheck command (`CMD node -e <script>`: this node, its script) against `port` instead of 3000; resolves with its exit code. */
async function runHealthcheck(command: string[], port: number): Promise<number | null> {
  const [, , ...args] = command;
  const child = spawn(
    process.execPath,
    args.map((a) => a.replace('127.0.0.1:3000', `127.0.0.1:${port}`)),
    { stdio: 'ignore' },
  );
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the web healthcheck of docker-compose.yml', () => {
  test('uses what the image has: node, not wget or curl (the Dockerfile builds on a slim Node image that has neither)', () => {
    expect(read('Dockerfile')).toMatch(/^FROM node:\d+-[a-z]+-slim$/m);
    const command = webHealthcheck();
    expect(command.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(command.join(' ')).not.toMatch(/wget|curl/);
  });

  test('passes while /healthz answers 200, fails on 503 and when nothing listens', async () => {
    const command = webHealthcheck();
    let status = 200;
    let asked = 0;
    const server = createServer((req, res) => {
      asked += req.url === '/healthz' ? 1 : 0;
      res.writeHead(req.url === '/healthz' ? status : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await runHealthcheck(command, port)).toBe(0);
      status = 503;
      expect(await runHealthcheck(command, port)).toBe(1);
      expect(asked).toBe(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(await runHealthcheck(command, port)).toBe(1);
  });
});

test("manifest.yml's comment counts the URLs to replace as there are", () => {
  const manifest = read('manifest.yml');
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
  const said = [...manifest.matchAll(/\b(two|three|four|five|six)\b (?:URLs|`url`\/`request_url` lines)/g)].map(
    (m) => words[m[1]!],
  );
  const urls = manifest.split('\n').filter((l) => /^\s*(?:- )?(?:url|request_url): https:\/\//.test(l)).length;
  expect(said.length).toBe(2);
  for (const count of said) expect(count).toBe(urls);
});

test('the license package.json names is there, with its copyright line', () => {
  expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT');
  const license = read('LICENSE');
  expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The Symmetry contributors\n/);
  expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  // The image carries it too (the MIT terms ask that copies include the notice).
  expect(read('Dockerfile')).toMatch(/^COPY .*\bLICENSE\b.* \.\/$/m);
});

test('manifest.yml subscribes to exactly the events the app listens to (an event left out never arrives)', () => {
  const manifest = read('manifest.yml');
  const block = /bot_events:\n((?:\s+(?:- [a-z_]+|#.*)\n)+)/.exec(manifest)?.[1] ?? '';
  const subscribed = [...block.matchAll(/- ([a-z_]+)/g)].map((m) => m[1]);
  expect(subscribed.sort()).toEqual(Object.keys(LISTENED_EVENTS).sort());
});
