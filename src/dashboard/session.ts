/**
 * Dashboard sessions: a random id in a cookie signed with SESSION_SECRET, the session itself in Redis, so logout
 * (or an expiry) really ends it on every web process. A session lasts 8 hours idle and 24 hours at most.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../core/clock';
import { signValue, verifySigned } from './security';

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however busy. */
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000;

/** The session cookie's name. */
export const SESSION_COOKIE = 'symmetry_session';

/** What a session remembers of the person who signed in. */
export interface SessionData {
  workspaceId: string;
  platform: 'slack' | 'teams';
  userId: string;
  displayName: string;
  locale: string;
  /** The platform said they are a workspace admin or owner when they signed in. */
  platformAdmin: boolean;
  /** Signed in from the Teams tab (an iframe): the cookie must be SameSite=None to reach us there. */
  framed: boolean;
}

/** A live session. */
export interface Session extends SessionData {
  id: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Where sessions live. */
export interface SessionStore {
  /** Starts a session; returns it and the signed cookie value that names it. */
  create(data: SessionData): Promise<{ session: Session; cookie: string }>;
  /** The session a cookie value names, when its signature is right and it has not expired (and marks it seen). */
  read(cookie: string | undefined): Promise<Session | null>;
  /** Ends a session at once. */
  destroy(id: string): Promise<void>;
}

/** Sessions in Redis under `<prefix>:dashboard:session:<id>`, their cookie signed with `secret`, expiry by `clock`. */
export function createRedisSessionStore(redis: Redis, prefix: string, secret: string, clock: Clock): SessionStore {
  const keyOf = (id: string) => `${prefix}:dashboard:session:${id}`;
  const ttlSeconds = Math.ceil(SESSION_ABSOLUTE_MS / 1000);
  return {
    async create(data) {
      const now = clock.now().getTime();
      const session: Session = {
        ...data,
        id: randomBytes(24).toString('base64url'),
        csrfToken: randomBytes(24).toString('base64url'),
        createdAt: now,
        lastSeenAt: now,
      };
      await redis.set(keyOf(session.id), JSON.stringify(session), 'EX', ttlSeconds);
      return { session, cookie: signValue(secret, session.id) };
    },

    async read(cookie) {
      const id = cookie ? verifySigned(secret, cookie) : null;
      if (!id || !/^[A-Za-z0-9_-]{32}$/.test(id)) return null;
      const raw = await redis.get(keyOf(id));
      if (!raw) return null;
      const session = JSON.parse(raw) as Session;
      const now = clock.now().getTime();
      if (now - session.lastSeenAt > SESSION_IDLE_MS || now - session.createdAt > SESSION_ABSOLUTE_MS) {
        await redis.del(keyOf(id));
        return null;
      }
      const seen = { ...session, lastSeenAt: now };
      // KEEPTTL: the absolute expiry set at sign-in stays; only the idle clock moves.
      await redis.set(keyOf(id), JSON.stringify(seen), 'KEEPTTL');
      return seen;
    },

    async destroy(id) {
      await redis.del(keyOf(id));
    },
  };
}
