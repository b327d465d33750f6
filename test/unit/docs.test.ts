/**
 * The front door stays true: every relative link of README.md, CONTRIBUTING.md and docs/ reaches a file
 * (and a heading, when it names one), and the configuration tables list exactly what src/config.ts reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CONFIG_VARIABLES, SANDBOX_VARIABLES } from '../../src/config';

const ROOT = join(__dirname, '..', '..');
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

/** The headings of a Markdown page outside code fences, as anchors. */
function anchorsIn(text: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (heading) anchors.add(anchorOf(heading[1]!));
  }
  return anchors;
}

/** Relative links `[text](target)` outside code fences and inline code. */
function linksIn(text: string): string[] {
  const links: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/i.test(m[1]!)) links.push(m[1]!);
    }
  }
  return links;
}

test('the pages exist, and README.md stays a front door (about 150 lines at most)', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/configuration.md']));
  expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(160);
});

test.each(PAGES)('every relative link of %s reaches a file, and a heading when it names one', (page) => {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const broken: string[] = [];
  for (const link of linksIn(text)) {
    const [path, anchor] = link.split('#') as [string, string | undefined];
    const target = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), path);
    if (!existsSync(target)) broken.push(`${link} (no file ${relative(ROOT, target)})`);
    else if (anchor && target.endsWith('.md') && !anchorsIn(readFileSync(target, 'utf8')).has(anchor))
      broken.push(`${link} (no heading #${anchor})`);
  }
  expect(broken).toEqual([]);
});

/** The first column of the table under `heading`: the variables it documents. */
function tableVariables(text: string, after: string): string[] {
  const start = text.indexOf(after);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows = text.slice(start).split('\n').slice(1);
  const firstTable = rows.slice(rows.findIndex((l) => l.startsWith('|')));
  const table = firstTable.slice(
    0,
    firstTable.findIndex((l) => !l.startsWith('|')),
  );
  return table.map((row) => /^\| `([A-Z][A-Z0-9_]*)`/.exec(row)?.[1]).filter((v): v is string => v !== undefined);
}

test('the configuration table lists exactly the variables src/config.ts reads, and so does the sandbox table', () => {
  const text = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
  expect(tableVariables(text, '# Configuration').sort()).toEqual([...CONFIG_VARIABLES].sort());
  expect(tableVariables(text, 'The sandbox').sort()).toEqual([...SANDBOX_VARIABLES].sort());
});
