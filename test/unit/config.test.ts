/** The environment is validated once; every problem is named with how to fix it. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, sandboxWhenUnconfigured } from '../../src/config';
import { problemsOf } from '../support/config-problems';

const ROOT = join(__dirname, '..', '..');

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'abcdefabcdefabcdef',
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  ANONYMITY_SECRET: randomBytes(32).toString('hex'),
};

/** KEY=value lines of a .env file, as docker compose and `set -a; . ./.env` read them (comments and blank lines skipped). */
function readEnvFile(file: string): Record<string, string> {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  return Object.fromEntries(
    lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

const HOW_TO_MAKE_ONE =
  /openssl rand -hex 32` or `node -p "require\('crypto'\)\.randomBytes\(32\)\.toString\('hex'\)"`/;

test('defaults apply and optional values stay unset', () => {
  const config = loadConfig(valid);
  expect(config).toMatchObject({ PORT: 3000, QUEUE_PREFIX: 'symmetry', LOG_LEVEL: 'info', TICK_SECONDS: 60 });
  expect(config.SLACK_APP_TOKEN).toBeUndefined();
  expect(config.SLACK_API_URL).toBeUndefined();
});

test('every bad variable is listed at once, with how to fix it', () => {
  let error: unknown;
  try {
    loadConfig({
      ...valid,
      SLACK_BOT_TOKEN: 'xoxp-user',
      DATABASE_URL: 'mysql://x',
      PORT: '70000',
      ANONYMITY_SECRET: 'short',
      SLACK_APP_TOKEN: 'nope',
      LOG_LEVEL: 'loud',
      REDIS_URL: '',
    });
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
      expect.stringMatching(
        /^ANONYMITY_SECRET must be at least 32 characters; generate one with `openssl rand -hex 32`/,
      ),
      expect.stringMatching(/^SLACK_APP_TOKEN must start with xapp-/),
      expect.stringMatching(/^LOG_LEVEL must be one of/),
      expect.stringMatching(/^REDIS_URL /),
    ]),
  );
  expect(problems).toHaveLength(7);
});

test('the process refuses to start on a bad environment and names every problem', () => {
  const entry = join(ROOT, 'dist', 'main', 'start.js');
  const result = spawnSync(process.execPath, [entry, 'web'], {
    env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'oops' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/Invalid configuration/);
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL', 'REDIS_URL', 'ANONYMITY_SECRET'])
    expect(result.stderr).toContain(name);
});

describe('secrets', () => {
  test.each([
    [
      'the old .env.example placeholder',
      'change-me-to-64-hex-characters-from-openssl-rand-hex-32',
      /is still the placeholder/,
    ],
    ['a placeholder word', `example-${randomBytes(20).toString('hex')}`, /is still the placeholder/],
    ['one character repeated', 'a'.repeat(64), /has only 1 distinct characters/],
    ['a short pattern repeated', 'abc123'.repeat(8), /has only 6 distinct characters/],
    ['too short', randomBytes(8).toString('hex'), /must be at least 32 characters/],
  ])('ANONYMITY_SECRET is refused when it is %s, with how to make one', (_what, secret, reason) => {
    const problems = problemsOf({ ...valid, ANONYMITY_SECRET: secret });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ANONYMITY_SECRET /);
    expect(problems[0]).toMatch(reason);
    expect(problems[0]).toMatch(HOW_TO_MAKE_ONE);
  });

  test('secrets made as the message says are accepted, whatever random bytes they hold', () => {
    // 200 draws of each recipe: a rule that refused a fair share of real secrets would show here.
    for (let i = 0; i < 200; i += 1) {
      expect(
        problemsOf({
          ...valid,
          ANONYMITY_SECRET: randomBytes(32).toString('hex'),
          SIGNALS_TOKEN: randomBytes(24).toString('hex'),
        }),
      ).toEqual([]);
      expect(problemsOf({ ...valid, ANONYMITY_SECRET: randomBytes(24).toString('base64') })).toEqual([]);
    }
  });

  test('SIGNALS_TOKEN is held to the same rules', () => {
    for (const token of ['your-signals-token-goes-here-please', 'x'.repeat(40), randomBytes(6).toString('hex')]) {
      const problems = problemsOf({ ...valid, SIGNALS_TOKEN: token });
      expect(problems).toEqual([expect.stringMatching(/^SIGNALS_TOKEN .*openssl rand -hex 32/)]);
    }
  });

  test('credentials copied from Slack or Azure are refused while they are still the example text', () => {
    const problems = problemsOf({
      ...valid,
      SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
      SLACK_SIGNING_SECRET: 'your-signing-secret',
      SLACK_APP_TOKEN: 'xapp-...',
      TEAMS_APP_ID: '6a7b3c1e-2f4d-4b8a-9c0d-1e2f3a4b5c6d',
      TEAMS_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      TEAMS_APP_PASSWORD: 'client-secret-of-the-app-registration',
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^SLACK_BOT_TOKEN is still the placeholder from \.env\.example; copy the Bot User OAuth Token/,
      ),
      expect.stringMatching(
        /^SLACK_SIGNING_SECRET is still the placeholder from \.env\.example; copy the Signing Secret/,
      ),
      expect.stringMatching(/^SLACK_APP_TOKEN is still the placeholder from \.env\.example/),
      expect.stringMatching(/^TEAMS_APP_PASSWORD is still the placeholder from \.env\.example/),
    ]);
  });
});

describe('.env.example', () => {
  const example = readEnvFile('.env.example');

  test('copied as it is, it runs the sandbox under docker compose (no credentials), and npm start refuses it naming what to set', () => {
    expect(sandboxWhenUnconfigured({ ...example, SANDBOX_WHEN_UNCONFIGURED: 'true' })).toBe(true);
    const problems = problemsOf(example);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ANONYMITY_SECRET is missing; generate one with/),
        expect.stringMatching(/^No chat platform is configured/),
      ]),
    );
  });

  test('with only the Slack credentials filled in, the forgotten secret is named with how to make one', () => {
    const problems = problemsOf({
      ...example,
      SLACK_BOT_TOKEN: 'xoxb-1234-5678-AbCdEfGh',
      SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
    });
    expect(problems).toEqual([expect.stringMatching(HOW_TO_MAKE_ONE)]);
    expect(problems[0]).toMatch(/^ANONYMITY_SECRET /);
  });

  test('filled in as its comments say, it is a valid configuration', () => {
    expect(
      problemsOf({
        ...example,
        SLACK_BOT_TOKEN: 'xoxb-1234-5678-AbCdEfGh',
        SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
        ANONYMITY_SECRET: randomBytes(32).toString('hex'),
      }),
    ).toEqual([]);
  });

  test('points to the README section it names', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toContain('README.md#try-it');
  });
});
