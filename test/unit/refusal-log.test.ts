/** The refused-request log line: the first of each reason at once, then at most one a minute, with the count between. */
import type { Logger } from '../../src/core/ports';
import { createRefusalLog, REFUSAL_LOG_EVERY_MS } from '../../src/platforms/refusal-log';

function recorder() {
  const lines: Array<{ fields: Record<string, unknown>; msg: string }> = [];
  const logger = {
    warn: (fields: Record<string, unknown>, msg: string) => void lines.push({ fields, msg }),
  } as unknown as Logger;
  return { lines, logger };
}

test('the first refusal of a reason is logged at once; the same reason again within a minute is only counted', () => {
  const { lines, logger } = recorder();
  let now = 1_000_000;
  const refused = createRefusalLog(
    logger,
    (r) => `refused: ${r}`,
    () => now,
  );
  refused('signature mismatch');
  for (let i = 0; i < 5; i++) {
    now += 1_000;
    refused('signature mismatch');
  }
  refused('stale');
  expect(lines).toEqual([
    { fields: { reason: 'signature mismatch' }, msg: 'refused: signature mismatch' },
    { fields: { reason: 'stale' }, msg: 'refused: stale' },
  ]);
  // A minute after its last line the reason is logged again, with how many went unlogged since.
  now = 1_000_000 + REFUSAL_LOG_EVERY_MS - 1;
  refused('signature mismatch');
  expect(lines).toHaveLength(2);
  now += 1;
  refused('signature mismatch');
  expect(lines.at(-1)).toEqual({
    fields: { reason: 'signature mismatch', suppressed: 6 },
    msg: 'refused: signature mismatch',
  });
  now += 1;
  refused('signature mismatch');
  expect(lines).toHaveLength(3);
});
