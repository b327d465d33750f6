/**
 * `npm start` and `npm run sandbox` go through scripts/launch.mjs: before a build it says so in one line
 * (not Node's "Cannot find module" stack); the sandbox builds only when dist/ is missing or older than a
 * file it is built from. Each case runs the real launcher in a throw-away copy of the project's shape,
 * whose src/main/start.ts prints the role it was started with, built by the real tsc.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** Fixed file times (seconds since 1970): the test never reads the wall clock. */
const BUILT_AT = 1_800_000_000;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A project with the launcher, a one-line app and the real TypeScript; with `dist` it has a build of that app too. */
function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'symmetry-launch-'));
  made.push(root);
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(ROOT, 'scripts', 'launch.mjs'), join(root, 'scripts', 'launch.mjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  const compilerOptions = {
    target: 'ES2022',
    module: 'commonjs',
    rootDir: 'src',
    outDir: 'dist',
    types: ['node'],
    skipLibCheck: true,
  };
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
  writeFileSync(join(root, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json' }));
  mkdirSync(join(root, 'src', 'main'), { recursive: true });
  writeFileSync(
    join(root, 'src', 'main', 'start.ts'),
    'process.stdout.write(`started ${process.argv[2]} from src\\n`);\n',
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const path of ['tsconfig.json', 'tsconfig.build.json', 'src/main/start.ts'])
    utimesSync(join(root, path), BUILT_AT - 60, BUILT_AT - 60);
  return root;
}

/** Gives the build in dist/ the time BUILT_AT, and `path` (a file the build reads) the time `at`. */
function times(root: string, path: string, at: number): void {
  utimesSync(join(root, 'dist', 'main', 'start.js'), BUILT_AT, BUILT_AT);
  utimesSync(join(root, path), at, at);
}

function launch(root: string, role: string) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'launch.mjs'), role], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BUILT = {
  'dist/main/start.js': 'process.stdout.write(`started ${process.argv[2]} from the earlier build\\n`);\n',
};

test('npm start before npm run build: one line saying to build first, no stack', () => {
  const run = launch(project(), 'all');
  expect(run.status).toBe(1);
  expect(run.stderr).toBe('Symmetry is not built yet: run `npm run build` first, then start it again.\n');
  expect(run.stdout).toBe('');
});

test('npm start runs the build in dist/ with its role, and notes a source file newer than the build', () => {
  const root = project(BUILT);
  times(root, 'src/main/start.ts', BUILT_AT - 60);
  expect(launch(root, 'web')).toEqual({ status: 0, stdout: 'started web from the earlier build\n', stderr: '' });
  times(root, 'src/main/start.ts', BUILT_AT + 60);
  const stale = launch(root, 'worker');
  expect(stale.stdout).toBe('started worker from the earlier build\n');
  expect(stale.stderr).toBe(
    `Note: ${join('src', 'main', 'start.ts')} is newer than the build in dist/; run \`npm run build\` to run what you changed.\n`,
  );
});

test('the sandbox skips the build while dist/ is newer than every source file', () => {
  const root = project(BUILT);
  times(root, 'src/main/start.ts', BUILT_AT - 60);
  expect(launch(root, 'sandbox')).toEqual({
    status: 0,
    stdout: 'started sandbox from the earlier build\n',
    stderr: '',
  });
});

test.each([
  ['a source file changed', 'src/main/start.ts', /src\/main\/start\.ts changed since the last build/],
  ['the TypeScript settings changed', 'tsconfig.build.json', /tsconfig\.build\.json changed since the last build/],
])(
  'the sandbox builds first, saying so, when %s',
  (_what, changed, why) => {
    const root = project(BUILT);
    times(root, changed, BUILT_AT + 60);
    const run = launch(root, 'sandbox');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^Building Symmetry first \(/);
    expect(run.stderr).toMatch(why);
    expect(run.stderr).toMatch(/Built in \d+ s\.\n$/);
    expect(run.stdout).toBe('started sandbox from src\n');
  },
  60_000,
);

test('the sandbox builds first when there is no build at all', () => {
  const run = launch(project(), 'sandbox');
  expect(run.stderr).toMatch(/^Building Symmetry first \(dist\/ is missing;/);
  expect(run.stdout).toBe('started sandbox from src\n');
}, 60_000);
