/**
 * `npm run chart:sample [-- out.png]`: the sample chart of docs/using.md, drawn by the real renderer (Vega-Lite →
 * SVG → resvg) from a made-up but realistic team: twelve weekly rounds of eight people, one round
 * under the threshold (no point is drawn for it), and a help desk's CSAT that follows the team's
 * mood a round later. Needs no database and no Redis; writes docs/sample-chart.png by default.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_TEAM_SETTINGS, MOOD_QUESTION_ID } from '../core/model';
import type { CustomerSignal } from '../core/signals';
import { buildSymmetry, type SymmetryInput, type SymmetryView } from '../core/symmetry';
import { renderSymmetryChart } from '../platforms/charts/symmetry-chart';

const DAY = 86_400_000;
const INVITED = 8;
const THRESHOLD = 5;
/** Each round's mood scores (the third round had only four answers: under the threshold). */
const SCORES = [
  [6, 7, 5, 7, 6, 8, 6],
  [7, 6, 6, 7, 5, 7],
  [8, 6, 7, 7],
  [5, 6, 6, 5, 7, 6, 5],
  [6, 7, 6, 6, 7, 6],
  [7, 7, 8, 6, 7, 7, 8],
  [8, 7, 8, 7, 8, 9],
  [8, 8, 7, 9, 8, 8, 7, 8],
  [7, 8, 7, 7, 8, 6],
  [6, 7, 6, 7, 7, 6, 7],
  [7, 8, 8, 7, 8, 7],
  [8, 8, 9, 7, 8, 8, 9],
];
/** The help desk's weekly CSAT (%), a round behind the team. */
const CSAT = [84, 83, 84, 86, 79, 81, 85, 88, 90, 86, 83, 86];

/** The sample view: rounds closing on Fridays from 9 January 2026. */
export function sampleView(): SymmetryView {
  const rounds: SymmetryInput[] = SCORES.map((scores, i) => {
    const closesAt = new Date(Date.UTC(2026, 0, 9 + 7 * i, 14));
    return {
      facts: {
        roundId: `sample-${i}`,
        period: `2026-W${String(2 + i).padStart(2, '0')}`,
        closesAt,
        invited: INVITED,
        respondents: scores.length,
        responses: scores.map((score) => ({ questionId: MOOD_QUESTION_ID, score, comment: null })),
      },
      opensAt: new Date(closesAt.getTime() - 3 * DAY),
    };
  });
  const signals: CustomerSignal[] = rounds.map((r, i) => {
    const at = new Date(r.facts.closesAt.getTime() - DAY);
    return {
      teamId: 'sample',
      metric: 'csat',
      value: CSAT[i]!,
      responses: 40,
      at,
      day: at.toISOString().slice(0, 10),
      source: 'zendesk',
    };
  });
  return buildSymmetry(rounds, signals, THRESHOLD, DEFAULT_TEAM_SETTINGS.symmetryLag);
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'docs/sample-chart.png';
  const png = await renderSymmetryChart(sampleView(), 'en');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  process.stdout.write(`${out}: ${png.byteLength} bytes\n`);
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
