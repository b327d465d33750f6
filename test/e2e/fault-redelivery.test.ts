/**
 * Fault: Slack delivers the same event or interaction again (X-Slack-Retry-Num 1 and 2, as it does
 * when an answer seemed slow). Three deliveries of one reaction, one join and one click have the
 * effect of one: one kudos and one shout-out, one team member, one answer. (A click is not an event: Slack does
 * not redeliver interactions, and a trigger id opens one modal at most, so each delivery asks for the modal and
 * Slack, like the fake, refuses the trigger id after its first use: the person sees one modal.)
 */
import { waitFor } from '../support/app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { checkinDms, savedScoreIn, startWorld, watchQueues, type QueueWatch, type World } from '../support/e2e-world';
import type { StoredMessage } from '../support/fake-slack';
import {
  eventCallbackBody,
  memberJoinedChannelEvent,
  reactionAddedEvent,
  type SlackRequestBody,
} from '../support/slack-requests';

const TEAM = 'T0REDELIV';
const CHANNEL = 'C0REDELIV';
const MANAGER = 'UMGR';
const PEOPLE = [MANAGER, 'UD1', 'UD2', 'UD3', 'UD4'];

let world: World;
let database: TestDatabase;
let queues: QueueWatch;

const count = async (sql: string) => (await database.pool.query<{ n: number }>(sql)).rows[0]!.n;
const retry = (n: number) => ({ 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' });

/** Sends the same body three times: first as Slack does, then as its retries 1 and 2. */
async function deliverThrice(
  body: SlackRequestBody,
  opts: { between?: () => Promise<unknown>; together?: boolean } = {},
): Promise<void> {
  if (opts.together) {
    const statuses = await Promise.all(
      [world.send(body), world.send(body, retry(1)), world.send(body, retry(2))].map(async (r) => (await r).status),
    );
    expect(statuses).toEqual([200, 200, 200]);
    return;
  }
  expect((await world.send(body)).status).toBe(200);
  await opts.between?.();
  expect((await world.send(body, retry(1))).status).toBe(200);
  expect((await world.send(body, retry(2))).status).toBe(200);
}

/**
 * Waits until nothing is left to run, so an effect a redelivery wrongly had would be visible. Bolt acks an
 * event before its listener runs, so the listener gets a moment to enqueue first (the pause can only make a
 * missed duplicate less likely, never fail the test).
 */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  await waitFor(() => queues.idle(), 'the queues to drain', 30_000, 100);
}

beforeAll(async () => {
  database = openTestDatabase();
  await truncateAll(database.pool);
  world = await startWorld({
    teamId: TEAM,
    channel: CHANNEL,
    users: [...PEOPLE, 'UNEW'].map((id) => ({ id, tz: 'Africa/Nairobi' })),
    channelMembers: PEOPLE,
    split: true,
    env: { LOG_LEVEL: 'error' },
  });
  queues = watchQueues(world.env);
  expect(await world.pulse(MANAGER, 'setup')).toMatch(/Setting up/);
  await waitFor(
    async () => (await count('select count(*)::int as n from team_members where active')) === PEOPLE.length,
    'the team to be synced',
  );
}, 60_000);

afterAll(async () => {
  await queues?.close();
  const code = await world?.stop();
  await database?.close();
  expect(code).toBe(0);
});

test('a reaction_added delivered three times at once makes one kudos and one shout-out', async () => {
  const recognized = world.slack.postAs('UD2', CHANNEL, 'Stayed late to get the customer migration done.');
  const shoutouts = () =>
    world.slack.messagesIn(CHANNEL).filter((m) => m.thread_ts === recognized.ts && m.ts !== recognized.ts);
  const reaction = eventCallbackBody(
    TEAM,
    reactionAddedEvent({ user: 'UD1', reaction: 'clap', channel: CHANNEL, ts: recognized.ts, itemUser: 'UD2' }),
    { eventId: 'Ev0REDELIV1' },
  );

  await deliverThrice(reaction, { together: true });
  await waitFor(() => shoutouts().length === 1, 'the shout-out');
  await settle();
  expect(shoutouts()).toHaveLength(1);
  expect(shoutouts()[0]!.text).toMatch(/<@UD1> recognized <@UD2>/);
  expect(shoutouts()[0]!.text).not.toMatch(/more\)/);
  expect(await count('select count(*)::int as n from kudos where revoked_at is null')).toBe(1);
  expect(world.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === recognized.ts)).toHaveLength(1);
});

test('a member_joined_channel redelivered after it took effect adds the person once', async () => {
  world.slack.addChannel(CHANNEL, [...PEOPLE, 'UNEW'], { name: 'team' });
  const joined = eventCallbackBody(TEAM, memberJoinedChannelEvent({ user: 'UNEW', channel: CHANNEL, team: TEAM }), {
    eventId: 'Ev0REDELIV2',
  });
  const isMember = async () =>
    (await count(
      `select count(*)::int as n from team_members tm join members m on m.id = tm.member_id where m.platform_user_id = 'UNEW' and tm.active`,
    )) === 1;

  await deliverThrice(joined, { between: () => waitFor(isMember, 'UNEW to join the team') });
  await settle();
  expect(await count('select count(*)::int as n from team_members where active')).toBe(PEOPLE.length + 1);
  expect(await count(`select count(*)::int as n from members where platform_user_id = 'UNEW'`)).toBe(1);
  expect(world.slack.callsTo('users.info').filter((c) => c.args.user === 'UNEW')).toHaveLength(1);
});

test('a block_actions click delivered three times saves one answer; its trigger id opens one modal, any later ask is refused', async () => {
  expect(await world.pulse(MANAGER, 'now')).toMatch(/on their way to 6 members/);
  await waitFor(() => checkinDms(world.slack, 'UD3').length === 1, "UD3's check-in");
  const dm = (): StoredMessage => checkinDms(world.slack, 'UD3')[0]!;
  const modalsBefore = world.slack.callsTo('views.open').length;
  // One click: the same action_ts and trigger_id in all three deliveries, as in a real redelivery.
  const click = world.click('UD3', dm(), 6);

  await deliverThrice(click, { between: () => waitFor(() => savedScoreIn(dm()) === 6, 'the DM to show 6 saved') });
  // The web only queues: each delivery's score job asks for the modal (a redelivery while the first job is still
  // queued is the same job and asks nothing). Settled, whatever asked used the one trigger id, and one modal opened.
  await settle();
  expect(checkinDms(world.slack, 'UD3')).toHaveLength(1);
  expect(savedScoreIn(dm())).toBe(6);
  expect((await database.pool.query('select score from responses')).rows).toEqual([{ score: 6 }]);
  expect(await count('select count(*)::int as n from deliveries where answered_at is not null')).toBe(1);
  const asks = world.slack.callsTo('views.open').slice(modalsBefore);
  const triggerId = (JSON.parse(new URLSearchParams(click.body).get('payload')!) as { trigger_id: string }).trigger_id;
  expect(asks.length).toBeGreaterThanOrEqual(1);
  expect(asks.length).toBeLessThanOrEqual(3);
  expect(asks.map((c) => c.args.trigger_id)).toEqual(asks.map(() => triggerId));
  // The fake refuses a reused trigger id as Slack does: exactly one ask opened a modal.
  expect(asks.filter((c) => (c.response as { ok?: boolean } | undefined)?.ok === true)).toHaveLength(1);
  expect(await world.pulse(MANAGER, 'status')).toMatch(/^1 of 6 answered/);
});
