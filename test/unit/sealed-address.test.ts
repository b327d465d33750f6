/**
 * The sealed address: AES-256-GCM under HKDF-SHA256(secret, info "symmetry/sealed-address/v1"),
 * a 12-byte random nonce first, the 16-byte tag last, the comment id as associated data. Checked by
 * opening seals with node:crypto written out here, never with the function under test alone.
 */
import { createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { openAddress, sealAddress } from '../../src/core/sealed-address';

const SECRET = 'symmetry-known-answer-secret-0123456789';
const COMMENT = '6f1c1f4e-2b1a-4c53-9d0e-3f3f5a0b7c11';
const MEMBER = '0b8e7d9a-51c4-4c2e-8a9f-12e4c5d6a7b8';

/** The documented layout, opened independently of src/core/sealed-address.ts. */
function openByHand(secret: string, commentId: string, sealed: string): string {
  const raw = Buffer.from(sealed.slice('v1.'.length), 'base64url');
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'symmetry/sealed-address/v1', 32));
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAAD(Buffer.from(commentId));
  d.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
}

/** Bytes at the same place that are equal: about 1 in 256 for unrelated values. */
function samePlaceBytes(a: string, b: string): number {
  const x = Buffer.from(a.slice(3), 'base64url');
  const y = Buffer.from(b.slice(3), 'base64url');
  let same = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] === y[i]) same += 1;
  return same;
}

test('is AES-256-GCM under the HKDF key with the comment id as associated data (opened by hand)', () => {
  const sealed = sealAddress(SECRET, COMMENT, MEMBER);
  expect(sealed.startsWith('v1.')).toBe(true);
  expect(openByHand(SECRET, COMMENT, sealed)).toBe(MEMBER);
  expect(openAddress(SECRET, COMMENT, sealed)).toBe(MEMBER);
  expect(sealed).not.toContain(MEMBER);
});

test('the key is not the HMAC key of the respondent hash: HMAC-keyed AES does not open it', () => {
  const sealed = sealAddress(SECRET, COMMENT, MEMBER);
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const wrongKey = createHmac('sha256', SECRET).update('').digest();
  const d = createDecipheriv('aes-256-gcm', wrongKey, raw.subarray(0, 12));
  d.setAAD(Buffer.from(COMMENT));
  d.setAuthTag(raw.subarray(raw.length - 16));
  d.update(raw.subarray(12, raw.length - 16));
  expect(() => d.final()).toThrow();
});

test('two seals of one member are unrelated (fresh nonce, different bytes)', () => {
  const a = sealAddress(SECRET, COMMENT, MEMBER);
  const b = sealAddress(SECRET, COMMENT, MEMBER);
  expect(a).not.toBe(b);
  expect(samePlaceBytes(a, b)).toBeLessThan(8);
  expect(
    Buffer.from(a.slice(3), 'base64url')
      .subarray(0, 12)
      .equals(Buffer.from(b.slice(3), 'base64url').subarray(0, 12)),
  ).toBe(false);
});

test('a changed secret cannot open an old address', () => {
  const sealed = sealAddress(SECRET, COMMENT, MEMBER);
  expect(openAddress(`${SECRET}-rotated`, COMMENT, sealed)).toBeNull();
});

test('an address moved to another comment does not open', () => {
  const sealed = sealAddress(SECRET, COMMENT, MEMBER);
  expect(openAddress(SECRET, '00000000-0000-4000-8000-000000000000', sealed)).toBeNull();
});

test('an altered or malformed value opens to nothing, never throws', () => {
  const sealed = sealAddress(SECRET, COMMENT, MEMBER);
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  raw[14] = raw[14]! ^ 1;
  expect(openAddress(SECRET, COMMENT, `v1.${raw.toString('base64url')}`)).toBeNull();
  for (const bad of ['', 'v1.', 'v2.AAAA', 'v1.AAAA', 'nonsense']) expect(openAddress(SECRET, COMMENT, bad)).toBeNull();
});
