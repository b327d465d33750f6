/** The sandbox's own parts: its clock, its plain-text rendering of Slack messages, and its configuration. */
import { ConfigError, loadSandboxConfig, SANDBOX_DEFAULT_URLS, sandboxWhenUnconfigured } from '../../src/config';
import { hoursPerSecond, WarpClock } from '../../src/sandbox/clock';
import { createRandom } from '../../src/sandbox/random';
import { dateTokens, renderMessage, renderMrkdwn, type RenderContext } from '../../src/sandbox/render';
import { pngIn } from '../../src/sandbox/simulation';

const HOUR = 3_600_000;

describe('WarpClock', () => {
  const start = new Date('2026-03-06T14:00:00Z');

  test('runs hours a second, and a new rate starts from where the clock is', () => {
    let real = 1_000_000;
    const clock = new WarpClock(start, hoursPerSecond(2), () => real);
    real += 1000;
    expect(clock.now().toISOString()).toBe('2026-03-06T16:00:00.000Z');
    clock.run(hoursPerSecond(24));
    real += 500;
    expect(clock.nowMs()).toBe(start.getTime() + 2 * HOUR + 12 * HOUR);
  });

  test('a fast stretch drops to the slow rate exactly at its limit, however late it is read', () => {
    let real = 0;
    const clock = new WarpClock(start, 0, () => real);
    const limit = start.getTime() + 10 * HOUR;
    clock.run(hoursPerSecond(20), { at: limit, thenRate: hoursPerSecond(1) });
    real += 2000; // 0.5 s at 20 h/s reaches the limit, then 1.5 s at 1 h/s
    expect(clock.nowMs()).toBe(limit + 1.5 * HOUR);
    expect(clock.speed).toBe(hoursPerSecond(1));
  });

  test('stands still at rate 0', () => {
    let real = 0;
    const clock = new WarpClock(start, 0, () => real);
    real += 60_000;
    expect(clock.now()).toEqual(start);
  });
});

describe('render', () => {
  const ctx: RenderContext = {
    tz: 'Asia/Tokyo',
    target: 'terminal',
    color: false,
    userName: (id) => ({ U0AMARA: 'Amara Okafor' })[id] ?? id,
    channelName: () => 'team-atlas',
  };

  test('resolves mentions, channels, dates in the reader zone, links, emoji and escapes', () => {
    const seconds = Date.parse('2026-03-06T18:00:00Z') / 1000;
    const text = `:tada: <@U0AMARA> in <#C0TEAMATLAS> until <!date^${seconds}^{date_short_pretty} {time}|fallback> &lt;b&gt; <https://x.test/a|See the message>`;
    expect(renderMrkdwn(text, ctx)).toBe('🎉 @Amara Okafor in #team-atlas until Sat 7 Mar 03:00 <b> See the message');
    expect(dateTokens(text)).toEqual([seconds * 1000]);
  });

  test('bold becomes Markdown bold in a file and plain text on a terminal without colors', () => {
    expect(renderMrkdwn('Average mood: *7.5* / 10', ctx)).toBe('Average mood: 7.5 / 10');
    expect(renderMrkdwn('Average mood: *7.5* / 10', { ...ctx, target: 'markdown' })).toBe('Average mood: **7.5** / 10');
  });

  test('blocks flatten to lines, buttons to a row with the chosen one marked', () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: '*How are you?*' } },
      { type: 'actions', elements: [1, 2, 3].map((n) => ({ type: 'button', text: { type: 'plain_text', text: String(n) }, ...(n === 2 ? { style: 'primary' } : {}) })) },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Anonymous.' }] },
    ];
    expect(renderMessage({ blocks }, ctx)).toEqual(['How are you?', '[1] [2] [3]', 'Anonymous.']);
    expect(renderMessage({ blocks }, { ...ctx, target: 'markdown' })).toEqual(['**How are you?**', '[1] **[2]** [3]', '_Anonymous._']);
  });
});

test('pngIn finds a PNG in a raw or multipart upload body, and nothing in a CSV', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('....IHDR....'), Buffer.from('IEND'), Buffer.from([1, 2, 3, 4])]);
  expect(pngIn(png)).toEqual(png);
  expect(pngIn(Buffer.concat([Buffer.from('--b\r\ncontent-type: image/png\r\n\r\n'), png, Buffer.from('\r\n--b--')]))).toEqual(png);
  expect(pngIn(Buffer.from('round_closed,average\n'))).toBeNull();
});

test('the same seed draws the same numbers', () => {
  const a = createRandom('symmetry:U0MAYA');
  const b = createRandom('symmetry:U0MAYA');
  expect([a.next(), a.int(1, 10), a.pick(['x', 'y', 'z'])]).toEqual([b.next(), b.int(1, 10), b.pick(['x', 'y', 'z'])]);
});

describe('sandbox configuration', () => {
  test('leaves the servers unset unless given (it then looks on localhost, or starts its own), three weeks at 2 h/s', () => {
    const config = loadSandboxConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(SANDBOX_DEFAULT_URLS).toEqual({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config).toMatchObject({
      SANDBOX_WEEKS: 3,
      SANDBOX_HOURS_PER_SECOND: 2,
      SANDBOX_OUTPUT_DIR: 'sandbox-output',
    });
  });

  test('names every bad variable', () => {
    expect(() => loadSandboxConfig({ SANDBOX_WEEKS: '0', SANDBOX_HOURS_PER_SECOND: 'fast', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadSandboxConfig({ SANDBOX_WEEKS: '0', SANDBOX_HOURS_PER_SECOND: 'fast', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual(['DATABASE_URL', 'SANDBOX_WEEKS', 'SANDBOX_HOURS_PER_SECOND']);
    }
  });

  test('docker compose falls back to the sandbox only when no platform variable is set at all', () => {
    expect(sandboxWhenUnconfigured({ SANDBOX_WHEN_UNCONFIGURED: 'true' })).toBe(true);
    expect(sandboxWhenUnconfigured({ SANDBOX_WHEN_UNCONFIGURED: 'true', SLACK_BOT_TOKEN: '' })).toBe(true);
    expect(sandboxWhenUnconfigured({ SANDBOX_WHEN_UNCONFIGURED: 'true', SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(false);
    expect(sandboxWhenUnconfigured({ SANDBOX_WHEN_UNCONFIGURED: 'true', TEAMS_APP_ID: 'x' })).toBe(false);
    expect(sandboxWhenUnconfigured({})).toBe(false);
    expect(sandboxWhenUnconfigured({ SANDBOX_WHEN_UNCONFIGURED: 'false' })).toBe(false);
  });
});
