/**
 * POST /slack/events over HTTP, read, parsed and verified once: the signature is checked first (nothing
 * unsigned gets further than a 401, except Slack's SSL probe, answered as Bolt answers it), then the body is
 * parsed and screened (payload-screen.ts), and only a payload Bolt can route goes on, already parsed, to
 * `app.processEvent`. What Bolt's own HTTPReceiver would do with it (url_verification, the ack that answers
 * the request, the 404 after 3 s without one, its error handling) is done here with Bolt's exported pieces,
 * so the answers are Bolt's; the receiver itself is not used (it would read, parse and verify again).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HTTPModuleFunctions as boltHttp,
  HTTPResponseAck,
  verifySlackRequest,
  type ReceiverEvent,
  type StringIndexed,
} from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/web-api';
import type { Logger } from '../../core/ports';
import { isSslCheck, parseSlackBody, screenSlackPayload, type Verdict } from './payload-screen';
import { createRefusalLog } from '../refusal-log';

/** Bolt's default body limit: Slack's payloads are far smaller. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** Bolt's HTTPReceiver default: a request no listener acknowledges by then gets a 404. */
const UNHANDLED_REQUEST_TIMEOUT_MS = 3001;

export interface EventsEndpointOptions {
  signingSecret: string;
  /** Bolt's `app.processEvent`: routes a verified, screened body to the listeners. */
  processEvent(event: ReceiverEvent): Promise<void>;
  /** Bolt's logger: its ack, unhandled-request and error handling log through it, as its receiver did. */
  boltLogger: BoltLogger;
  /** Told of every payload answered here instead of by Bolt. */
  report(verdict: Exclude<Verdict, { kind: 'pass' }>, transport: 'http'): void;
  logger: Logger;
}

/** The body, or null once it has grown past the limit (the rest is drained, not kept). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size <= limit ? Buffer.concat(chunks) : null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Why the request is not signed with this app's secret (Bolt's own words), or null when it is. */
function unsignedBecause(req: IncomingMessage, raw: string, signingSecret: string): string | null {
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  if (signature === undefined || !Number.isFinite(timestamp))
    return 'no x-slack-signature or x-slack-request-timestamp';
  try {
    verifySlackRequest({
      signingSecret,
      body: raw,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function answer(res: ServerResponse, status: number, body?: object): void {
  res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
  res.end(body ? JSON.stringify(body) : undefined);
}

/**
 * Hands a verified, screened body to Bolt as its HTTPReceiver does (handleIncomingEvent, with its defaults:
 * the response goes out when a listener acks, not after the listeners finish); Bolt's errors end here, as there.
 */
async function dispatch(
  options: EventsEndpointOptions,
  req: IncomingMessage,
  rawBody: Buffer,
  body: StringIndexed,
  res: ServerResponse,
): Promise<void> {
  // Bolt reads these two on the parsed body, whatever the content type.
  if (body.ssl_check === '1') return boltHttp.buildSSLCheckResponse(res);
  if (body.type === 'url_verification') return boltHttp.buildUrlVerificationResponse(res, body);
  const logger = options.boltLogger;
  const ack = new HTTPResponseAck({
    logger,
    processBeforeResponse: false,
    unhandledRequestHandler: boltHttp.defaultUnhandledRequestHandler,
    unhandledRequestTimeoutMillis: UNHANDLED_REQUEST_TIMEOUT_MS,
    httpRequest: Object.assign(req, { rawBody }),
    httpRequestBody: body,
    httpResponse: res,
  });
  try {
    await options.processEvent({
      body,
      ack: ack.bind(),
      retryNum: boltHttp.extractRetryNumFromHTTPRequest(req),
      retryReason: boltHttp.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    });
  } catch (error) {
    // Bolt's default: logged; a 500 unless the ack already answered (a 401 when authorize failed).
    const acknowledged = await boltHttp.defaultProcessEventErrorHandler({
      error: error as Error,
      logger,
      request: req,
      response: res,
      storedResponse: ack.storedResponse,
    });
    if (acknowledged) ack.ack();
  }
}

/** The request handler for POST /slack/events: answers every request, never throws, never lets one take the process down. */
export function createEventsEndpoint(
  options: EventsEndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const screened = (res: ServerResponse, verdict: Exclude<Verdict, { kind: 'pass' }>) => {
    options.report(verdict, 'http');
    if (verdict.kind === 'refused') return answer(res, 400, { ok: false, error: verdict.code, detail: verdict.detail });
    // Slack's notices and payload types no listener knows get the quick 200 Slack expects.
    return answer(res, 200);
  };
  // The line Bolt's receiver logged, so docs/troubleshooting.md's advice still finds it (wrong secret, clock off).
  const refused = createRefusalLog(
    options.logger,
    (reason) => `Failed to parse and verify the request data: ${reason}`,
  );
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const buffer = await readBody(req, BODY_LIMIT_BYTES);
    if (!buffer) return answer(res, 413);
    const raw = buffer.toString();
    const contentType = header(req, 'content-type');
    // Bolt answers Slack's unsigned SSL probe and reads nothing else of its body: nothing in it reaches a listener.
    if (isSslCheck(raw, contentType)) return boltHttp.buildSSLCheckResponse(res);
    const unsigned = unsignedBecause(req, raw, options.signingSecret);
    if (unsigned !== null) {
      refused(unsigned);
      return answer(res, 401);
    }
    const parsed = parseSlackBody(raw, contentType);
    if (!parsed.ok) return screened(res, parsed.verdict);
    const verdict = screenSlackPayload(parsed.body);
    if (verdict.kind !== 'pass') return screened(res, verdict);
    // A payload that passes is an object (screenSlackPayload refuses anything else).
    return dispatch(options, req, buffer, parsed.body as StringIndexed, res);
  };
  return (req, res) => {
    handle(req, res).catch((err: Error) => {
      options.logger.error({ err: err.message }, 'Slack request failed outside its listeners');
      if (!res.headersSent) answer(res, 500);
      else res.end();
    });
  };
}
