/** "My page": links to the teams the viewer manages, their own recent answers (only they ever see them), the kudos they received. */
import { teamLabel } from '../../core/channel-name';
import { translate } from '../../core/i18n';
import type { MyPageData } from '../../core/use-cases/dashboard';
import { toCsv } from './csv';
import { DASHBOARD_BASE, day, escapeHtml, t } from './html';

/** My page's content. */
export function renderMyPage(locale: string, data: MyPageData): string {
  const teams =
    data.managedTeams.length === 0
      ? ''
      : `<section aria-labelledby="teams"><h2 id="teams">${t(locale, 'dashboard.mine.teams')}</h2>
<ul class="teams">${data.managedTeams
          .map(
            (team) =>
              `<li><a href="${DASHBOARD_BASE}/teams/${encodeURIComponent(team.id)}">${t(locale, 'dashboard.team.heading', { channel: teamLabel(team) })}</a></li>`,
          )
          .join('')}</ul>
</section>
`;
  const answers =
    data.answers.length === 0
      ? `<p>${t(locale, 'dashboard.mine.answers_none')}</p>`
      : `<table class="mine">
<caption>${t(locale, 'dashboard.mine.answers_note')}</caption>
<thead><tr><th scope="col">${t(locale, 'dashboard.mine.date_column')}</th><th scope="col">${t(locale, 'dashboard.mine.score_column')}</th><th scope="col">${t(locale, 'dashboard.mine.note_column')}</th></tr></thead>
<tbody>
${data.answers
  .map((a) => {
    const notes = [
      a.commented ? t(locale, 'dashboard.mine.commented') : '',
      a.open ? t(locale, 'dashboard.mine.open') : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `<tr><th scope="row">${day(locale, a.closesAt)}</th><td class="num">${a.score ?? '–'}</td><td>${notes}</td></tr>`;
  })
  .join('\n')}
</tbody>
</table>`;
  const kudos =
    data.kudos.length === 0
      ? `<p>${t(locale, 'dashboard.mine.kudos_none')}</p>`
      : `<ul class="kudos">${data.kudos
          .map(
            (k) =>
              `<li><span class="kudos-date">${day(locale, k.givenAt)}</span> · ${t(locale, 'dashboard.mine.from_column')} ${escapeHtml(k.giver)}${
                k.reason ? ` · ${escapeHtml(k.reason)}` : ''
              }</li>`,
          )
          .join('')}</ul>`;
  return `<h1>${t(locale, 'dashboard.mine.heading')}</h1>
${teams}<section aria-labelledby="answers"><h2 id="answers">${t(locale, 'dashboard.mine.answers')}</h2>
${answers}
</section>
<section aria-labelledby="kudos"><h2 id="kudos">${t(locale, 'dashboard.mine.kudos')}</h2>
${kudos}
</section>
<p><a class="export" href="${DASHBOARD_BASE}/me.csv" download>${t(locale, 'dashboard.export_csv')}</a></p>`;
}

/** My answers and kudos as CSV. */
export function myPageCsv(locale: string, data: MyPageData): string {
  return toCsv([
    [translate(locale, 'dashboard.mine.date_column'), translate(locale, 'dashboard.mine.score_column')],
    ...data.answers.map((a) => [a.closesAt.toISOString().slice(0, 10), a.score]),
    [],
    [translate(locale, 'dashboard.mine.from_column'), translate(locale, 'dashboard.mine.reason_column')],
    ...data.kudos.map((k) => [k.giver, k.reason]),
  ]);
}
