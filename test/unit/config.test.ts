/** The environment is validated once; every problem is named with how to fix it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'abcdefabcdefabcdef',
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  ANONYMITY_SECRET: 'a'.repeat(64),
};

test('defaults apply and optional values stay unset', () => {
  const config = loadConfig(valid);
  expect(config).toMatchObject({ PORT: 3000, QUEUE_PREFIX: 'symmetry', LOG_LEVEL: 'info', TICK_SECONDS: 60 });
  expect(config.SLACK_APP_TOKEN).toBeUndefined();
  expect(config.SLACK_API_URL).toBeUndefined();
});

test('every bad variable is listed at once, with how to fix it', () => {
  let error: unknown;
  try {
    loadConfig({ ...valid, SLACK_BOT_TOKEN: 'xoxp-user', DATABASE_URL: 'mysql://x', PORT: '70000', ANONYMITY_SECRET: 'short', SLACK_APP_TOKEN: 'nope', LOG_LEVEL: 'loud', REDIS_URL: '' });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems;
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^SLACK_BOT_TOKEN must start with xoxb-/),
      expect.stringMatching(/^DATABASE_URL must be a URL starting with postgres:\/\//),
      expect.stringMatching(/^PORT must be at most 65535/),
      expect.stringMatching(/^ANONYMITY_SECRET must be at least 32 characters; generate one with `openssl rand -hex 32`/),
      expect.stringMatching(/^SLACK_APP_TOKEN must start with xapp-/),
      expect.stringMatching(/^LOG_LEVEL must be one of/),
      expect.stringMatching(/^REDIS_URL /),
    ]),
  );
  expect(problems).toHaveLength(7);
});

test('the process refuses to start on a bad environment and names every problem', () => {
  const entry = join(__dirname, '..', '..', 'dist', 'main', 'start.js');
  const result = spawnSync(process.execPath, [entry, 'web'], { env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'oops' }, encoding: 'utf8', timeout: 20_000 });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/Invalid configuration/);
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL', 'REDIS_URL', 'ANONYMITY_SECRET']) expect(result.stderr).toContain(name);
});
