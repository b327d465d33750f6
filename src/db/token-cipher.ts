/**
 * Tokens at rest: AES-256-GCM under TOKEN_ENCRYPTION_KEY, a fresh 96-bit nonce per seal, and the row's natural key
 * as associated data (a sealed value copied onto another workspace's row does not open). Each sealed value names
 * the key that sealed it by a short id, so during a key rotation both keys read and only the current one writes.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value and the id of the key that sealed it. */
export interface Sealed {
  keyId: string;
  sealed: string;
}

/** Seals with the current key; opens with the current or the previous one. */
export interface TokenCipher {
  /** The id of the key new seals use. */
  readonly currentKeyId: string;
  /** The id of the key being replaced (TOKEN_ENCRYPTION_KEY_PREVIOUS), when there is one. */
  readonly previousKeyId: string | undefined;
  seal(plaintext: string, associated: string): Sealed;
  /** The plaintext; throws when the key id is unknown or the value was altered or moved to another row. */
  open(value: Sealed, associated: string): string;
}

/** The key's public name: a hash prefix, so the id says which key without saying anything of it. */
export function keyIdOf(hexKey: string): string {
  return createHash('sha256')
    .update('symmetry/token-key-id/v1:')
    .update(hexKey.toLowerCase())
    .digest('hex')
    .slice(0, 12);
}

/** A cipher over `currentHex` (64 hex characters), also reading values sealed with `previousHex`. */
export function createTokenCipher(currentHex: string, previousHex?: string): TokenCipher {
  const keys = new Map<string, Buffer>();
  for (const hex of [currentHex, previousHex]) if (hex) keys.set(keyIdOf(hex), Buffer.from(hex, 'hex'));
  const currentKeyId = keyIdOf(currentHex);
  return {
    currentKeyId,
    previousKeyId: previousHex ? keyIdOf(previousHex) : undefined,
    seal(plaintext, associated) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.get(currentKeyId)!, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associated, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { keyId: currentKeyId, sealed: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url') };
    },
    open({ keyId, sealed }, associated) {
      const key = keys.get(keyId);
      if (!key)
        throw new Error(
          `token sealed with key ${keyId}, which is neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS`,
        );
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associated, 'utf8'));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
