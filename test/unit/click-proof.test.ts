/**
 * The click proof a check-in button carries: verified for exactly the person, check-in and question it was signed
 * for, under this deployment's secret; anything else changed makes it worthless (the web then checks in PostgreSQL).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { signClick, verifyClick, type ClickClaims, type ClickSubject } from '../../src/core/click-proof';

const SECRET = 'a-test-secret-of-enough-length-0123456789abcdef';
const subject: ClickSubject = {
  deliveryId: '0b6f3a52-0f38-4c9d-9b1e-5f1c1d2a7e01',
  questionId: 'mood',
  platform: 'slack',
  workspaceExternalId: 'T0PROOF',
  userId: 'U0ANNA',
};
const claims: ClickClaims = {
  closesAt: new Date('2026-12-10T17:00:00Z'),
  locale: 'fr',
  threshold: 5,
  hasTextQuestions: false,
};

test('a proof verifies for its own subject and gives back its claims', () => {
  const proof = signClick(SECRET, subject, claims);
  expect(verifyClick(SECRET, subject, proof)).toEqual(claims);
  expect(verifyClick(SECRET, subject, signClick(SECRET, subject, { ...claims, hasTextQuestions: true }))).toEqual({
    ...claims,
    hasTextQuestions: true,
  });
});

test('its MAC is HMAC-SHA-256 under the HKDF key of the documented label, over the documented fields', () => {
  // Computed here from the spec, not by the module: v1, the subject's fields and the claims, NUL-separated.
  const key = Buffer.from(hkdfSync('sha256', SECRET, Buffer.alloc(0), 'symmetry/click-proof/v1', 32));
  const closes = String(Date.UTC(2026, 11, 10, 17) / 1000);
  const fields = `${closes}.fr.5.0`;
  const mac = createHmac('sha256', key)
    .update(['v1', subject.deliveryId, 'mood', 'slack', 'T0PROOF', 'U0ANNA', fields].join('\u0000'))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
  expect(signClick(SECRET, subject, claims)).toBe(`v1.${fields}.${mac}`);
});

test.each<[string, Partial<ClickSubject>]>([
  ['another person', { userId: 'U0BEN' }],
  ['another check-in', { deliveryId: '0b6f3a52-0f38-4c9d-9b1e-5f1c1d2a7e02' }],
  ['another question', { questionId: 'enps' }],
  ['another workspace', { workspaceExternalId: 'T0OTHER' }],
  ['another platform', { platform: 'teams' }],
])('is worthless for %s', (_, change) => {
  const proof = signClick(SECRET, subject, claims);
  expect(verifyClick(SECRET, { ...subject, ...change }, proof)).toBeNull();
});

test('a changed claim, another secret or a malformed value verify to nothing', () => {
  const proof = signClick(SECRET, subject, claims);
  const [version, closes, locale, threshold, text, mac] = proof.split('.');
  const altered = [
    [version, String(Number(closes) + 86_400), locale, threshold, text, mac],
    [version, closes, 'en', threshold, text, mac],
    [version, closes, locale, '3', text, mac],
    [version, closes, locale, threshold, '1', mac],
    [version, closes, locale, threshold, text, `${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`],
    ['v2', closes, locale, threshold, text, mac],
  ].map((parts) => parts.join('.'));
  for (const value of altered) expect(verifyClick(SECRET, subject, value)).toBeNull();
  expect(verifyClick(`${SECRET}-rotated`, subject, proof)).toBeNull();
  for (const value of [undefined, null, 42, '', 'v1', `${proof}.x`, { proof }])
    expect(verifyClick(SECRET, subject, value)).toBeNull();
});
