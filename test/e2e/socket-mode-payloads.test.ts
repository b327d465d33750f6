/**
 * Socket Mode gets the same screen as HTTP: Slack's app_rate_limited notice (an events_api envelope
 * without an inner event, which @slack/socket-mode's own parser throws on) and view_closed are
 * acknowledged at once; malformed payloads are acknowledged (so Slack does not redeliver them) and
 * dropped; the process stays up and the database is exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { waitFor } from '../support/app-process';
import { databaseSnapshot } from '../support/db-snapshot';
import { useWorld } from '../support/e2e-suite';
import type { EnvelopeType } from '../support/fake-socket-mode';
import { counter } from '../support/prometheus';
import { sendAndSettle, type Ending } from '../support/slack-settled';
import { slashCommandBody } from '../support/slack-requests';
import viewClosed from '../fixtures/slack/view-closed.json';

const TEAM = 'T0SOCKPAY';
const CHANNEL = 'C0SOCKPAY';
const APP_TOKEN = `xapp-1-A0A1SYMMTRY-${randomBytes(6).toString('hex')}`;

// With an app-level token the app connects over Socket Mode to the fake Slack (which then accepts only these tokens).
const suite = useWorld({
  teamId: TEAM,
  channel: CHANNEL,
  users: [{ id: 'UMGR', name: 'manager', tz: 'Europe/Stockholm' }],
  env: { SLACK_APP_TOKEN: APP_TOKEN },
  slack: { tokens: ['xoxb-e2e-token', APP_TOKEN] },
});
const snapshot = () => databaseSnapshot(suite.database.pool);

interface Case {
  name: string;
  type: EnvelopeType;
  payload: unknown;
  ends: Ending;
  logs?: RegExp;
}

const rateLimited = {
  token: 'x',
  type: 'app_rate_limited',
  team_id: TEAM,
  minute_rate_limited: 1518467820,
  api_app_id: 'A0A1SYMMTRY',
};
const cases: Case[] = [
  {
    name: "Slack's app_rate_limited notice (an events_api envelope without an inner event)",
    type: 'events_api',
    payload: rateLimited,
    ends: 'rate-limited',
    logs: /app_rate_limited[^\n]*"minute_rate_limited":1518467820|"minute_rate_limited":1518467820[^\n]*app_rate_limited/,
  },
  {
    name: 'a modal closed (recorded view_closed)',
    type: 'interactive',
    payload: { ...viewClosed, team: { id: TEAM, domain: 'example' }, user: { ...viewClosed.user, team_id: TEAM } },
    ends: 'listeners',
  },
  { name: 'an events_api payload that is null', type: 'events_api', payload: null, ends: 'refused' },
  {
    name: 'an event that is a string',
    type: 'events_api',
    payload: { type: 'event_callback', team_id: TEAM, event: 'member_joined_channel' },
    ends: 'refused',
  },
  {
    name: 'an event that is null',
    type: 'events_api',
    payload: { type: 'event_callback', team_id: TEAM, event: null },
    ends: 'refused',
  },
  { name: 'an interactive payload that is null', type: 'interactive', payload: null, ends: 'refused' },
  {
    name: 'an interactive payload that is an array',
    type: 'interactive',
    payload: [{ type: 'block_actions' }],
    ends: 'refused',
  },
  {
    name: 'actions that is a string',
    type: 'interactive',
    payload: { type: 'block_actions', user: { id: 'UMGR' }, team: { id: TEAM }, actions: 'x' },
    ends: 'refused',
  },
  {
    name: 'a slash command with a field that is a list',
    type: 'slash_commands',
    payload: { command: '/pulse', text: ['now', 'now'], team_id: TEAM, user_id: 'UMGR', channel_id: CHANNEL },
    ends: 'refused',
  },
  {
    name: 'an envelope of a type no listener knows',
    type: 'events_api',
    payload: { type: 'totally_new_envelope', team_id: TEAM },
    ends: 'ignored',
  },
];

test.each(cases.map((c) => [c.name, c] as const))(
  '%s: acknowledged at once, nothing stored, still up',
  async (_name, c) => {
    const before = await snapshot();
    // acceptsResponsePayload given: the fake would otherwise read `payload.type`.
    const { app, slack } = suite.world;
    const ack = await sendAndSettle(app.url, suite.queues, c.ends, () =>
      slack.socketMode.sendEnvelope(c.type, c.payload as Record<string, unknown>, { acceptsResponsePayload: false }),
    );
    expect(ack).toEqual({ envelope_id: slack.socketMode.envelopes.at(-1)!.envelope_id, payload: {} });
    if (c.logs) expect(app.output()).toMatch(c.logs);
    expect(await snapshot()).toBe(before);
    expect(app.child.exitCode).toBeNull();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  },
);

test('afterwards a command still works over the same connection, and the notices were counted', async () => {
  const { app, slack } = suite.world;
  const ack = await slack.socketMode.deliver(
    slashCommandBody({
      command: '/pulse',
      text: 'help',
      userId: 'UMGR',
      channelId: CHANNEL,
      teamId: TEAM,
      responseUrl: slack.responseUrl('sock-help'),
    }),
  );
  expect(ack.payload).toEqual({});
  const [reply] = await waitFor(
    () => (slack.responses('sock-help').length ? slack.responses('sock-help') : null),
    'the reply to /pulse help',
  );
  expect(JSON.stringify(reply)).toMatch(/pulse/);
  expect(slack.socketMode.connectionsOpened()).toBe(1);
  expect(slack.socketMode.received.filter((r) => r.stray)).toEqual([]);
  expect(await counter(app.url, 'symmetry_slack_app_rate_limited_total', { workspace: TEAM })).toBe(1);
  expect(await counter(app.url, 'symmetry_slack_payloads_screened_total', { verdict: 'refused' })).toBe(
    cases.filter((c) => c.ends === 'refused').length,
  );
});
