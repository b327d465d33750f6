/**
 * What every dashboard response carries and every state-changing request must prove: security headers (a CSP with
 * no inline script, framing only by Teams), cookie parsing and writing, and the CSRF check.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The hosts that embed a Teams personal tab (Teams on the web, the new Teams, Outlook and the Microsoft 365 app),
 * as Microsoft's tab requirements list them; no other site may frame the dashboard.
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
] as const;

/** The Content-Security-Policy of every dashboard page: our own scripts and styles only, framed by Teams only. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** Sets the security headers of every dashboard response (HSTS only when the dashboard is served over HTTPS). */
export function setSecurityHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('content-security-policy', contentSecurityPolicy());
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin-allow-popups');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('cache-control', 'no-store');
  if (secure) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

/** The request's cookies by name (the first of a repeated name wins; malformed pairs are skipped). */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(pair.slice(at + 1).trim()));
    } catch {
      // A value that is not valid percent-encoding is no cookie of ours.
    }
  }
  return cookies;
}

/** How a cookie is written: always HttpOnly and Path=/; Secure when served over HTTPS or framed (SameSite=None needs it). */
export interface CookieOptions {
  maxAgeSeconds: number;
  sameSite: 'Lax' | 'Strict' | 'None';
  secure: boolean;
}

/** Adds a Set-Cookie header (keeping those already set). */
export function appendCookie(res: ServerResponse, name: string, value: string, options: CookieOptions): void {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    `Max-Age=${options.maxAgeSeconds}`,
    `SameSite=${options.sameSite}`,
  ];
  if (options.secure || options.sameSite === 'None') parts.push('Secure');
  const existing = res.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)];
  res.setHeader('set-cookie', [...list, parts.join('; ')]);
}

/** Removes a cookie set by appendCookie. */
export function clearCookie(res: ServerResponse, name: string, secure: boolean): void {
  appendCookie(res, name, '', { maxAgeSeconds: 0, sameSite: 'Lax', secure });
}

/** `value.signature`: an HMAC-SHA256 of the value under the key, so a changed value or a forged one is refused. */
export function signValue(key: string, value: string): string {
  return `${value}.${createHmac('sha256', key).update(value).digest('base64url')}`;
}

/** The value of a signed string when its signature is right, otherwise null (compared in constant time). */
export function verifySigned(key: string, signed: string): string | null {
  const at = signed.lastIndexOf('.');
  if (at <= 0) return null;
  const value = signed.slice(0, at);
  const given = Buffer.from(signed.slice(at + 1));
  const expected = Buffer.from(createHmac('sha256', key).update(value).digest('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/** True when both strings are equal, compared in constant time (a token check that leaks nothing by timing). */
export function sameToken(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Largest form body a dashboard POST may carry. */
const MAX_FORM_BYTES = 64 * 1024;

/** Reads an application/x-www-form-urlencoded (or empty) body; null when it is too large or of another type. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  if (size === 0) return new URLSearchParams();
  if (type !== 'application/x-www-form-urlencoded') return null;
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
