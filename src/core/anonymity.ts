/** The keyed hash that stands for a respondent in the responses table. */
import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of (round, member) under the server secret. Scoped to one round, so even two
 * rows of the same person in different rounds cannot be linked without the secret; the
 * member can still find their own answers by recomputing it for each round they were asked in.
 */
export function respondentHash(secret: string, roundId: string, memberId: string): string {
  return createHmac('sha256', secret).update(`${roundId}\u0000${memberId}`).digest('base64url');
}
