/**
 * Proves the test-side Slack world answers like Slack for the real clients: @slack/web-api against
 * the fake Web API, and Bolt's own HTTPReceiver against our signed request builders.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { ErrorCode, WebClient, LogLevel, type ConversationsMembersResponse } from '@slack/web-api';
import { App, HTTPReceiver, verifySlackRequest } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import {
  blockActionBody,
  eventCallbackBody,
  memberJoinedChannelEvent,
  newTriggerId,
  postToSlackApp,
  reactionAddedEvent,
  signSlackRequest,
  slashCommandBody,
  viewSubmissionBody,
} from '../support/slack-requests';
import { installNetworkGuard, isLoopbackHost, isNetworkGuardActive, NetworkGuardError } from '../support/no-network';

const TOKEN = 'xoxb-test-token';
let fake: FakeSlack;
let web: WebClient;

/** Polls until `check` holds; Bolt runs listeners after it has already acked. */
async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  fake = await startFakeSlack();
  // BullMQ owns retries in production, so the client must throw on 429 rather than wait.
  web = new WebClient(TOKEN, {
    slackApiUrl: fake.url,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
});
afterEach(() => fake.close());

describe('fake Slack Web API', () => {
  it('answers auth.test with the bot identity and records the bearer token', async () => {
    const res = await web.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: fake.botUserId, bot_id: fake.botId, team_id: fake.teamId });
    expect(fake.callsTo('auth.test')[0]).toMatchObject({ token: TOKEN, status: 200 });
  });

  it('posts to a user id in a D channel, created once and reused', async () => {
    fake.addUser({ id: 'U0A1MEMBER1', tz: 'Europe/Paris' });
    const first = await web.chat.postMessage({ channel: 'U0A1MEMBER1', text: 'How are you feeling?' });
    const second = await web.chat.postMessage({
      channel: 'U0A1MEMBER1',
      text: 'Reminder',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Reminder' } }],
    });
    expect(first.channel).toMatch(/^D[A-Z0-9]+$/);
    expect(second.channel).toBe(first.channel);
    expect(second.ts).not.toBe(first.ts);
    expect(first.message).toMatchObject({
      type: 'message',
      text: 'How are you feeling?',
      user: fake.botUserId,
      bot_id: fake.botId,
      ts: first.ts,
    });
    expect(fake.dmOf('U0A1MEMBER1').map((m) => m.text)).toEqual(['How are you feeling?', 'Reminder']);
    expect(fake.dmOf('U0A1MEMBER1')[1]?.blocks).toHaveLength(1);

    const opened = await web.conversations.open({ users: 'U0A1MEMBER1' });
    expect(opened).toMatchObject({ channel: { id: first.channel }, no_op: true, already_open: true });
  });

  it('updates an existing message and refuses an unknown ts or a user id as channel', async () => {
    fake.addUser({ id: 'U0A1MEMBER1' });
    const posted = await web.chat.postMessage({ channel: 'U0A1MEMBER1', text: 'Score?' });
    const updated = await web.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'Thanks, saved.' });
    expect(updated).toMatchObject({ ok: true, channel: posted.channel, ts: posted.ts, text: 'Thanks, saved.' });
    expect(fake.dmOf('U0A1MEMBER1')[0]).toMatchObject({ text: 'Thanks, saved.', edited: { user: fake.botUserId } });

    await expect(
      web.chat.update({ channel: posted.channel!, ts: '1700000000.000001', text: 'x' }),
    ).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'message_not_found' },
    });
    await expect(web.chat.update({ channel: 'U0A1MEMBER1', ts: posted.ts!, text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('includes locale in users.info only with include_locale, plus tz, tz_offset and roles', async () => {
    fake.addUser({ id: 'U0A1MEMBER1', tz: 'Asia/Kolkata', locale: 'fr-FR', isAdmin: true, name: 'sam' });
    fake.addUser({ id: 'U0A1GONE001', deleted: true });
    const plain = await web.users.info({ user: 'U0A1MEMBER1' });
    expect(plain.user).not.toHaveProperty('locale');
    expect(plain.user).toMatchObject({
      id: 'U0A1MEMBER1',
      name: 'sam',
      tz: 'Asia/Kolkata',
      tz_offset: 19800,
      is_admin: true,
      is_owner: false,
      is_bot: false,
      deleted: false,
    });
    expect(plain.user?.tz_label).toBe('India Standard Time');

    const withLocale = await web.users.info({ user: 'U0A1MEMBER1', include_locale: true });
    expect(withLocale.user?.locale).toBe('fr-FR');
    expect((await web.users.info({ user: 'U0A1GONE001' })).user?.deleted).toBe(true);
    expect((await web.users.info({ user: fake.botUserId })).user).toMatchObject({
      is_bot: true,
      profile: { bot_id: fake.botId },
    });
    await expect(web.users.info({ user: 'U0NOBODY000' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('pages conversations.members with limit and cursor, ending with an empty next_cursor', async () => {
    const members = ['U01', 'U02', 'U03', 'U04', 'U05'].map((u) => `${u}AAAAAAA`);
    fake.addChannel('C0A1PULSE01', members);

    const pages: string[][] = [];
    for await (const page of web.paginate('conversations.members', { channel: 'C0A1PULSE01', limit: 2 })) {
      pages.push((page as ConversationsMembersResponse).members ?? []);
    }
    expect(pages).toEqual([members.slice(0, 2), members.slice(2, 4), members.slice(4)]);

    const first = await web.conversations.members({ channel: 'C0A1PULSE01', limit: 3 });
    const rest = await web.conversations.members({
      channel: 'C0A1PULSE01',
      limit: 3,
      cursor: first.response_metadata?.next_cursor,
    });
    expect([...first.members!, ...rest.members!]).toEqual(members);
    expect(rest.response_metadata?.next_cursor).toBe('');
    await expect(web.conversations.members({ channel: 'C0A1PULSE01', cursor: 'bm9wZQ==' })).rejects.toMatchObject({
      data: { error: 'invalid_cursor' },
    });
    await expect(web.conversations.members({ channel: 'C0NOPE00000' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('lists history newest first, with metadata only when include_all_metadata is set', async () => {
    fake.addChannel('C0A1PULSE01', [fake.botUserId]);
    const metadata = { event_type: 'team_summary', event_payload: { round: 'r_1' } };
    await web.chat.postMessage({ channel: 'C0A1PULSE01', text: 'first' });
    await web.chat.postMessage({ channel: 'C0A1PULSE01', text: 'second', metadata });

    const plain = await web.conversations.history({ channel: 'C0A1PULSE01' });
    expect(plain.messages?.map((m) => m.text)).toEqual(['second', 'first']);
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withMeta = await web.conversations.history({ channel: 'C0A1PULSE01', include_all_metadata: true });
    expect(withMeta.messages?.[0]?.metadata).toEqual(metadata);
  });

  it('opens a modal only with a fresh trigger_id and updates it by view id', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'checkin_comment',
      title: { type: 'plain_text' as const, text: 'Check-in' },
      blocks: [],
    };
    await expect(web.views.open({ trigger_id: '', view })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });

    const trigger = newTriggerId();
    const opened = await web.views.open({ trigger_id: trigger, view });
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V[A-Z0-9]+$/),
      type: 'modal',
      callback_id: 'checkin_comment',
      app_id: fake.appId,
    });
    await expect(web.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });

    const updated = await web.views.update({
      view_id: opened.view!.id!,
      hash: opened.view!.hash!,
      view: { ...view, private_metadata: 'x' },
    });
    expect(updated.view).toMatchObject({ id: opened.view!.id, private_metadata: 'x' });
    await expect(web.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view })).rejects.toMatchObject(
      { data: { error: 'hash_conflict' } },
    );
  });

  it('turns failNext 429 into the client rate-limited error carrying retryAfter', async () => {
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfterSeconds: 7 });
    fake.addChannel('C0A1PULSE01', []);
    await expect(web.chat.postMessage({ channel: 'C0A1PULSE01', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(web.chat.postMessage({ channel: 'C0A1PULSE01', text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(fake.rateLimitedCount('chat.postMessage')).toBe(1);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(fake.callsTo('chat.postMessage')[0]?.response).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('injects HTTP 500s and platform errors', async () => {
    fake.failNext('users.info', 1, { status: 500 });
    fake.failNext('users.info', 1, { error: 'account_inactive' });
    await expect(web.users.info({ user: 'U1' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    await expect(web.users.info({ user: 'U1' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'account_inactive' },
    });
  });

  it('rate-limits a method over a sliding window with a Retry-After', async () => {
    fake.addUser({ id: 'U0A1MEMBER1' });
    fake.limit('users.info', { perSeconds: 60, max: 2 });
    await web.users.info({ user: 'U0A1MEMBER1' });
    await web.users.info({ user: 'U0A1MEMBER1' });
    const err = await web.users.info({ user: 'U0A1MEMBER1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCode.RateLimitedError });
    expect((err as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(59);
    expect(fake.rateLimitedCount()).toBe(1);
  });

  it('speaks JSON bodies too, and answers not_authed and unknown_method like Slack', async () => {
    const post = (method: string, body: unknown, auth = true) =>
      fetch(`${fake.url}${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}),
        },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    fake.addChannel('C0A1PULSE01', []);
    expect(await post('chat.postMessage', { channel: 'C0A1PULSE01', text: 'json', blocks: [] })).toMatchObject({
      ok: true,
      channel: 'C0A1PULSE01',
    });
    expect(await post('chat.postMessage', { channel: 'C0A1PULSE01', text: 'x' }, false)).toEqual({
      ok: false,
      error: 'not_authed',
    });
    expect(await post('pins.add', {})).toEqual({ ok: false, error: 'unknown_method' });
    expect(fake.callsTo('pins.add')).toHaveLength(1);
  });

  it('records posts to a response_url and file uploads', async () => {
    const url = fake.responseUrl('cmd-1');
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'ok', response_type: 'ephemeral' }),
    });
    expect(fake.responses('cmd-1')).toEqual([{ text: 'ok', response_type: 'ephemeral' }]);

    fake.addChannel('C0A1PULSE01', [fake.botUserId]);
    const res = await web.filesUploadV2({
      channel_id: 'C0A1PULSE01',
      file: Buffer.from('png-bytes'),
      filename: 'pulse.png',
      title: 'Pulse',
    });
    expect(res.ok).toBe(true);
    expect(fake.uploads).toEqual([expect.objectContaining({ bytes: expect.any(Number) })]);
    expect(fake.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({ channel_id: 'C0A1PULSE01' });
    // The file is shared into that channel with the bytes that were uploaded; an unknown channel is refused.
    expect(fake.filesIn('C0A1PULSE01')).toEqual([
      expect.objectContaining({ title: 'Pulse', threadTs: null, comment: null }),
    ]);
    expect(fake.filesIn('C0A1PULSE01')[0]!.upload?.data.toString()).toContain('png-bytes');
    await expect(
      web.filesUploadV2({ channel_id: 'CNOSUCH', file: Buffer.from('x'), filename: 'x.png' }),
    ).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });
});

describe('Slack request builders against Bolt', () => {
  const secret = 'test-signing-secret';

  it('signs exactly as Bolt verifies', () => {
    const ts = Math.floor(Date.now() / 1000);
    const { body } = slashCommandBody({
      command: '/pulse',
      text: 'status',
      userId: 'U1',
      channelId: 'C1',
      teamId: 'T1',
      responseUrl: 'http://x',
    });
    const headers = (sig: string, at = ts) => ({ 'x-slack-signature': sig, 'x-slack-request-timestamp': at });
    expect(() =>
      verifySlackRequest({ signingSecret: secret, body, headers: headers(signSlackRequest(secret, ts, body)) }),
    ).not.toThrow();
    expect(() =>
      verifySlackRequest({ signingSecret: secret, body, headers: headers(signSlackRequest('other', ts, body)) }),
    ).toThrow(/signature mismatch/);
    expect(() =>
      verifySlackRequest({
        signingSecret: secret,
        body,
        headers: headers(signSlackRequest(secret, ts - 360, body), ts - 360),
      }),
    ).toThrow(/stale/);
  });

  describe('through a real HTTPReceiver', () => {
    let app: App;
    let url: string;
    const seen: string[] = [];

    beforeEach(async () => {
      seen.length = 0;
      fake.addUser({ id: 'U0A1MEMBER1' });
      fake.addChannel('C0A1PULSE01', [fake.botUserId, 'U0A1MEMBER1']);
      const receiver = new HTTPReceiver({ signingSecret: secret, logLevel: LogLevel.ERROR });
      app = new App({ token: TOKEN, receiver, clientOptions: { slackApiUrl: fake.url }, logLevel: LogLevel.ERROR });
      app.command('/pulse', async ({ ack, command, respond, client }) => {
        await ack();
        seen.push(`command:${command.text}:${command.trigger_id ? 'trigger' : ''}`);
        await respond({ text: 'on it' });
        await client.chat.postMessage({ channel: command.user_id, text: 'DM from command' });
      });
      app.action('checkin_score', async ({ ack, body, action }) => {
        await ack();
        seen.push(`action:${(action as { value?: string }).value}:${body.type}`);
      });
      app.view('checkin_comment', async ({ ack, view }) => {
        await ack();
        seen.push(`view:${view.private_metadata}:${JSON.stringify(view.state.values)}`);
      });
      app.event('member_joined_channel', async ({ event }) => void seen.push(`joined:${event.user}`));
      app.event('reaction_added', async ({ event }) => void seen.push(`reaction:${event.reaction}`));
      const server = (await app.start(0)) as http.Server;
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    });
    afterEach(() => app.stop());

    it('accepts a signed slash command; respond() and the client reach the fake', async () => {
      const responseUrl = fake.responseUrl('cmd');
      const res = await postToSlackApp(url, {
        ...slashCommandBody({
          command: '/pulse',
          text: 'status',
          userId: 'U0A1MEMBER1',
          channelId: 'C0A1PULSE01',
          teamId: fake.teamId,
          responseUrl,
        }),
        secret,
      });
      expect(res.status).toBe(200);
      await eventually(() => fake.dmOf('U0A1MEMBER1').length === 1);
      expect(seen).toEqual(['command:status:trigger']);
      expect(fake.responses('cmd')).toEqual([{ text: 'on it' }]);
    });

    it('rejects unsigned, wrongly signed and six-minute-old requests with 401', async () => {
      const req = slashCommandBody({
        command: '/pulse',
        userId: 'U0A1MEMBER1',
        channelId: 'C0A1PULSE01',
        teamId: fake.teamId,
        responseUrl: fake.responseUrl(),
      });
      expect((await postToSlackApp(url, req)).status).toBe(401);
      expect((await postToSlackApp(url, { ...req, secret: 'wrong-secret' })).status).toBe(401);
      expect(
        (await postToSlackApp(url, { ...req, secret, timestamp: Math.floor(Date.now() / 1000) - 360 })).status,
      ).toBe(401);
      expect(seen).toEqual([]);
    });

    it('routes block actions, view submissions and events by their real shapes', async () => {
      const post = async (body: Parameters<typeof postToSlackApp>[1]) =>
        expect((await postToSlackApp(url, { ...body, secret })).status).toBe(200);
      const { channel, ts } = await web.chat.postMessage({ channel: 'U0A1MEMBER1', text: 'Score?' });
      await post(
        blockActionBody({
          userId: 'U0A1MEMBER1',
          teamId: fake.teamId,
          actionId: 'checkin_score',
          value: '8',
          channelId: channel!,
          messageTs: ts!,
          responseUrl: fake.responseUrl(),
          message: fake.dmOf('U0A1MEMBER1')[0],
        }),
      );
      await post(
        viewSubmissionBody({
          userId: 'U0A1MEMBER1',
          teamId: fake.teamId,
          callbackId: 'checkin_comment',
          privateMetadata: 'r_1',
          values: { comment: { comment: { type: 'plain_text_input', value: 'ok' } } },
        }),
      );
      await post(
        eventCallbackBody(
          fake.teamId,
          memberJoinedChannelEvent({ user: 'U0A1MEMBER1', channel: 'C0A1PULSE01', team: fake.teamId }),
          { botUserId: fake.botUserId },
        ),
      );
      await post(
        eventCallbackBody(
          fake.teamId,
          reactionAddedEvent({ user: 'U0A1MEMBER1', reaction: 'tada', channel: 'C0A1PULSE01', ts: ts! }),
        ),
      );
      await eventually(() => seen.length === 4);
      expect(seen).toEqual([
        'action:8:block_actions',
        'view:r_1:{"comment":{"comment":{"type":"plain_text_input","value":"ok"}}}',
        'joined:U0A1MEMBER1',
        'reaction:tada',
      ]);
    });
  });
});

describe('network guard', () => {
  it('blocks non-loopback fetch, http and sockets, and lets loopback through', async () => {
    const restore = installNetworkGuard();
    try {
      await expect(fetch('https://slack.com/api/auth.test')).rejects.toBeInstanceOf(NetworkGuardError);
      expect(() => http.get('http://203.0.113.7/')).toThrow(NetworkGuardError);
      expect(() => net.connect(443, 'example.invalid')).toThrow(NetworkGuardError);
      expect(() => net.connect({ host: '203.0.113.7', port: 5432 })).toThrow(/Blocked outbound/);
      // The real client against the loopback fake still works under the guard.
      await expect(web.auth.test()).resolves.toMatchObject({ ok: true });
    } finally {
      restore();
    }
    expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('[::1]') && isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('nests: an inner install may allow more, and removing it restores the outer rules', () => {
    // A lookup that fails at once keeps these sockets from touching DNS or the network.
    const offline = (host: string) => {
      const socket = net.connect({ host, port: 5432, lookup: (_h, _o, cb) => cb(new Error('offline'), '', 4) });
      socket.on('error', () => undefined).destroy();
    };
    const wasActive = isNetworkGuardActive();
    const outer = installNetworkGuard();
    const inner = installNetworkGuard({ allow: ['postgres', /\.internal$/] });
    try {
      expect(() => offline('postgres')).not.toThrow();
      expect(() => offline('redis.internal')).not.toThrow();
      expect(() => offline('example.invalid')).toThrow(NetworkGuardError);
    } finally {
      inner();
    }
    expect(() => offline('postgres')).toThrow(NetworkGuardError);
    outer();
    expect(isNetworkGuardActive()).toBe(wasActive);
    if (!wasActive) expect(() => offline('postgres')).not.toThrow();
  });
});
