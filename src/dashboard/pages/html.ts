/**
 * The dashboard's HTML, written on the server: every value escaped here, no inline script and no style
 * attribute (the CSP forbids both), one stylesheet, `<html lang dir>` from the viewer's language (Arabic
 * right to left), a skip link, labelled navigation and landmarks.
 */
import { isRtl, languageOf, translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { formatDate } from '../../core/i18n/format';
import { formatSegment, parseMarkup, type Segment } from '../../core/markup';

/** Where the dashboard is served (kept equal to routes.ts's DASHBOARD_PREFIX). */
export const DASHBOARD_BASE = '/dashboard';
export const STYLESHEET_PATH = `${DASHBOARD_BASE}/static/dashboard.css`;
export const SIGN_OUT_PATH = `${DASHBOARD_BASE}/logout`;

/** Text made safe for an HTML element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A catalog sentence, escaped. */
export function t(locale: string, key: MessageKey, params: MessageParams = {}): string {
  return escapeHtml(translate(locale, key, params));
}

/** A catalog line in the neutral markup as HTML: bold as <strong>, everything else as its escaped text. */
export function markupHtml(text: string): string {
  const html = (segment: Segment): string =>
    segment.kind === 'bold'
      ? `<strong>${segment.children.map(html).join('')}</strong>`
      : escapeHtml(segment.kind === 'text' ? segment.text : formatSegment(segment));
  return parseMarkup(text).map(html).join('');
}

/** A day as the locale writes it. */
export function day(locale: string, date: Date): string {
  return escapeHtml(formatDate(locale, date));
}

/** The dash of a value under the threshold, with words for screen readers. */
export function withheld(locale: string): string {
  return `<span aria-hidden="true">–</span><span class="sr-only">${t(locale, 'dashboard.withheld')}</span>`;
}

export type Section = 'org' | 'mine' | null;

/** A whole page: head, skip link, navigation (the organisation only for org admins), sign-out, the content. */
export function renderPage(input: {
  locale: string;
  title: string;
  section: Section;
  isOrgAdmin: boolean;
  csrfToken: string;
  body: string;
}): string {
  const { locale } = input;
  const link = (section: Exclude<Section, null>, href: string, key: MessageKey) =>
    `<li><a href="${href}"${input.section === section ? ' aria-current="page"' : ''}>${t(locale, key)}</a></li>`;
  const nav = [
    input.isOrgAdmin ? link('org', `${DASHBOARD_BASE}/org`, 'dashboard.nav.org') : '',
    link('mine', `${DASHBOARD_BASE}/me`, 'dashboard.nav.mine'),
  ].join('');
  return `<!doctype html>
<html lang="${languageOf(locale)}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · ${t(locale, 'dashboard.title')}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#main">${t(locale, 'dashboard.skip')}</a>
<header>
<p class="brand">${t(locale, 'dashboard.title')}</p>
<nav aria-label="${t(locale, 'dashboard.nav.label')}"><ul>${nav}</ul></nav>
<form method="post" action="${SIGN_OUT_PATH}"><input type="hidden" name="_csrf" value="${escapeHtml(input.csrfToken)}"><button type="submit">${t(locale, 'dashboard.logout')}</button></form>
</header>
<main id="main">
${input.body}
</main>
</body>
</html>
`;
}

/** A short page that says why there is nothing to see (403, 404), in the viewer's language. */
export function renderRefusal(locale: string, key: MessageKey, viewer: { isOrgAdmin: boolean; csrfToken: string }) {
  return renderPage({
    locale,
    title: translate(locale, key),
    section: null,
    isOrgAdmin: viewer.isOrgAdmin,
    csrfToken: viewer.csrfToken,
    body: `<h1>${t(locale, key)}</h1>`,
  });
}
