/**
 * The fetch our Slack clients use (undici's request pool) must look to @slack/web-api and to Bolt's
 * respond() exactly like the built-in fetch: answers, Slack errors, 429 with Retry-After, 5xx,
 * response_url posts, and the file-upload path it hands to the built-in fetch.
 */
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { createSlackFetch } from '../../src/platforms/slack/http';
import { createSlackClient } from '../../src/platforms/slack/client';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';

const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silent;
  },
};
let fake: FakeSlack;
let client: WebClient;

beforeEach(async () => {
  fake = await startFakeSlack();
  fake.addUser({ id: 'U0HTTP0001' });
  client = createSlackClient('xoxb-http-test', fake.url, silent);
});
afterEach(() => fake.close());

test('a Web API call goes out with its token and arguments and comes back parsed', async () => {
  const res = await client.chat.postMessage({
    channel: 'U0HTTP0001',
    text: 'Hello',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello *there*' } }],
  });
  expect(res).toMatchObject({ ok: true, channel: expect.stringMatching(/^D/), message: { text: 'Hello' } });
  const [call] = fake.callsTo('chat.postMessage');
  expect(call).toMatchObject({ token: 'xoxb-http-test', status: 200, args: { channel: 'U0HTTP0001', text: 'Hello' } });
  expect(fake.dmOf('U0HTTP0001')[0]?.blocks).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: 'Hello *there*' } },
  ]);
});

test('a Slack error, a 429 with its Retry-After and a 5xx reach the caller as the WebClient reports them', async () => {
  await expect(client.chat.update({ channel: 'D0NOPE', ts: '1.2', text: 'x' })).rejects.toMatchObject({
    code: ErrorCode.PlatformError,
    data: { error: 'channel_not_found' },
  });
  fake.failNext('chat.postMessage', 1, { status: 429, retryAfterSeconds: 7 });
  await expect(client.chat.postMessage({ channel: 'U0HTTP0001', text: 'x' })).rejects.toMatchObject({
    code: ErrorCode.RateLimitedError,
    retryAfter: 7,
  });
  fake.failNext('chat.postMessage', 1, { status: 503 });
  await expect(client.chat.postMessage({ channel: 'U0HTTP0001', text: 'x' })).rejects.toMatchObject({
    code: ErrorCode.HTTPError,
    statusCode: 503,
  });
  // Nothing was posted by the refused calls.
  expect(fake.dmOf('U0HTTP0001')).toHaveLength(0);
});

test("Bolt's respond() path: a JSON post to a response_url, its status in Response.ok", async () => {
  const slackFetch = createSlackFetch();
  const url = fake.responseUrl('r1');
  const res = await slackFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'private answer' }),
  });
  expect(res.ok).toBe(true);
  expect(fake.responses('r1')).toEqual([{ text: 'private answer' }]);
  fake.failNext('response_url', 1, { status: 500 });
  const failed = await slackFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"text":"x"}',
  });
  expect({ ok: failed.ok, status: failed.status }).toEqual({ ok: false, status: 500 });
});

test('a file upload (binary, multipart) still goes through and arrives whole', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const opened = await client.conversations.open({ users: 'U0HTTP0001' });
  await client.filesUploadV2({ channel_id: opened.channel!.id!, filename: 'chart.png', title: 'Chart', file: png });
  expect(fake.uploads).toHaveLength(1);
  // Whatever framing the upload used, the bytes arrive intact.
  expect(fake.uploads[0]!.data.includes(png)).toBe(true);
});

test('a timeout aborts the call', async () => {
  fake.setDelay(500);
  const slow = new WebClient('xoxb-http-test', {
    slackApiUrl: fake.url,
    fetch: createSlackFetch(),
    timeout: 50,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  await expect(slow.auth.test()).rejects.toMatchObject({ code: ErrorCode.RequestError });
});
