/**
 * The keyed hash that stands for a respondent: HMAC-SHA256 under the server secret over
 * `roundId NUL memberId`, base64url. Checked against a known answer computed outside Node and
 * against node:crypto written out here, never against the function under test.
 */
import { createHash, createHmac } from 'node:crypto';
import { respondentHash } from '../../src/core/anonymity';

const SECRET = 'symmetry-known-answer-secret-0123456789';
const ROUND = 'r-2026-11-27';
const MEMBER = 'm-ada';

/** The documented layout, written independently of src/core/anonymity.ts. */
const hmac = (secret: string, round: string, member: string) =>
  createHmac('sha256', secret).update(`${round}\u0000${member}`).digest('base64url');

test('matches a known answer computed outside Node (openssl dgst -sha256 -hmac)', () => {
  // printf 'r-2026-11-27\0m-ada' | openssl dgst -sha256 -hmac 'symmetry-known-answer-secret-0123456789' -binary | base64 (url-safe, unpadded)
  expect(respondentHash(SECRET, ROUND, MEMBER)).toBe('NRR_RboDfvlWDfjKZe4ps7qvKTNsgTmx6pDLYyJKWUA');
});

test('is the HMAC-SHA256 of round NUL member under the secret, for any ids', () => {
  const cases: Array<[string, string, string]> = [
    ['x'.repeat(40), '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
    [SECRET, 'manual-202602291230', 'Ümlaut-ユーザー'],
    ['a-secret-with:colons-and spaces-0123456789', '', 'm'],
  ];
  for (const [secret, round, member] of cases)
    expect(respondentHash(secret, round, member)).toBe(hmac(secret, round, member));
});

test('depends on the secret: another secret, or none, gives another hash', () => {
  const base = respondentHash(SECRET, ROUND, MEMBER);
  expect(respondentHash(`${SECRET}!`, ROUND, MEMBER)).not.toBe(base);
  expect(respondentHash('another-secret-of-the-same-length-00000', ROUND, MEMBER)).not.toBe(base);
  // An unkeyed digest of the same message is not it: without the secret nobody can recompute the hash.
  const unkeyed = createHash('sha256').update(`${ROUND}\u0000${MEMBER}`).digest('base64url');
  expect(base).not.toBe(unkeyed);
});

test('is scoped to the round and the member, and the separator keeps ("ab","c") apart from ("a","bc")', () => {
  const base = respondentHash(SECRET, ROUND, MEMBER);
  expect(respondentHash(SECRET, 'r-2026-12-04', MEMBER)).not.toBe(base);
  expect(respondentHash(SECRET, ROUND, 'm-bob')).not.toBe(base);
  expect(respondentHash(SECRET, 'ab', 'c')).not.toBe(respondentHash(SECRET, 'a', 'bc'));
});

test('is 32 bytes in unpadded base64url, safe in a text key', () => {
  expect(respondentHash(SECRET, ROUND, MEMBER)).toMatch(/^[A-Za-z0-9_-]{43}$/);
});
