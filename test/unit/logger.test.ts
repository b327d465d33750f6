/**
 * The process logger (src/main/logger.ts, the one start.js makes) censors token, authorization,
 * comment and score fields at the top level and one level down, in what pino really writes.
 */
import type { DestinationStream } from 'pino';
import { createLogger } from '../../src/main/logger';

/** A logger at debug level writing into `lines`, one JSON line per entry. */
function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { lines, logger: createLogger('debug', 'symmetry-test', destination) };
}

test('token, authorization, comment and score are written as [redacted], at the top level and one level down', () => {
  const { lines, logger } = capture();
  logger.warn(
    {
      token: 'xoxb-top-level-token',
      authorization: 'Bearer xoxb-top-level-header',
      comment: 'Exhausted after on-call',
      score: 3,
      err: {
        message: 'An API error occurred: invalid_auth',
        token: 'xoxb-in-the-error',
        authorization: 'Bearer xoxb-in-the-error',
      },
      data: { deliveryId: 'd-1', comment: 'Too many meetings', score: 9 },
    },
    'job failed',
  );
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(entry).toMatchObject({
    msg: 'job failed',
    token: '[redacted]',
    authorization: '[redacted]',
    comment: '[redacted]',
    score: '[redacted]',
    err: { message: 'An API error occurred: invalid_auth', token: '[redacted]', authorization: '[redacted]' },
    data: { deliveryId: 'd-1', comment: '[redacted]', score: '[redacted]' },
  });
  expect(lines[0]).not.toMatch(/xoxb|Exhausted|meetings|"score":\s*\d/);
});

test('child loggers (every component logs through one) censor the same fields; other fields are left alone', () => {
  const { lines, logger } = capture();
  logger
    .child({ component: 'slack-web-api' })
    .error(
      { job: 'record-comment', jobId: 'comment-d-1-mood-V5', data: { comment: 'I want to quit' }, token: 'xoxb-child' },
      'the chat platform refused a call',
    );
  const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(entry).toMatchObject({
    component: 'slack-web-api',
    job: 'record-comment',
    jobId: 'comment-d-1-mood-V5',
    data: { comment: '[redacted]' },
    token: '[redacted]',
  });
  expect(lines[0]).not.toMatch(/quit|xoxb/);
});
