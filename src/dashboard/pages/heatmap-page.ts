/** The organisation's heatmap: a real table (caption, column and row headers), the number in every cell, colour as a second carrier. */
import { formatMeasure, HEATMAP_ROUNDS, heatLevel, heatmapRowLabels, type Heatmap } from '../../core/dashboard';
import { translate } from '../../core/i18n';
import { formatDate } from '../../core/i18n/format';
import { toCsv } from './csv';
import { DASHBOARD_BASE, escapeHtml, t, withheld } from './html';

/** The heatmap page's content. */
export function renderHeatmap(locale: string, map: Heatmap): string {
  const heading = `<h1>${t(locale, 'dashboard.heatmap.heading')}</h1>`;
  const rule = `<p class="rule">${t(locale, 'dashboard.heatmap.rule')}</p>`;
  if (map.rows.length === 0) return `${heading}<p>${t(locale, 'dashboard.heatmap.none')}</p>${rule}`;
  const head = map.measures.map((m) => `<th scope="col">${t(locale, m.label)}</th>`).join('');
  const labels = heatmapRowLabels(locale, map.rows);
  const body = map.rows
    .map((row, i) => {
      const label = escapeHtml(labels[i]!);
      const name =
        row.kind === 'team'
          ? `<th scope="row"><a href="${DASHBOARD_BASE}/teams/${encodeURIComponent(row.teamId)}">${label}</a></th>`
          : `<th scope="row" class="other">${label}</th>`;
      const cells = map.measures.map((m) => {
        const value = row.values[m.key] ?? null;
        const level = heatLevel(m, value);
        return value === null
          ? `<td class="heat heat-none">${withheld(locale)}</td>`
          : `<td class="heat heat-${level}">${escapeHtml(formatMeasure(locale, m.format, value))}</td>`;
      });
      return `<tr>${name}${cells.join('')}</tr>`;
    })
    .join('\n');
  const caption = t(locale, 'dashboard.heatmap.caption', {
    rounds: HEATMAP_ROUNDS,
    from: formatDate(locale, map.from),
    to: formatDate(locale, map.to),
  });
  return `${heading}
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="heatmap-caption">
<table class="heatmap">
<caption id="heatmap-caption">${caption}</caption>
<thead><tr><th scope="col">${t(locale, 'dashboard.heatmap.team_column')}</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
${rule}
<p><a class="export" href="${DASHBOARD_BASE}/org.csv" download>${t(locale, 'dashboard.export_csv')}</a></p>`;
}

/** The same table as CSV: the same rows, an empty cell where the page shows a dash. */
export function heatmapCsv(locale: string, map: Heatmap): string {
  const labels = heatmapRowLabels(locale, map.rows);
  return toCsv([
    [translate(locale, 'dashboard.heatmap.team_column'), ...map.measures.map((m) => translate(locale, m.label))],
    ...map.rows.map((row, i) => [labels[i]!, ...map.measures.map((m) => row.values[m.key] ?? null)]),
  ]);
}
