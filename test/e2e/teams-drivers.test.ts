/**
 * Drivers and eNPS end to end on Microsoft Teams (issue #17), through the built app's real CloudAdapter
 * (authentication explicitly off) and a fake Bot Connector on loopback. A team with a free-text
 * question gets its first scheduled round of the quarter: the check-in card carries every question of
 * the round (mood, the rotation's driver item, eNPS from 0 to 10 and the free-text question, which
 * Teams lacked before), and each answer given on the card is recorded under its own question.
 */
import { waitFor } from '../support/app-process';
import type { StoredActivity, TeamsUser } from '../support/fake-bot-connector';
import { channelActivity, postActivityAnswered, teamsUser } from '../support/teams-activity';
import { textOf, useTeamsWorld } from '../support/teams-world';

const TENANT = 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const BOT = { id: '28:5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', name: 'Symmetry' };
const CHANNEL = '19:2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b@thread.tacv2';
const PEOPLE = [teamsUser('Mia'), teamsUser('Noa'), teamsUser('Pia')];
const [MIA, NOA] = PEOPLE as [TeamsUser, TeamsUser, TeamsUser];
const TEXT_QUESTION = 'What should we stop doing?';
const SCALE_QUESTION = 'Are our priorities clear?';

const world = useTeamsWorld({ tenant: TENANT, bot: BOT, channel: CHANNEL, teamName: 'Care', people: PEOPLE, tag: 'd' });
const { typed, replyTo } = world;
const cardOf = (user: TeamsUser) => world.connector.dmOf(user.id).find((a) => textOf(a).includes('checkin.score'));

/** Every element of a card's body, nested ones included. */
function elements(card: StoredActivity): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      out.push(x as Record<string, unknown>);
      Object.values(x).forEach(walk);
    }
  };
  walk((card.activity.attachments as Array<{ content: unknown }>)[0]!.content);
  return out;
}
/** The score buttons' data of one question (`undefined` = mood). */
const buttonsOf = (card: StoredActivity, q: string | undefined) =>
  elements(card)
    .filter((e) => e.verb === 'checkin.score' && (e.data as { q?: string }).q === q)
    .map((e) => (e.data as { s: number }).s);

/** A click on a card's Action.Execute, with what was typed in its inputs. */
const click = async (user: TeamsUser, card: StoredActivity, verb: string, data: Record<string, unknown>) =>
  (await answeredClick(user, card, verb, data)).status;

/** A card button clicked: the app's HTTP answer (its status and the message the card shows). */
const answeredClick = (user: TeamsUser, card: StoredActivity, verb: string, data: Record<string, unknown>) =>
  postActivityAnswered(world.app.url, {
    ...channelActivity(
      { tenant: TENANT, bot: BOT, channel: CHANNEL, teamName: 'Care', serviceUrl: world.connector.url },
      user,
      {},
    ),
    conversation: { id: card.conversationId, conversationType: 'personal', tenantId: TENANT },
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: card.id,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });

test("the first scheduled round of the quarter: the card asks mood, two driver items, eNPS 0–10, the team's own 1–10 question and its free-text question, and records each answer", async () => {
  await world.setUpTeam(MIA);
  expect(await typed(MIA, `pulse ask --text ${TEXT_QUESTION}`)).toBe(200);
  await replyTo(MIA, /Added question 1 \(free text\)/);
  expect(await typed(MIA, `pulse ask ${SCALE_QUESTION}`)).toBe(200);
  await replyTo(MIA, /Added question 2 \(1–10\)/);
  // Every day a working day, and a slot two minutes ago (UTC, the team's zone): the tick opens today's round now.
  expect(await typed(MIA, 'pulse config workdays mon,tue,wed,thu,fri,sat,sun')).toBe(200);
  await replyTo(MIA, /workdays: mon, tue, wed, thu, fri, sat, sun/);
  const slot = new Date(Date.now() - 120_000).toISOString().slice(11, 16);
  expect(await typed(MIA, `pulse schedule mon,tue,wed,thu,fri,sat,sun ${slot}`)).toBe(200);

  await waitFor(() => PEOPLE.every((p) => cardOf(p)), 'a check-in card for everyone');
  const { rows: rounds } = await world.database.pool.query('select id, kind, driver_items, enps from rounds');
  expect(rounds).toHaveLength(1);
  expect(rounds[0]).toMatchObject({ kind: 'scheduled', enps: true });
  const items = rounds[0].driver_items as string[];
  // Eight drivers on: two driver items a round.
  expect(items).toHaveLength(2);
  for (const item of items) expect(item).toMatch(/^driver:[a-z]+-\d$/);

  const card = cardOf(NOA)!;
  const text = textOf(card);
  expect(buttonsOf(card, undefined)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (const item of items) expect(buttonsOf(card, item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(buttonsOf(card, 'enps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(text).toContain('How likely are you to recommend working here to a friend?');
  expect(text).toContain('From 1 (strongly disagree) to 10 (strongly agree).');
  expect(text).toContain(TEXT_QUESTION);
  expect(text).toContain(SCALE_QUESTION);
  const { rows: questions } = await world.database.pool.query<{ id: string; kind: string }>(
    'select id, kind from questions',
  );
  const textQuestion = questions.find((q) => q.kind === 'text')!.id;
  const scaleQuestion = questions.find((q) => q.kind === 'scale')!.id;
  // The team's own 1–10 question has its buttons on the card too.
  expect(buttonsOf(card, scaleQuestion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const textInput = `q_${textQuestion}`;
  expect(elements(card).some((e) => e.type === 'Input.Text' && e.id === textInput)).toBe(true);

  // Noa answers everything on the card: mood with the comment and the free-text answer typed, a driver item, eNPS 0.
  expect(
    await click(NOA, card, 'checkin.score', {
      d: (elements(card).find((e) => e.verb === 'checkin.score')!.data as { d: string }).d,
      s: 7,
      comment: 'Good week.',
      [textInput]: 'Stop the Friday status meeting.',
    }),
  ).toBe(200);
  const d = (elements(card).find((e) => e.verb === 'checkin.score')!.data as { d: string }).d;
  expect(await click(NOA, card, 'checkin.score', { d, q: items[0], s: 8 })).toBe(200);
  expect(await click(NOA, card, 'checkin.score', { d, q: 'enps', s: 0 })).toBe(200);
  // A score a question does not take is refused with the question's own range and saves nothing: 0 is eNPS's alone.
  const refused = await answeredClick(NOA, card, 'checkin.score', { d, q: items[1], s: 0 });
  expect(refused).toEqual({ status: 200, body: expect.stringContaining('takes a score from 1 to 10') });
  const enpsTooHigh = await answeredClick(NOA, card, 'checkin.score', { d, q: 'enps', s: 11 });
  expect(enpsTooHigh).toEqual({ status: 200, body: expect.stringContaining('takes a score from 0 to 10') });
  // The second driver item and the team's own question, answered.
  expect(await click(NOA, card, 'checkin.score', { d, q: items[1], s: 9 })).toBe(200);
  expect(await click(NOA, card, 'checkin.score', { d, q: scaleQuestion, s: 6 })).toBe(200);

  await waitFor(async () => {
    const r = await world.database.pool.query('select count(*)::int as n from responses');
    return r.rows[0].n === 6;
  }, 'six answers saved');
  const { rows } = await world.database.pool.query(
    'select question_id, score, comment from responses order by question_id',
  );
  expect(rows).toEqual(
    [
      { question_id: 'mood', score: 7, comment: 'Good week.' },
      { question_id: items[0]!, score: 8, comment: null },
      { question_id: items[1]!, score: 9, comment: null },
      { question_id: 'enps', score: 0, comment: null },
      { question_id: scaleQuestion, score: 6, comment: null },
      { question_id: textQuestion, score: null, comment: 'Stop the Friday status meeting.' },
    ].sort((a, b) => (a.question_id < b.question_id ? -1 : 1)),
  );
  // The card, updated once PostgreSQL has the answers, shows each saved answer.
  await waitFor(() => {
    const latest = textOf(cardOf(NOA)!);
    return latest.includes('Your answer is saved.') && /You answered \*\*0\*\*/.test(latest);
  }, "Noa's card to show the saved answers");
});
