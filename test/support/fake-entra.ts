/**
 * A fake Microsoft Entra ID on loopback for the Teams tab's single sign-on: per tenant, the OpenID metadata
 * (`/<tenant>/v2.0/.well-known/openid-configuration`) and keys (`/<tenant>/discovery/v2.0/keys`), and tokens
 * signed as Entra signs them (RS256, issuer `<origin>/<tenant>/v2.0`).
 */
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEntra {
  /** The authority base URL (ENTRA_AUTHORITY_URL). */
  readonly url: string;
  /** A token of `tenant` for `claims` (merged over a valid set: aud, tid, oid, name, iat, nbf, exp from `nowSeconds`). */
  token(
    tenant: string,
    claims: Record<string, unknown>,
    options?: { nowSeconds: number; unpublishedKey?: boolean },
  ): string;
  /** Requests it answered, by path. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

function keyPair(): { privateKey: KeyObject; publicKey: KeyObject; kid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
  return { privateKey, publicKey, kid };
}

/** Starts the fake on 127.0.0.1; `audience` is what a valid token's aud is unless the claims say otherwise. */
export async function startFakeEntra(audience: string): Promise<FakeEntra> {
  const published = keyPair();
  const unpublished = keyPair();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (metadata) {
      const tenant = metadata[1];
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer: `${origin}/${tenant}/v2.0`,
          jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
          authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) {
      const jwk = { ...published.publicKey.export({ format: 'jwk' }), kid: published.kid, use: 'sig', alg: 'RS256' };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    url: origin,
    requests,
    token(tenant, claims, options = { nowSeconds: Math.floor(Date.now() / 1000) }) {
      const key = options.unpublishedKey ? unpublished : published;
      const now = options.nowSeconds;
      const body = {
        aud: audience,
        iss: `${origin}/${tenant}/v2.0`,
        tid: tenant,
        oid: randomUUID(),
        name: 'Signed In',
        ver: '2.0',
        iat: now,
        nbf: now,
        exp: now + 3600,
        ...claims,
      };
      const signed = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64(body)}`;
      return `${signed}.${sign('sha256', Buffer.from(signed), key.privateKey).toString('base64url')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
