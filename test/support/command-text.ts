/** fast-check arbitraries for slash-command text: known fragments, glued or spaced, with random unicode mixed in. */
import fc from 'fast-check';

/** Text built from `fragments` (mostly) and arbitrary unicode strings, joined with or without spaces. */
export function commandText(fragments: readonly string[], maxParts = 9): fc.Arbitrary<string> {
  const part = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fragments) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  );
  return fc
    .array(fc.tuple(part, fc.constantFrom(' ', '')), { maxLength: maxParts })
    .map((parts) => parts.flat().join(''));
}

/** Slack's escaped references (people, channels, links): what may legitimately contain < and >. */
export const SLACK_REFERENCE = /<(?:@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+|[a-z][a-z0-9+.-]*:[^<>\s]+)>/gi;
