/**
 * POST /slack/events in process: the Slack app as the web process builds it (src/platforms/slack/app.ts) behind a
 * server of its own, real PostgreSQL, the fake Slack Web API. The endpoint parses and verifies each request once and
 * hands the parsed body to `app.processEvent` itself, answering as Bolt's HTTPReceiver did: Slack's unsigned SSL
 * probe (and nothing smuggled beside it), url_verification, retry headers, errors after and before the ack, and a
 * request nothing acknowledges.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../src/core/clock';
import type { Logger } from '../../src/core/ports';
import type { WebDeps } from '../../src/core/use-cases/deps';
import { toBoltLogger } from '../../src/platforms/slack/bolt-logger';
import { createSlackApp, type SlackTransport } from '../../src/platforms/slack/app';
import { createEventsEndpoint } from '../../src/platforms/slack/events-endpoint';
import { waitFor } from '../support/app-process';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { MemoryQueue } from '../support/memory-queue';
import {
  blockActionBody,
  eventCallbackBody,
  postToSlackApp,
  type PostToSlackAppOptions,
  type SlackRequestBody,
} from '../support/slack-requests';

const SECRET = 'endpoint-signing-secret';
const TEAM = 'T0ENDPOINT';

interface LogLine {
  level: string;
  msg: string | undefined;
}
/** A logger that keeps what it is told, for the lines Bolt and the endpoint write. */
function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: string) =>
    (_obj: object, msg?: string): void =>
      void lines.push({ level, msg });
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return { logger, lines };
}

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

let database: TestDatabase;
beforeAll(() => void (database = openTestDatabase()));
afterAll(() => database.close());

const click = (fake: FakeSlack) =>
  blockActionBody({
    userId: 'UCLICKER',
    teamId: TEAM,
    actionId: 'checkin_score_5',
    value: '{"d":"00000000-0000-0000-0000-000000000000"}',
    channelId: 'D0CLICK',
    messageTs: '1.1',
    responseUrl: fake.responseUrl('click'),
  });
const mention = () =>
  eventCallbackBody(TEAM, { type: 'app_mention', user: 'UMENTION', channel: 'C0MENTION', text: 'hi', ts: '1.1' });
const formOf = (body: string): SlackRequestBody => ({ body, contentType: 'application/x-www-form-urlencoded' });

describe('through the Slack app as the web process builds it', () => {
  let fake: FakeSlack;
  let queue: MemoryQueue;
  let slack: SlackTransport;
  let server: Server;
  let url: string;
  let lines: LogLine[];
  const started: number[] = [];
  const settled: Array<'ok' | 'failed'> = [];
  const send = (o: PostToSlackAppOptions) => postToSlackApp(url, o);

  beforeEach(async () => {
    started.length = 0;
    settled.length = 0;
    fake = await startFakeSlack({ teamId: TEAM });
    queue = new MemoryQueue();
    const recorded = recordingLogger();
    lines = recorded.lines;
    const deps: WebDeps = {
      repos: database.repos,
      queue,
      clock: new ManualClock(new Date('2026-03-02T23:30:00Z')),
      logger: recorded.logger,
      anonymitySecret: 'x'.repeat(32),
    };
    slack = createSlackApp(
      {
        token: 'xoxb-endpoint-test',
        signingSecret: SECRET,
        apiUrl: fake.url,
        logger: recorded.logger,
        // As a one-workspace install runs (the workspace from auth.test): requests from others are dropped.
        teamId: TEAM,
        hooks: {
          requestStarted: () => void started.push(Date.now()),
          requestSettled: (outcome) => void settled.push(outcome),
        },
      },
      deps,
    );
    ({ server, url } = await listen(slack.events!));
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
  });

  test("Slack's unsigned ssl_check probe gets an empty 200, and a click smuggled beside it reaches no listener", async () => {
    const smuggled = click(fake).body;
    // Bolt reads the field by its decoded name: a percent-encoded `ssl_check` is the same probe.
    for (const name of ['ssl_check', 'ssl%5Fcheck', '%73sl_check']) {
      const res = await send(formOf(`${name}=1&${smuggled}`));
      expect({ name, status: res.status, text: res.text }).toEqual({ name, status: 200, text: '' });
    }
    expect(started).toEqual([]);
    expect(queue.added).toEqual([]);
    // Bolt checks its token (auth.test) as it starts; nothing else was asked of Slack, nothing posted to a response_url.
    expect(fake.calls.map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual([]);
    expect(fake.allResponses).toEqual([]);
    // Not a probe: a second ssl_check field (Bolt then reads a list) or another value goes through the signature check.
    for (const probe of ['ssl_check=1&ssl_check=1', 'ssl_check=0', 'ssl_checks=1'])
      expect((await send(formOf(`${probe}&${smuggled}`))).status).toBe(401);
    // The same click, signed and without the probe, does reach the listeners: the counts above could have moved.
    expect((await send({ ...click(fake), secret: SECRET })).status).toBe(200);
    await waitFor(() => settled.length === 1, 'the click to be handled');
    expect(started).toHaveLength(1);
  });

  test('a request signed with another secret, or too old, is a 401 that says why in the log (docs/troubleshooting.md)', async () => {
    expect((await send({ ...click(fake), secret: 'not-this-apps-secret' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await send({ ...click(fake), secret: SECRET, timestamp: stale })).status).toBe(401);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch',
      expect.stringMatching(
        /^Failed to parse and verify the request data: .*x-slack-request-timestamp must differ from system time by no more than 5 minutes or request is stale$/,
      ),
    ]);
    expect(started).toEqual([]);
  });

  test('a flood of wrongly signed requests is 401 each and one warn line, not one a request', async () => {
    for (let i = 0; i < 20; i++)
      expect((await send({ ...click(fake), secret: 'not-this-apps-secret' })).status).toBe(401);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch',
    ]);
    expect(started).toEqual([]);
  });

  test("a score click from another workspace is dropped before the click's handler (which runs outside Bolt's listener loop)", async () => {
    const from = (teamId: string) =>
      blockActionBody({
        userId: 'UCLICKER',
        teamId,
        actionId: 'checkin_score_5',
        value: '{"d":"00000000-0000-0000-0000-000000000000","s":5}',
        channelId: 'D0CLICK',
        messageTs: '1.1',
        responseUrl: fake.responseUrl(`click-${teamId}`),
      });
    expect((await send({ ...from('T0INTRUDER'), secret: SECRET })).status).toBe(200);
    await waitFor(() => settled.length === 1, 'the foreign click to be handled');
    expect(queue.added).toEqual([]);
    expect(fake.allResponses).toEqual([]);
    // The same click from this workspace reaches the handler: checked, refused (no such check-in) and answered.
    expect((await send({ ...from(TEAM), secret: SECRET })).status).toBe(200);
    await waitFor(() => fake.allResponses.length === 1, 'the answer to the click');
    expect(JSON.stringify(fake.allResponses[0]!.body)).toMatch(/belongs to someone else/);
    expect(queue.added).toEqual([]);
  });

  test('a signed url_verification gets its challenge back; unsigned, a 401', async () => {
    const body: SlackRequestBody = {
      contentType: 'application/json',
      body: JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' }),
    };
    const res = await send({ ...body, secret: SECRET });
    expect({ status: res.status, json: res.json, type: res.headers.get('content-type') }).toEqual({
      status: 200,
      json: { challenge: 'c-123' },
      type: 'application/json',
    });
    expect((await send(body)).status).toBe(401);
    expect(started).toEqual([]);
  });

  test("a redelivery's retry headers reach Bolt as the context's retryNum and retryReason", async () => {
    const seen: unknown[] = [];
    slack.app.use(async ({ context, next }) => {
      seen.push({ retryNum: context.retryNum, retryReason: context.retryReason });
      await next();
    });
    expect((await send({ ...mention(), secret: SECRET })).status).toBe(200);
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect((await send({ ...mention(), secret: SECRET, headers: retry })).status).toBe(200);
    await waitFor(() => settled.length === 2, 'both deliveries to be handled');
    expect(seen).toEqual([
      { retryNum: undefined, retryReason: undefined },
      { retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  test('a listener that throws after Slack has its 200 is logged, and the process carries on', async () => {
    slack.app.event('app_mention', async () => {
      throw new Error('listener broke');
    });
    expect((await send({ ...mention(), secret: SECRET })).status).toBe(200);
    await waitFor(() => settled.length === 1, 'the event to be handled');
    expect(settled).toEqual(['failed']);
    expect(lines).toContainEqual({ level: 'error', msg: 'slack listener failed' });
    // Still serving.
    expect((await send({ ...click(fake), secret: SECRET })).status).toBe(200);
  });
});

describe("Bolt's answers around processEvent (a stand-in for the app)", () => {
  let server: Server;
  let url: string;
  let boltLines: LogLine[];
  async function endpointWith(processEvent: Parameters<typeof createEventsEndpoint>[0]['processEvent']) {
    const bolt = recordingLogger();
    boltLines = bolt.lines;
    const handler = createEventsEndpoint({
      signingSecret: SECRET,
      processEvent,
      boltLogger: toBoltLogger(bolt.logger),
      report: () => undefined,
      logger: recordingLogger().logger,
    });
    ({ server, url } = await listen(handler));
  }
  afterEach(() => new Promise((resolve) => server.close(resolve)));
  const sendMention = () => postToSlackApp(url, { ...mention(), secret: SECRET });

  test('an error thrown after the ack is logged as Bolt logs it, the answer stays the 200, nothing is unhandled', async () => {
    let thrown = false;
    await endpointWith(async ({ ack }) => {
      await ack();
      await new Promise((resolve) => setTimeout(resolve, 20));
      thrown = true;
      throw new Error('after ack');
    });
    expect((await sendMention()).status).toBe(200);
    await waitFor(() => thrown, 'the error', 5000);
    // Left unhandled, the rejection would fail this test (jest reports it), as it would end the web process.
    await waitFor(
      () => boltLines.some((l) => l.msg === 'An unhandled error occurred after ack() called in a listener'),
      "Bolt's log line",
      5000,
    );
  });

  test("an error thrown before any ack gets Bolt's 500", async () => {
    await endpointWith(async () => {
      throw new Error('before ack');
    });
    expect((await sendMention()).status).toBe(500);
    expect(boltLines).toContainEqual({
      level: 'error',
      msg: 'An unhandled error occurred while Bolt processed an event',
    });
  });

  test("a request nothing acknowledges gets Bolt's 404 after its 3 seconds", async () => {
    await endpointWith(async () => undefined);
    const before = Date.now();
    expect((await sendMention()).status).toBe(404);
    expect(Date.now() - before).toBeGreaterThanOrEqual(2900);
    expect(boltLines.map((l) => l.msg)).toContainEqual(expect.stringMatching(/not acknowledged within 3 seconds/));
  });
});
