// `npm start`, `npm run start:web`, `npm run start:worker` and `npm run sandbox` come through here:
// `node scripts/launch.mjs <role>` runs dist/main/start.js <role> in this same process (so Node's flags
// apply to the app). Plain JavaScript on purpose: it runs before anything is compiled, and says so in
// one line instead of Node's "Cannot find module" stack. The sandbox builds what is missing or out of
// date first, and skips the 40-second build when dist/ is newer than every file it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const ENTRY = join('dist', 'main', 'start.js');
/** What `npm run build` reads: every file under src/ and the TypeScript settings. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest file under `path` (a file or a folder), or null when there is none. */
function newestFile(path) {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, mtimeMs: stat.mtimeMs };
  let newest = null;
  for (const name of readdirSync(path)) {
    const found = newestFile(join(path, name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/**
 * Whether the build under `root` can be run as it is: `missing` without dist/main/start.js, `stale` when a
 * file the build reads is newer than it (`newer` names that file), else `fresh`. tsc rewrites every output
 * on each build, so the entry's time is the time of the last build.
 */
export function buildState(root) {
  const entry = join(root, ENTRY);
  if (!existsSync(entry)) return { state: 'missing' };
  const builtAt = statSync(entry).mtimeMs;
  for (const input of INPUTS) {
    const newest = newestFile(join(root, input));
    if (newest && newest.mtimeMs > builtAt) return { state: 'stale', newer: relative(root, newest.file) };
  }
  return { state: 'fresh' };
}

/** Runs `tsc -p tsconfig.build.json` under `root`, saying what it does and how long it took; true when it succeeded. */
function build(root, why) {
  process.stderr.write(
    `Building Symmetry first (${why}; tsc takes about 40 s, and the next run skips it while src/ is unchanged)…\n`,
  );
  const started = Date.now();
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(
      'The build failed (the errors are above); fix them, or run `npm run build` to see them again.\n',
    );
    return false;
  }
  process.stderr.write(`Built in ${Math.round((Date.now() - started) / 1000)} s.\n`);
  return true;
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const role = process.argv[2] ?? 'all';
  const { state, newer } = buildState(root);
  if (role === 'sandbox' && state !== 'fresh') {
    if (!build(root, state === 'missing' ? 'dist/ is missing' : `${newer} changed since the last build`))
      process.exit(1);
  } else if (state === 'missing') {
    process.stderr.write('Symmetry is not built yet: run `npm run build` first, then start it again.\n');
    process.exit(1);
  } else if (state === 'stale') {
    process.stderr.write(
      `Note: ${newer} is newer than the build in dist/; run \`npm run build\` to run what you changed.\n`,
    );
  }
  // dist/ is CommonJS: required, it runs in this process with the flags Node was started with.
  require(join(root, ENTRY));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
