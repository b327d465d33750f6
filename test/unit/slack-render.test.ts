/** A check-in DM and a summary rendered in each language: translated, numbers per locale, Arabic right-to-left. */
import { translate } from '../../src/core/i18n';
import type { CheckinMessage, SummaryMessage } from '../../src/core/messages';
import { renderMessage } from '../../src/platforms/slack/render';

const checkin = (locale: string): CheckinMessage => ({
  kind: 'checkin',
  locale,
  deliveryId: 'd1',
  threshold: 5,
  closesAt: new Date('2026-11-30T13:00:00Z'),
  closed: false,
  answer: { score: 7, commentSaved: true },
  scaleQuestions: [],
  textQuestions: [],
  proofs: {},
});

const summary = (locale: string, away = 0): SummaryMessage => ({
  kind: 'summary',
  locale,
  key: 'summary-r1',
  actions: [],
  summary: {
    kind: 'summary',
    roundId: 'r1',
    period: '2026-11-27',
    closesAt: new Date('2026-11-30T13:00:00Z'),
    threshold: 5,
    invited: 8,
    away,
    respondents: 6,
    responseRate: 0.75,
    average: 7.4,
    change: 0.5,
    distribution: { low: 0, mid: 3, high: 3 },
    histogram: [0, 0, 0, 0, 1, 1, 1, 2, 1, 0],
    questions: [],
    comments: [],
    themes: [],
  },
});

test.each(['en', 'fr', 'nl', 'sv', 'ar'])(
  '%s: the check-in and the summary are in the language, with its number format',
  (locale) => {
    const dm = JSON.stringify(renderMessage(checkin(locale)).blocks);
    const question = translate(locale, 'checkin.question');
    // Arabic text carries direction marks; compare on the letters.
    const strip = (s: string) => s.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    expect(strip(dm)).toContain(strip(question).slice(0, 20));
    if (locale !== 'en') expect(dm).not.toContain(translate('en', 'checkin.question').slice(0, 20));
    const text = strip(JSON.stringify(renderMessage(summary(locale)).blocks));
    const decimal = ['fr', 'nl', 'sv'].includes(locale) ? '7,4' : '7.4';
    expect(text).toContain(decimal);
    if (locale === 'ar') expect(JSON.stringify(renderMessage(summary(locale)).blocks)).toContain('\u200f');
    else expect(JSON.stringify(renderMessage(summary(locale)).blocks)).not.toContain('\u200f');
  },
);

test.each(['en', 'fr', 'nl', 'sv', 'ar'])(
  '%s: the summary says how many were away, as a count, and only when someone was',
  (locale) => {
    const strip = (s: string) => s.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    const awayLine = strip(translate(locale, 'summary.away', { away: 3 }));
    expect(strip(JSON.stringify(renderMessage(summary(locale, 3)).blocks))).toContain(awayLine);
    const none = strip(JSON.stringify(renderMessage(summary(locale, 0)).blocks));
    expect(none).toContain(
      strip(translate(locale, 'summary.rate', { respondents: 6, invited: 8, rate: 75 })).slice(0, 12),
    );
    expect(none).not.toContain(awayLine.slice(0, 8));
  },
);

describe('driver items and eNPS in the Slack check-in', () => {
  const message: CheckinMessage = {
    ...checkin('en'),
    scaleQuestions: [
      {
        id: 'driver:customers-1',
        text: 'I have what I need to serve our customers well.',
        score: 8,
        min: 1,
        hint: 'From 1 …',
      },
      {
        id: 'enps',
        text: 'How likely are you to recommend working here to a friend?',
        score: null,
        min: 0,
        hint: null,
      },
    ],
  };
  const blocks = renderMessage(message).blocks as Array<{ type: string; elements?: Array<{ value?: string }> }>;
  const buttons = (q: string) =>
    blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .map((e) => JSON.parse(e.value!) as { d: string; q?: string; s: number })
      .filter((v) => v.q === q)
      .map((v) => v.s);

  it('gives a driver item ten buttons from 1 and eNPS eleven from 0, each naming its question', () => {
    expect(buttons('driver:customers-1')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(buttons('enps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(JSON.stringify(blocks)).toContain('I have what I need to serve our customers well.');
    expect(JSON.stringify(blocks)).toContain('You answered *8*. Saved.');
  });
});
