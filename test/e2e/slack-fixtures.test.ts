/**
 * Real recorded Slack payloads (test/fixtures/slack, sources in its README) replayed through the real
 * HTTP receiver, signed as Slack signs them: as recorded (another workspace's ids) each gets a 2xx or
 * 4xx and the process stays up; with this workspace's ids, the ones the app handles do what they should.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../support/app-process';
import { databaseSnapshot } from '../support/db-snapshot';
import { useWorld } from '../support/e2e-suite';
import { counter } from '../support/prometheus';
import { sendAndSettle, type Ending } from '../support/slack-settled';
import { eventCallbackBody, type SlackRequestBody } from '../support/slack-requests';

const TEAM = 'T0FIXTURE';
const CHANNEL = 'C0FIXTURE';
const FIXTURES = join(__dirname, '..', 'fixtures', 'slack');

type Payload = Record<string, unknown>;
const load = (file: string): Payload => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Payload;

/** The payload with its recorded ids swapped for ours: whole string values only, wherever they occur. */
function rekeyed(payload: Payload, ids: Record<string, string>): Payload {
  let text = JSON.stringify(payload);
  for (const [from, to] of Object.entries(ids)) text = text.split(JSON.stringify(from)).join(JSON.stringify(to));
  return JSON.parse(text) as Payload;
}

const asForm = (fields: Payload): SlackRequestBody => ({
  body: new URLSearchParams(fields as Record<string, string>).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const asInteractive = (payload: Payload): SlackRequestBody => ({
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const asJson = (payload: Payload): SlackRequestBody => ({
  body: JSON.stringify(payload),
  contentType: 'application/json',
});

/** How Slack delivers each recorded file, and where the app finishes with it when it comes from another workspace. */
const AS_RECORDED: Record<string, { send: (p: Payload) => SlackRequestBody; ends: Ending }> = {
  'slash-command.json': { send: asForm, ends: 'listeners' },
  'block-actions-button.json': { send: asInteractive, ends: 'listeners' },
  'view-submission.json': { send: asInteractive, ends: 'listeners' },
  'view-closed.json': { send: asInteractive, ends: 'listeners' },
  'event-reaction-added.json': { send: asJson, ends: 'listeners' },
  'event-member-joined-channel.json': { send: asJson, ends: 'listeners' },
  'event-app-home-opened-messages.json': { send: asJson, ends: 'listeners' },
  // An inner event only (Slack's reference shows no envelope): wrapped in one.
  'event-app-home-opened-home.json': { send: (event) => eventCallbackBody('T123ABC456', event), ends: 'listeners' },
  'app-rate-limited.json': { send: asJson, ends: 'rate-limited' },
  'url-verification.json': { send: asJson, ends: 'answer' },
};

const suite = useWorld(
  {
    teamId: TEAM,
    channel: CHANNEL,
    users: ['UMGR', 'UANNA', 'UBEN', 'UNEW'].map((id) => ({ id, name: id.toLowerCase(), tz: 'Europe/Amsterdam' })),
    channelMembers: ['UMGR', 'UANNA', 'UBEN'],
  },
  async ({ world }) => {
    await world.pulse('UMGR', 'setup');
    await waitFor(async () => (await activeMembers()).length === 3, 'the team');
  },
);
const snapshot = () => databaseSnapshot(suite.database.pool);

const activeMembers = async () =>
  (
    await suite.database.pool.query<{ id: string }>(
      'select m.platform_user_id as id from team_members tm join members m on m.id = tm.member_id where tm.active order by 1',
    )
  ).rows.map((r) => r.id);
const liveKudos = async () =>
  (await suite.database.pool.query('select count(*)::int as n from kudos where revoked_at is null')).rows[0]
    .n as number;
const replay = (body: SlackRequestBody, ends: Ending) =>
  sendAndSettle(suite.world.app.url, suite.queues, ends, () => suite.world.send(body));

test('every fixture file is replayed below', () => {
  expect(
    readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.json'))
      .sort(),
  ).toEqual(Object.keys(AS_RECORDED).sort());
});

test.each(Object.entries(AS_RECORDED))(
  '%s as recorded: 2xx or 4xx, nothing stored, the process still up',
  async (file, { send, ends }) => {
    const before = await snapshot();
    const res = await replay(send(load(file)), ends);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
    expect(suite.world.app.child.exitCode).toBeNull();
    expect((await fetch(`${suite.world.app.url}/healthz`)).status).toBe(200);
  },
);

describe('with this workspace’s ids', () => {
  test('the recorded slash command: an unknown command is answered so; as /pulse help, the help', async () => {
    const fields = rekeyed(load('slash-command.json'), {
      T0A6R9YLSKA: TEAM,
      U0A60JBHJBE: 'UMGR',
      C0ACELCQBAB: CHANNEL,
    });
    const unknown = await replay(
      asForm({ ...fields, response_url: suite.world.slack.responseUrl('fx-unknown') }),
      'listeners',
    );
    expect(unknown.status).toBe(200);
    expect(`${unknown.text}${JSON.stringify(suite.world.slack.responses('fx-unknown'))}`).toMatch(
      /not a Symmetry command/,
    );
    const help = await replay(
      asForm({ ...fields, command: '/pulse', text: 'help', response_url: suite.world.slack.responseUrl('fx-help') }),
      'listeners',
    );
    expect(help.status).toBe(200);
    expect(JSON.stringify(suite.world.slack.responses('fx-help'))).toMatch(/\/pulse setup/);
  });

  test('the recorded button click, modal submission and modal close: acknowledged (200), nothing stored', async () => {
    const before = await snapshot();
    const click = rekeyed(load('block-actions-button.json'), {
      T03SH7G01GU: TEAM,
      U03STHCA1JM: 'UANNA',
      C0A511MBCUW: CHANNEL,
    });
    const submitted = rekeyed(load('view-submission.json'), { T0A6R9YLSKA: TEAM, U0A60JBHJBE: 'UANNA' });
    const closed = rekeyed(load('view-closed.json'), { T_expected: TEAM, T_unexpected: TEAM, W111: 'UANNA' });
    for (const payload of [click, submitted, closed]) {
      const res = await replay(
        asInteractive({ ...payload, response_url: suite.world.slack.responseUrl('fx-ui') }),
        'listeners',
      );
      expect({ type: payload.type, status: res.status, body: res.text }).toEqual({
        type: payload.type,
        status: 200,
        body: '',
      });
    }
    expect(await snapshot()).toBe(before);
  });

  test('the recorded app_rate_limited notice: 200, a warning with its minute, counted for this workspace', async () => {
    const res = await replay(asJson(rekeyed(load('app-rate-limited.json'), { T123456: TEAM })), 'rate-limited');
    expect(res.status).toBe(200);
    expect(await counter(suite.world.app.url, 'symmetry_slack_app_rate_limited_total', { workspace: TEAM })).toBe(1);
    expect(suite.world.app.output()).toMatch(/"minute_rate_limited":1518467820,"since":"2018-02-12T20:37:00.000Z"/);
  });

  test('the recorded url_verification: the challenge comes back', async () => {
    const res = await replay(asJson(load('url-verification.json')), 'answer');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  test('the recorded member_joined_channel (Enterprise Grid): the newcomer joins the team', async () => {
    suite.world.slack.addChannel(CHANNEL, ['UMGR', 'UANNA', 'UBEN', 'UNEW'], { name: 'team' });
    const event = rekeyed(load('event-member-joined-channel.json'), {
      T00FAKE00AA: TEAM,
      U00FAKEBOT01: 'UNEW',
      U00FAKEUSER1: 'UMGR',
      C00FAKECHAN1: CHANNEL,
    });
    expect((await replay(asJson(event), 'listeners')).status).toBe(200);
    expect(await activeMembers()).toEqual(['UANNA', 'UBEN', 'UMGR', 'UNEW']);
  });

  test('the recorded reaction_added: "+1" on the bot’s message gives no kudos; clap on a teammate’s message gives one', async () => {
    const recorded = load('event-reaction-added.json');
    const asIs = rekeyed(recorded, {
      T03SH7G01GU: TEAM,
      U03STHCA1JM: 'UBEN',
      U0A56JUFP9A: suite.world.slack.botUserId,
      C0A511MBCUW: CHANNEL,
    });
    expect((await replay(asJson(asIs), 'listeners')).status).toBe(200);
    expect(await liveKudos()).toBe(0);

    const message = suite.world.slack.postAs('UANNA', CHANNEL, 'Shipped the fix.');
    const clap = rekeyed(recorded, {
      T03SH7G01GU: TEAM,
      U03STHCA1JM: 'UBEN',
      U0A56JUFP9A: 'UANNA',
      C0A511MBCUW: CHANNEL,
      '1767326126.896109': message.ts,
      '+1': 'clap',
    });
    expect((await replay(asJson({ ...clap, event_id: 'Ev0FIXCLAP1' }), 'listeners')).status).toBe(200);
    expect(await liveKudos()).toBe(1);
  });

  test('the recorded app_home_opened: the Messages tab changes nothing, the Home tab is published', async () => {
    const messagesTab = rekeyed(load('event-app-home-opened-messages.json'), { T111: TEAM, W111: 'UANNA' });
    expect((await replay(asJson(messagesTab), 'listeners')).status).toBe(200);
    expect(suite.world.slack.homeOf('UANNA')).toBeUndefined();

    const homeTab = rekeyed(load('event-app-home-opened-home.json'), { U123ABC456: 'UANNA', T123ABC456: TEAM });
    expect((await replay(eventCallbackBody(TEAM, homeTab), 'listeners')).status).toBe(200);
    expect(suite.world.slack.homeOf('UANNA')).toMatchObject({ type: 'home' });
  });
});
