/**
 * Slack's Socket Mode side of the fake Slack: `apps.connections.open` hands out a one-time
 * `ws://127.0.0.1:PORT/link/?ticket=…` URL on the fake's own port, and this WebSocket server plays
 * Slack at the other end: `hello` on connect, envelopes out, acknowledgements (`envelope_id` plus an
 * optional `payload`) back, `disconnect` when told to, and pings if asked.
 *
 * Shapes follow Slack's Socket Mode docs (docs.slack.dev "Using Socket Mode", apps.connections.open)
 * and what @slack/socket-mode 3.x reads: SocketModeClient emits Connected on `type: hello`, reconnects
 * on `type: disconnect`, hands `payload`, `envelope_id`, `accepts_response_payload`, `retry_attempt`
 * and `retry_reason` to Bolt, and acks with `{ envelope_id, payload: {...} }` (payload `{}` for a bare ack).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes, randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import type { SlackRequestBody } from './slack-requests';

type Args = Record<string, unknown>;

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the app sent back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  /** Bolt sends `{}` for a bare `ack()` and the response (e.g. `response_action`) for `ack(response)`. */
  payload?: Args;
}

export interface ReceivedMessage {
  /** The parsed message, or the raw text when it was not JSON. */
  message: unknown;
  at: number;
  /** An ack for an envelope we never sent, or for one already acknowledged. */
  stray: boolean;
}

export interface SentEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Args;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
  at: number;
}

export interface EnvelopeOptions {
  /** Default: true for slash commands, view_submission and block_suggestion; false otherwise. */
  acceptsResponsePayload?: boolean;
  /** events_api only: Slack's redelivery count and reason (`timeout`, …). Default 0 and ''. */
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack. Default 3000 ms, Slack's deadline. */
  timeoutMs?: number;
}

export interface FakeSocketMode {
  /** Sends an envelope on the newest open connection and resolves with the app's ack. */
  sendEnvelope(type: EnvelopeType, payload: Args, opts?: EnvelopeOptions): Promise<SocketAck>;
  /** Sends what Slack would send over Socket Mode instead of this HTTP request (slash command form, interactive form, Events API JSON). */
  deliver(request: SlackRequestBody, opts?: EnvelopeOptions): Promise<SocketAck>;
  /** Open WebSocket connections now. */
  connections(): number;
  /** Connections accepted so far (a reconnect adds one). */
  connectionsOpened(): number;
  readonly envelopes: readonly SentEnvelope[];
  /** Every message the app sent over a socket, in order. */
  readonly received: readonly ReceivedMessage[];
  /** Sends `{ type: 'disconnect', reason }` on every open connection, as Slack does before recycling one. */
  disconnect(reason?: 'refresh_requested' | 'warning' | 'too_many_websockets' | 'link_disabled'): void;
  /** Pongs the app answered to our pings. */
  pongs(): number;
  close(): Promise<void>;
}

export interface SocketModeOptions {
  appId: string;
  /** Ping every connection this often, as Slack does; off when undefined. */
  pingEveryMs?: number;
}

/** The Socket Mode envelope (type and payload) Slack sends instead of an HTTP request. */
export function envelopeFor(request: SlackRequestBody): { type: EnvelopeType; payload: Args } {
  if (request.contentType === 'application/json') {
    const body = JSON.parse(request.body) as Args;
    if (body.type !== 'event_callback') throw new Error(`no Socket Mode envelope for a ${String(body.type)} request`);
    return { type: 'events_api', payload: body };
  }
  const form = new URLSearchParams(request.body);
  const interactive = form.get('payload');
  if (interactive !== null) return { type: 'interactive', payload: JSON.parse(interactive) as Args };
  return { type: 'slash_commands', payload: Object.fromEntries(form) };
}

const acceptsResponse = (type: EnvelopeType, payload: Args) =>
  type === 'slash_commands' ||
  (type === 'interactive' && ['view_submission', 'block_suggestion'].includes(String(payload.type)));

/**
 * Serves Socket Mode on `server` (the fake Slack's HTTP server). Returns the handler for
 * `apps.connections.open` and the test-facing API.
 */
export function attachSocketMode(
  server: Server,
  opts: SocketModeOptions,
): { open(origin: string): Args; api: FakeSocketMode } {
  const wss = new WebSocketServer({ noServer: true });
  const host = `applink-fake-${randomBytes(3).toString('hex')}`;
  const tickets = new Set<string>();
  const open = new Set<WebSocket>();
  const envelopes: SentEnvelope[] = [];
  const received: ReceivedMessage[] = [];
  const pending = new Map<string, { resolve(ack: SocketAck): void; reject(err: Error): void; timer: NodeJS.Timeout }>();
  let opened = 0;
  let pongs = 0;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    // A URL from apps.connections.open is good for one connection.
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      opened += 1;
      open.add(ws);
      const pinger = opts.pingEveryMs
        ? setInterval(() => ws.readyState === WebSocket.OPEN && ws.ping(), opts.pingEveryMs)
        : undefined;
      pinger?.unref();
      ws.on('pong', () => void (pongs += 1));
      ws.on('close', () => {
        open.delete(ws);
        clearInterval(pinger);
      });
      ws.on('error', () => ws.terminate());
      ws.on('message', (data: RawData, isBinary: boolean) => {
        const text = isBinary ? '' : data.toString();
        let message: unknown = text;
        try {
          message = JSON.parse(text);
        } catch {
          // kept as text: a stray frame shows up in `received`
        }
        const id = (message as { envelope_id?: unknown } | null)?.envelope_id;
        const waiting = typeof id === 'string' ? pending.get(id) : undefined;
        received.push({ message, at: Date.now(), stray: !waiting });
        if (!waiting) return;
        pending.delete(id as string);
        clearTimeout(waiting.timer);
        waiting.resolve(message as SocketAck);
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: open.size,
          debug_info: { host, build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: opts.appId },
        }),
      );
    });
  };
  server.on('upgrade', onUpgrade);

  const newest = (): WebSocket | undefined => [...open].reverse().find((ws) => ws.readyState === WebSocket.OPEN);

  const sendEnvelope = (type: EnvelopeType, payload: Args, o: EnvelopeOptions = {}): Promise<SocketAck> => {
    const ws = newest();
    if (!ws) return Promise.reject(new Error('no open Socket Mode connection'));
    const envelope: SentEnvelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: o.acceptsResponsePayload ?? acceptsResponse(type, payload),
      ...(type === 'events_api' ? { retry_attempt: o.retryAttempt ?? 0, retry_reason: o.retryReason ?? '' } : {}),
      at: Date.now(),
    };
    envelopes.push(envelope);
    const timeoutMs = o.timeoutMs ?? 3000;
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(envelope.envelope_id);
        reject(new Error(`no ack for the ${type} envelope ${envelope.envelope_id} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(envelope.envelope_id, { resolve, reject, timer });
      const { at: _at, ...wire } = envelope;
      ws.send(JSON.stringify(wire), (err) => {
        if (!err) return;
        clearTimeout(timer);
        pending.delete(envelope.envelope_id);
        reject(err);
      });
    });
  };

  const api: FakeSocketMode = {
    sendEnvelope,
    deliver: (request, o) => {
      const { type, payload } = envelopeFor(request);
      return sendEnvelope(type, payload, o);
    },
    connections: () => [...open].filter((ws) => ws.readyState === WebSocket.OPEN).length,
    connectionsOpened: () => opened,
    envelopes,
    received,
    disconnect: (reason = 'refresh_requested') => {
      for (const ws of open) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host } }));
    },
    pongs: () => pongs,
    close: async () => {
      server.off('upgrade', onUpgrade);
      for (const { reject, timer } of pending.values()) {
        clearTimeout(timer);
        reject(new Error('the fake Slack closed'));
      }
      pending.clear();
      for (const ws of open) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };

  return {
    open(origin) {
      const ticket = randomBytes(16).toString('hex');
      tickets.add(ticket);
      return { ok: true, url: `${origin.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${opts.appId}` };
    },
    api,
  };
}
