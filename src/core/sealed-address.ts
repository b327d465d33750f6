/**
 * The sealed address kept beside an anonymous comment: the way back to its author, readable only by
 * the app. AES-256-GCM under a key derived from the server secret with HKDF (its own info label, so
 * it is never the HMAC key of the respondent hash), a fresh random 96-bit nonce per seal, and the
 * comment id as associated data, so an address copied onto another comment does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'symmetry/sealed-address/v1';
const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function addressKey(secret: string): Buffer {
  // No salt: the secret is already high-entropy; the info label is what keeps this key apart from others.
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), Buffer.from(INFO, 'utf8'), 32));
}

/** Seals `memberId` for the comment `commentId`: a new, unrelated value each call, `v1.<base64url>`. */
export function sealAddress(secret: string, commentId: string, memberId: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', addressKey(secret), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(commentId, 'utf8'));
  const body = Buffer.concat([cipher.update(memberId, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The member id sealed for `commentId`, or null when the value was sealed under another secret, for another comment, or altered. */
export function openAddress(secret: string, commentId: string, sealed: string): string | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length <= NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', addressKey(secret), raw.subarray(0, NONCE_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(commentId, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}
