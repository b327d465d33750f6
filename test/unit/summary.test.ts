import { MOOD_QUESTION_ID } from '../../src/core/model';
import {
  clampThreshold,
  shuffle,
  summarizeRound,
  trend,
  type QuestionDef,
  type RoundFacts,
  type RoundSummary,
} from '../../src/core/summary';

type Row = RoundFacts['responses'][number];

/** A deterministic [0, 1) generator (mulberry32), so a shuffled order can be asserted. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLOSES_AT = new Date('2026-11-30T12:00:00Z');

/** One closed round: a mood row per score (with the comment at the same index), plus any extra rows. */
function round(
  scores: number[],
  opts: {
    id?: string;
    comments?: (string | null)[];
    extra?: Row[];
    invited?: number;
    closesAt?: string;
    respondents?: number;
  } = {},
): RoundFacts {
  const id = opts.id ?? 'r-now';
  const mood: Row[] = scores.map((score, i) => ({
    questionId: MOOD_QUESTION_ID,
    score,
    comment: opts.comments?.[i] ?? null,
  }));
  return {
    roundId: id,
    period: `period-${id}`,
    closesAt: opts.closesAt ? new Date(opts.closesAt) : CLOSES_AT,
    invited: opts.invited ?? 12,
    responses: [...mood, ...(opts.extra ?? [])],
    respondents: opts.respondents ?? scores.length,
  };
}

/** All a withheld summary may say: which round, when it closed, and k. */
const withheld = (k: number): RoundSummary => ({
  kind: 'withheld',
  roundId: 'r-now',
  period: 'period-r-now',
  closesAt: CLOSES_AT,
  needed: k,
});
const scoresOfLength = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 10) + 1);
const comments = (n: number): string[] => Array.from({ length: n }, (_, i) => `comment number ${i + 1}`);

function expectSummary(summary: RoundSummary): Extract<RoundSummary, { kind: 'summary' }> {
  expect(summary.kind).toBe('summary');
  if (summary.kind !== 'summary') throw new Error('withheld');
  return summary;
}

const SCALE: QuestionDef = { id: 'q-scale', kind: 'scale', text: 'Do you have what you need?' };
const TEXT: QuestionDef = { id: 'q-text', kind: 'text', text: 'What should we stop doing?' };

// [team setting, k actually enforced]
const thresholds: [number, number][] = [
  [3, 3],
  [5, 5],
  [2, 3],
];

describe.each(thresholds)('threshold: team setting %i enforces k = %i', (setting, k) => {
  describe('mood scores', () => {
    test('k-1 respondents: withheld, with nothing derived from the answers', () => {
      const facts = round(scoresOfLength(k - 1), {
        comments: comments(k - 1),
        extra: [{ questionId: TEXT.id, score: null, comment: 'secret answer' }],
      });
      const summary = summarizeRound(facts, { threshold: setting, questions: [SCALE, TEXT] });
      expect(summary).toEqual(withheld(k));
      const json = JSON.stringify(summary);
      expect(json).not.toMatch(/comment number|secret/);
    });

    test.each([0, 1])('k+%i respondents: shown, counted and averaged', (extra) => {
      const n = k + extra;
      const summary = expectSummary(
        summarizeRound(round(Array(n).fill(7), { invited: 10 }), { threshold: setting, questions: [] }),
      );
      expect(summary).toMatchObject({ threshold: k, respondents: n, invited: 10, responseRate: n / 10, average: 7 });
      expect(summary.histogram[6]).toBe(n);
    });

    test('comment-only rows never count as respondents', () => {
      const commentOnly: Row[] = Array.from({ length: 5 }, () => ({
        questionId: MOOD_QUESTION_ID,
        score: null,
        comment: 'no score from me',
      }));
      const facts = round(Array(k - 1).fill(6), { extra: commentOnly });
      expect(summarizeRound(facts, { threshold: setting, questions: [] })).toEqual(withheld(k));
    });

    test('when the repository count and the score rows disagree, the smaller decides', () => {
      expect(
        summarizeRound(round(Array(k - 1).fill(6), { respondents: k }), { threshold: setting, questions: [] }).kind,
      ).toBe('withheld');
      expect(
        summarizeRound(round(Array(k).fill(6), { respondents: k - 1 }), { threshold: setting, questions: [] }).kind,
      ).toBe('withheld');
    });
  });

  describe('a custom scale question', () => {
    const withScaleScores = (n: number): RoundFacts =>
      round(Array(k + 1).fill(6), {
        extra: Array.from({ length: n }, (): Row => ({ questionId: SCALE.id, score: 9, comment: null })),
      });

    test('k-1 scores: withheld, only k given', () => {
      const summary = expectSummary(summarizeRound(withScaleScores(k - 1), { threshold: setting, questions: [SCALE] }));
      expect(summary.questions).toEqual([{ id: SCALE.id, text: SCALE.text, kind: 'scale', withheld: true, needed: k }]);
    });

    test.each([0, 1])('k+%i scores: averaged', (extra) => {
      const summary = expectSummary(
        summarizeRound(withScaleScores(k + extra), { threshold: setting, questions: [SCALE] }),
      );
      expect(summary.questions).toEqual([
        { id: SCALE.id, text: SCALE.text, kind: 'scale', average: 9, respondents: k + extra },
      ]);
    });

    test('rows without a score do not count toward its k', () => {
      const facts = withScaleScores(k - 1);
      facts.responses.push({ questionId: SCALE.id, score: null, comment: 'n/a' });
      expect(
        expectSummary(summarizeRound(facts, { threshold: setting, questions: [SCALE] })).questions[0],
      ).toMatchObject({ withheld: true });
    });
  });

  describe('a custom text question', () => {
    const withTextAnswers = (n: number, blanks = 0): RoundFacts =>
      round(Array(k + 1).fill(6), {
        extra: [
          ...Array.from({ length: n }, (_, i): Row => ({
            questionId: TEXT.id,
            score: null,
            comment: `answer ${i + 1}`,
          })),
          ...Array.from({ length: blanks }, (): Row => ({ questionId: TEXT.id, score: null, comment: '  \n ' })),
          { questionId: TEXT.id, score: null, comment: null },
        ],
      });

    test('k-1 non-empty answers: withheld, even with blank ones around', () => {
      const summary = expectSummary(
        summarizeRound(withTextAnswers(k - 1, 3), { threshold: setting, questions: [TEXT] }),
      );
      expect(summary.questions).toEqual([{ id: TEXT.id, text: TEXT.text, kind: 'text', withheld: true, needed: k }]);
      expect(JSON.stringify(summary)).not.toContain('answer 1');
    });

    test.each([0, 1])('k+%i answers: all shown, blanks dropped', (extra) => {
      const summary = expectSummary(
        summarizeRound(withTextAnswers(k + extra, 2), { threshold: setting, questions: [TEXT] }),
      );
      const question = summary.questions[0];
      expect(question).toMatchObject({ id: TEXT.id, kind: 'text' });
      const answers = question && 'answers' in question ? question.answers : [];
      expect([...answers].sort()).toEqual(Array.from({ length: k + extra }, (_, i) => `answer ${i + 1}`).sort());
    });
  });

  describe('comments', () => {
    test('k-1 respondents with comments: no comment, no theme', () => {
      const texts = Array(k - 1).fill('meetings meetings');
      const summary = summarizeRound(round(Array(k - 1).fill(5), { comments: texts }), {
        threshold: setting,
        questions: [],
      });
      expect(summary).toEqual(withheld(k));
    });

    test.each([0, 1])('k+%i respondents with comments: every comment shown', (extra) => {
      const n = k + extra;
      const summary = expectSummary(
        summarizeRound(round(Array(n).fill(5), { comments: comments(n) }), { threshold: setting, questions: [] }),
      );
      expect([...summary.comments].sort()).toEqual([...comments(n)].sort());
    });

    test('shown once the round met k, however few wrote one; comment-only rows included', () => {
      const facts = round(Array(k).fill(5), {
        comments: ['only one of us wrote'],
        extra: [{ questionId: MOOD_QUESTION_ID, score: null, comment: 'and one without a score' }],
      });
      const summary = expectSummary(summarizeRound(facts, { threshold: setting, questions: [] }));
      expect([...summary.comments].sort()).toEqual(['and one without a score', 'only one of us wrote']);
      expect(summary.respondents).toBe(k);
    });
  });
});

describe('numbers', () => {
  test('the average has one decimal, rounded half up', () => {
    const avg = (scores: number[]): number =>
      expectSummary(summarizeRound(round(scores), { threshold: 3, questions: [] })).average;
    expect(avg([7, 8, 8])).toBe(7.7);
    expect(avg([8, 8, 8, 9])).toBe(8.3); // 8.25
    expect(avg([1, 1, 2])).toBe(1.3);
    expect(avg([10, 10, 10])).toBe(10);
  });

  test('distribution buckets are 1–4, 5–7, 8–10 and the histogram counts each score', () => {
    const summary = expectSummary(
      summarizeRound(round([1, 4, 4, 5, 7, 8, 10, 10, 10]), { threshold: 3, questions: [] }),
    );
    expect(summary.distribution).toEqual({ low: 3, mid: 2, high: 4 });
    expect(summary.histogram).toEqual([1, 0, 0, 2, 1, 0, 1, 1, 0, 3]);
    expect(summary.histogram).toHaveLength(10);
  });

  test('scores outside 1–10 or not whole are ignored', () => {
    const facts = round([5, 5, 5], {
      extra: [0, 11, 7.5, Number.NaN].map((score): Row => ({ questionId: MOOD_QUESTION_ID, score, comment: null })),
    });
    const summary = expectSummary(summarizeRound(facts, { threshold: 3, questions: [] }));
    expect(summary.average).toBe(5);
    expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(3);
  });

  test('change against the previous round, to one decimal, either way', () => {
    const previous = round([7, 7, 7, 6, 7], { id: 'r-prev' }); // 6.8
    const up = expectSummary(summarizeRound(round([7, 7, 8]), { threshold: 3, questions: [], previous })); // 7.3
    expect(up.change).toBe(0.5);
    const down = expectSummary(summarizeRound(round([5, 5, 6]), { threshold: 3, questions: [], previous })); // 5.3
    expect(down.change).toBe(-1.5);
    const same = expectSummary(summarizeRound(round([7, 7, 7, 6, 7]), { threshold: 3, questions: [], previous }));
    expect(Object.is(same.change, 0)).toBe(true);
  });

  test('no change when the previous round was withheld or is absent', () => {
    const withheldBefore = round([9, 9], { id: 'r-prev' });
    expect(
      expectSummary(summarizeRound(round([5, 5, 5]), { threshold: 3, questions: [], previous: withheldBefore })).change,
    ).toBeNull();
    // Previous round met the team's old k of 3 but not today's 5: still not compared.
    const smallBefore = round([9, 9, 9, 9], { id: 'r-prev' });
    expect(
      expectSummary(summarizeRound(round([5, 5, 5, 5, 5]), { threshold: 5, questions: [], previous: smallBefore }))
        .change,
    ).toBeNull();
    expect(
      expectSummary(summarizeRound(round([5, 5, 5]), { threshold: 3, questions: [], previous: null })).change,
    ).toBeNull();
    expect(expectSummary(summarizeRound(round([5, 5, 5]), { threshold: 3, questions: [] })).change).toBeNull();
  });

  test('response rate is respondents over invited, never above 1', () => {
    expect(
      expectSummary(summarizeRound(round([5, 5, 5], { invited: 4 }), { threshold: 3, questions: [] })).responseRate,
    ).toBe(0.75);
    expect(
      expectSummary(summarizeRound(round([5, 5, 5], { invited: 2 }), { threshold: 3, questions: [] })).responseRate,
    ).toBe(1);
    expect(
      expectSummary(summarizeRound(round([5, 5, 5], { invited: 0 }), { threshold: 3, questions: [] })).responseRate,
    ).toBe(1);
  });

  test('custom questions keep their order and the mood question is not repeated among them', () => {
    const facts = round([5, 5, 5], {
      extra: [4, 5, 6].map((score): Row => ({ questionId: SCALE.id, score, comment: null })),
    });
    const mood: QuestionDef = { id: MOOD_QUESTION_ID, kind: 'scale', text: 'How are you?' };
    const summary = expectSummary(summarizeRound(facts, { threshold: 3, questions: [TEXT, mood, SCALE] }));
    expect(summary.questions.map((q) => q.id)).toEqual([TEXT.id, SCALE.id]);
    expect(summary.questions[1]).toEqual({ id: SCALE.id, text: SCALE.text, kind: 'scale', average: 5, respondents: 3 });
  });
});

describe('clampThreshold', () => {
  test.each([
    [2, 3],
    [0, 3],
    [-4, 3],
    [3, 3],
    [5, 5],
    [10, 10],
    [11, 10],
    [Number.POSITIVE_INFINITY, 10],
    [Number.NEGATIVE_INFINITY, 3],
    [3.2, 4],
    [Number.NaN, 5],
  ])('%p → %p', (input, expected) => {
    expect(clampThreshold(input)).toBe(expected);
  });
});

describe('shuffle', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];

  test('a permutation, with the input left alone', () => {
    const input = [...items];
    const out = shuffle(input, seeded(1));
    expect([...out].sort()).toEqual(items);
    expect(input).toEqual(items);
    expect(shuffle([], seeded(1))).toEqual([]);
    expect(shuffle(['x'])).toEqual(['x']);
  });

  test('with a seeded random the order differs from submission order, and repeats for the same seed', () => {
    const out = shuffle(items, seeded(42));
    expect(out).not.toEqual(items);
    expect(shuffle(items, seeded(42))).toEqual(out);
  });

  test('a random that returns values close to 1 stays in bounds', () => {
    expect([...shuffle(items, () => 0.9999999999999999)].sort()).toEqual(items);
  });

  test('the default random is node:crypto, not Math.random, and the first comment is not always first', () => {
    const spy = jest.spyOn(Math, 'random');
    try {
      let firstStaysFirst = 0;
      const runs = 200;
      for (let i = 0; i < runs; i += 1) if (shuffle(items)[0] === 'a') firstStaysFirst += 1;
      // Expected 1/6 of the runs; 90% would mean the order leaks. P(≥ 180 of 200 at p = 1/6) is negligible.
      expect(firstStaysFirst / runs).toBeLessThan(0.9);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('comments in a summary', () => {
  test('shuffled: with a seeded random they are not in submission order', () => {
    const texts = comments(6);
    const summary = expectSummary(
      summarizeRound(round(Array(6).fill(6), { comments: texts }), { threshold: 3, questions: [], random: seeded(7) }),
    );
    expect(summary.comments).not.toEqual(texts);
    expect([...summary.comments].sort()).toEqual([...texts].sort());
  });

  test('shuffled by default too: over many summaries the first submitted is not always first', () => {
    const texts = comments(6);
    const facts = round(Array(6).fill(6), { comments: texts });
    let first = 0;
    for (let i = 0; i < 200; i += 1)
      if (expectSummary(summarizeRound(facts, { threshold: 3, questions: [] })).comments[0] === texts[0]) first += 1;
    expect(first / 200).toBeLessThan(0.9);
  });

  test('redacted, blank ones dropped, no times anywhere', () => {
    const texts = [
      'ask @alex, or mail alex@example.com',
      'call me on +46 70 123 45 67',
      '<@U123|sam> knows',
      '   ',
      '',
      null,
      'all good',
    ];
    const summary = expectSummary(
      summarizeRound(round([5, 6, 7, 8, 9, 5, 6], { comments: texts }), { threshold: 3, questions: [] }),
    );
    expect([...summary.comments].sort()).toEqual(
      ['[someone] knows', 'all good', 'ask [someone], or mail [email]', 'call me on [phone]'].sort(),
    );
    const json = JSON.stringify(summary);
    for (const leak of ['alex', 'U123', 'sam', '70 123']) expect(json).not.toContain(leak);
    const { closesAt: _closesAt, ...rest } = summary;
    expect(JSON.stringify(rest)).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}/);
  });

  test('text answers are redacted too', () => {
    const extra = ['mail bo@x.io', 'ask @bo', '555-123-4567 works'].map((comment): Row => ({
      questionId: TEXT.id,
      score: null,
      comment,
    }));
    const summary = expectSummary(summarizeRound(round([5, 5, 5], { extra }), { threshold: 3, questions: [TEXT] }));
    const question = summary.questions[0];
    expect(question && 'answers' in question ? [...question.answers].sort() : []).toEqual([
      '[phone] works',
      'ask [someone]',
      'mail [email]',
    ]);
  });

  test('themes come from words that recur across comments', () => {
    const texts = [
      'Too many meetings',
      'meetings all day, no focus',
      'code review is slow',
      'waiting for code review',
      'fine',
      'good week',
    ];
    const summary = expectSummary(
      summarizeRound(round(Array(6).fill(6), { comments: texts }), { threshold: 3, questions: [] }),
    );
    expect(summary.themes).toEqual(['code review', 'meetings']);
  });

  test('themes never carry what was redacted', () => {
    const texts = ['thanks @alexandra', 'thanks again @alexandra', 'alexandra@example.com helped'];
    const summary = expectSummary(
      summarizeRound(round([6, 6, 6], { comments: texts }), { threshold: 3, questions: [] }),
    );
    expect(summary.themes).toEqual(['thanks']);
  });
});

describe('trend', () => {
  test('one point per whole round, oldest first, null where the round is below k', () => {
    const rounds = [
      round([8, 8, 9, 9, 9], { id: 'r3', closesAt: '2026-11-27T12:00:00Z', invited: 10 }),
      round([5, 6, 7, 5, 6], { id: 'r1', closesAt: '2026-11-13T12:00:00Z', invited: 5 }),
      round([2, 3, 4], { id: 'r2', closesAt: '2026-11-20T12:00:00Z', invited: 8 }),
    ];
    expect(trend(rounds, 5)).toEqual([
      { roundId: 'r1', period: 'period-r1', average: 5.8, responseRate: 1 },
      { roundId: 'r2', period: 'period-r2', average: null, responseRate: null },
      { roundId: 'r3', period: 'period-r3', average: 8.6, responseRate: 0.5 },
    ]);
  });

  test('the threshold is clamped here too', () => {
    const rounds = [round([4, 4], { id: 'r1' }), round([4, 4, 4], { id: 'r2', closesAt: '2026-12-07T12:00:00Z' })];
    expect(trend(rounds, 2).map((p) => p.average)).toEqual([null, 4]);
    expect(trend([], 5)).toEqual([]);
  });
});
