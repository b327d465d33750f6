/** The symmetry view rendered for Slack (blocks) and Teams (plain card text), in English and Arabic. */
import type { SymmetryMessage } from '../../src/core/messages';
import { buildSymmetry } from '../../src/core/symmetry';
import { renderMessage as renderSlack } from '../../src/platforms/slack/render';
import { renderMessage as renderTeams } from '../../src/platforms/teams/render';

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
