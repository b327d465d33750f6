/**
 * Makes unexpected outbound network traffic fail the test that causes it: only loopback (and Unix
 * sockets) stay reachable, so a test can talk to the fake Slack, Postgres and Redis on this machine
 * but never to slack.com. Meant for a jest `setupFilesAfterEnv` file: `installNetworkGuard()`.
 *
 * Jest gives every test file its own global object but shares Node's core modules across the files
 * a worker runs. So the core-module hooks are installed once per process and read one shared state,
 * and `fetch` is hooked once per test file's global.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export class NetworkGuardError extends Error {
  readonly code = 'ERR_NETWORK_GUARD';
  constructor(readonly host: string) {
    super(
      `Blocked outbound network access to "${host}": tests may only reach loopback (see test/support/no-network.ts).`,
    );
    this.name = 'NetworkGuardError';
  }

  // The hooks may come from another test file's copy of this module, so match by code, not class.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (value as { code?: unknown } | null)?.code === 'ERR_NETWORK_GUARD';
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

const HOOKED = Symbol.for('symmetry.networkGuard');
/** Installed guards, outermost first; the guard is on while any is installed. */
type GuardState = { installs: NetworkGuardOptions[] };
type Hookable = { [HOOKED]?: GuardState | true };

/** Host a request or socket targets; undefined for Unix sockets, which never leave the machine. */
function targetOf(input: unknown, options?: unknown): string | undefined {
  if (typeof input === 'string' || input instanceof URL) {
    const url = new URL(String(input));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : undefined;
  }
  const o = (input ?? options) as { socketPath?: string; hostname?: string; host?: string } | undefined;
  if (o?.socketPath) return undefined;
  return o?.hostname ?? o?.host ?? 'localhost';
}

/** Throws unless the host is loopback, allowed by some install, or no guard is installed. */
function checkHost(state: GuardState, host: string | undefined): void {
  if (host === undefined || state.installs.length === 0 || isLoopbackHost(host)) return;
  const allowed = state.installs.some((i) =>
    (i.allow ?? []).some((a) => (typeof a === 'string' ? a === host : a.test(host))),
  );
  if (!allowed) throw new NetworkGuardError(host);
}

/** The process-wide state, hooking http, https and net.Socket the first time. */
function sharedState(): GuardState {
  const anchor = net as unknown as Hookable;
  if (anchor[HOOKED] && anchor[HOOKED] !== true) return anchor[HOOKED];
  const state: GuardState = { installs: [] };
  anchor[HOOKED] = state;
  const check = (host: string | undefined) => checkHost(state, host);

  // http.get/https.get call their module's own request, so each needs its own hook.
  for (const mod of [http, https] as Array<Record<'request' | 'get', (...a: unknown[]) => unknown>>) {
    for (const key of ['request', 'get'] as const) {
      const original = mod[key];
      mod[key] = (...args: unknown[]) => {
        check(targetOf(args[0], args[1]));
        return original(...args);
      };
    }
  }

  // Every TCP/TLS client (pg, ioredis, undici, raw net.connect) ends in Socket#connect.
  const connect = net.Socket.prototype.connect as (...a: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect hands over its normalized arguments as one array.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    if (typeof first === 'number') check(typeof args[1] === 'string' ? args[1] : 'localhost');
    else if (first && typeof first === 'object' && !(first as { path?: string }).path) check(targetOf(first));
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;
  return state;
}

/** Turns the guard on (nesting is fine) and returns a function that removes this install. */
export function installNetworkGuard(opts: NetworkGuardOptions = {}): () => void {
  const state = sharedState();
  const g = globalThis as typeof globalThis & Hookable;
  if (!g[HOOKED]) {
    g[HOOKED] = true;
    const original = g.fetch;
    // fetch rejects before any DNS lookup, with our error instead of undici's opaque "fetch failed".
    g.fetch = (input, init) => {
      try {
        checkHost(state, targetOf(input instanceof Request ? input.url : input));
      } catch (err) {
        return Promise.reject(err);
      }
      return original(input, init);
    };
  }
  const entry = { ...opts };
  state.installs.push(entry);
  return () => {
    const i = state.installs.indexOf(entry);
    if (i >= 0) state.installs.splice(i, 1);
  };
}

/** Whether any guard is installed in this process. */
export function isNetworkGuardActive(): boolean {
  return sharedState().installs.length > 0;
}
