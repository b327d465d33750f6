/**
 * Slack's OAuth v2, plugged into the fake Slack (fake-slack.ts `extend`): the authorize page (it approves at once,
 * for the workspace or Grid organization the test chose), `oauth.v2.access` for a code and for a refresh token
 * (token rotation: `xoxe.xoxb-` tokens that expire), `auth.test` per token, expired and revoked tokens refused as
 * Slack refuses them, and calls with an org-wide token refused without `team_id`. Shapes follow docs.slack.dev
 * (oauth.v2.access, auth.test, token rotation) and @slack/oauth 4's reading of them.
 */
import { randomBytes } from 'node:crypto';
import type { Args, FakeSlack } from './fake-slack';

/** Who approves the next install: a workspace (maybe of a Grid org), or a Grid org installing org-wide. */
export type Approval =
  | { teamId: string; teamName?: string; enterpriseId?: string; installerId?: string }
  | { enterpriseId: string; enterpriseName?: string; orgWide: true; installerId?: string };

export interface FakeOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** The app's configured Redirect URL, used when the authorize link names none. */
  redirectUri: string;
  /** Token rotation on: access tokens expire this many seconds after they are issued (Slack: 43,200). */
  expiresInSeconds?: number;
  /** The fake's clock, in milliseconds (default: the machine's); a token expires by it. */
  now?: () => number;
  scopes?: string;
}

interface IssuedToken {
  approval: Approval;
  /** Milliseconds; null when rotation is off. */
  expiresAt: number | null;
  revoked: boolean;
}

export interface FakeOAuth {
  /** The next authorize page approves for this workspace or organization. */
  approveAs(approval: Approval): void;
  /** Bot tokens issued for a workspace (or an org-wide install: its enterprise id), oldest first. */
  tokensOf(id: string): string[];
  /** Every token issued for `id` stops working now, as after its 12 hours (`token_expired`). */
  expire(id: string): void;
  /** Every token issued for `id` is revoked (`invalid_auth`), as after an uninstall. */
  revoke(id: string): void;
  /** `oauth.v2.access` calls with `grant_type=refresh_token` that got a new token. */
  readonly refreshes: number;
}

const issue = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;
const approvalId = (a: Approval) => ('orgWide' in a ? a.enterpriseId : a.teamId);
const fail = (error: string): Args => ({ ok: false, error });

/** Plugs Slack's OAuth into `slack` and returns the handle a test steers it with. */
export function attachFakeOAuth(slack: FakeSlack, options: FakeOAuthOptions): FakeOAuth {
  const now = options.now ?? Date.now;
  const scopes = options.scopes ?? 'chat:write,im:write,commands,users:read,channels:read';
  let next: Approval | undefined;
  let refreshes = 0;
  const codes = new Map<string, Approval>();
  const tokens = new Map<string, IssuedToken>();
  const refreshTokens = new Map<string, Approval>();
  const botUsers = new Map<string, string>();

  const botUserOf = (a: Approval) => {
    const id = approvalId(a);
    if (!botUsers.has(id)) botUsers.set(id, issue('UB').slice(0, 11).toUpperCase());
    return botUsers.get(id)!;
  };

  /** A new access token (and, with rotation, its refresh token) for `approval`. */
  const grant = (approval: Approval) => {
    const rotating = options.expiresInSeconds !== undefined;
    const access = issue(rotating ? 'xoxe.xoxb-1-' : 'xoxb-1-');
    tokens.set(access, {
      approval,
      expiresAt: rotating ? now() + options.expiresInSeconds! * 1000 : null,
      revoked: false,
    });
    if (!rotating) return { access_token: access };
    const refresh = issue('xoxe-1-');
    refreshTokens.set(refresh, approval);
    return { access_token: access, refresh_token: refresh, expires_in: options.expiresInSeconds! };
  };

  const clientOk = (args: Args) => args.client_id === options.clientId && args.client_secret === options.clientSecret;

  const access = (args: Args): Args => {
    if (!clientOk(args)) return fail('invalid_client_id');
    if (args.grant_type === 'refresh_token') {
      const approval = refreshTokens.get(String(args.refresh_token ?? ''));
      if (!approval) return fail('invalid_refresh_token');
      refreshes += 1;
      return { ok: true, token_type: 'bot', scope: scopes, ...grant(approval) };
    }
    const approval = codes.get(String(args.code ?? ''));
    // A code is good once.
    codes.delete(String(args.code ?? ''));
    if (!approval) return fail('invalid_code');
    const org = 'orgWide' in approval;
    const enterpriseId = approval.enterpriseId;
    return {
      ok: true,
      app_id: slack.appId,
      authed_user: { id: approval.installerId ?? 'UINSTALLER' },
      scope: scopes,
      token_type: 'bot',
      bot_user_id: botUserOf(approval),
      team: org ? null : { id: approval.teamId, name: approval.teamName ?? approval.teamId },
      enterprise: enterpriseId
        ? { id: enterpriseId, name: ('enterpriseName' in approval && approval.enterpriseName) || enterpriseId }
        : null,
      is_enterprise_install: org,
      ...grant(approval),
    };
  };

  const authTest = (token: string): Args => {
    const issued = tokens.get(token)!;
    const a = issued.approval;
    const org = 'orgWide' in a;
    return {
      ok: true,
      url: `https://${approvalId(a).toLowerCase()}.slack.com/`,
      team: approvalId(a),
      user: 'symmetry',
      team_id: approvalId(a),
      user_id: botUserOf(a),
      bot_id: `B${approvalId(a)}`,
      ...(a.enterpriseId ? { enterprise_id: a.enterpriseId } : {}),
      is_enterprise_install: org,
    };
  };

  slack.extend({
    call(method, args, token) {
      if (method === 'oauth.v2.access') return access(args);
      if (method === 'auth.test' && token && tokens.has(token)) {
        const issued = tokens.get(token)!;
        if (issued.revoked) return fail('invalid_auth');
        if (issued.expiresAt !== null && issued.expiresAt <= now()) return fail('token_expired');
        return authTest(token);
      }
      return null;
    },
    tokenError(token, method, args) {
      const issued = tokens.get(token);
      // Tokens this part did not issue are the base fake's business.
      if (!issued) return null;
      if (issued.revoked) return 'invalid_auth';
      if (issued.expiresAt !== null && issued.expiresAt <= now()) return 'token_expired';
      // An org-wide token must say which workspace a call is for.
      if ('orgWide' in issued.approval && method !== 'auth.test' && !args.team_id) return 'missing_argument';
      return null;
    },
    page(req, res, url) {
      if (url.pathname !== '/oauth/v2/authorize') return false;
      const approval = next;
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? options.redirectUri);
      if (url.searchParams.get('client_id') !== options.clientId || !approval) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid client_id, or no approval set by the test');
        return true;
      }
      const code = issue('code-');
      codes.set(code, approval);
      redirect.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state !== null) redirect.searchParams.set('state', state);
      res.writeHead(302, { location: redirect.toString() }).end();
      return true;
    },
  });

  const issuedFor = (id: string) => [...tokens.entries()].filter(([, t]) => approvalId(t.approval) === id);
  return {
    approveAs: (approval) => void (next = approval),
    tokensOf: (id) => issuedFor(id).map(([token]) => token),
    expire: (id) => {
      for (const [, t] of issuedFor(id)) t.expiresAt = now();
    },
    revoke: (id) => {
      for (const [, t] of issuedFor(id)) t.revoked = true;
      for (const [refresh, a] of refreshTokens) if (approvalId(a) === id) refreshTokens.delete(refresh);
    },
    get refreshes() {
      return refreshes;
    },
  };
}
