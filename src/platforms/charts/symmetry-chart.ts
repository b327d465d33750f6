/**
 * The trend chart as a PNG: mood average per round (left axis, 1–10) with the response rate as
 * bars, and customer CSAT / NPS on a second axis where present. Drawn server-side: a Vega-Lite
 * spec compiled to Vega, rendered to SVG (no canvas needed), then rasterized by resvg with the
 * system's DejaVu fonts. A round under the threshold has no mood point and no response bar: the
 * view already carries null for it, and null rows are dropped here, never drawn as zero; the mood
 * line stops before such a round and starts again after it, so no line bridges it either.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translate } from '../../core/i18n';
import type { ChartRenderer } from '../../core/ports';
import type { SymmetryView } from '../../core/symmetry';

export interface ChartOptions {
  /** Size of the PNG in pixels (the SVG is drawn at this size, then rasterized 1:1). */
  width?: number;
  height?: number;
  /** Where to look for fonts (default: /usr/share/fonts, which has DejaVu in our images). */
  fontDirs?: string[];
}

export const MOOD_COLOR = '#1f6fb2';
export const CSAT_COLOR = '#e8731a';
export const NPS_COLOR = '#2a9d4b';
export const RATE_COLOR = '#d5dbe3';

/** The Vega-Lite spec of a view (exported for tests and for anyone who wants to draw it elsewhere). */
export function symmetryChartSpec(view: SymmetryView, locale: string, width: number, height: number): TopLevelSpec {
  // `segment` counts the withheld rounds so far: the mood line breaks at a withheld round instead of bridging it.
  let withheld = 0;
  const rows = view.rounds.map((r) => ({
    round: r.closesAt.toISOString().slice(0, 10),
    mood: r.mood,
    segment: r.mood === null ? ++withheld : withheld,
    rate: r.responseRate === null ? null : Math.round(r.responseRate * 100),
    csat: r.csat,
    nps: r.nps,
  }));
  const hasNps = rows.some((r) => r.nps !== null);
  const customers = rows.flatMap((r) => [
    ...(r.csat === null ? [] : [{ round: r.round, series: 'CSAT %', value: r.csat }]),
    ...(r.nps === null ? [] : [{ round: r.round, series: 'NPS', value: r.nps }]),
  ]);
  const series = (['CSAT %', 'NPS'] as const).filter((n) => customers.some((c) => c.series === n));
  const x = { field: 'round', type: 'ordinal' as const, title: null, sort: rows.map((r) => r.round), axis: { labelAngle: 0, labelOverlap: 'greedy' as const } };
  const right = { scale: { domain: [hasNps ? -100 : 0, 100] }, axis: { orient: 'right' as const, title: translate(locale, 'chart.customers_axis') } };
  // No customer figures: no customer line and no legend for one.
  const customerLayer =
    customers.length === 0
      ? []
      : [
          {
            data: { values: customers },
            mark: { type: 'line', point: { size: 60 }, strokeWidth: 2 },
            encoding: {
              x,
              y: { field: 'value', type: 'quantitative', ...right },
              color: { field: 'series', type: 'nominal', title: null, scale: { domain: [...series], range: series.map((n) => (n === 'NPS' ? NPS_COLOR : CSAT_COLOR)) } },
            },
          },
        ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: null }, legend: { orient: 'bottom' } },
    title: translate(locale, 'chart.title'),
    layer: [
      {
        layer: [
          { data: { values: rows.filter((r) => r.rate !== null) }, mark: { type: 'bar', color: RATE_COLOR, opacity: 0.9 }, encoding: { x, y: { field: 'rate', type: 'quantitative', ...right } } },
          ...customerLayer,
        ],
      },
      {
        data: { values: rows.filter((r) => r.mood !== null) },
        mark: { type: 'line', color: MOOD_COLOR, strokeWidth: 3, point: { color: MOOD_COLOR, size: 90, filled: true } },
        encoding: { x, y: { field: 'mood', type: 'quantitative', scale: { domain: [1, 10] }, axis: { title: translate(locale, 'chart.mood_axis'), titleColor: MOOD_COLOR } }, detail: { field: 'segment', type: 'nominal' } },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

/** Renders a view's chart to PNG bytes. */
export async function renderSymmetryChart(view: SymmetryView, locale: string, options: ChartOptions = {}): Promise<Uint8Array> {
  const width = options.width ?? 800;
  const height = options.height ?? 400;
  // Loaded on the first chart: vega, vega-lite and resvg are some 40 MB of a worker's memory it needs only for charts.
  const [{ Resvg }, vega, { compile }] = await Promise.all([import('@resvg/resvg-js'), import('vega'), import('vega-lite')]);
  const spec = compile(symmetryChartSpec(view, locale, width, height)).spec;
  const chart = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await chart.toSVG();
  chart.finalize();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontDirs: options.fontDirs ?? ['/usr/share/fonts'], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return resvg.render().asPng();
}

/** The ChartRenderer port over vega-lite, vega and resvg. */
export function createChartRenderer(options: ChartOptions = {}): ChartRenderer {
  return { symmetryChart: (view, locale) => renderSymmetryChart(view, locale, options) };
}
