/**
 * A check-in button that proves itself. When the worker builds a check-in DM it signs, for each question, what
 * the web needs to accept a click on it: whose check-in it is (platform, workspace, person), until when it is open,
 * and what the comment form shows (the reader's language, the team's threshold, whether the round has free-text
 * questions). A click carrying a valid proof is accepted without reading PostgreSQL; one without (a DM sent before
 * proofs existed), or with a proof that does not verify, is checked in PostgreSQL as before.
 *
 * HMAC-SHA-256 under a key derived from the server secret with HKDF (its own info label: never the key of the
 * respondent hash or of the sealed addresses), truncated to 128 bits. The score is not signed (any score the
 * question takes is valid; its range is checked apart), so one proof serves a question's buttons. Nothing in it
 * is secret from its own reader: it is their check-in, their language and their team's threshold.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const INFO = 'symmetry/click-proof/v1';
const VERSION = 'v1';
const MAC_BYTES = 16;

/** What a proof covers: the click's own fields are compared with these, the rest comes back as claims. */
export interface ClickSubject {
  deliveryId: string;
  questionId: string;
  platform: string;
  workspaceExternalId: string;
  userId: string;
}

/** What a verified proof tells the web: enough to answer the click and open the comment form. */
export interface ClickClaims {
  closesAt: Date;
  locale: string;
  threshold: number;
  /** The round has free-text questions: the form needs their texts, which the proof does not carry. */
  hasTextQuestions: boolean;
}

const keys = new Map<string, Buffer>();

function proofKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(INFO, 'utf8'), 32));
    // One secret per deployment; more than a few means something hands in fresh ones, so do not keep them all.
    if (keys.size > 4) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

function mac(secret: string, subject: ClickSubject, fields: string): Buffer {
  const { deliveryId, questionId, platform, workspaceExternalId, userId } = subject;
  return createHmac('sha256', proofKey(secret))
    .update([VERSION, deliveryId, questionId, platform, workspaceExternalId, userId, fields].join('\u0000'))
    .digest()
    .subarray(0, MAC_BYTES);
}

/** The proof of `subject` with its claims: `v1.<closes at, s>.<locale>.<threshold>.<0|1>.<mac>`. */
export function signClick(secret: string, subject: ClickSubject, claims: ClickClaims): string {
  const fields = [
    Math.floor(claims.closesAt.getTime() / 1000),
    claims.locale,
    claims.threshold,
    claims.hasTextQuestions ? 1 : 0,
  ].join('.');
  return `${VERSION}.${fields}.${mac(secret, subject, fields).toString('base64url')}`;
}

const PROOF = /^v1\.(\d{1,12})\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.(\d{1,3})\.([01])\.([A-Za-z0-9_-]{22})$/;

/** The claims of `proof` when it was signed for exactly this subject under this secret; null otherwise. */
export function verifyClick(secret: string, subject: ClickSubject, proof: unknown): ClickClaims | null {
  if (typeof proof !== 'string') return null;
  const match = PROOF.exec(proof);
  if (!match) return null;
  const [, closesAt, locale, threshold, text, given] = match;
  const expected = mac(secret, subject, [closesAt, locale, threshold, text].join('.'));
  const actual = Buffer.from(given!, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return {
    closesAt: new Date(Number(closesAt) * 1000),
    locale: locale!,
    threshold: Number(threshold),
    hasTextQuestions: text === '1',
  };
}
