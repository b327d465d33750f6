/** The PNG chart: it decodes, has the size asked for, and a known series lands where it should. */
import { buildSymmetry } from '../../src/core/symmetry';
import {
  CSAT_COLOR,
  MOOD_COLOR,
  renderSymmetryChart,
  renderSymmetryChartSvg,
} from '../../src/platforms/charts/symmetry-chart';
import { decodePng, pixelsOf } from '../support/png';
import { csatSignal } from '../support/customer-signal';

const day = (i: number) => new Date(Date.UTC(2026, 2, 6 + 7 * i, 15));
const round = (i: number, scores: number[]) => ({
  facts: {
    roundId: `r${i}`,
    period: `p${i}`,
    closesAt: day(i),
    invited: 5,
    responses: scores.map((score) => ({ questionId: 'mood', score, comment: null })),
    respondents: scores.length,
  },
  opensAt: new Date(day(i).getTime() - 86_400_000),
});
const csat = (i: number, value: number) => csatSignal(day(i), value);

// Mood rises 2 → 9 over three rounds; the fourth round is under k (two answers) and must not be drawn.
const view = buildSymmetry(
  [round(0, [2, 2, 2, 2, 2]), round(1, [5, 5, 5, 6, 6]), round(2, [9, 9, 9, 9, 9]), round(3, [10, 10])],
  [csat(0, 90), csat(1, 60), csat(2, 30), csat(3, 20)],
  5,
  0,
);

test('the chart is a PNG of the asked size, mood falls left to right on screen as it rises, and the withheld round has no point', async () => {
  const png = await renderSymmetryChart(view, 'en', { width: 640, height: 320 });
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([640, 320]);
  const image = decodePng(png);
  expect([image.width, image.height]).toEqual([640, 320]);
  // Corner: white background.
  expect([...image.rgba.subarray(0, 3)]).toEqual([255, 255, 255]);

  // Inside the plot only: the axis titles and the legend use the same colors.
  const inPlot = ([x, y]: [number, number]) => x > 45 && x < 590 && y > 20 && y < 270;
  const mood = pixelsOf(image, MOOD_COLOR).filter(inPlot);
  const customers = pixelsOf(image, CSAT_COLOR).filter(inPlot);
  expect(mood.length).toBeGreaterThan(200);
  expect(customers.length).toBeGreaterThan(200);
  const xs = mood.map(([x]) => x);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const meanY = (pts: Array<[number, number]>) => pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  // Rising mood: its pixels on the left sit lower on screen (greater y) than on the right.
  const leftMood = mood.filter(([x]) => x < minX + 20);
  const rightMood = mood.filter(([x]) => x > maxX - 20);
  expect(meanY(leftMood)).toBeGreaterThan(meanY(rightMood) + 100);
  // CSAT falls over the four rounds, so it reaches further right than the mood line, which stops at round 3.
  const customerXs = customers.map(([x]) => x);
  expect(Math.max(...customerXs)).toBeGreaterThan(maxX + 60);
});

test('a chart without customer figures still draws the mood', async () => {
  const moodOnly = buildSymmetry([round(0, [7, 7, 7, 7, 7]), round(1, [8, 8, 8, 8, 8])], [], 5, 0);
  const image = decodePng(await renderSymmetryChart(moodOnly, 'fr', { width: 400, height: 240 }));
  expect([image.width, image.height]).toEqual([400, 240]);
  expect(pixelsOf(image, MOOD_COLOR).length).toBeGreaterThan(50);
  expect(pixelsOf(image, CSAT_COLOR)).toHaveLength(0);
});

test('the mood line stops at a round under the threshold and starts again after it, never bridging it', async () => {
  // Same mood before and after the withheld round: a bridging line would run straight through the middle band.
  const gap = buildSymmetry([round(0, [7, 7, 7, 7, 7]), round(1, [7, 7]), round(2, [7, 7, 7, 7, 7])], [], 5, 0);
  const image = decodePng(await renderSymmetryChart(gap, 'en', { width: 600, height: 300 }));
  const mood = pixelsOf(image, MOOD_COLOR).filter(([x, y]) => x > 45 && x < 560 && y > 20 && y < 250);
  const xs = mood.map(([x]) => x);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  expect(maxX - minX).toBeGreaterThan(250);
  const middle = mood.filter(([x]) => x > minX + (maxX - minX) * 0.3 && x < minX + (maxX - minX) * 0.7);
  expect(middle).toHaveLength(0);
});

/** The legend's entries as drawn in the SVG: each symbol's fill colour and the label beside it. */
function legendOf(svg: string): Array<[string, string]> {
  const entry =
    /<g class="mark-symbol role-legend-symbol"[^>]*><path [^>]*fill="(#[0-9a-f]{6})"[^>]*\/><\/g><g class="mark-text role-legend-label"[^>]*><text [^>]*>([^<]*)<\/text>/g;
  return [...svg.matchAll(entry)].map((m) => [m[1]!, m[2]!]);
}

test('a legend names each series drawn, in its colour, in the reader’s language', async () => {
  expect(legendOf(await renderSymmetryChartSvg(view, 'en'))).toEqual([
    ['#1f6fb2', 'Team mood (1–10)'],
    ['#d5dbe3', 'Response rate (%)'],
    ['#e8731a', 'Customer CSAT (%)'],
  ]);
  const withNps = buildSymmetry(
    [round(0, [6, 6, 6, 6, 6]), round(1, [7, 7, 7, 7, 7])],
    [csat(0, 80), { ...csat(1, 30), metric: 'nps' as const }],
    5,
    0,
  );
  expect(legendOf(await renderSymmetryChartSvg(withNps, 'fr'))).toEqual([
    ['#1f6fb2', 'Humeur de l’équipe (1–10)'],
    ['#d5dbe3', 'Taux de réponse (%)'],
    ['#e8731a', 'CSAT client (%)'],
    ['#2a9d4b', 'NPS client'],
  ]);
  // No customer figures: no customer entry.
  const moodOnly = buildSymmetry([round(0, [7, 7, 7, 7, 7])], [], 5, 0);
  expect(legendOf(await renderSymmetryChartSvg(moodOnly, 'nl'))).toEqual([
    ['#1f6fb2', 'Teamstemming (1–10)'],
    ['#d5dbe3', 'Responspercentage (%)'],
  ]);
});

test('the PNG shows the legend under the plot: a mood and a CSAT symbol below the axis labels', async () => {
  const image = decodePng(await renderSymmetryChart(view, 'en', { width: 800, height: 400 }));
  // The x axis labels sit around y = 357; the lowest mood point (2 of 10) well above them.
  const strip = ([, y]: [number, number]) => y > 372;
  expect(pixelsOf(image, MOOD_COLOR).filter(strip).length).toBeGreaterThan(20);
  expect(pixelsOf(image, CSAT_COLOR).filter(strip).length).toBeGreaterThan(20);
});
