/**
 * The `state` and `nonce` of a sign-in in progress: random, kept in Redis for 10 minutes, usable once, and bound
 * to the browser that started the sign-in by a signed pre-login cookie (so a link carrying someone else's state
 * signs nobody in).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../core/clock';
import { sameToken, signValue, verifySigned } from '../security';

/** How long a started sign-in may take. */
export const LOGIN_STATE_MS = 10 * 60 * 1000;

/** The pre-login cookie's name. */
export const LOGIN_COOKIE = 'symmetry_login';

/** A sign-in that was started: what the callback must find again. */
export interface LoginState {
  nonce: string;
  /** The dashboard path to go to once signed in. */
  next: string | null;
}

/** Where started sign-ins wait for their callback. */
export interface LoginStateStore {
  /** Starts a sign-in: a state and nonce for the provider, and the pre-login cookie value for this browser. */
  begin(next: string | null): Promise<{ state: string; nonce: string; cookie: string }>;
  /** The sign-in a state names, once (a second call finds nothing), if this browser started it less than 10 minutes ago. */
  finish(state: string | null, cookie: string | undefined): Promise<LoginState | null>;
}

interface Stored extends LoginState {
  binding: string;
  startedAt: number;
}

/** Started sign-ins in Redis under `<prefix>:dashboard:login:<state>`. */
export function createLoginStateStore(redis: Redis, prefix: string, secret: string, clock: Clock): LoginStateStore {
  const keyOf = (state: string) => `${prefix}:dashboard:login:${state}`;
  const random = () => randomBytes(24).toString('base64url');
  return {
    async begin(next) {
      const state = random();
      const nonce = random();
      const binding = random();
      const stored: Stored = { nonce, next, binding, startedAt: clock.now().getTime() };
      await redis.set(keyOf(state), JSON.stringify(stored), 'PX', LOGIN_STATE_MS);
      return { state, nonce, cookie: signValue(secret, binding) };
    },

    async finish(state, cookie) {
      if (!state || !/^[A-Za-z0-9_-]{32}$/.test(state)) return null;
      // GETDEL: the state is spent by the first callback that names it, whatever comes of it.
      const raw = await redis.getdel(keyOf(state));
      if (!raw) return null;
      const stored = JSON.parse(raw) as Stored;
      const binding = cookie ? verifySigned(secret, cookie) : null;
      if (!sameToken(binding, stored.binding)) return null;
      if (clock.now().getTime() - stored.startedAt > LOGIN_STATE_MS) return null;
      return { nonce: stored.nonce, next: stored.next };
    },
  };
}
