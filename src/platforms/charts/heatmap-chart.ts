/**
 * The organisation's heatmap as a picture (Slack App Home shows it as an image): the same rows and numbers
 * as the dashboard's table, k already applied by the query layer; a dash where the table shows one. Drawn
 * through the same Vega-Lite → SVG → resvg pipeline as the trend chart, with the page's colours.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatMeasure, heatLevel, heatmapRowLabels, type Heatmap } from '../../core/dashboard';
import { translate } from '../../core/i18n';
import { rasterizeSvg, renderSpecSvg } from './render';

/** Cell colours by level (worst to best) and for a withheld cell, with a text colour readable on each. */
const FILL = ['#fbd9c9', '#fdeccd', '#e3eef7', '#8dbbe0', '#1f5f99'];
const INK = ['#1a1a1a', '#1a1a1a', '#1a1a1a', '#0b1f33', '#ffffff'];
const NONE_FILL = '#f2f2f2';
const NONE_INK = '#444444';

const ROW_HEIGHT = 32;
const COLUMN_WIDTH = 96;

/** The Vega-Lite spec of a heatmap (exported for tests). */
export function heatmapChartSpec(map: Heatmap, locale: string): TopLevelSpec {
  const rows = heatmapRowLabels(locale, map.rows);
  const columns = map.measures.map((m) => translate(locale, m.label));
  const cells = map.rows.flatMap((row, i) =>
    map.measures.map((m, j) => {
      const value = row.values[m.key] ?? null;
      const level = heatLevel(m, value);
      return {
        row: rows[i],
        column: columns[j],
        text: formatMeasure(locale, m.format, value),
        fill: level === null ? NONE_FILL : FILL[level],
        ink: level === null ? NONE_INK : INK[level],
      };
    }),
  );
  const x = {
    field: 'column',
    type: 'nominal',
    sort: columns,
    title: null,
    axis: { orient: 'top', labelAngle: -35, labelAlign: 'left', labelLimit: 200 },
  };
  const y = { field: 'row', type: 'nominal', sort: rows, title: null, axis: { labelLimit: 220 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: COLUMN_WIDTH * columns.length,
    height: ROW_HEIGHT * Math.max(1, rows.length),
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: null }, axis: { domain: false, ticks: false, labelFontSize: 13 } },
    title: translate(locale, 'dashboard.home.heading'),
    data: { values: cells },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: { fill: { field: 'fill', type: 'nominal', scale: null } },
      },
      {
        mark: { type: 'text', fontSize: 14 },
        encoding: { text: { field: 'text' }, color: { field: 'ink', type: 'nominal', scale: null } },
      },
    ],
  } as TopLevelSpec;
}

/** The heatmap as PNG bytes. */
export async function renderHeatmapChart(map: Heatmap, locale: string, fontDirs?: string[]): Promise<Uint8Array> {
  const svg = await renderSpecSvg(heatmapChartSpec(map, locale));
  return rasterizeSvg(svg, 260 + COLUMN_WIDTH * map.measures.length, fontDirs);
}
