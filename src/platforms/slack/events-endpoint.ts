/**
 * POST /slack/events over HTTP: the signature is checked first (nothing unsigned gets further than a
 * 401), then the body is screened (payload-screen.ts), and only a payload Bolt can route reaches
 * Bolt's own HTTP receiver, which checks the signature again and does the rest as it always does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../core/ports';
import { isSslCheck, parseSlackBody, screenSlackPayload, type Verdict } from './payload-screen';

/** Bolt's default body limit: Slack's payloads are far smaller. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface EventsEndpointOptions {
  signingSecret: string;
  /** Bolt's receiver, never started: this endpoint hands it the requests it should see. */
  receiver: HTTPReceiver;
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

function isSigned(req: IncomingMessage, raw: string, signingSecret: string): boolean {
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  if (signature === undefined || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body: raw,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
  });
}

function answer(res: ServerResponse, status: number, body?: object): void {
  res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
  res.end(body ? JSON.stringify(body) : undefined);
}

/** The request handler for POST /slack/events: answers every request, never throws, never lets one take the process down. */
export function createEventsEndpoint(
  options: EventsEndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const buffer = await readBody(req, BODY_LIMIT_BYTES);
    if (!buffer) return answer(res, 413);
    const raw = buffer.toString();
    const contentType = header(req, 'content-type');
    // Bolt answers Slack's unsigned SSL probe itself and strips anything else from its body.
    const forward = () => options.receiver.requestListener(Object.assign(req, { rawBody: buffer }), res);
    if (isSslCheck(raw, contentType)) return forward();
    if (!isSigned(req, raw, options.signingSecret)) return answer(res, 401);
    const parsed = parseSlackBody(raw, contentType);
    const verdict = parsed.ok ? screenSlackPayload(parsed.body) : parsed.verdict;
    if (verdict.kind === 'pass') return forward();
    options.report(verdict, 'http');
    if (verdict.kind === 'refused') return answer(res, 400, { ok: false, error: verdict.code, detail: verdict.detail });
    // Slack's notices and payload types no listener knows get the quick 200 Slack expects.
    return answer(res, 200);
  };
  return (req, res) => {
    handle(req, res).catch((err: Error) => {
      options.logger.error({ err: err.message }, 'Slack request failed before reaching Bolt');
      if (!res.headersSent) answer(res, 500);
      else res.end();
    });
  };
}
