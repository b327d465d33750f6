/**
 * A team's page: the trend chart, round by round figures, drivers and eNPS, symmetry with customers,
 * "you said, we did", unanswered comments.
 */
import { teamLabel } from '../../core/channel-name';
import { translate } from '../../core/i18n';
import { formatDate } from '../../core/i18n/format';
import { driverNameKey } from '../../core/drivers/bank';
import type { DriverReading, DriversView } from '../../core/drivers/report';
import { enpsLine, focusLine, formatChange } from '../../core/drivers/text';
import { powerLine, symmetryReadingLines } from '../../core/symmetry';
import type { TeamAction } from '../../core/model';
import type { TeamPageData } from '../../core/use-cases/dashboard';
import { toCsv } from './csv';
import { formatMeasure, oneDecimal } from '../../core/dashboard';
import { DASHBOARD_BASE, day, escapeHtml, markupHtml, t, withheld } from './html';

const cell = (locale: string, text: string) =>
  text === '–' ? `<td class="num">${withheld(locale)}</td>` : `<td class="num">${escapeHtml(text)}</td>`;

/** An action's state as the page and the CSV write it: done on a date, or open since one. */
function actionState(locale: string, a: TeamAction): string {
  return a.doneAt
    ? translate(locale, 'dashboard.team.action_done', { date: formatDate(locale, a.doneAt) })
    : translate(locale, 'dashboard.team.action_open', { date: formatDate(locale, a.createdAt) });
}

/** Why a driver has no figure when it is not under k: switched off, or not asked yet. */
const DRIVER_NOTE = { off: 'dashboard.team.driver_off', not_asked: 'dashboard.team.driver_not_asked' } as const;

/** One driver's row: its latest score and change, the dash under k (nothing else), or why it has no figure. */
function driverRow(locale: string, d: DriverReading): string {
  const name = `<th scope="row">${t(locale, driverNameKey(d.driver))}</th>`;
  if (d.state === 'off' || d.state === 'not_asked')
    return `<tr>${name}<td colspan="2">${t(locale, DRIVER_NOTE[d.state])}</td></tr>`;
  if (d.state === 'withheld') return `<tr>${name}${cell(locale, '–')}${cell(locale, '–')}</tr>`;
  const change =
    d.change === null ? t(locale, 'dashboard.team.driver_first') : escapeHtml(formatChange(locale, d.change));
  return `<tr>${name}${cell(locale, formatMeasure(locale, 'score', d.score))}<td class="num">${change}</td></tr>`;
}

/** The drivers section: the table, the focus areas and eNPS, each line as `/pulse drivers` words it. */
function driversSection(locale: string, view: DriversView): string {
  const focus = focusLine(locale, view);
  const lines = [focus, view.enps ? enpsLine(locale, view.enps) : null].filter((l): l is string => l !== null);
  return `<section aria-labelledby="drivers"><h2 id="drivers">${t(locale, 'dashboard.team.drivers')}</h2>
<table class="drivers">
<caption>${t(locale, 'dashboard.team.drivers_caption', { threshold: view.threshold })}</caption>
<thead><tr><th scope="col">${t(locale, 'dashboard.team.driver_column')}</th><th scope="col">${t(locale, 'dashboard.team.driver_score_column')}</th><th scope="col">${t(locale, 'dashboard.team.driver_change_column')}</th></tr></thead>
<tbody>
${view.drivers.map((d) => driverRow(locale, d)).join('\n')}
</tbody>
</table>
${lines.map((line) => `<p>${markupHtml(line)}</p>`).join('\n')}</section>`;
}

/** The team page's content; `chartPath` is the trend chart's SVG (an image: its own styles stay out of the page's CSP). */
export function renderTeamPage(locale: string, data: TeamPageData): string {
  const base = `${DASHBOARD_BASE}/teams/${encodeURIComponent(data.team.id)}`;
  const heading = `<h1>${t(locale, 'dashboard.team.heading', { channel: teamLabel(data.team) })}</h1>`;
  const rounds = [...data.symmetry.rounds].reverse();
  const trend =
    rounds.length === 0
      ? `<p>${t(locale, 'dashboard.team.no_rounds')}</p>`
      : `<figure><img class="chart" src="${base}/chart.svg" alt="${t(locale, 'dashboard.team.chart_label')}" width="800" height="400"></figure>
<table class="rounds">
<caption>${t(locale, 'dashboard.team.rounds_caption', { threshold: data.threshold })}</caption>
<thead><tr><th scope="col">${t(locale, 'dashboard.team.round_column')}</th><th scope="col">${t(locale, 'dashboard.measure.mood')}</th><th scope="col">${t(locale, 'dashboard.measure.response_rate')}</th><th scope="col">${t(locale, 'dashboard.team.csat')}</th><th scope="col">${t(locale, 'dashboard.team.nps')}</th></tr></thead>
<tbody>
${rounds
  .map(
    (r) =>
      `<tr><th scope="row">${day(locale, r.closesAt)}</th>${cell(locale, formatMeasure(locale, 'score', r.mood))}${cell(locale, formatMeasure(locale, 'percent', r.responseRate))}${cell(locale, formatMeasure(locale, 'score', r.csat))}${cell(locale, formatMeasure(locale, 'signed', r.nps))}</tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  // The same honest reading as /pulse symmetry: r with n and its 95% interval at the team's lag, or what is missing.
  const lines = symmetryReadingLines(locale, data.symmetry);
  const readings = lines.length
    ? [...lines, powerLine(locale)].map((line) => `<li>${markupHtml(line)}</li>`).join('')
    : '';
  const symmetry = `<section aria-labelledby="symmetry"><h2 id="symmetry">${t(locale, 'dashboard.team.symmetry')}</h2>
${readings ? `<ul>${readings}</ul>` : `<p>${t(locale, 'dashboard.team.symmetry_none')}</p>`}</section>`;
  const actions = `<section aria-labelledby="actions"><h2 id="actions">${t(locale, 'dashboard.team.actions')}</h2>
${
  data.actions.length === 0
    ? `<p>${t(locale, 'dashboard.team.actions_none')}</p>`
    : `<ul class="actions">${data.actions
        .map(
          (a) =>
            `<li><span class="action-text">${escapeHtml(a.text)}</span> <span class="action-state">${escapeHtml(actionState(locale, a))}</span></li>`,
        )
        .join('')}</ul>`
}</section>`;
  const comments =
    data.unansweredComments === null
      ? ''
      : `<p class="unanswered">${t(locale, 'dashboard.team.unanswered', { count: data.unansweredComments })}</p>`;
  return `${heading}
<section aria-labelledby="trend"><h2 id="trend">${t(locale, 'dashboard.team.trend')}</h2>
${trend}
</section>
${driversSection(locale, data.drivers)}
${symmetry}
${actions}
${comments}
<p><a class="export" href="${base}.csv" download>${t(locale, 'dashboard.team.export_csv')}</a></p>`;
}

/** The drivers as CSV rows: the score and change where the page shows them, empty under k, the reason when off or not asked. */
function driverCsvRows(locale: string, view: DriversView): Array<Array<string | number | null>> {
  const focus = focusLine(locale, view);
  return [
    [
      translate(locale, 'dashboard.team.driver_column'),
      translate(locale, 'dashboard.team.driver_score_column'),
      translate(locale, 'dashboard.team.driver_change_column'),
    ],
    ...view.drivers.map((d) => [
      translate(locale, driverNameKey(d.driver)),
      d.state === 'shown'
        ? oneDecimal(d.score)
        : d.state === 'withheld'
          ? null
          : translate(locale, DRIVER_NOTE[d.state]),
      d.state === 'shown' && d.change !== null ? oneDecimal(d.change) : null,
    ]),
    ...(focus ? [[focus]] : []),
    ...(view.enps
      ? [[translate(locale, 'dashboard.measure.enps'), view.enps.kind === 'shown' ? view.enps.score : null]]
      : []),
  ];
}

/** "You said, we did" as CSV rows (the page's words when there is none), then the unanswered count when the page shows it. */
function followUpCsvRows(locale: string, data: TeamPageData): Array<Array<string | number | null>> {
  return [
    [translate(locale, 'dashboard.team.action_column'), translate(locale, 'dashboard.team.action_state_column')],
    ...(data.actions.length === 0
      ? [[translate(locale, 'dashboard.team.actions_none')]]
      : data.actions.map((a) => [a.text, actionState(locale, a)])),
    ...(data.unansweredComments === null
      ? []
      : [[], [translate(locale, 'dashboard.team.unanswered_column'), data.unansweredComments]]),
  ];
}

/** What the page shows, as CSV: the rounds, the drivers, the actions and the unanswered count (empty where the page shows a dash). */
export function teamCsv(locale: string, data: TeamPageData): string {
  return toCsv([
    [
      translate(locale, 'dashboard.team.round_column'),
      translate(locale, 'dashboard.measure.mood'),
      translate(locale, 'dashboard.measure.response_rate'),
      translate(locale, 'dashboard.team.csat'),
      translate(locale, 'dashboard.team.nps'),
    ],
    ...data.symmetry.rounds.map((r) => [r.closesAt.toISOString().slice(0, 10), r.mood, r.responseRate, r.csat, r.nps]),
    [],
    ...driverCsvRows(locale, data.drivers),
    [],
    ...followUpCsvRows(locale, data),
  ]);
}
