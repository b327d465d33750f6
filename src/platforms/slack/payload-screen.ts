/**
 * What may go on to Bolt. Bolt 5 reads a payload's fields before anything acknowledges it (which
 * conversation, whose request, which listener) and trusts their shapes: a body of `null` throws before any
 * listener runs (in Bolt's own HTTP receiver nothing catches that, and the process dies); an `event` that is a
 * string throws in its routing and becomes a 500; a body it cannot classify is never acknowledged and gets a 404
 * three seconds later. Every signed payload is screened here first, the same way over HTTP and over
 * Socket Mode: `pass` goes to Bolt, anything else is answered without it.
 *
 * The schemas check exactly what Bolt and our listeners read before they acknowledge or rely on:
 * containers are objects, ids are strings. Everything else passes through untouched (Slack adds fields).
 */
import { parse as parseQuery, unescape as unescapeQuery } from 'node:querystring';
import { z } from 'zod';

/** Why a payload was refused; stable, for logs, metrics and the 400's body. */
export type RefusalCode =
  'body_not_json' | 'body_not_object' | 'payload_not_json' | 'missing_type' | 'malformed_fields';

export type Verdict =
  | { kind: 'pass' }
  /** Slack's own notice that it is holding back this app's events (no inner event, no listener). */
  | { kind: 'rate-limited'; teamId: string | undefined; minuteRateLimited: number | undefined }
  /** Well formed, of a type Bolt has no listener kind for: acknowledged and dropped. */
  | { kind: 'ignored'; type: string }
  | { kind: 'refused'; code: RefusalCode; detail: string };

export type ParsedBody = { ok: true; body: unknown } | { ok: false; verdict: Extract<Verdict, { kind: 'refused' }> };

const refuse = (code: RefusalCode, detail: string): Extract<Verdict, { kind: 'refused' }> => ({
  kind: 'refused',
  code,
  detail,
});

/**
 * Parses a request body exactly as Bolt's HTTP receiver does (HTTPModuleFunctions.parseHTTPRequestBody); the
 * body screened is the body handed to Bolt: a form's `payload` field as JSON (interactivity), other forms as
 * their fields (slash commands; querystring's object, without a prototype, as Bolt has it), anything else as JSON.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): ParsedBody {
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = parseQuery(raw);
    if (typeof fields.payload !== 'string') return { ok: true, body: fields };
    try {
      return { ok: true, body: JSON.parse(fields.payload) };
    } catch {
      return { ok: false, verdict: refuse('payload_not_json', 'the payload field is not JSON') };
    }
  }
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false, verdict: refuse('body_not_json', 'the body is not JSON') };
  }
}

const SSL_CHECK = 'ssl_check';
/** The longest field name that decodes to `ssl_check`: every character percent-encoded. */
const SSL_CHECK_NAME_MAX = SSL_CHECK.length * 3;

/**
 * Whether some `name=value` field of a form is named `ssl_check`, however the name is encoded. Reads field
 * names only (at most 28 characters of each field), never decodes a value: a linear scan of the body.
 */
function namesSslCheck(raw: string): boolean {
  for (let start = 0; start < raw.length;) {
    const amp = raw.indexOf('&', start);
    const end = amp === -1 ? raw.length : amp;
    const head = raw.slice(start, Math.min(end, start + SSL_CHECK_NAME_MAX + 1));
    const eq = head.indexOf('=');
    const name = eq === -1 ? '' : head.slice(0, eq);
    if (name === SSL_CHECK || (name.includes('%') && unescapeQuery(name) === SSL_CHECK)) return true;
    start = end + 1;
  }
  return false;
}

/**
 * Slack's form-encoded `ssl_check=1` probe: Bolt answers it without a signature and reads nothing else. Decided
 * as Bolt decides (the form's `ssl_check` field is exactly `'1'`), but a body is parsed for it only when one of
 * its fields is named so: other requests, every signed click among them, are parsed once, after the signature.
 */
export function isSslCheck(raw: string, contentType: string | undefined): boolean {
  return contentType === 'application/x-www-form-urlencoded' && namesSslCheck(raw) && parseQuery(raw).ssl_check === '1';
}

const object = z.looseObject({});
const id = z.string();
// Org-wide installs send `team: null`; Bolt then reads `user.team_id`.
const team = object.nullable().optional();
const user = z.looseObject({ id, team_id: id.optional() });
const common = {
  team,
  enterprise: object.nullable().optional(),
  // Bolt reads `channel.id` whenever `channel` is there.
  channel: object.optional(),
  response_url: z.string().optional(),
  // Without a response_url Bolt reads `response_urls[0].response_url`.
  response_urls: z.array(object).optional(),
};

const authorization = z.looseObject({ team_id: id.nullable().optional(), enterprise_id: id.nullable().optional() });

/** The inner event: Bolt reads `channel`, `channel_id`, `item.channel`, `user(.id)` and `subteam` to route it. */
const innerEvent = z.looseObject({
  type: z.string(),
  user: z.union([id, object]).optional(),
  channel: z.union([id, object]).optional(),
  channel_id: id.optional(),
  item: object.optional(),
  subteam: object.optional(),
});

// What our own event listeners read (src/platforms/slack/listeners): strings where they expect strings.
const messageItem = z
  .looseObject({ type: z.string(), channel: id.optional(), ts: id.optional() })
  .refine((item) => item.type !== 'message' || (item.channel !== undefined && item.ts !== undefined), {
    message: 'a message item needs its channel and ts',
  });
const reaction = z.looseObject({ user: id, reaction: z.string(), item: messageItem, item_user: id.optional() });
const membership = z.looseObject({ user: id, channel: id });
/** The events our listeners read, each with what they read of it (manifest.yml subscribes to exactly these). */
export const LISTENED_EVENTS: Record<string, z.ZodType> = {
  member_joined_channel: membership,
  member_left_channel: membership,
  app_home_opened: z.looseObject({ user: id, tab: z.string().optional() }),
  reaction_added: reaction,
  reaction_removed: reaction,
  // Several workspaces (OAuth): the app left a workspace, or its tokens were revoked.
  app_uninstalled: z.looseObject({}),
  tokens_revoked: z.looseObject({
    tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
  }),
};

const eventEnvelope = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id.optional(),
  event_id: id.optional(),
  authorizations: z.array(authorization).optional(),
  event: innerEvent,
});

// A slash command is a form: every field one string (a repeated field would arrive as a list).
const slashCommand = z
  .object({ command: z.string().startsWith('/'), team_id: id, user_id: id, channel_id: id })
  .catchall(z.string());

// Bolt's matchers call `.match()` on action and block ids, and on callback ids, when a listener matches them by pattern.
const blockIds = { action_id: z.string().optional(), block_id: z.string().optional() };
// Bolt hands `actions[0]` to its matchers as the payload: there must be one, and it must be an object.
const actions = z.looseObject({
  ...common,
  user,
  actions: z.array(z.looseObject(blockIds)).min(1),
  view: object.optional(),
  container: object.optional(),
  message: object.optional(),
});
const dialogSubmission = z.looseObject({ ...common, user });
const options = z.looseObject({ ...common, ...blockIds, user });
const shortcut = z.looseObject({ ...common, user, callback_id: z.string() });
const view = z.looseObject({
  id: id.optional(),
  callback_id: z.string(),
  private_metadata: z.string().optional(),
  app_installed_team_id: id.nullable().optional(),
});
// The comment modal reads `view.state.values` before it acks; view_closed carries no state worth reading.
const viewSubmission = z.looseObject({
  ...common,
  user,
  view: view.extend({ state: z.looseObject({ values: z.record(z.string(), object) }) }),
});
const viewClosed = z.looseObject({ ...common, user, view });

function check(schema: z.ZodType, body: unknown): Verdict {
  const result = schema.safeParse(body);
  if (result.success) return { kind: 'pass' };
  const [issue] = result.error.issues;
  // Names the field and the type it should have; never echoes a value (it may be a person's words).
  return refuse('malformed_fields', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'malformed');
}

function screenEvent(body: Record<string, unknown>): Verdict {
  const envelope = check(eventEnvelope, body);
  if (envelope.kind !== 'pass') return envelope;
  const event = body.event as { type: string };
  const listened = LISTENED_EVENTS[event.type];
  if (!listened) return envelope;
  const inner = check(listened, event);
  return inner.kind === 'refused' ? refuse(inner.code, `event.${inner.detail}`) : inner;
}

/**
 * Decides what happens to a signed payload (HTTP body or Socket Mode envelope payload). Classifies
 * it in the order Bolt does, so a payload that passes is one Bolt can route and acknowledge.
 */
export function screenSlackPayload(body: unknown): Verdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(
      'body_not_object',
      `the payload is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`}, not an object`,
    );
  const b = body as Record<string, unknown>;
  if (b.type === 'app_rate_limited') {
    return {
      kind: 'rate-limited',
      teamId: typeof b.team_id === 'string' ? b.team_id : undefined,
      minuteRateLimited: typeof b.minute_rate_limited === 'number' ? b.minute_rate_limited : undefined,
    };
  }
  if (b.event !== undefined || b.type === 'event_callback') return screenEvent(b);
  if (b.command !== undefined) return check(slashCommand, b);
  if (b.name !== undefined || b.type === 'block_suggestion') return check(options, b);
  if (b.type === 'dialog_submission') return check(dialogSubmission, b);
  if (b.actions !== undefined || b.type === 'block_actions' || b.type === 'interactive_message')
    return check(actions, b);
  if (b.type === 'shortcut' || b.type === 'message_action') return check(shortcut, b);
  if (b.type === 'view_submission') return check(viewSubmission, b);
  if (b.type === 'view_closed') return check(viewClosed, b);
  if (b.type === 'url_verification') return check(z.looseObject({ challenge: z.string() }), b);
  if (typeof b.type === 'string') return { kind: 'ignored', type: b.type };
  return refuse('missing_type', 'the payload has no type, command or event');
}
