// `npm run teams:package`: builds the app package a Teams admin uploads (manifest.json, color.png,
// outline.png in one zip), after checking the manifest against the Teams manifest schema v1.19 that
// @microsoft/app-manifest ships (no network needed). Icons are drawn here, so no binary lives in git.
//
//   TEAMS_APP_ID=<Azure Bot's Microsoft App ID> PUBLIC_URL=https://symmetry.example.com npm run teams:package
//
// PUBLIC_URL (the web process's, see docs/configuration.md) or PUBLIC_HOSTNAME names where the bot is reached: with
// it the package also carries the Dashboard personal tab (/dashboard, signed in by Teams single sign-on, whose
// Application ID URI is api://<host>/<TEAMS_APP_ID>); without it, the bot alone.
//
// Optional: DEVELOPER_NAME, WEBSITE_URL, PRIVACY_URL, TERMS_URL (https URLs), --out <file.zip>. The three URLs
// are shown to everyone who installs the app; left unset they are a placeholder, and the output says so plainly.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** Stands in for the organisation's website, privacy statement and terms until they are given. */
export const PLACEHOLDER_URL = 'https://github.com/symmetry-bot/symmetry';
const PAGE_URLS = ['WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL'];

/** The page URLs left unset in `env`, which the manifest then fills with PLACEHOLDER_URL. */
export function placeholderUrls(env) {
  return PAGE_URLS.filter((name) => !env[name]);
}

/** The manifest with the template's {{NAME}} placeholders filled in. */
/** The public host from PUBLIC_HOSTNAME, or from PUBLIC_URL's https origin; undefined when neither is set. */
function publicHost(env, problems) {
  if (env.PUBLIC_HOSTNAME !== undefined) return env.PUBLIC_HOSTNAME;
  if (env.PUBLIC_URL === undefined) return undefined;
  try {
    const url = new URL(env.PUBLIC_URL);
    if (url.protocol === 'https:') return url.host;
  } catch {
    // reported below
  }
  problems.push(
    'PUBLIC_URL must be an https:// URL like https://symmetry.example.com (Teams loads tabs over https only)',
  );
  return undefined;
}

export function buildManifest(env) {
  const problems = [];
  const host = publicHost(env, problems);
  if (!GUID.test(env.TEAMS_APP_ID ?? ''))
    problems.push("TEAMS_APP_ID must be the Azure Bot's Microsoft App ID (a GUID)");
  const website = env.WEBSITE_URL ?? PLACEHOLDER_URL;
  for (const [name, value] of [
    ['WEBSITE_URL', website],
    ['PRIVACY_URL', env.PRIVACY_URL],
    ['TERMS_URL', env.TERMS_URL],
  ]) {
    if (value !== undefined && !/^https:\/\/\S+$/.test(value)) problems.push(`${name} must be an https:// URL`);
  }
  if (host !== undefined && !/^[a-z0-9.-]+(:\d+)?$/i.test(host))
    problems.push('PUBLIC_HOSTNAME must be a host name like symmetry.example.com (no https://)');
  if (problems.length)
    throw new Error(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const values = {
    TEAMS_APP_ID: env.TEAMS_APP_ID.toLowerCase(),
    VERSION: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    DEVELOPER_NAME: (env.DEVELOPER_NAME ?? 'Symmetry').slice(0, 32),
    WEBSITE_URL: website,
    PRIVACY_URL: env.PRIVACY_URL ?? PLACEHOLDER_URL,
    TERMS_URL: env.TERMS_URL ?? PLACEHOLDER_URL,
    PUBLIC_HOSTNAME: host ?? '',
  };
  const template = readFileSync(join(here, 'manifest.template.json'), 'utf8');
  const manifest = JSON.parse(
    template.replace(/\{\{(\w+)\}\}/g, (whole, name) => (name in values ? values[name] : whole)),
  );
  if (!host) {
    delete manifest.validDomains;
    delete manifest.staticTabs;
    delete manifest.webApplicationInfo;
  }
  return manifest;
}

/** Schema problems of a manifest (empty when valid), checked against the schema its $schema names. */
export async function validateManifest(manifest) {
  const { ManifestUtil } = require('@microsoft/app-manifest');
  const version = manifest.manifestVersion;
  const schemaPath = join(
    dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  return ManifestUtil.validateManifestAgainstSchema(manifest, schema);
}

// --- PNG: RGBA, no interlace, filter 0 -------------------------------------------------------------

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes `size`×`size` pixels given by `pixel(x, y) → [r, g, b, a]`. */
export function png(size, pixel) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const at = y * (size * 4 + 1);
    rows[at] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      rows.set([r, g, b, a], at + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The mark: two mirrored half-rings around a vertical axis (symmetry), as coverage 0..1 at (x, y) in a unit square. */
function mark(x, y) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.22 && r < 0.34 && Math.abs(dx) > 0.04 ? 1 : 0;
  const axis = Math.abs(dx) < 0.025 && Math.abs(dy) < 0.38 ? 1 : 0;
  return Math.max(ring, axis);
}

/** 192×192 full-colour icon: the white mark on the accent colour. */
export function colorIcon() {
  return png(192, (x, y) => (mark(x / 192, y / 192) ? [255, 255, 255, 255] : [0x4b, 0x53, 0xbc, 255]));
}

/** 32×32 outline icon: the white mark on transparency, as Teams requires. */
export function outlineIcon() {
  return png(32, (x, y) => (mark(x / 32, y / 32) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

// --- ZIP: deflated entries, one central directory --------------------------------------------------

/** A zip archive of `files` ({ name: Buffer }). */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function main() {
  const outFlag = process.argv.indexOf('--out');
  const out = outFlag > 0 ? process.argv[outFlag + 1] : join(root, 'dist', 'teams', 'symmetry-teams.zip');
  const manifest = buildManifest(process.env);
  const problems = await validateManifest(manifest);
  if (problems.length)
    throw new Error(
      `The manifest does not match the Teams schema v${manifest.manifestVersion}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    zip({
      'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2)),
      'color.png': colorIcon(),
      'outline.png': outlineIcon(),
    }),
  );
  process.stdout.write(
    `Teams app package written to ${out} (manifest v${manifest.manifestVersion}, valid against its schema).\n`,
  );
  const unset = placeholderUrls(process.env);
  if (unset.length) {
    process.stdout.write(
      `PLACEHOLDER: ${unset.join(', ')} not set, so the manifest links to ${PLACEHOLDER_URL} instead. Teams shows these links to everyone who installs the app: set them to your organisation's pages (https) and build again before you upload it.\n`,
    );
  }
  process.stdout.write('Upload it in the Teams admin center: Teams apps → Manage apps → Upload new app.\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
