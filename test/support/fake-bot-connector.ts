/**
 * A fake Bot Connector (the Teams side of the Bot Framework REST API) on loopback. Activities sent
 * to the app carry its URL as `serviceUrl`, so botbuilder's real ConnectorClient talks to it
 * unchanged. It records every call, keeps the conversations and their messages (with updates), and
 * answers the calls the app makes: create a 1:1 conversation (the same one again for the same person,
 * as Teams does), send, reply, update, read members (paged, or one by Teams id or Entra object id);
 * like the service, it refuses a request body over 256 KB.
 * Shapes follow the Bot Framework Connector API v3 reference and botframework-schema's types.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TeamsUser {
  /** Teams user id ("29:…"). */
  id: string;
  /** Microsoft Entra object id. */
  aadObjectId: string;
  name: string;
  /** Blocked the bot: creating or writing to their 1:1 chat answers 403. */
  blocked?: boolean;
}

export interface ConnectorCall {
  method: string;
  path: string;
  /** The conversation id of the path, decoded (thread suffix included). */
  conversationId: string | null;
  body: unknown;
  authorization: string | undefined;
  status: number;
  at: number;
}

export interface StoredActivity {
  id: string;
  conversationId: string;
  /** The root message of the thread it was posted into, if any (`;messageid=` or a reply). */
  threadId: string | null;
  activity: Record<string, unknown>;
  /** Every version: [0] as sent, then each update. */
  versions: Array<Record<string, unknown>>;
}

export interface Conversation {
  id: string;
  kind: 'personal' | 'channel';
  members: string[];
}

export interface FakeBotConnector {
  /** The serviceUrl to put on activities, e.g. `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly calls: readonly ConnectorCall[];
  addUser(user: TeamsUser): void;
  /** A team channel (or the team's General channel, whose id is the team id). */
  addChannel(id: string, memberIds: string[]): void;
  /** The 1:1 conversation id of a person, once created. */
  personalOf(userId: string): string | undefined;
  /** Messages the bot posted to a conversation (base id), oldest first, each in its latest version. */
  messagesIn(conversationId: string): StoredActivity[];
  /** Messages the bot sent a person in their 1:1 chat. */
  dmOf(userId: string): StoredActivity[];
  callsTo(method: string, pathPattern: RegExp): ConnectorCall[];
  /** The next `count` calls matching answer `status` (with Retry-After when given). */
  failNext(method: string, pathPattern: RegExp, count: number, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const errorBody = (code: string, message: string) => ({ error: { code, message } });
const baseId = (id: string) => id.split(';messageid=')[0]!;

/**
 * The Bot Connector refuses a request body over 256 KB ("The request content length exceeded limit of
 * 262144 bytes", botframework-sdk #865 and #3477): what matters for images sent inline as data URIs.
 */
export const MAX_REQUEST_BYTES = 262_144;

async function readBody(req: IncomingMessage): Promise<{ body: unknown; bytes: number }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const text = raw.toString('utf8');
  return { body: text ? JSON.parse(text) : undefined, bytes: raw.length };
}

/** Starts the fake Bot Connector on a free loopback port. */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const users = new Map<string, TeamsUser>();
  const conversations = new Map<string, Conversation>();
  const activities: StoredActivity[] = [];
  const faults: Array<{ method: string; path: RegExp; left: number; status: number; retryAfter?: number }> = [];
  let seq = 1_700_000_000_000;

  const findUser = (id: string) => users.get(id) ?? [...users.values()].find((u) => u.aadObjectId === id);
  const account = (u: TeamsUser) => ({
    id: u.id,
    name: u.name,
    aadObjectId: u.aadObjectId,
    givenName: u.name,
    surname: '',
    email: `${u.name.toLowerCase()}@example.com`,
    userPrincipalName: `${u.name.toLowerCase()}@example.com`,
    tenantId: 'tenant',
    userRole: 'user',
  });

  const handle = async (req: IncomingMessage, res: ServerResponse, call: ConnectorCall): Promise<number> => {
    const method = req.method ?? 'GET';
    const segments = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    if (segments[0] !== 'v3' || segments[1] !== 'conversations')
      return (json(res, 404, errorBody('NotFound', 'unknown route')), 404);
    const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(call.path));
    if (fault) {
      fault.left -= 1;
      json(
        res,
        fault.status,
        errorBody(fault.status === 429 ? 'Throttled' : 'Failed', 'fault injected'),
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
      return fault.status;
    }

    // POST /v3/conversations: a 1:1 chat with one person (the same one again, as Teams answers).
    if (segments.length === 2 && method === 'POST') {
      const body = call.body as { members?: Array<{ id: string }>; isGroup?: boolean; tenantId?: string };
      const member = body?.members?.[0] && findUser(body.members[0].id);
      if (!member) return (json(res, 400, errorBody('BadArgument', 'unknown member')), 400);
      if (member.blocked) return (json(res, 403, errorBody('MessageWritesBlocked', 'Bot is blocked by the user')), 403);
      let conversation = [...conversations.values()].find((c) => c.kind === 'personal' && c.members[0] === member.id);
      if (!conversation) {
        conversation = { id: `a:1${randomBytes(12).toString('hex')}`, kind: 'personal', members: [member.id] };
        conversations.set(conversation.id, conversation);
      }
      return (json(res, 201, { id: conversation.id }), 201);
    }

    const conversationId = segments[2]!;
    const conversation = conversations.get(baseId(conversationId));
    if (!conversation) return (json(res, 404, errorBody('ConversationNotFound', 'Conversation not found.')), 404);
    const blocked = conversation.kind === 'personal' && users.get(conversation.members[0]!)?.blocked;

    // POST …/activities and POST …/activities/{replyToId}: a new message (in a thread when asked).
    if (segments[3] === 'activities' && method === 'POST') {
      if (blocked) return (json(res, 403, errorBody('MessageWritesBlocked', 'Bot is blocked by the user')), 403);
      const activity = call.body as Record<string, unknown>;
      const id = String(++seq);
      const thread = conversationId.includes(';messageid=')
        ? conversationId.split(';messageid=')[1]!
        : (segments[4] ?? null);
      const stored: StoredActivity = {
        id,
        conversationId: baseId(conversationId),
        threadId: thread,
        activity: { ...activity, id },
        versions: [{ ...activity, id }],
      };
      activities.push(stored);
      return (json(res, 201, { id }), 201);
    }

    // PUT …/activities/{id}: the bot updates its own message.
    if (segments[3] === 'activities' && segments[4] && method === 'PUT') {
      if (blocked) return (json(res, 403, errorBody('MessageWritesBlocked', 'Bot is blocked by the user')), 403);
      const stored = activities.find((a) => a.id === segments[4] && a.conversationId === baseId(conversationId));
      if (!stored) return (json(res, 404, errorBody('ActivityNotFound', 'no such activity')), 404);
      const activity = { ...(call.body as Record<string, unknown>), id: stored.id };
      stored.activity = activity;
      stored.versions.push(activity);
      return (json(res, 200, { id: stored.id }), 200);
    }

    // GET …/pagedmembers: the roster, a page at a time.
    if (segments[3] === 'pagedmembers' && method === 'GET') {
      const size = Math.max(1, Number(query.get('pageSize') ?? 200));
      const start = Number(query.get('continuationToken') ?? 0);
      const members = conversation.members.map((id) => users.get(id)).filter((u): u is TeamsUser => Boolean(u));
      const page = members.slice(start, start + size).map(account);
      const next = start + size < members.length ? String(start + size) : undefined;
      return (json(res, 200, { members: page, ...(next ? { continuationToken: next } : {}) }), 200);
    }

    // GET …/members/{id} (Teams id or Entra object id), and GET …/members.
    if (segments[3] === 'members' && method === 'GET') {
      if (!segments[4])
        return (
          json(
            res,
            200,
            conversation.members
              .map((id) => users.get(id))
              .filter(Boolean)
              .map((u) => account(u!)),
          ),
          200
        );
      const user = findUser(segments[4]);
      if (!user || !conversation.members.includes(user.id))
        return (
          json(res, 404, errorBody('MemberNotFoundInConversation', 'The member is not in the conversation')),
          404
        );
      return (json(res, 200, account(user)), 200);
    }
    return (json(res, 404, errorBody('NotFound', 'unknown route')), 404);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const call: ConnectorCall = {
        method: req.method ?? 'GET',
        path: decodeURIComponent((req.url ?? '/').split('?')[0]!),
        conversationId: null,
        body: undefined,
        authorization: req.headers.authorization,
        status: 0,
        at: Date.now(),
      };
      const segs = call.path.split('/').filter(Boolean);
      call.conversationId = segs[2] ?? null;
      try {
        const { body, bytes } = await readBody(req);
        call.body = body;
        if (bytes > MAX_REQUEST_BYTES) {
          call.status = 400;
          json(
            res,
            400,
            errorBody('MalformedData', `The request content length exceeded limit of ${MAX_REQUEST_BYTES} bytes`),
          );
        } else call.status = await handle(req, res, call);
      } catch (err) {
        call.status = 500;
        json(res, 500, errorBody('InternalServerError', String(err)));
      }
      calls.push(call);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const personalOf = (userId: string) =>
    [...conversations.values()].find((c) => c.kind === 'personal' && c.members[0] === userId)?.id;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    addUser(user) {
      users.set(user.id, user);
    },
    addChannel(id, memberIds) {
      conversations.set(id, { id, kind: 'channel', members: memberIds });
    },
    personalOf,
    messagesIn(conversationId) {
      return activities.filter((a) => a.conversationId === baseId(conversationId));
    },
    dmOf(userId) {
      const id = personalOf(userId);
      return id ? activities.filter((a) => a.conversationId === id) : [];
    },
    callsTo(method, pathPattern) {
      return calls.filter((c) => c.method === method && pathPattern.test(c.path));
    },
    failNext(method, path, count, status, retryAfterSeconds) {
      faults.push({
        method,
        path,
        left: count,
        status,
        ...(retryAfterSeconds !== undefined ? { retryAfter: retryAfterSeconds } : {}),
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
