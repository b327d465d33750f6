/** Sign in with Slack's two Web API calls, through @slack/web-api (the dashboard gets them as plain functions). */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Logger } from '../../core/ports';
import { toBoltLogger } from './bolt-logger';
import { createSlackFetch } from './http';

/** The app's OpenID Connect client: exchanges a code, reads the signed-in person's profile. */
export function createSlackOpenIdClient(
  credentials: { clientId: string; clientSecret: string },
  apiUrl: string | undefined,
  logger: Logger,
) {
  const client = new WebClient(undefined, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    fetch: createSlackFetch(),
    retryConfig: { retries: 0 },
    logger: toBoltLogger(logger.child({ component: 'slack-openid' }), LogLevel.WARN),
  });
  return {
    /** `openid.connect.token`: the code Slack sent back for the person's access token and id_token. */
    async exchangeCode(code: string, redirectUri: string): Promise<{ accessToken: string; idToken: string }> {
      const answer = await client.openid.connect.token({
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        code,
        redirect_uri: redirectUri,
      });
      if (!answer.access_token || !answer.id_token) throw new Error('openid.connect.token gave no token');
      return { accessToken: answer.access_token, idToken: answer.id_token };
    },
    /** `openid.connect.userInfo` with the person's own token: their team, user id, name and locale. */
    async userInfo(accessToken: string): Promise<Record<string, unknown>> {
      const answer = await client.openid.connect.userInfo({ token: accessToken });
      return answer as unknown as Record<string, unknown>;
    },
  };
}
