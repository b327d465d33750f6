/**
 * Bad input, table-driven, through the real HTTP receiver: every case gets a clear answer (or the
 * quiet 200 Slack expects), never a 5xx, the process stays up, and every table of the database is
 * exactly as it was once the app shows it has finished with the request (no fixed sleep).
 */
import { randomUUID } from 'node:crypto';
import { waitFor } from '../support/app-process';
import { databaseSnapshot } from '../support/db-snapshot';
import { useWorld } from '../support/e2e-suite';
import { counter } from '../support/prometheus';
import { sendAndSettle, type Ending } from '../support/slack-settled';
import {
  blockActionBody,
  eventCallbackBody,
  postToSlackApp,
  signSlackRequest,
  slashCommandBody,
  viewSubmissionBody,
  type SlackRequestBody,
} from '../support/slack-requests';

const TEAM = 'T0BAD';
const CHANNEL = 'C0BAD';

let deliveryOfAnna: string;
/** The click proof Anna's mood buttons carry (signed for her, her check-in and the mood question). */
let proofOfAnna: string;
const suite = useWorld(
  {
    teamId: TEAM,
    channel: CHANNEL,
    users: ['UMGR', 'UANNA', 'UBEN'].map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Madrid' })),
  },
  async ({ world, database }) => {
    await world.pulse('UMGR', 'setup');
    await waitFor(
      async () => (await database.pool.query('select count(*)::int as n from team_members')).rows[0].n === 3,
      'the team',
    );
    await world.pulse('UMGR', 'now');
    // Settled before the table starts: every DM sent, so no background job changes a snapshot.
    await waitFor(
      async () =>
        (await database.pool.query("select count(*)::int as n from deliveries where state = 'sent'")).rows[0].n === 3,
      'three check-ins sent',
    );
    const annasButton = JSON.parse(JSON.parse(JSON.stringify(world.checkinOf('UANNA').blocks))[1].elements[0].value);
    deliveryOfAnna = annasButton.d;
    proofOfAnna = annasButton.p;
  },
);
const snapshot = () => databaseSnapshot(suite.database.pool);

const now = () => Math.floor(Date.now() / 1000);
const raw = (body: string, contentType: SlackRequestBody['contentType']): SlackRequestBody => ({ body, contentType });
const json = (value: unknown) => raw(JSON.stringify(value), 'application/json');
const form = (fields: Record<string, string>) =>
  raw(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
const command = (text: string, extra: Partial<Parameters<typeof slashCommandBody>[0]> = {}) =>
  slashCommandBody({
    command: '/pulse',
    text,
    userId: 'UMGR',
    channelId: CHANNEL,
    teamId: TEAM,
    responseUrl: suite.world.slack.responseUrl(`bad-${randomUUID()}`),
    ...extra,
  });
const click = (userId: string, value: string) =>
  blockActionBody({
    userId,
    teamId: TEAM,
    actionId: 'checkin_score_5',
    value,
    channelId: 'D0X',
    messageTs: '1.1',
    responseUrl: suite.world.slack.responseUrl(`bad-${randomUUID()}`),
  });
/** A real-looking Events API envelope of this workspace around `event`, whatever `event` is. */
const envelopeAround = (event: unknown, extra: Record<string, unknown> = {}) =>
  json({ ...JSON.parse(eventCallbackBody(TEAM, { type: 'placeholder' }).body), event, ...extra });
/** A well-formed interactive payload (form `payload=`), then changed by `change`. */
const changed = (body: SlackRequestBody, change: (payload: Record<string, unknown>) => void): SlackRequestBody => {
  const payload = JSON.parse(new URLSearchParams(body.body).get('payload')!) as Record<string, unknown>;
  change(payload);
  return form({ payload: JSON.stringify(payload) });
};
const aClick = () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: 4 }));
const aModal = () =>
  viewSubmissionBody({
    userId: 'UANNA',
    teamId: TEAM,
    callbackId: 'checkin_comment',
    privateMetadata: JSON.stringify({ d: deliveryOfAnna }),
    values: { comment: { comment: { type: 'plain_text_input', value: 'fine' } } },
  });
const member = (event: Record<string, unknown>) =>
  envelopeAround({ type: 'member_joined_channel', user: 'UEVIL', channel: CHANNEL, team: TEAM, ...event });

interface Case {
  name: string;
  body: () => SlackRequestBody;
  sign?: 'none' | 'forged' | 'stale' | 'v1';
  status: number;
  /** Where the app finishes with it (see test/support/slack-settled.ts); the check for "nothing changed" waits for that. */
  ends: Ending;
  /** What the person is told: in the HTTP answer, or at the response_url. */
  says?: RegExp;
  /** A line the app logs for it. */
  logs?: RegExp;
}

const unsigned = (name: string, body: () => SlackRequestBody, sign: Case['sign']): Case => ({
  name,
  body,
  sign,
  status: 401,
  ends: 'answer',
});
const refused = (name: string, body: () => SlackRequestBody, says: RegExp): Case => ({
  name,
  body,
  status: 400,
  ends: 'refused',
  says,
});

const cases: Case[] = [
  unsigned('no signature', () => command('status'), 'none'),
  unsigned('forged signature', () => command('status'), 'forged'),
  unsigned('stale signature (6 minutes)', () => command('status'), 'stale'),
  unsigned('wrong signature version', () => command('status'), 'v1'),
  unsigned(
    'forged signature on an event',
    () => eventCallbackBody(TEAM, { type: 'member_joined_channel', user: 'UEVIL', channel: CHANNEL }),
    'forged',
  ),
  unsigned('a null body without a signature', () => json(null), 'none'),
  // Slack's SSL probe is answered unsigned, and a payload smuggled beside it is dropped (Bolt strips it).
  {
    name: 'ssl_check with a smuggled command',
    body: () => raw(`ssl_check=1&${command('now').body}`, 'application/x-www-form-urlencoded'),
    sign: 'none',
    status: 200,
    ends: 'answer',
  },

  // Bodies that are not an object.
  refused('JSON body null', () => json(null), /body_not_object.*null/),
  refused('JSON body a number', () => raw('42', 'application/json'), /body_not_object/),
  refused('JSON body a string', () => json('event_callback'), /body_not_object/),
  refused('JSON body true', () => json(true), /body_not_object/),
  refused('JSON that is an array', () => raw('[1,2,3]', 'application/json'), /body_not_object.*array/),
  refused('empty JSON body', () => raw('', 'application/json'), /body_not_json/),
  refused('malformed JSON body', () => raw('{"type": "event_callback", ', 'application/json'), /body_not_json/),
  refused('form payload null', () => form({ payload: 'null' }), /body_not_object/),
  refused('form payload a number', () => form({ payload: '7' }), /body_not_object/),
  refused('form payload a string', () => form({ payload: '"block_actions"' }), /body_not_object/),
  refused('form payload an array', () => form({ payload: '[{"type":"block_actions"}]' }), /body_not_object/),
  refused('form payload that is not JSON', () => form({ payload: '{not json' }), /payload_not_json/),
  refused('empty form', () => form({}), /missing_type/),
  refused('object without a type', () => json({ team_id: TEAM, token: 'x' }), /missing_type/),
  refused('type that is a number', () => json({ type: 5, team_id: TEAM }), /missing_type/),

  // Slash commands.
  refused(
    'a command field given twice',
    () => raw(`${command('now').body}&command=%2Fpulse`, 'application/x-www-form-urlencoded'),
    /malformed_fields.*command/,
  ),
  refused(
    'a command without its user',
    () => form({ command: '/pulse', text: 'now', team_id: TEAM, channel_id: CHANNEL }),
    /user_id/,
  ),

  // Events API envelopes.
  refused(
    'event that is a string',
    () => envelopeAround('member_joined_channel'),
    /event: .*expected object, received string/,
  ),
  refused('event that is null', () => envelopeAround(null), /event: .*expected object/),
  refused(
    'event that is an array',
    () => envelopeAround([{ type: 'member_joined_channel' }]),
    /event: .*expected object/,
  ),
  refused('event that is a number', () => envelopeAround(12), /event: .*expected object/),
  refused('event without a type', () => envelopeAround({ user: 'UEVIL', channel: CHANNEL }), /event\.type/),
  refused(
    'event envelope without an event',
    () => json({ type: 'event_callback', team_id: TEAM, event_id: 'Ev1' }),
    /event: /,
  ),
  refused('event with channel null', () => member({ channel: null }), /event\.channel/),
  refused('event with user null', () => member({ user: null }), /event\.user/),
  refused('event with a numeric user', () => member({ user: 42 }), /event\.user/),
  refused(
    'reaction whose item is a string',
    () => envelopeAround({ type: 'reaction_added', user: 'UMGR', reaction: 'clap', item: 'x' }),
    /event\.item/,
  ),
  refused(
    'reaction on a message without its ts',
    () =>
      envelopeAround({
        type: 'reaction_added',
        user: 'UMGR',
        reaction: 'clap',
        item: { type: 'message', channel: CHANNEL },
        item_user: 'UANNA',
      }),
    /channel and ts/,
  ),
  refused(
    'event with subteam null',
    () => envelopeAround({ type: 'subteam_created', subteam: null }),
    /event\.subteam/,
  ),
  refused(
    'authorizations holding null',
    () =>
      envelopeAround({ type: 'member_joined_channel', user: 'UEVIL', channel: CHANNEL }, { authorizations: [null] }),
    /authorizations\.0/,
  ),
  {
    name: 'unknown event type',
    body: () => eventCallbackBody(TEAM, { type: 'totally_new_event', user: 'UMGR' }),
    status: 200,
    ends: 'listeners',
  },
  {
    name: 'an event from another workspace',
    body: () =>
      eventCallbackBody('T0INTRUDER', {
        type: 'member_joined_channel',
        user: 'UEVIL',
        channel: CHANNEL,
        team: 'T0INTRUDER',
      }),
    status: 200,
    ends: 'listeners',
  },

  // Interactive payloads.
  refused(
    'actions that is a string',
    () => changed(aClick(), (p) => (p.actions = 'checkin_score_4')),
    /actions: .*expected array/,
  ),
  refused('actions null', () => changed(aClick(), (p) => (p.actions = null)), /actions: .*expected array/),
  refused('actions empty', () => changed(aClick(), (p) => (p.actions = [])), /actions: .*>=1/),
  refused('actions holding null', () => changed(aClick(), (p) => (p.actions = [null])), /actions\.0/),
  refused(
    'an action id that is a number',
    () => changed(aClick(), (p) => ((p.actions as Array<Record<string, unknown>>)[0]!.action_id = 5)),
    /action_id/,
  ),
  refused('block_actions without actions', () => changed(aClick(), (p) => delete p.actions), /actions: /),
  refused('a click without its user', () => changed(aClick(), (p) => delete p.user), /user: /),
  refused('a click with channel null', () => changed(aClick(), (p) => (p.channel = null)), /channel: /),
  refused('a click whose team is a string', () => changed(aClick(), (p) => (p.team = TEAM)), /team: /),
  refused('a modal without its view', () => changed(aModal(), (p) => delete p.view), /view: /),
  refused('a modal whose view is a string', () => changed(aModal(), (p) => (p.view = 'V1')), /view: /),
  refused(
    'a modal without its state',
    () => changed(aModal(), (p) => delete (p.view as Record<string, unknown>).state),
    /view\.state/,
  ),
  refused('a modal with response_urls null', () => changed(aModal(), (p) => (p.response_urls = null)), /response_urls/),
  refused(
    'a shortcut without its callback id',
    () =>
      form({
        payload: JSON.stringify({ type: 'shortcut', user: { id: 'UMGR' }, team: { id: TEAM }, trigger_id: '1.2.3' }),
      }),
    /callback_id/,
  ),
  refused(
    'options with a numeric action id',
    () =>
      form({
        payload: JSON.stringify({
          type: 'block_suggestion',
          user: { id: 'UMGR' },
          team: { id: TEAM },
          action_id: 7,
          value: 'x',
        }),
      }),
    /action_id/,
  ),
  {
    name: 'a modal closed',
    body: () => changed(aModal(), (p) => (p.type = 'view_closed')),
    status: 200,
    ends: 'listeners',
  },
  {
    name: 'an envelope type no listener knows',
    body: () => json({ type: 'totally_new_envelope', team_id: TEAM }),
    status: 200,
    ends: 'ignored',
  },

  // Slack's own notices.
  {
    name: "Slack's app_rate_limited notice",
    body: () =>
      json({
        token: 'x',
        type: 'app_rate_limited',
        team_id: TEAM,
        minute_rate_limited: 1518467820,
        api_app_id: 'A0A1SYMMTRY',
      }),
    status: 200,
    ends: 'rate-limited',
    logs: /app_rate_limited.*"minute_rate_limited":1518467820|"minute_rate_limited":1518467820.*app_rate_limited/,
  },
  {
    name: 'app_rate_limited without its minute',
    body: () => json({ type: 'app_rate_limited', team_id: TEAM }),
    status: 200,
    ends: 'rate-limited',
  },
  {
    name: 'url_verification',
    body: () => json({ token: 'x', challenge: 'c-123', type: 'url_verification' }),
    status: 200,
    ends: 'answer',
    says: /"challenge":"c-123"/,
  },
  refused('url_verification without a challenge', () => json({ type: 'url_verification' }), /challenge/),

  // Well-formed requests with bad values: the listeners answer them.
  {
    name: 'unknown action id',
    body: () =>
      blockActionBody({
        userId: 'UMGR',
        teamId: TEAM,
        actionId: 'mystery_button',
        value: 'x',
        channelId: CHANNEL,
        messageTs: '1.1',
        responseUrl: suite.world.slack.responseUrl('x'),
      }),
    status: 200,
    ends: 'listeners',
  },
  {
    name: 'unknown view callback',
    body: () => viewSubmissionBody({ userId: 'UMGR', teamId: TEAM, callbackId: 'mystery_modal', values: {} }),
    status: 200,
    ends: 'listeners',
  },
  {
    name: 'unknown slash command',
    body: () =>
      slashCommandBody({
        command: '/whatever',
        text: 'x',
        userId: 'UMGR',
        channelId: CHANNEL,
        teamId: TEAM,
        responseUrl: suite.world.slack.responseUrl('x'),
      }),
    status: 200,
    ends: 'listeners',
    says: /not a Symmetry command/,
  },
  {
    name: 'score above 10',
    body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: 11 })),
    status: 200,
    ends: 'listeners',
    says: /takes a score from 1 to 10/,
  },
  {
    name: 'score below 1',
    body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: 0 })),
    status: 200,
    ends: 'listeners',
    says: /takes a score from 1 to 10/,
  },
  {
    name: 'score that is not a number',
    body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, s: '7; drop table responses' })),
    status: 200,
    ends: 'listeners',
    says: /use the buttons of your latest check-in/,
  },
  {
    name: 'button value that is not JSON',
    body: () => click('UANNA', "'); DROP TABLE responses;--"),
    status: 200,
    ends: 'listeners',
    says: /use the buttons of your latest check-in/,
  },
  {
    name: "another person's check-in",
    body: () => click('UBEN', JSON.stringify({ d: deliveryOfAnna, s: 3 })),
    status: 200,
    ends: 'listeners',
    says: /belongs to someone else/,
  },
  {
    name: "another person's check-in, with its button's click proof",
    body: () => click('UBEN', JSON.stringify({ d: deliveryOfAnna, s: 3, p: proofOfAnna })),
    status: 200,
    ends: 'listeners',
    says: /belongs to someone else/,
  },
  {
    name: "a question the proof was not signed for (Anna's mood proof on eNPS)",
    body: () => click('UANNA', JSON.stringify({ d: deliveryOfAnna, q: 'enps', s: 3, p: proofOfAnna })),
    status: 200,
    ends: 'listeners',
    says: /use the buttons of your latest check-in/,
  },
  {
    name: 'a delivery that does not exist',
    body: () => click('UANNA', JSON.stringify({ d: randomUUID(), s: 3 })),
    status: 200,
    ends: 'listeners',
    says: /belongs to someone else/,
  },
  {
    name: 'comment over 2,000 characters',
    body: () =>
      viewSubmissionBody({
        userId: 'UANNA',
        teamId: TEAM,
        callbackId: 'checkin_comment',
        privateMetadata: JSON.stringify({ d: deliveryOfAnna }),
        values: { comment: { comment: { type: 'plain_text_input', value: 'é'.repeat(2001) } } },
      }),
    status: 200,
    ends: 'listeners',
    says: /keep it to 2000 characters \(this is 2001\)/,
  },
  {
    name: 'modal with forged metadata',
    body: () =>
      viewSubmissionBody({
        userId: 'UANNA',
        teamId: TEAM,
        callbackId: 'checkin_comment',
        privateMetadata: '<script>',
        values: {},
      }),
    status: 200,
    ends: 'listeners',
    says: /belongs to someone else/,
  },
  {
    name: 'unicode subcommand',
    body: () => command('ѕеtuр'),
    status: 200,
    ends: 'listeners',
    says: /is not a command/,
  },
  {
    name: 'right-to-left text',
    body: () => command('جدول الجمعة 14:00'),
    status: 200,
    ends: 'listeners',
    says: /is not a command/,
  },
  {
    name: '10 KB argument',
    body: () => command(`ask ${'x'.repeat(10_240)}`),
    status: 200,
    ends: 'listeners',
    says: /takes at most 4000/,
  },
  {
    name: 'SQL meta-characters',
    body: () => command("schedule fri 14:00'; DROP TABLE teams;--"),
    status: 200,
    ends: 'listeners',
    says: /not a time|not a day|DROP/,
  },
  {
    name: 'shell meta-characters',
    body: () => command('config timezone $(reboot)'),
    status: 200,
    ends: 'listeners',
    says: /time zone/,
  },
  {
    name: 'bad hour',
    body: () => command('schedule fri 25:00'),
    status: 200,
    ends: 'listeners',
    says: /is not a time/,
  },
  {
    name: 'threshold below 3',
    body: () => command('config threshold 2'),
    status: 200,
    ends: 'listeners',
    says: /threshold/,
  },
  {
    name: 'kudos to a user of another workspace',
    body: () =>
      slashCommandBody({
        command: '/kudos',
        text: '<@UELSEWHERE> for the help',
        userId: 'UMGR',
        channelId: CHANNEL,
        teamId: TEAM,
        responseUrl: suite.world.slack.responseUrl(`bad-${randomUUID()}`),
      }),
    status: 200,
    ends: 'listeners',
    says: /cannot find <@UELSEWHERE>/,
  },
  {
    name: 'kudos without a reason',
    body: () =>
      slashCommandBody({
        command: '/kudos',
        text: '<@UBEN>',
        userId: 'UMGR',
        channelId: CHANNEL,
        teamId: TEAM,
        responseUrl: suite.world.slack.responseUrl(`bad-${randomUUID()}`),
      }),
    status: 200,
    ends: 'listeners',
    says: /reason/,
  },
  {
    name: 'a request from another workspace',
    body: () => command('now', { teamId: 'T0INTRUDER' }),
    status: 200,
    ends: 'listeners',
    says: /installed in another workspace/,
  },
];

test('at least 60 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
});

test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const before = await snapshot();
  const body = c.body();
  const responsesBefore = suite.world.slack.allResponses.length;
  const ts = c.sign === 'stale' ? now() - 6 * 60 : now();
  const signature =
    c.sign === 'none'
      ? undefined
      : c.sign === 'forged'
        ? signSlackRequest('not-the-secret', ts, body.body)
        : c.sign === 'v1'
          ? signSlackRequest(suite.world.secret, ts, body.body).replace('v0=', 'v1=')
          : signSlackRequest(suite.world.secret, ts, body.body);
  const res = await sendAndSettle(suite.world.app.url, suite.queues, c.ends, () =>
    postToSlackApp(`${suite.world.app.url}/slack/events`, {
      ...body,
      ...(signature ? { signature, timestamp: ts } : {}),
    }),
  );
  expect(res.status).toBe(c.status);
  if (c.says) {
    const answers = [
      res.text,
      ...suite.world.slack.allResponses.slice(responsesBefore).map((r) => JSON.stringify(r.body)),
    ].join('\n');
    expect(answers).toMatch(c.says);
  }
  if (c.logs) expect(suite.world.app.output()).toMatch(c.logs);
  // Finished with (the sign above), queues idle: nothing may have changed, and the process is still serving.
  expect(await snapshot()).toBe(before);
  expect(suite.world.app.child.exitCode).toBeNull();
  expect((await fetch(`${suite.world.app.url}/healthz`)).status).toBe(200);
});

test('the whole table: no 5xx from /slack/events, no process exit, every refusal and notice counted', async () => {
  const status5xx = await counter(suite.world.app.url, 'symmetry_http_requests_total', {
    route: '/slack/events',
    status: (s) => s.startsWith('5'),
  });
  const answered = await counter(suite.world.app.url, 'symmetry_http_requests_total', { route: '/slack/events' });
  expect(status5xx).toBe(0);
  // Every case of the table plus the setup's two commands were answered.
  expect(answered).toBeGreaterThanOrEqual(cases.length + 2);
  expect(await counter(suite.world.app.url, 'symmetry_slack_payloads_screened_total', { verdict: 'refused' })).toBe(
    cases.filter((c) => c.ends === 'refused').length,
  );
  expect(await counter(suite.world.app.url, 'symmetry_slack_app_rate_limited_total', { workspace: TEAM })).toBe(
    cases.filter((c) => c.ends === 'rate-limited').length,
  );
  expect(suite.world.app.child.exitCode).toBeNull();
});
