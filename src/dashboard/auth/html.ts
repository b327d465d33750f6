/** The few pages sign-in shows itself (the login page, the Teams tab's sign-in, a refusal), server-rendered, no inline script. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRtl, isSupportedLocale, languageOf, translate, type MessageKey } from '../../core/i18n';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** The first language of the browser's Accept-Language that the catalog speaks, else English. */
export function requestLocale(req: IncomingMessage): string {
  const wanted = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q = 'q=1'] = part.trim().split(';');
      return { tag: tag.trim(), q: Number(q.trim().replace(/^q=/, '')) || 0 };
    })
    .filter((w) => w.tag !== '' && w.q > 0)
    .sort((a, b) => b.q - a.q);
  return languageOf(wanted.find((w) => isSupportedLocale(w.tag))?.tag);
}

/** A whole page: language and direction set, our stylesheet, the given scripts (served files, never inline). */
export function page(locale: string, title: string, body: string, scripts: string[] = []): string {
  const lang = languageOf(locale);
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="/dashboard/static/dashboard.css">',
    ...scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`),
    '</head>',
    `<body><main id="main">${body}</main></body></html>`,
  ].join('\n');
}

/** Sends an HTML page. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

/** A page that says one thing (a refusal, a failed sign-in) with a heading, in the viewer's language. */
export function sendNotice(
  res: ServerResponse,
  status: number,
  locale: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): void {
  if (res.headersSent) return void res.end();
  const text = translate(locale, key, params);
  sendHtml(res, status, page(locale, text, `<h1>${escapeHtml(text)}</h1>`));
}
