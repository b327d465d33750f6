/** The login page: what the dashboard is, and the sign-in methods this deployment offers. */
import { translate } from '../../core/i18n';
import type { PublicRoute } from '../routes';
import { escapeHtml, page, requestLocale, sendHtml } from './html';

/** The login page's route; `slack` shows the Sign in with Slack button, `teams` the hint to open the Teams tab. */
export function loginPageRoute(methods: { slack: boolean; teams: boolean }): PublicRoute {
  return {
    path: '/login',
    method: 'GET',
    async handle(req, res, url) {
      const locale = requestLocale(req);
      const t = (key: Parameters<typeof translate>[1]) => escapeHtml(translate(locale, key));
      const next = url.searchParams.get('next');
      const slackHref = `/dashboard/auth/slack${next ? `?next=${encodeURIComponent(next)}` : ''}`;
      const body = [
        `<h1>${t('dashboard.login.title')}</h1>`,
        url.searchParams.has('signed-out') ? `<p role="status">${t('dashboard.login.signed_out')}</p>` : '',
        `<p>${t('dashboard.login.intro')}</p>`,
        methods.slack
          ? `<p><a class="button" href="${escapeHtml(slackHref)}">${t('dashboard.login.slack')}</a></p>`
          : '',
        methods.teams ? `<p>${t('dashboard.login.teams')}</p>` : '',
      ]
        .filter(Boolean)
        .join('\n');
      sendHtml(res, 200, page(locale, translate(locale, 'dashboard.login.title'), body));
    },
  };
}
