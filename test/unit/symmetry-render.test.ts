/** The symmetry view rendered for Slack (blocks) and Teams (plain card text), in English and Arabic. */
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n';
import type { SymmetryMessage } from '../../src/core/messages';
import type { SymmetryLag } from '../../src/core/model';
import { buildSymmetry, captionOf, symmetryCaption, symmetryText } from '../../src/core/symmetry';
import expected from '../fixtures/stats/expected.json';
import { csatSignal } from '../support/customer-signal';
import { renderMessage as renderSlack } from '../../src/platforms/slack/render';
import { imageMessage, renderMessage as renderTeams } from '../../src/platforms/teams/render';

const day = (i: number) => new Date(Date.UTC(2026, 2, 6 + 7 * i, 15));
const facts = (i: number, scores: number[]) => ({
  facts: {
    roundId: `r${i}`,
    period: `p${i}`,
    closesAt: day(i),
    invited: 6,
    responses: scores.map((score) => ({ questionId: 'mood', score, comment: null })),
    respondents: scores.length,
  },
  opensAt: new Date(day(i).getTime() - 2 * 86_400_000),
});
const view = buildSymmetry(
  [facts(0, [7, 7, 7, 7, 7]), facts(1, [8, 8, 8, 8, 8]), facts(2, [9, 9])],
  [
    { teamId: 't', metric: 'csat', value: 80, responses: 1, at: day(0), day: '2026-03-06', source: 'api' },
    { teamId: 't', metric: 'csat', value: 85, responses: 1, at: day(1), day: '2026-03-13', source: 'api' },
  ],
  5,
  0,
);

test('the view: moods under k are withheld, customers per round, changes from the round before', () => {
  expect(view.rounds.map((r) => [r.mood, r.moodChange, r.csat, r.csatChange])).toEqual([
    [7, null, 80, null],
    [8, 1, 85, 5],
    [null, null, null, null],
  ]);
  expect(view.readings).toEqual({ csat: expect.objectContaining({ paired: 2, roundsNeeded: 4 }), nps: null });
});

test('Slack and Teams render the rounds, the rounds still needed and the caveat', () => {
  const m: SymmetryMessage = { kind: 'symmetry', locale: 'en', view };
  const slack = JSON.stringify(renderSlack(m).blocks);
  expect(slack).toContain('2026-03-13: mood *8.0* / 10 (▲1.0) · CSAT *85%* (▲5)');
  expect(slack).toContain('2026-03-20: mood not shown (under the threshold) · no customer figure');
  expect(slack).toContain('4 more rounds');
  expect(slack).toContain('Correlation is not cause');
  const teams = JSON.stringify(renderTeams(m));
  expect(teams).toContain('2026-03-13: mood 8.0 / 10 (▲1.0) · CSAT 85% (▲5)');
  expect(teams).not.toMatch(/\*/);
  const arabic = JSON.stringify(renderSlack({ ...m, locale: 'ar' }).blocks);
  expect(arabic).toContain('الارتباط ليس سببية');
});

/** Ten answers whose average is `mood` (one decimal), so a round's mood is exactly the fixture's value. */
const tenScores = (mood: number): number[] => {
  const base = Math.floor(mood);
  const up = Math.round((mood - base) * 10);
  return Array.from({ length: 10 }, (_, i) => (i < up ? base + 1 : base));
};

/** A view of the fixture's moods beside its CSAT figures, one round a week, read at `lag`. */
function fixtureView(name: keyof typeof expected.correlations, lag: SymmetryLag) {
  const { xs, ys } = expected.correlations[name];
  return buildSymmetry(
    xs.map((mood, i) => facts(i, tenScores(mood))),
    ys.map((value, i) => csatSignal(day(i), value)),
    5,
    lag,
  );
}

describe('every correlation shown carries n and its 95% interval', () => {
  test('an interval spanning 0 says there is not enough evidence yet, and names no direction', () => {
    const view = fixtureView('n6_spans_zero', 0);
    const want = expected.correlations.n6_spans_zero.expected;
    const text = symmetryText('en', view);
    expect(text.readings).toEqual([
      `Customer CSAT (same round): r = ${want.r.toFixed(2)}, 95% interval ${want.low.toFixed(2)} to ${want.high.toFixed(2)}, n = 6 rounds.`,
      'Not enough evidence yet of a relation with customer CSAT: the interval includes 0, so it shows no direction.',
    ]);
    expect(symmetryCaption('en', view)).toEqual([
      `Customer CSAT (same round): r = ${want.r.toFixed(2)} [${want.low.toFixed(2)}, ${want.high.toFixed(2)}], n = 6: not enough evidence yet`,
    ]);
    const m: SymmetryMessage = { kind: 'symmetry', locale: 'en', view };
    for (const rendered of [JSON.stringify(renderSlack(m).blocks), JSON.stringify(renderTeams(m))]) {
      expect(rendered).toContain('95% interval -0.93 to 0.54, n = 6 rounds');
      expect(rendered).toContain('Not enough evidence yet');
      expect(rendered).not.toMatch(/together|opposite/);
    }
  });

  test('an interval above 0 says the two moved together so far; below 0, in opposite directions', () => {
    const up = expected.correlations.n6_mood.expected;
    expect(symmetryText('en', fixtureView('n6_mood', 0)).readings).toEqual([
      `Customer CSAT (same round): r = ${up.r.toFixed(2)}, 95% interval ${up.low.toFixed(2)} to ${up.high.toFixed(2)}, n = 6 rounds.`,
      'The whole interval is above 0: team mood and customer CSAT have moved together so far.',
    ]);
    // The same moods against falling CSAT (100 minus the figure): the interval mirrors below 0.
    const { xs, ys } = expected.correlations.n6_mood;
    const falling = buildSymmetry(
      xs.map((mood, i) => facts(i, tenScores(mood))),
      ys.map((value, i) => csatSignal(day(i), 100 - value)),
      5,
      0,
    );
    expect(symmetryText('en', falling).readings).toEqual([
      `Customer CSAT (same round): r = ${(-up.r).toFixed(2)}, 95% interval ${(-up.high).toFixed(2)} to ${(-up.low).toFixed(2)}, n = 6 rounds.`,
      'The whole interval is below 0: team mood and customer CSAT have moved in opposite directions so far.',
    ]);
  });

  test('the lag is the team’s setting: at 1 the same rounds pair each mood with the next round’s customers', () => {
    const view = fixtureView('n30', 1);
    expect(view.readings.csat).toMatchObject({ lag: 1, paired: 29 });
    const text = symmetryText('en', view).readings.join('\n');
    expect(text).toContain('Customer CSAT (customers one round later): r = ');
    expect(text).toContain('n = 29 rounds');
    // Read at lag 0 it is the fixture's own figure over all 30 rounds.
    const same = fixtureView('n30', 0).readings.csat!.correlation!;
    expect(same.n).toBe(30);
    expect(Math.abs(same.r! - expected.correlations.n30.expected.r)).toBeLessThan(1e-9);
  });

  test('one side that never moved has no r, and says so with n', () => {
    const view = fixtureView('zero_variance', 0);
    // Five rounds are one short of the six before any r is shown; a sixth constant-mood round makes six.
    expect(symmetryText('en', view).readings).toEqual([
      'Customer CSAT: 1 more round with both a team mood and a customer figure is needed before a correlation is shown (5 so far).',
    ]);
    const six = buildSymmetry(
      [0, 1, 2, 3, 4, 5].map((i) => facts(i, tenScores(7))),
      [0, 1, 2, 3, 4, 5].map((i) => csatSignal(day(i), 80 + i)),
      5,
      0,
    );
    expect(symmetryText('en', six).readings).toEqual([
      'Customer CSAT (same round): no r, because one side did not change over 6 rounds.',
    ]);
  });

  test('how many rounds a published-size effect needs, in plain words, in every language', () => {
    const view = fixtureView('n6_spans_zero', 0);
    const powers = SUPPORTED_LANGUAGES.map((language) => symmetryText(language, view).power);
    expect(powers[0]).toBe(
      'For scale: published team-level links between employee and customer satisfaction are about r = 0.2–0.35 (Harter et al. 2002); a link that size takes about 62 (r = 0.35) to 194 (r = 0.2) rounds with both figures before it could show.',
    );
    for (const power of powers) {
      expect(power).toContain('62');
      expect(power).toContain('194');
      expect(power).toContain('Harter et al. 2002');
    }
    expect(new Set(powers).size).toBe(SUPPORTED_LANGUAGES.length);
    // Without customer figures there is nothing to read, and no sentence about it.
    expect(symmetryText('en', buildSymmetry([facts(0, tenScores(7))], [], 5, 0)).power).toBeNull();
  });

  test('the reading, caption and power line are translated in every language', () => {
    const view = fixtureView('n6_mood', 1);
    const english = [...symmetryText('en', view).readings, ...symmetryCaption('en', view)];
    for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== 'en')) {
      const lines = [...symmetryText(language, view).readings, ...symmetryCaption(language, view)];
      expect(lines).toHaveLength(english.length);
      lines.forEach((line, i) => expect(line).not.toBe(english[i]));
    }
  });
});

test('a chart travels with its caption: on Teams under the title, with n and the 95% interval', () => {
  const view = fixtureView('n6_spans_zero', 0);
  const caption = captionOf(view, 'en').caption!;
  expect(caption).toBe(symmetryCaption('en', view).join('\n'));
  expect(caption).toContain('n = 6: not enough evidence yet');
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6300010000050001' +
      '0d0a2db40000000049454e44ae426082',
    'hex',
  );
  const message = imageMessage({ name: 'c.png', title: 'Team mood', content: png, caption });
  expect(message.text).toBe(`Team mood\n${caption}`);
  // Without customer figures there is no reading, and no caption.
  expect(captionOf(buildSymmetry([facts(0, tenScores(7))], [], 5, 0), 'en')).toEqual({});
});
