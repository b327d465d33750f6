/** POST /api/signals: customer CSAT/NPS from a help desk or survey tool, behind a bearer token. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, SignalRepository } from '../core/ports';
import { recordSignals } from '../core/use-cases/signals';

/** Largest body accepted (about 5000 items). */
const MAX_BODY_BYTES = 1_000_000;

function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** True when the request carries `Bearer <token>`; compared in constant time (hashes of equal length). */
export function hasBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The handler of POST /api/signals; with no token configured the endpoint does not exist (404). */
export function createSignalsHandler(token: string | undefined, signals: SignalRepository, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (!token) return reply(res, 404, { error: 'not_found' });
      if (!hasBearer(req, token))
        return reply(
          res,
          401,
          { error: 'unauthorized', message: 'send Authorization: Bearer <SIGNALS_TOKEN>' },
          { 'www-authenticate': 'Bearer' },
        );
      const raw = await readBody(req);
      if (raw === null)
        return reply(res, 413, { error: 'too_large', message: `the body must be at most ${MAX_BODY_BYTES} bytes` });
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(res, 400, {
          error: 'invalid_json',
          message: 'the body must be JSON: one signal object or an array of them',
        });
      }
      const result = await recordSignals(signals, body);
      if (!result.ok)
        return reply(res, 400, { error: 'invalid_signals', message: 'nothing was stored', problems: result.problems });
      logger.info({ stored: result.stored }, 'customer signals stored');
      return reply(res, 200, { stored: result.stored });
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'storing customer signals failed');
      if (!res.headersSent) reply(res, 500, { error: 'internal', message: 'nothing was stored' });
    }
  };
}
