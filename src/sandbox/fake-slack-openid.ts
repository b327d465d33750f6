/**
 * Sign in with Slack on the fake Slack: the authorize page (it approves at once, as the person the test chose),
 * `openid.connect.token` (a code for an access token and an id_token signed with a key it publishes at
 * /openid/connect/keys) and `openid.connect.userInfo`. Node only, like the rest of the fake.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Args = Record<string, unknown>;

/** Who the authorize page signs in next, and from which workspace. */
export interface OpenIdPerson {
  userId: string;
  /** Default: the fake's own team. */
  teamId?: string;
  name?: string;
  email?: string;
  locale?: string;
}

/** The test's handle on the fake's OpenID side. */
export interface FakeOpenId {
  /** The app's credentials the token endpoint accepts (set them to what the bot is configured with). */
  configure(client: { clientId: string; clientSecret: string }): void;
  /** The person the authorize page approves from now on (null: it answers `error=access_denied`). */
  signInAs(person: OpenIdPerson | null): void;
  /** Every authorize request's query, oldest first (to read the state and nonce the app sent). */
  readonly authorizeRequests: ReadonlyArray<Record<string, string>>;
  /**
   * A valid id_token for these claims, signed with the fake's key (to forge ones the app must refuse, e.g. a wrong
   * nonce): the claims are merged over the ones a real sign-in gets.
   */
  idToken(person: OpenIdPerson, claims: Args): string;
  /** The key id the fake signs with. */
  readonly keyId: string;
  /** The clock (Unix seconds) tokens are issued by; default the fake's own wall clock. */
  useClock(now: () => number): void;
}

/** What the fake registers of it: Web API methods, HTTP pages, and the test's handle. */
export interface OpenIdProvider {
  /** Web API methods that authenticate themselves (client credentials, or the person's own token). */
  methods: Record<string, (args: Args, auth: { bearer: string | undefined }) => Args>;
  /** Serves /openid/connect/authorize and /openid/connect/keys; false for any other path. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  api: FakeOpenId;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An RS256 JWT of `claims`, signed with `key`. */
function signJwt(key: KeyObject, keyId: string, claims: Args): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keyId }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
}

interface Grant {
  person: Required<Pick<OpenIdPerson, 'userId' | 'teamId'>> & OpenIdPerson;
  nonce: string | undefined;
  clientId: string;
  redirectUri: string;
}

/** The OpenID side of a fake Slack whose own team is `teamId`; `now` is the fake's clock in seconds. */
export function createOpenIdProvider(teamId: string, wallClock: () => number): OpenIdProvider {
  let now = wallClock;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
  let client = { clientId: '', clientSecret: '' };
  let next: OpenIdPerson | null = null;
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, Grant['person']>();
  const authorizeRequests: Array<Record<string, string>> = [];

  const claimsOf = (person: OpenIdPerson, nonce: string | undefined, clientId: string): Args => {
    const team = person.teamId ?? teamId;
    const t = now();
    return {
      iss: 'https://slack.com',
      sub: person.userId,
      aud: clientId,
      exp: t + 3600,
      iat: t,
      auth_time: t,
      ...(nonce === undefined ? {} : { nonce }),
      at_hash: b64url(randomBytes(16)),
      'https://slack.com/team_id': team,
      'https://slack.com/user_id': person.userId,
      email: person.email ?? `${person.userId.toLowerCase()}@example.com`,
      email_verified: true,
      name: person.name ?? person.userId,
      locale: person.locale ?? 'en-US',
      'https://slack.com/team_name': `Team ${team}`,
    };
  };

  const serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/openid/connect/keys') {
      const jwk = { ...publicKey.export({ format: 'jwk' }), kid: keyId, alg: 'RS256', use: 'sig' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      return true;
    }
    if (url.pathname !== '/openid/connect/authorize') return false;
    const query = Object.fromEntries(url.searchParams);
    authorizeRequests.push(query);
    const redirectUri = query.redirect_uri ?? '';
    if (!/^https?:\/\//.test(redirectUri) || query.response_type !== 'code' || query.client_id !== client.clientId) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad authorize request');
      return true;
    }
    const back = new URL(redirectUri);
    if (query.state !== undefined) back.searchParams.set('state', query.state);
    if (next === null) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = `${randomBytes(8).toString('hex')}.${randomBytes(12).toString('hex')}`;
      grants.set(code, {
        person: { ...next, teamId: next.teamId ?? teamId },
        nonce: query.nonce,
        clientId: query.client_id ?? '',
        redirectUri,
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.toString() }).end();
    return true;
  };

  const methods: OpenIdProvider['methods'] = {
    // docs.slack.dev/reference/methods/openid.connect.token: client_id, client_secret, code, redirect_uri.
    'openid.connect.token': (args) => {
      if (args.client_id !== client.clientId || args.client_secret !== client.clientSecret)
        return { ok: false, error: 'invalid_client_id' };
      const grant = grants.get(String(args.code ?? ''));
      if (!grant) return { ok: false, error: 'invalid_code' };
      grants.delete(String(args.code));
      if (args.redirect_uri !== grant.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
      const accessToken = `xoxp-${randomBytes(12).toString('hex')}`;
      tokens.set(accessToken, grant.person);
      return {
        ok: true,
        access_token: accessToken,
        token_type: 'Bearer',
        id_token: signJwt(privateKey, keyId, claimsOf(grant.person, grant.nonce, grant.clientId)),
      };
    },
    'openid.connect.userInfo': (_args, auth) => {
      const person = auth.bearer ? tokens.get(auth.bearer) : undefined;
      if (!person) return { ok: false, error: 'invalid_auth' };
      const {
        iss: _iss,
        aud: _aud,
        exp: _exp,
        iat: _iat,
        auth_time: _at,
        at_hash: _h,
        ...info
      } = claimsOf(person, undefined, client.clientId);
      return { ok: true, ...info };
    },
  };

  return {
    methods,
    serve,
    api: {
      configure: (c) => void (client = { ...c }),
      signInAs: (person) => void (next = person),
      authorizeRequests,
      idToken: (person, claims) =>
        signJwt(privateKey, keyId, { ...claimsOf({ teamId, ...person }, undefined, client.clientId), ...claims }),
      keyId,
      useClock: (clock) => void (now = clock),
    },
  };
}
