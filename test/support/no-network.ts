/**
 * Makes unexpected outbound network traffic fail the test that causes it: only loopback (and Unix
 * sockets) stay reachable, so a test can talk to the fake Slack, Postgres and Redis on this machine
 * but never to slack.com. Meant for a jest `setupFilesAfterEnv` file: `installNetworkGuard()`.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export class NetworkGuardError extends Error {
  readonly code = 'ERR_NETWORK_GUARD';
  constructor(readonly host: string) {
    super(`Blocked outbound network access to "${host}": tests may only reach loopback (see test/support/no-network.ts).`);
    this.name = 'NetworkGuardError';
  }
}

export interface NetworkGuardOptions {
  /** Extra hosts tests may reach, e.g. a Postgres service name in CI. */
  allow?: Array<string | RegExp>;
}

/** True for localhost names and loopback addresses (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

type Restore = () => void;
const INSTALLED = Symbol.for('symmetry.networkGuard');

/** Host a request or socket targets; undefined for Unix sockets, which never leave the machine. */
function targetOf(input: unknown, options?: unknown): string | undefined {
  if (typeof input === 'string' || input instanceof URL) {
    const url = new URL(String(input));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : undefined;
  }
  const o = (input ?? options) as { socketPath?: string; path?: string; hostname?: string; host?: string } | undefined;
  if (o?.socketPath) return undefined;
  return o?.hostname ?? o?.host ?? 'localhost';
}

/** Installs the guard (idempotent) and returns a function that removes it. */
export function installNetworkGuard(opts: NetworkGuardOptions = {}): Restore {
  const g = globalThis as typeof globalThis & { [INSTALLED]?: Restore };
  if (g[INSTALLED]) return g[INSTALLED];

  const allowed = (host: string) =>
    isLoopbackHost(host) || (opts.allow ?? []).some((a) => (typeof a === 'string' ? a === host : a.test(host)));
  const check = (host: string | undefined) => {
    if (host !== undefined && !allowed(host)) throw new NetworkGuardError(host);
  };
  const restores: Restore[] = [];
  const patch = <T extends object, K extends keyof T>(target: T, key: K, wrap: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = wrap(original);
    restores.push(() => void (target[key] = original));
  };

  // fetch rejects before any DNS lookup, with our error instead of undici's opaque "fetch failed".
  patch(globalThis, 'fetch', (original) => (input, init) => {
    try {
      check(targetOf(input instanceof Request ? input.url : input));
    } catch (err) {
      return Promise.reject(err);
    }
    return original(input, init);
  });

  // http.get/https.get call their module's own request, so each needs its own wrapper.
  for (const mod of [http, https]) {
    for (const key of ['request', 'get'] as const) {
      patch(mod, key, (original) =>
        ((...args: unknown[]) => {
          check(targetOf(args[0], args[1]));
          return (original as (...a: unknown[]) => unknown)(...args);
        }) as never,
      );
    }
  }

  // Every TCP/TLS client (pg, ioredis, undici, raw net.connect) ends in Socket#connect.
  patch(net.Socket.prototype, 'connect', (original) =>
    function (this: net.Socket, ...args: unknown[]) {
      // net.connect hands over its normalized arguments as one array.
      const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
      if (typeof first === 'number') check(typeof args[1] === 'string' ? args[1] : 'localhost');
      else if (first && typeof first === 'object' && !(first as { path?: string }).path) check(targetOf(first));
      return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    } as never,
  );

  const restore: Restore = () => {
    restores.reverse().forEach((r) => r());
    delete g[INSTALLED];
  };
  g[INSTALLED] = restore;
  return restore;
}
