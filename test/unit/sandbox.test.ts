/** The sandbox's own parts: its clock, its plain-text rendering of Slack messages, its help desk, its report, and its configuration. */
import { ConfigError, loadSandboxConfig, SANDBOX_DEFAULT_URLS, sandboxWhenUnconfigured } from '../../src/config';
import { hoursPerSecond, WarpClock } from '../../src/sandbox/clock';
import { dayCsat } from '../../src/sandbox/help-desk';
import { createRandom } from '../../src/sandbox/random';
import { counted, dateTokens, renderMessage, renderMrkdwn, type RenderContext } from '../../src/sandbox/render';
import { storyCounts, summaryMarkdown } from '../../src/sandbox/report';
import { pngIn, type SimulationResult } from '../../src/sandbox/simulation';

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
    locale: 'en-US',
    target: 'terminal',
    color: false,
    userName: (id) => ({ U0AMARA: 'Amara Okafor' })[id] ?? id,
    channelName: () => 'team-atlas',
  };

  test('resolves mentions, channels, dates in the reader zone, links, emoji and escapes', () => {
    const seconds = Date.parse('2026-03-06T18:00:00Z') / 1000;
    const text = `:tada: <@U0AMARA> in <#C0TEAMATLAS> until <!date^${seconds}^{date_short_pretty} {time}|fallback> &lt;b&gt; <https://x.test/a|See the message>`;
    expect(renderMrkdwn(text, ctx)).toBe('🎉 @Amara Okafor in #team-atlas until Sat, Mar 7, 03:00 <b> See the message');
    expect(dateTokens(text)).toEqual([seconds * 1000]);
  });

  test('a date token reads in the reader’s language and zone, as the bot writes its own dates', () => {
    // Thursday 10 December 2026, 18:00 UTC: 19:00 in Paris, 23:30 in Kolkata, 03:00 on Friday in Tokyo.
    const seconds = Date.parse('2026-12-10T18:00:00Z') / 1000;
    const dm = `Vous pouvez modifier votre réponse jusqu’à la clôture (<!date^${seconds}^{date_short_pretty} {time}|2026-12-10 18:00 UTC>).`;
    expect(renderMrkdwn(dm, { ...ctx, tz: 'Europe/Paris', locale: 'fr-FR' })).toBe(
      'Vous pouvez modifier votre réponse jusqu’à la clôture (jeu. 10 déc. à 19:00).',
    );
    const title = `*Team pulse* — round closed <!date^${seconds}^{date_short_pretty}|2026-12-10>`;
    expect(renderMrkdwn(title, { ...ctx, tz: 'Asia/Kolkata', locale: 'en-IN' })).toBe(
      'Team pulse — round closed Thu, Dec 10',
    );
    expect(renderMrkdwn(`<!date^${seconds}^{date_short_pretty} {time}|x>`, { ...ctx, locale: 'sv-SE' })).toBe(
      'fre 11 dec. kl. 03:00',
    );
    expect(
      renderMrkdwn(`<!date^${seconds}^{date_short_pretty} {time}|x>`, { ...ctx, tz: 'Europe/Amsterdam', locale: 'nl' }),
    ).toBe('do 10 dec. om 19:00');
    expect(renderMrkdwn(`<!date^${seconds}^{time}|x>`, { ...ctx, tz: 'Asia/Riyadh', locale: 'ar' })).toBe('21:00');
  });

  test('bold becomes Markdown bold in a file and plain text on a terminal without colors', () => {
    expect(renderMrkdwn('Average mood: *7.5* / 10', ctx)).toBe('Average mood: 7.5 / 10');
    expect(renderMrkdwn('Average mood: *7.5* / 10', { ...ctx, target: 'markdown' })).toBe('Average mood: **7.5** / 10');
  });

  test('blocks flatten to lines, buttons to a row with the chosen one marked', () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: '*How are you?*' } },
      {
        type: 'actions',
        elements: [1, 2, 3].map((n) => ({
          type: 'button',
          text: { type: 'plain_text', text: String(n) },
          ...(n === 2 ? { style: 'primary' } : {}),
        })),
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Anonymous.' }] },
    ];
    expect(renderMessage({ blocks }, ctx)).toEqual(['How are you?', '[1] [2] [3]', 'Anonymous.']);
    expect(renderMessage({ blocks }, { ...ctx, target: 'markdown' })).toEqual([
      '**How are you?**',
      '[1] **[2]** [3]',
      '_Anonymous._',
    ]);
  });

  test('a context block of several lines is in italics line by line in Markdown, never wrapped twice', () => {
    const blocks = [
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '*Symmetry*: mood *7.1* / 10\nCustomer CSAT: r = 0.92\n_Correlation is not cause._' },
        ],
      },
    ];
    expect(renderMessage({ blocks }, { ...ctx, target: 'markdown' })).toEqual([
      '_**Symmetry**: mood **7.1** / 10_',
      '_Customer CSAT: r = 0.92_',
      '_Correlation is not cause._',
    ]);
  });
});

describe('the help desk', () => {
  test('a day’s CSAT is a share of good ratings, the same for the same seed, and follows the team’s mood', () => {
    const a = createRandom('symmetry:help desk');
    const b = createRandom('symmetry:help desk');
    const first = dayCsat(7, a);
    expect(dayCsat(7, b)).toEqual(first);
    expect(first.responses).toBeGreaterThanOrEqual(18);
    expect(first.responses).toBeLessThanOrEqual(45);
    // A share of whole ratings, to one decimal: some number of good ratings out of `responses` gives it.
    const shares = Array.from(
      { length: first.responses + 1 },
      (_, good) => Math.round((1000 * good) / first.responses) / 10,
    );
    expect(shares).toContain(first.value);
    // Over many days, a team at 8 of 10 gets happier customers than a team at 5: 80% + 6 points a mood point, give or take the draw.
    const mean = (mood: number, random = createRandom(`days at ${mood}`)) =>
      Array.from({ length: 400 }, () => dayCsat(mood, random).value).reduce((x, y) => x + y, 0) / 400;
    expect(mean(8)).toBeGreaterThan(83);
    expect(mean(8)).toBeLessThan(89);
    expect(mean(5)).toBeGreaterThan(65);
    expect(mean(5)).toBeLessThan(71);
    // Never outside 0–100, whatever the mood.
    const extremes = [dayCsat(-20, a).value, dayCsat(30, a).value];
    expect(extremes.every((v) => v >= 0 && v <= 100)).toBe(true);
  });
});

describe('the report', () => {
  test('counts take the right number: 1 summary, 2 summaries, 0 rounds', () => {
    expect([
      counted(1, 'summary', 'summaries'),
      counted(2, 'summary', 'summaries'),
      counted(0, 'round'),
      counted(1, 'week'),
    ]).toEqual(['1 summary', '2 summaries', '0 rounds', '1 week']);
  });

  const result: SimulationResult = {
    completed: true,
    startedAt: '2026-12-04T14:00:00.000Z',
    endedAt: '2026-12-11T09:00:00.000Z',
    weeks: 1,
    rounds: [
      {
        closesAt: '2026-12-10T18:00:00.000Z',
        firstCheckinAt: '2026-12-07T01:10:00.000Z',
        invited: 8,
        answers: [{ score: 7, comment: null }],
      },
    ],
    summaries: [
      {
        closesAt: '2026-12-10T18:00:00.000Z',
        postedAt: '2026-12-10T18:07:00.000Z',
        withheld: false,
        average: 7,
        respondents: 1,
        invited: 8,
        text: 'Average mood: 7.0 / 10',
        markdown: 'Average mood: **7.0** / 10\n> A comment.\nAfter the quote',
      },
    ],
    shoutouts: 1,
    kudosGiven: 1,
    checkins: 8,
    reminders: 1,
    answers: 1,
    signals: [
      {
        at: '2026-12-07T12:00:00.000Z',
        day: '2026-12-07',
        metric: 'csat',
        value: 80,
        responses: 20,
        followsMood: 7,
        status: 200,
        stored: 1,
      },
    ],
    symmetry: {
      text: 'Team mood beside customer satisfaction, last round:',
      markdown:
        'Team mood beside customer satisfaction, last round:\n---\n**Symmetry**: team mood beside customer satisfaction',
    },
    problems: [],
  };

  test('storyCounts says what happened, each noun in the right number', () => {
    expect(storyCounts(result)).toBe(
      '1 round, 8 check-ins, 1 reminder, 1 answer, 1 summary, 1 daily CSAT figure, 1 kudos, 1 shout-out',
    );
  });

  test('summary.md: the summary, the chart, then the manager’s /pulse symmetry, with a divider that stays a divider', () => {
    const md = summaryMarkdown(result, 'chart.png');
    expect(md).toContain('Average mood: **7.0** / 10  \n> A comment.  \n\nAfter the quote');
    expect(md).toContain("![The team's trend, as the bot posted it](chart.png)");
    expect(md).toContain('## Team mood beside customer satisfaction');
    expect(md).toContain(
      'The help desk sent 1 daily CSAT figure to `POST /api/signals`; at the end Maya Lindqvist typed `/pulse symmetry` and saw:',
    );
    // Right under a line of text, "---" would turn that line into a heading.
    expect(md).toContain('last round:  \n\n---\n\n**Symmetry**');
    expect(md).toContain('Simulated 1 week from 2026-12-04: 1 round,');
    expect(md).not.toMatch(/\w\(s\)/);
    expect(summaryMarkdown({ ...result, symmetry: null }, null)).not.toContain('/pulse symmetry');
  });
});

test('pngIn finds a PNG in a raw or multipart upload body, and nothing in a CSV', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('....IHDR....'),
    Buffer.from('IEND'),
    Buffer.from([1, 2, 3, 4]),
  ]);
  expect(pngIn(png)).toEqual(png);
  expect(
    pngIn(Buffer.concat([Buffer.from('--b\r\ncontent-type: image/png\r\n\r\n'), png, Buffer.from('\r\n--b--')])),
  ).toEqual(png);
  expect(pngIn(Buffer.from('round_closed,average\n'))).toBeNull();
});

test('the same seed draws the same numbers', () => {
  const a = createRandom('symmetry:U0MAYA');
  const b = createRandom('symmetry:U0MAYA');
  expect([a.next(), a.int(1, 10), a.pick(['x', 'y', 'z'])]).toEqual([b.next(), b.int(1, 10), b.pick(['x', 'y', 'z'])]);
});

describe('sandbox configuration', () => {
  test('leaves the servers unset unless given (it then looks on localhost, or starts its own), seven weeks (six rounds for customers one round later) at 2 h/s', () => {
    const config = loadSandboxConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(SANDBOX_DEFAULT_URLS).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config).toMatchObject({
      SANDBOX_WEEKS: 7,
      SANDBOX_HOURS_PER_SECOND: 2,
      SANDBOX_OUTPUT_DIR: 'sandbox-output',
    });
  });

  test('names every bad variable', () => {
    expect(() =>
      loadSandboxConfig({ SANDBOX_WEEKS: '0', SANDBOX_HOURS_PER_SECOND: 'fast', DATABASE_URL: 'mysql://x' }),
    ).toThrow(ConfigError);
    try {
      loadSandboxConfig({ SANDBOX_WEEKS: '0', SANDBOX_HOURS_PER_SECOND: 'fast', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual([
        'DATABASE_URL',
        'SANDBOX_WEEKS',
        'SANDBOX_HOURS_PER_SECOND',
      ]);
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
