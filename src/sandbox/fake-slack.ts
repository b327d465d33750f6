/**
 * A fake Slack Web API on loopback. The real @slack/web-api client (and Bolt) talk to it unchanged
 * through `slackApiUrl`, so the end-to-end tests exercise our real request and error handling, and
 * the sandbox (`npm run sandbox`) runs the real bot against it. Response and error shapes follow the
 * method references on docs.slack.dev and the @slack/web-api 8 response types; the user object is
 * built from a scrubbed real `users.info` answer in ./fixtures/slack.
 *
 * It lives in src/ (not test/) because the sandbox ships in the image; it needs nothing but Node.
 * Socket Mode is attached by the tests (test/support/fake-slack.ts), since it needs `ws`, a dev dependency.
 */
import { createOpenIdProvider, type FakeOpenId } from './fake-slack-openid';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import userTemplate from './fixtures/slack/users-info.json';

export type Args = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  args: Args;
  token: string | undefined;
  at: number;
  /** HTTP status served; a 200 can still carry `ok: false`. */
  status: number;
  /** The Retry-After (seconds) served with a 429. */
  retryAfterSeconds?: number;
  response: Args | undefined;
}

export interface FakeUser {
  id: string;
  /** The workspace the user belongs to (default: the fake's own `teamId`). */
  teamId?: string;
  name?: string;
  realName?: string;
  /** IANA zone; Slack's default for new members is America/Los_Angeles. */
  tz?: string;
  locale?: string;
  isBot?: boolean;
  deleted?: boolean;
  isAdmin?: boolean;
  isOwner?: boolean;
  /** Their status as users.info gives it in `profile` (status_emoji like `:palm_tree:`, status_expiration in Unix seconds, 0 = never). */
  status?: { emoji?: string; text?: string; expiration?: number };
}

export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  user: string;
  /** Set on the bot's messages; absent on what people post (postAs). */
  bot_id?: string;
  app_id?: string;
  team: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: { event_type: string; event_payload: unknown };
  thread_ts?: string;
  edited?: { user: string; ts: string };
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
}
export interface RecordedResponse {
  id: string;
  body: unknown;
  at: number;
}
/** A file the app shared into a conversation (files.completeUploadExternal with a channel), with the bytes it uploaded. */
export interface SharedFile {
  fileId: string;
  channel: string;
  threadTs: string | null;
  title: string;
  comment: string | null;
  /** The uploaded bytes; undefined when the app completed an upload it never sent. */
  upload: RecordedUpload | undefined;
}
export interface RecordedUpload {
  fileId: string;
  bytes: number;
  contentType: string | undefined;
  /** The body as UTF-8 text (a CSV export). */
  content: string;
  /** The body as sent (a PNG chart). */
  data: Buffer;
}

/** 429 with Retry-After, a bare HTTP failure, or a platform error (`ok: false` on HTTP 200). */
export type Fault = { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 | 504 } | { error: string };

/**
 * Sliding window: at most `max` accepted calls per `perSeconds`, per workspace and method (or per
 * workspace, method and channel), as Slack counts them. With `teamId`, only that workspace's calls are limited.
 */
export interface RateLimit {
  perSeconds: number;
  max: number;
  perChannel?: boolean;
  teamId?: string;
}

/**
 * Slack's published tiers for the methods a team setup and a fan-out call (per workspace, per app):
 * Tier 2 ≈ 20/min, Tier 3 ≈ 50/min, Tier 4 ≈ 100/min, chat.postMessage ≈ 1/s per channel.
 * `tierLimits: true` enforces these (answering 429 with Retry-After); off by default so other tests run unthrottled.
 */
export const SLACK_TIER_LIMITS: Readonly<Record<string, RateLimit>> = {
  'users.list': { perSeconds: 60, max: 20 },
  'conversations.members': { perSeconds: 60, max: 50 },
  'conversations.open': { perSeconds: 60, max: 50 },
  'users.info': { perSeconds: 60, max: 100 },
  'chat.postMessage': { perSeconds: 1, max: 1, perChannel: true },
};

/** The tier limits as enforced: `speedUp` shortens every window (a test that cannot wait a minute), keeping the counts. */
function tierLimits(how: true | { speedUp: number }): Array<[string, RateLimit]> {
  const speedUp = how === true ? 1 : how.speedUp;
  return Object.entries(SLACK_TIER_LIMITS).map(([method, l]) => [method, { ...l, perSeconds: l.perSeconds / speedUp }]);
}

/** Something that serves Socket Mode on the fake's HTTP server (upgrade requests). */
export interface SocketModeHost {
  /** The `apps.connections.open` answer: a one-time WebSocket URL on `origin`. */
  open(origin: string): Args;
  close(): Promise<void>;
}

/** What happened on the fake, as it happened: a Web API call answered, or a post to a response_url. */
export type FakeSlackEvent = { kind: 'call'; call: RecordedCall } | { kind: 'response'; response: RecordedResponse };

export interface FakeSlackOptions {
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  botName?: string;
  /** When set, any other token gets `invalid_auth`. */
  tokens?: string[];
  /**
   * Enforce Slack's per-method tier limits (SLACK_TIER_LIMITS), per workspace. A call counts against the
   * workspace it names (`team_id`) or touches (its channel's or user's workspace), else the fake's own.
   * `{ speedUp: n }` keeps the counts but makes every window n times shorter.
   */
  tierLimits?: boolean | { speedUp: number };
  /** Latency added to every Web API answer. */
  delayMs?: number;
  /** Socket Mode: ping every connection this often, as Slack does (default: never). */
  socketPingMs?: number;
  /** Serves Socket Mode on the fake's port; without it `apps.connections.open` answers `not_allowed_token_type`. */
  socketMode?: (server: Server, opts: { appId: string; pingEveryMs?: number }) => SocketModeHost;
}

/** A part of Slack kept in its own file and plugged into the fake (fake-slack-oauth.ts): its methods, its tokens, its pages. */
export interface FakeSlackExtension {
  /** Answers `method` itself, before any token check (null: not its call). */
  call?(method: string, args: Args, token: string | undefined): Args | null;
  /** The error a token gets before any method runs (`token_expired`, `invalid_auth`), or null when it may pass. */
  tokenError?(token: string, method: string, args: Args): string | null;
  /** Serves a page outside /api/ (an authorize page); true when it answered. */
  page?(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

export interface FakeSlack {
  /** Base for WebClient's `slackApiUrl`, e.g. `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  /** Plugs in an extension: it sees every call first. */
  extend(extension: FakeSlackExtension): void;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  addUser(user: FakeUser): void;
  addChannel(id: string, memberIds: string[], opts?: { name?: string; isPrivate?: boolean; teamId?: string }): void;
  /** Messages a channel holds, oldest first, thread replies included. */
  messagesIn(channel: string): StoredMessage[];
  /** What a user sees in their DM with the bot, oldest first. */
  dmOf(userId: string): StoredMessage[];
  dmChannelOf(userId: string): string | undefined;
  /** A person posts a message in a channel (something to react to); returns it as stored. */
  postAs(userId: string, channel: string, text: string): StoredMessage;
  ephemeralsTo(userId: string): EphemeralMessage[];
  view(id: string): Args | undefined;
  homeOf(userId: string): Args | undefined;
  readonly uploads: readonly RecordedUpload[];
  /** Ids of the uploaded files the app has deleted since (files.delete). */
  readonly deletedFiles: ReadonlySet<string>;
  /** Files shared into a conversation (a channel, or a DM by its channel id), oldest first. */
  filesIn(channel: string): SharedFile[];
  responseUrl(id?: string): string;
  responses(id: string): unknown[];
  readonly allResponses: readonly RecordedResponse[];
  /** The next `count` calls to `method` (or `'response_url'`) get `fault` instead of an answer. */
  failNext(method: string, count: number, fault: Fault): void;
  limit(method: string, limit: RateLimit): void;
  /** 429s served so far, for one method or all. */
  rateLimitedCount(method?: string): number;
  /** The workspace a recorded call counted against (see FakeSlackOptions.tierLimits). */
  teamOf(call: RecordedCall): string;
  setDelay(ms: number): void;
  /** Calls `listener` after every answered Web API call and every response_url post; returns an unsubscribe. */
  watch(listener: (event: FakeSlackEvent) => void): () => void;
  /** Sign in with Slack: the authorize page, openid.connect.token and userInfo, the id_token keys (./fake-slack-openid). */
  readonly openid: FakeOpenId;
  /** Stops the Web API and the Socket Mode server. */
  close(): Promise<void>;
}

interface Channel {
  id: string;
  teamId: string;
  name: string;
  members: string[];
  isPrivate: boolean;
  isIm: boolean;
  isMpim: boolean;
  created: number;
}

/** Fields Slack carries as JSON strings in form-encoded calls. */
const JSON_FIELDS = ['blocks', 'attachments', 'metadata', 'view', 'files'];

const bool = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;
const fail = (error: string, extra: Args = {}): Args => ({ ok: false, error, ...extra });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const slackId = (prefix: string) => prefix + randomBytes(8).toString('hex').toUpperCase().slice(0, 10);
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor: string): number | undefined => {
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString());
  return m ? Number(m[1]) : undefined;
};

const zones = new Map<string, { at: number; info: { tz_offset: number; tz_label: string } }>();

/** Slack's `tz_offset` (seconds east of UTC) and `tz_label` for a zone, as of now (kept a minute: a directory page reads hundreds). */
function zoneInfo(tz: string): { tz_offset: number; tz_label: string } {
  const known = zones.get(tz);
  if (known && Date.now() - known.at < 60_000) return known.info;
  const info = readZone(tz);
  zones.set(tz, { at: Date.now(), info });
  return info;
}

function readZone(tz: string): { tz_offset: number; tz_label: string } {
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return { tz_offset: offset, tz_label: part('long') };
}

/** Ten-plus-six-digit timestamps, strictly increasing, so every message `ts` is unique like Slack's. */
function tsClock(): () => string {
  let last = 0;
  return () => {
    last = Math.max(Date.now() * 1000, last + 1);
    return `${Math.floor(last / 1e6)}.${String(last % 1e6).padStart(6, '0')}`;
  };
}

/** Cursor pagination as Slack does it: `limit` + opaque `cursor`, `next_cursor` empty on the last page. */
function paginate<T>(items: T[], args: Args, defaultLimit: number): { page: T[]; next: string } | undefined {
  const offset = args.cursor ? decodeCursor(String(args.cursor)) : 0;
  if (offset === undefined) return undefined;
  const limit = Number(args.limit) > 0 ? Number(args.limit) : defaultLimit;
  const page = items.slice(offset, offset + limit);
  return { page, next: offset + limit < items.length ? encodeCursor(offset + limit) : '' };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(raw: string, contentType: string | undefined): Args | undefined {
  if (contentType?.includes('application/json')) {
    try {
      return raw ? (JSON.parse(raw) as Args) : {};
    } catch {
      return undefined;
    }
  }
  const args: Args = Object.fromEntries(new URLSearchParams(raw));
  for (const f of JSON_FIELDS) {
    if (typeof args[f] === 'string') {
      try {
        args[f] = JSON.parse(args[f] as string);
      } catch {
        // Slack would answer invalid_arguments; keeping the string lets the handler decide.
      }
    }
  }
  return args;
}

/** Starts the fake on 127.0.0.1 with a random port; `close()` when done. */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = opts.teamId ?? 'T0A1B2C3D4E';
  const teamDomain = opts.teamDomain ?? 'symmetry-dev';
  const botUserId = opts.botUserId ?? 'U0A1BOTUSER';
  const botId = opts.botId ?? 'B0A1BOTID01';
  const appId = opts.appId ?? 'A0A1SYMMTRY';
  const botName = opts.botName ?? 'symmetry';
  let delayMs = opts.delayMs ?? 0;

  const calls: RecordedCall[] = [];
  const users = new Map<string, FakeUser>();
  const channels = new Map<string, Channel>();
  const dms = new Map<string, string>();
  const messages = new Map<string, StoredMessage[]>();
  const ephemerals: EphemeralMessage[] = [];
  const views = new Map<string, Args>();
  const homes = new Map<string, Args>();
  const usedTriggers = new Set<string>();
  const uploads: RecordedUpload[] = [];
  /** Files the app deleted (files.delete). */
  const deletedFiles = new Set<string>();
  const shared: SharedFile[] = [];
  const allResponses: RecordedResponse[] = [];
  const faults = new Map<string, Fault[]>();
  // Keyed by method, or by `${teamId} ${method}` for one workspace's own limit.
  const limits = new Map<string, RateLimit>(opts.tierLimits ? tierLimits(opts.tierLimits) : []);
  const windows = new Map<string, number[]>();
  const ratelimited = new Map<string, number>();
  const nextTs = tsClock();
  const watchers = new Set<(event: FakeSlackEvent) => void>();
  const notify = (event: FakeSlackEvent) => {
    for (const w of watchers) {
      try {
        w(event);
      } catch {
        // A watcher's bug must not turn into a Slack error the bot sees.
      }
    }
  };
  const now = () => Math.floor(Date.now() / 1000);

  users.set(botUserId, { id: botUserId, name: botName, isBot: true });

  const userObject = (u: FakeUser, includeLocale: boolean): Args => {
    const { locale: _locale, ...template } = userTemplate.user;
    const tz = u.tz ?? 'America/Los_Angeles';
    const name = u.name ?? u.id.toLowerCase();
    const realName = u.realName ?? name;
    return {
      ...template,
      id: u.id,
      team_id: u.teamId ?? teamId,
      name,
      deleted: !!u.deleted,
      real_name: realName,
      tz,
      ...zoneInfo(tz),
      profile: {
        ...template.profile,
        real_name: realName,
        real_name_normalized: realName,
        display_name: name,
        display_name_normalized: name,
        team: u.teamId ?? teamId,
        status_text: u.status?.text ?? '',
        status_emoji: u.status?.emoji ?? '',
        status_expiration: u.status?.expiration ?? 0,
        ...(u.isBot
          ? { bot_id: u.id === botUserId ? botId : slackId('B'), api_app_id: appId, always_active: true }
          : {}),
      },
      is_admin: !!u.isAdmin,
      is_owner: !!u.isOwner,
      is_bot: !!u.isBot,
      is_email_confirmed: !u.isBot,
      // Slack sends `locale` only when asked with include_locale.
      ...(includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
    };
  };

  const channelObject = (c: Channel, args: Args): Args =>
    c.isIm
      ? {
          id: c.id,
          created: c.created,
          is_im: true,
          is_org_shared: false,
          context_team_id: teamId,
          user: c.members.find((m) => m !== botUserId),
          is_user_deleted: false,
          priority: 0,
        }
      : {
          id: c.id,
          name: c.name,
          is_channel: !c.isPrivate && !c.isMpim,
          is_group: false,
          is_im: false,
          is_mpim: c.isMpim,
          is_private: c.isPrivate || c.isMpim,
          created: c.created,
          is_archived: false,
          is_general: false,
          unlinked: 0,
          name_normalized: c.name,
          is_shared: false,
          is_org_shared: false,
          is_member: c.members.includes(botUserId),
          context_team_id: teamId,
          ...(bool(args.include_num_members) ? { num_members: c.members.length } : {}),
        };

  const openConversation = (memberIds: string[]): { channel: Channel; existed: boolean } => {
    const key = [...memberIds].sort().join(',');
    const known = dms.get(key);
    if (known) return { channel: channels.get(known)!, existed: true };
    const isIm = memberIds.length === 1;
    const id = slackId(isIm ? 'D' : 'G');
    const channel: Channel = {
      id,
      teamId: users.get(memberIds[0] ?? '')?.teamId ?? teamId,
      name: isIm ? id : `mpdm-${id.toLowerCase()}`,
      members: [botUserId, ...memberIds],
      isPrivate: !isIm,
      isIm,
      isMpim: !isIm,
      created: now(),
    };
    channels.set(id, channel);
    dms.set(key, id);
    return { channel, existed: false };
  };

  /** A channel id, or a user id (U/W) which Slack turns into that user's DM. */
  const resolveTarget = (target: unknown): Channel | undefined => {
    const id = String(target ?? '');
    if (channels.has(id)) return channels.get(id);
    if (users.has(id)) return openConversation([id]).channel;
    return undefined;
  };

  /** The workspace a call counts against: the one it names, else the one its channel or user belongs to, else ours. */
  const teamOfArgs = (args: Args): string => {
    if (typeof args.team_id === 'string' && args.team_id) return args.team_id;
    const target = String(args.channel ?? args.channel_id ?? args.user ?? args.user_id ?? args.users ?? '').split(
      ',',
    )[0]!;
    return channels.get(target)?.teamId ?? users.get(target)?.teamId ?? teamId;
  };

  const findMessage = (channel: string, ts: unknown) => messages.get(channel)?.find((m) => m.ts === ts);
  const publicMessage = ({ channel: _c, metadata: _m, ...m }: StoredMessage) => m;
  const newHash = () => `${now()}.${randomBytes(6).toString('base64url').slice(0, 8)}`;

  const buildView = (spec: Args, id: string, previous?: Args): Args => ({
    id,
    team_id: teamId,
    type: spec.type,
    blocks: spec.blocks ?? [],
    private_metadata: spec.private_metadata ?? '',
    callback_id: spec.callback_id ?? '',
    state: { values: {} },
    hash: newHash(),
    title: spec.title,
    clear_on_close: !!spec.clear_on_close,
    notify_on_close: !!spec.notify_on_close,
    close: spec.close ?? null,
    submit: spec.submit ?? null,
    previous_view_id: null,
    root_view_id: previous?.root_view_id ?? id,
    app_id: appId,
    external_id: spec.external_id ?? '',
    app_installed_team_id: teamId,
    bot_id: botId,
  });

  const openView = (args: Args, parent?: Args): Args => {
    const trigger = String(args.trigger_id ?? args.interactivity_pointer ?? '');
    // Triggers are single use; Slack answers a bad one with invalid_arguments.
    if (!/^\d+\.\d+\.[0-9a-f]{32}$/.test(trigger) || usedTriggers.has(trigger)) {
      return fail('invalid_arguments', { response_metadata: { messages: ['invalid `trigger_id`'] } });
    }
    const spec = args.view as Args | undefined;
    if (!spec || typeof spec !== 'object' || spec.type !== 'modal') return fail('invalid_arguments');
    usedTriggers.add(trigger);
    const view = buildView(spec, slackId('V'), parent);
    if (parent) view.previous_view_id = parent.id;
    views.set(String(view.id), view);
    return { ok: true, view };
  };

  const openid = createOpenIdProvider(teamId, now);
  const handlers: Record<string, (args: Args, auth: { bearer: string | undefined }) => Args> = {
    // Only an app-level token, in the Authorization header (docs.slack.dev, apps.connections.open), opens a connection.
    'apps.connections.open': (_args, auth) =>
      auth.bearer?.startsWith('xapp-') && socket ? socket.open(origin) : fail('not_allowed_token_type'),

    'auth.test': () => ({
      ok: true,
      url: `https://${teamDomain}.slack.com/`,
      team: teamDomain,
      user: botName,
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),

    'chat.postMessage': (args) => {
      const channel = resolveTarget(args.channel);
      if (!channel) return fail('channel_not_found');
      if (!args.text && !args.blocks && !args.attachments) return fail('no_text');
      const message: StoredMessage = {
        type: 'message',
        channel: channel.id,
        ts: nextTs(),
        user: botUserId,
        bot_id: botId,
        app_id: appId,
        team: teamId,
        ...(args.text !== undefined ? { text: String(args.text) } : {}),
        ...(args.blocks ? { blocks: args.blocks as unknown[] } : {}),
        ...(args.attachments ? { attachments: args.attachments as unknown[] } : {}),
        ...(args.metadata ? { metadata: args.metadata as StoredMessage['metadata'] } : {}),
        ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
      };
      messages.set(channel.id, [...(messages.get(channel.id) ?? []), message]);
      return { ok: true, channel: channel.id, ts: message.ts, message: publicMessage(message) };
    },

    'chat.update': (args) => {
      // chat.update wants the conversation id: for a DM that is the D… id, never the user id.
      const channel = channels.get(String(args.channel ?? ''));
      if (!channel) return fail('channel_not_found');
      const message = findMessage(channel.id, args.ts);
      if (!message) return fail('message_not_found');
      if (args.text !== undefined) message.text = String(args.text);
      if (args.blocks !== undefined) message.blocks = args.blocks as unknown[];
      if (args.attachments !== undefined) message.attachments = args.attachments as unknown[];
      if (args.metadata !== undefined) message.metadata = args.metadata as StoredMessage['metadata'];
      message.edited = { user: botUserId, ts: nextTs() };
      return {
        ok: true,
        channel: channel.id,
        ts: message.ts,
        text: message.text ?? '',
        message: publicMessage(message),
      };
    },

    'chat.postEphemeral': (args) => {
      const channel = resolveTarget(args.channel);
      if (!channel) return fail('channel_not_found');
      const user = String(args.user ?? '');
      if (!users.has(user)) return fail('user_not_found');
      if (!channel.members.includes(user)) return fail('user_not_in_channel');
      const ts = nextTs();
      ephemerals.push({
        channel: channel.id,
        user,
        ts,
        ...(args.text !== undefined ? { text: String(args.text) } : {}),
        ...(args.blocks ? { blocks: args.blocks as unknown[] } : {}),
      });
      return { ok: true, message_ts: ts };
    },

    'chat.getPermalink': (args) => {
      const channel = channels.get(String(args.channel ?? ''));
      if (!channel) return fail('channel_not_found');
      if (!findMessage(channel.id, args.message_ts)) return fail('message_not_found');
      const permalink = `https://${teamDomain}.slack.com/archives/${channel.id}/p${String(args.message_ts).replace('.', '')}`;
      return { ok: true, channel: channel.id, permalink };
    },

    'conversations.open': (args) => {
      if (args.channel) {
        const channel = channels.get(String(args.channel));
        if (!channel || !(channel.isIm || channel.isMpim)) return fail('channel_not_found');
        return { ok: true, no_op: true, already_open: true, channel: { id: channel.id } };
      }
      const ids = (Array.isArray(args.users) ? args.users.map(String) : String(args.users ?? '').split(','))
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length === 0) return fail('users_list_not_supplied');
      if (ids.length > 8) return fail('too_many_users');
      for (const id of ids) {
        const u = users.get(id);
        if (!u) return fail('user_not_found');
        if (u.deleted) return fail('user_disabled');
      }
      const { channel, existed } = openConversation(ids);
      const body = bool(args.return_im) ? channelObject(channel, args) : { id: channel.id };
      return { ok: true, ...(existed ? { no_op: true, already_open: true } : {}), channel: body };
    },

    'conversations.members': (args) => {
      const channel = channels.get(String(args.channel ?? ''));
      if (!channel) return fail('channel_not_found');
      const p = paginate(channel.members, args, 100);
      return p ? { ok: true, members: p.page, response_metadata: { next_cursor: p.next } } : fail('invalid_cursor');
    },

    'conversations.history': (args) => {
      const channel = channels.get(String(args.channel ?? ''));
      if (!channel) return fail('channel_not_found');
      const inclusive = bool(args.inclusive);
      const inRange = (ts: number) =>
        (args.oldest === undefined || (inclusive ? ts >= Number(args.oldest) : ts > Number(args.oldest))) &&
        (args.latest === undefined || (inclusive ? ts <= Number(args.latest) : ts < Number(args.latest)));
      // History lists top-level messages newest first; thread replies live in conversations.replies.
      const top = (messages.get(channel.id) ?? [])
        .filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && inRange(Number(m.ts)))
        .reverse();
      const p = paginate(top, args, 100);
      if (!p) return fail('invalid_cursor');
      // Metadata comes back only when asked for (include_all_metadata defaults to false).
      const withMeta = bool(args.include_all_metadata);
      return {
        ok: true,
        messages: p.page.map((m) => ({
          ...publicMessage(m),
          ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
        })),
        has_more: p.next !== '',
        pin_count: 0,
        channel_actions_ts: null,
        channel_actions_count: 0,
        response_metadata: { next_cursor: p.next },
      };
    },

    'conversations.info': (args) => {
      const channel = channels.get(String(args.channel ?? ''));
      return channel ? { ok: true, channel: channelObject(channel, args) } : fail('channel_not_found');
    },

    'users.info': (args) => {
      const user = users.get(String(args.user ?? ''));
      return user ? { ok: true, user: userObject(user, bool(args.include_locale)) } : fail('user_not_found');
    },

    'users.list': (args) => {
      // The workspace's own people (an org token names the workspace with team_id).
      const team = teamOfArgs(args);
      const all = [...users.values()].filter((u) => (u.teamId ?? teamId) === team);
      // Without a limit Slack tries to return everyone; with one it pages.
      const p = paginate(all, args, all.length || 1);
      return p
        ? {
            ok: true,
            members: p.page.map((u) => userObject(u, bool(args.include_locale))),
            cache_ts: now(),
            response_metadata: { next_cursor: p.next },
          }
        : fail('invalid_cursor');
    },

    'views.open': (args) => openView(args),

    'views.push': (args) => {
      const parent = [...views.values()].at(-1);
      return parent ? openView(args, parent) : fail('not_found');
    },

    'views.update': (args) => {
      const current = args.view_id
        ? views.get(String(args.view_id))
        : [...views.values()].find((v) => args.external_id && v.external_id === args.external_id);
      if (!current) return fail('not_found');
      if (!args.view || typeof args.view !== 'object') return fail('invalid_arguments');
      if (args.hash !== undefined && args.hash !== current.hash) return fail('hash_conflict');
      const view: Args = {
        ...buildView(args.view as Args, String(current.id), current),
        previous_view_id: current.previous_view_id,
      };
      views.set(String(view.id), view);
      return { ok: true, view };
    },

    'views.publish': (args) => {
      const userId = String(args.user_id ?? '');
      if (!users.has(userId)) return fail('user_not_found');
      const spec = args.view as Args | undefined;
      if (!spec || spec.type !== 'home') return fail('invalid_arguments');
      const current = homes.get(userId);
      if (current && args.hash !== undefined && args.hash !== current.hash) return fail('hash_conflict');
      const view = buildView(spec, String(current?.id ?? slackId('V')));
      homes.set(userId, view);
      return { ok: true, view };
    },

    'files.getUploadURLExternal': (args) => {
      if (!args.filename || !args.length) return fail('invalid_arguments');
      const fileId = slackId('F');
      return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
    },

    'files.completeUploadExternal': (args) => {
      const files = Array.isArray(args.files) ? (args.files as Args[]) : [];
      if (files.length === 0) return fail('invalid_arguments');
      const channel = args.channel_id === undefined ? null : String(args.channel_id);
      if (channel !== null && !channels.has(channel)) return fail('channel_not_found');
      if (channel !== null) {
        for (const f of files) {
          const fileId = String(f.id);
          const comment = args.initial_comment === undefined ? null : String(args.initial_comment);
          shared.push({
            fileId,
            channel,
            threadTs: args.thread_ts ? String(args.thread_ts) : null,
            title: String(f.title ?? ''),
            comment,
            upload: uploads.find((u) => u.fileId === fileId),
          });
        }
      }
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '', name: f.title ?? '' })) };
    },

    'files.delete': (args) => {
      const fileId = String(args.file ?? '');
      if (!uploads.some((u) => u.fileId === fileId) || deletedFiles.has(fileId)) return fail('file_not_found');
      deletedFiles.add(fileId);
      return { ok: true };
    },
  };

  /** Applies an injected fault or the rate limiter; returns what to serve instead, if anything. */
  const interfere = (
    method: string,
    args: Args,
  ): { status: number; body: Args; headers?: Record<string, string> } | undefined => {
    const queued = faults.get(method);
    const fault = queued?.shift();
    const limited = (retryAfter: number) => {
      ratelimited.set(method, (ratelimited.get(method) ?? 0) + 1);
      return { status: 429, body: fail('ratelimited'), headers: { 'retry-after': String(retryAfter) } };
    };
    if (fault) {
      if ('error' in fault) return { status: 200, body: fail(fault.error) };
      if (fault.status === 429) return limited(fault.retryAfterSeconds);
      return { status: fault.status, body: fail('internal_error') };
    }
    const team = teamOfArgs(args);
    const limit = limits.get(`${team} ${method}`) ?? limits.get(method);
    if (!limit) return undefined;
    const key = `${team}:${limit.perChannel ? `${method}:${String(args.channel ?? '')}` : method}`;
    const t = Date.now();
    const recent = (windows.get(key) ?? []).filter((at) => at > t - limit.perSeconds * 1000);
    windows.set(key, recent);
    if (recent.length >= limit.max)
      return limited(Math.max(1, Math.ceil((recent[0]! + limit.perSeconds * 1000 - t) / 1000)));
    recent.push(t);
    return undefined;
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handleApi = async (method: string, req: IncomingMessage, res: ServerResponse, raw: string) => {
    const parsed = parseArgs(raw, req.headers['content-type']);
    const query = Object.fromEntries(new URL(req.url ?? '/', origin).searchParams);
    const { token: bodyToken, ...args } = { ...query, ...(parsed ?? {}) };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const call: RecordedCall = {
      method,
      args,
      token: bearer ?? (bodyToken as string | undefined),
      at: Date.now(),
      status: 200,
      response: undefined,
    };
    calls.push(call);
    if (delayMs > 0) await sleep(delayMs);
    const own = parsed ? extended(method, args, call.token) : null;
    const selfAuthenticated = openid.methods[method];
    const served = interfere(method, args) ?? {
      status: 200,
      body: !parsed
        ? fail('invalid_json')
        : own
          ? own
          : selfAuthenticated
            ? selfAuthenticated(args, { bearer })
            : !call.token
              ? fail('not_authed')
              : opts.tokens && !opts.tokens.includes(call.token)
                ? fail('invalid_auth')
                : // An app-level token is good for apps.connections.open only.
                  call.token.startsWith('xapp-') && method !== 'apps.connections.open'
                  ? fail('not_allowed_token_type')
                  : (handlers[method]?.(args, { bearer }) ?? fail('unknown_method')),
    };
    call.status = served.status;
    if (served.headers?.['retry-after']) call.retryAfterSeconds = Number(served.headers['retry-after']);
    call.response = served.body;
    send(res, served.status, served.body, served.headers);
    notify({ kind: 'call', call });
  };

  const extensions: FakeSlackExtension[] = [];
  /** What an extension answers for this call: its own method, or its verdict on the token. */
  const extended = (method: string, args: Args, token: string | undefined): Args | null => {
    for (const ext of extensions) {
      const answer = ext.call?.(method, args, token);
      if (answer) return answer;
      const error = token ? ext.tokenError?.(token, method, args) : null;
      if (error) return fail(error);
    }
    return null;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && extensions.some((ext) => ext.page?.(req, res, url))) return;
    void (async () => {
      const data = await readBody(req);
      const raw = data.toString('utf8');
      if (openid.serve(req, res)) return;
      const [, kind, id] = /^\/(api|respond|upload)\/([^/?]+)/.exec(req.url ?? '') ?? [];
      if (kind === 'api' && id) return handleApi(id, req, res, raw);
      if (kind === 'respond' && id) {
        const response: RecordedResponse = {
          id,
          body: parseArgs(raw, req.headers['content-type']) ?? raw,
          at: Date.now(),
        };
        allResponses.push(response);
        const served = interfere('response_url', {});
        send(res, served?.status ?? 200, served?.body ?? { ok: true }, served?.headers);
        return notify({ kind: 'response', response });
      }
      if (kind === 'upload' && id) {
        uploads.push({ fileId: id, bytes: data.length, contentType: req.headers['content-type'], content: raw, data });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`OK - ${data.length}`);
      }
      send(res, 404, fail('not_found'));
    })().catch((err: unknown) => send(res, 500, fail('fatal_error', { detail: String(err) })));
  });

  const socket = opts.socketMode?.(server, { appId, ...(opts.socketPingMs ? { pingEveryMs: opts.socketPingMs } : {}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    extend: (extension) => void extensions.push(extension),
    teamId,
    botUserId,
    botId,
    appId,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    addUser: (user) => void users.set(user.id, user),
    addChannel: (id, memberIds, o = {}) =>
      void channels.set(id, {
        id,
        teamId: o.teamId ?? teamId,
        name: o.name ?? id.toLowerCase(),
        members: [...memberIds],
        isPrivate: !!o.isPrivate,
        isIm: false,
        isMpim: false,
        created: now(),
      }),
    messagesIn: (channel) => [...(messages.get(channel) ?? [])],
    dmOf: (userId) => [...(messages.get(dms.get(userId) ?? '') ?? [])],
    dmChannelOf: (userId) => dms.get(userId),
    postAs(userId, channel, text) {
      const message: StoredMessage = { type: 'message', channel, ts: nextTs(), user: userId, team: teamId, text };
      messages.set(channel, [...(messages.get(channel) ?? []), message]);
      return message;
    },
    ephemeralsTo: (userId) => ephemerals.filter((e) => e.user === userId),
    view: (id) => views.get(id),
    homeOf: (userId) => homes.get(userId),
    uploads,
    deletedFiles,
    filesIn: (channel) => shared.filter((f) => f.channel === channel),
    responseUrl: (id = randomBytes(6).toString('hex')) => `${origin}/respond/${id}`,
    responses: (id) => allResponses.filter((r) => r.id === id).map((r) => r.body),
    allResponses,
    failNext: (method, count, fault) =>
      void faults.set(method, [...(faults.get(method) ?? []), ...Array.from({ length: count }, () => fault)]),
    limit: (method, limit) => void limits.set(limit.teamId ? `${limit.teamId} ${method}` : method, limit),
    teamOf: (call) => teamOfArgs(call.args),
    rateLimitedCount: (method) =>
      method ? (ratelimited.get(method) ?? 0) : [...ratelimited.values()].reduce((a, b) => a + b, 0),
    setDelay: (ms) => void (delayMs = ms),
    openid: openid.api,
    watch: (listener) => {
      watchers.add(listener);
      return () => void watchers.delete(listener);
    },
    close: async () => {
      watchers.clear();
      await socket?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // The WebClient keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      });
    },
  };
}
