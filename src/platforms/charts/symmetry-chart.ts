/**
 * The trend chart as a PNG: mood average per round (left axis, 1–10) with the response rate as
 * bars, and customer CSAT / NPS on a second axis where present. Drawn server-side: a Vega-Lite
 * spec compiled to Vega, rendered to SVG (no canvas needed), then rasterized by resvg with the
 * system's DejaVu fonts. A round under the threshold has no mood point and no response bar: the
 * view already carries null for it, and null rows are dropped here, never drawn as zero; the mood
 * line stops before such a round and starts again after it, so no line bridges it either.
 * A legend under the plot names every series drawn (team mood, response rate, customer CSAT and
 * NPS), in the reader's language: two axes and four colours are not self-explanatory.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translate } from '../../core/i18n';
import type { ChartRenderer } from '../../core/ports';
import type { SymmetryView } from '../../core/symmetry';
import { renderHeatmapChart } from './heatmap-chart';
import { rasterizeSvg, renderSpecSvg } from './render';

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

type Series = 'mood' | 'rate' | 'csat' | 'nps';
const SERIES_COLOR: Record<Series, string> = { mood: MOOD_COLOR, rate: RATE_COLOR, csat: CSAT_COLOR, nps: NPS_COLOR };
const SERIES_LABEL = {
  mood: 'chart.legend_mood',
  rate: 'chart.legend_rate',
  csat: 'chart.legend_csat',
  nps: 'chart.legend_nps',
} as const;

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
  const label = (series: Series) => translate(locale, SERIES_LABEL[series]);
  const customers = rows.flatMap((r) => [
    ...(r.csat === null ? [] : [{ round: r.round, series: label('csat'), value: r.csat }]),
    ...(r.nps === null ? [] : [{ round: r.round, series: label('nps'), value: r.nps }]),
  ]);
  // One colour scale for every layer, so one legend names every series drawn, and only those.
  const drawn = (['mood', 'rate', 'csat', 'nps'] as const).filter((series) =>
    series === 'mood'
      ? rows.some((r) => r.mood !== null)
      : series === 'rate'
        ? rows.some((r) => r.rate !== null)
        : customers.some((c) => c.series === label(series)),
  );
  const scale = { domain: drawn.map(label), range: drawn.map((series) => SERIES_COLOR[series]) };
  const color = (series: Series) => ({ datum: label(series), type: 'nominal' as const, scale, title: null });
  const x = {
    field: 'round',
    type: 'ordinal' as const,
    title: null,
    sort: rows.map((r) => r.round),
    axis: { labelAngle: 0, labelOverlap: 'greedy' as const },
  };
  const right = {
    scale: { domain: [hasNps ? -100 : 0, 100] },
    axis: { orient: 'right' as const, title: translate(locale, 'chart.customers_axis') },
  };
  // No customer figures: no customer line, and the legend names mood and response rate only.
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
              color: { field: 'series', type: 'nominal', scale, title: null },
            },
          },
        ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    config: {
      font: 'DejaVu Sans',
      view: { stroke: null },
      legend: { orient: 'bottom', symbolStrokeWidth: 3, labelLimit: 0 },
    },
    title: translate(locale, 'chart.title'),
    layer: [
      {
        layer: [
          {
            data: { values: rows.filter((r) => r.rate !== null) },
            mark: { type: 'bar', opacity: 0.9 },
            encoding: { x, y: { field: 'rate', type: 'quantitative', ...right }, color: color('rate') },
          },
          ...customerLayer,
        ],
      },
      {
        data: { values: rows.filter((r) => r.mood !== null) },
        mark: { type: 'line', strokeWidth: 3, point: { size: 90, filled: true } },
        encoding: {
          x,
          y: {
            field: 'mood',
            type: 'quantitative',
            scale: { domain: [1, 10] },
            axis: { title: translate(locale, 'chart.mood_axis'), titleColor: MOOD_COLOR },
          },
          detail: { field: 'segment', type: 'nominal' },
          color: color('mood'),
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

/** Draws a view's chart as SVG text (what the PNG is rasterized from), `width` × `height` (default 800 × 400). */
export async function renderSymmetryChartSvg(
  view: SymmetryView,
  locale: string,
  options: Pick<ChartOptions, 'width' | 'height'> = {},
): Promise<string> {
  return renderSpecSvg(symmetryChartSpec(view, locale, options.width ?? 800, options.height ?? 400));
}

/** Renders a view's chart to PNG bytes. */
export async function renderSymmetryChart(
  view: SymmetryView,
  locale: string,
  options: ChartOptions = {},
): Promise<Uint8Array> {
  const width = options.width ?? 800;
  const svg = await renderSymmetryChartSvg(view, locale, { width, height: options.height ?? 400 });
  return rasterizeSvg(svg, width, options.fontDirs);
}

/** The ChartRenderer port over vega-lite, vega and resvg. */
export function createChartRenderer(options: ChartOptions = {}): ChartRenderer {
  return {
    symmetryChart: (view, locale) => renderSymmetryChart(view, locale, options),
    heatmapChart: (map, locale) => renderHeatmapChart(map, locale, options.fontDirs),
  };
}
