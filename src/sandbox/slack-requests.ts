/**
 * Drives the app through its real HTTP endpoint the way Slack does: realistic bodies built from
 * scrubbed real payloads in ./fixtures/slack, signed with the v0 scheme Slack documents. The
 * end-to-end tests and the sandbox's simulated people both send their requests through here.
 */
import { createHmac, randomBytes } from 'node:crypto';
import slashCommand from './fixtures/slack/slash-command.json';
import blockActions from './fixtures/slack/block-actions.json';
import viewSubmission from './fixtures/slack/view-submission.json';
import memberJoined from './fixtures/slack/event-member-joined-channel.json';
import memberLeft from './fixtures/slack/event-member-left-channel.json';
import reactionAdded from './fixtures/slack/event-reaction-added.json';

export type FormContentType = 'application/x-www-form-urlencoded';
export interface SlackRequestBody {
  body: string;
  contentType: FormContentType | 'application/json';
}

const form = (fields: Record<string, string>): SlackRequestBody => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
/** Interactive payloads arrive as a form with one `payload` field holding JSON. */
const interactive = (payload: unknown) => form({ payload: JSON.stringify(payload) });
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Slack's `1234567890.123456` timestamps. */
const slackTs = () => `${nowSeconds()}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function signSlackRequest(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** A fresh trigger id in Slack's `<digits>.<digits>.<32 hex>` shape, accepted once by the fake's views.open. */
export function newTriggerId(): string {
  return `${Date.now()}${Math.floor(Math.random() * 1000)}.${Math.floor(Math.random() * 1e13)}.${randomBytes(16).toString('hex')}`;
}

/** A fresh Events API `event_id`, the key Slack redeliveries share. */
export function newEventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

export interface SlashCommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId: string;
  teamId: string;
  responseUrl: string;
  triggerId?: string;
  userName?: string;
  channelName?: string;
  teamDomain?: string;
  apiAppId?: string;
}

/** The form Slack posts for a slash command: every field it sends, in its order. */
export function slashCommandBody(i: SlashCommandInput): SlackRequestBody {
  return form({
    ...slashCommand,
    team_id: i.teamId,
    team_domain: i.teamDomain ?? slashCommand.team_domain,
    channel_id: i.channelId,
    channel_name: i.channelName ?? (i.channelId.startsWith('D') ? 'directmessage' : slashCommand.channel_name),
    user_id: i.userId,
    user_name: i.userName ?? slashCommand.user_name,
    command: i.command,
    text: i.text ?? '',
    api_app_id: i.apiAppId ?? slashCommand.api_app_id,
    response_url: i.responseUrl,
    trigger_id: i.triggerId ?? newTriggerId(),
  });
}

export interface BlockActionInput {
  userId: string;
  teamId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  channelId: string;
  messageTs: string;
  triggerId?: string;
  responseUrl: string;
  /** The message the button sits in, e.g. what the fake Slack stored; defaults to the fixture's. */
  message?: { text?: string; blocks?: unknown[]; user?: string; bot_id?: string; app_id?: string };
  /** Overrides for the action element, e.g. `{ type: 'static_select', selected_option: … }`. */
  action?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

/** A `block_actions` payload for a click in a message (DM or channel). */
export function blockActionBody(i: BlockActionInput): SlackRequestBody {
  const [fixtureAction] = blockActions.actions;
  const { blocks, text, ...author } = i.message ?? {};
  return interactive({
    ...blockActions,
    user: { ...blockActions.user, id: i.userId, team_id: i.teamId },
    container: { ...blockActions.container, message_ts: i.messageTs, channel_id: i.channelId },
    trigger_id: i.triggerId ?? newTriggerId(),
    team: { ...blockActions.team, id: i.teamId },
    channel: { id: i.channelId, name: i.channelId.startsWith('D') ? 'directmessage' : i.channelId.toLowerCase() },
    message: {
      ...blockActions.message,
      ...author,
      ts: i.messageTs,
      team: i.teamId,
      text: text ?? blockActions.message.text,
      blocks: blocks ?? blockActions.message.blocks,
    },
    state: { values: i.state ?? {} },
    response_url: i.responseUrl,
    actions: [
      {
        ...fixtureAction,
        action_id: i.actionId,
        block_id: i.blockId ?? fixtureAction?.block_id,
        value: i.value,
        action_ts: slackTs(),
        ...i.action,
      },
    ],
  });
}

export interface ViewSubmissionInput {
  userId: string;
  teamId: string;
  callbackId: string;
  privateMetadata?: string;
  /** `state.values`: block_id → action_id → element state, e.g. `{ comment: { comment: { type: 'plain_text_input', value: 'hi' } } }`. */
  values: Record<string, Record<string, unknown>>;
  viewId?: string;
  blocks?: unknown[];
}

/** A `view_submission` payload for a modal the user submitted. */
export function viewSubmissionBody(i: ViewSubmissionInput): SlackRequestBody {
  const viewId = i.viewId ?? viewSubmission.view.id;
  return interactive({
    ...viewSubmission,
    team: { ...viewSubmission.team, id: i.teamId },
    user: { ...viewSubmission.user, id: i.userId, team_id: i.teamId },
    trigger_id: newTriggerId(),
    view: {
      ...viewSubmission.view,
      id: viewId,
      root_view_id: viewId,
      team_id: i.teamId,
      app_installed_team_id: i.teamId,
      callback_id: i.callbackId,
      private_metadata: i.privateMetadata ?? '',
      state: { values: i.values },
      ...(i.blocks ? { blocks: i.blocks } : {}),
    },
  });
}

export interface EventEnvelopeOptions {
  eventId?: string;
  eventTime?: number;
  apiAppId?: string;
  botUserId?: string;
}

/** The Events API envelope (`type: event_callback`) around one event. */
export function eventCallbackBody(
  teamId: string,
  event: Record<string, unknown>,
  opts: EventEnvelopeOptions = {},
): SlackRequestBody {
  const envelope = memberJoined;
  return {
    contentType: 'application/json',
    body: JSON.stringify({
      ...envelope,
      team_id: teamId,
      context_team_id: teamId,
      api_app_id: opts.apiAppId ?? envelope.api_app_id,
      event,
      event_id: opts.eventId ?? newEventId(),
      event_time: opts.eventTime ?? nowSeconds(),
      authorizations: envelope.authorizations.map((a) => ({
        ...a,
        team_id: teamId,
        user_id: opts.botUserId ?? a.user_id,
      })),
    }),
  };
}

/** The inner `member_joined_channel` event (`inviter` only when someone added the user). */
export function memberJoinedChannelEvent(e: {
  user: string;
  channel: string;
  team: string;
  inviter?: string;
}): Record<string, unknown> {
  const { inviter: _fixtureInviter, ...base } = memberJoined.event;
  return { ...base, ...e, event_ts: slackTs() };
}

/** The inner `member_left_channel` event. */
export function memberLeftChannelEvent(e: { user: string; channel: string; team: string }): Record<string, unknown> {
  return { ...memberLeft.event, ...e, event_ts: slackTs() };
}

/** The inner `reaction_added` event on a message; `itemUser` is absent when the reacted message has no user author (Slack omits `item_user` then). */
export function reactionAddedEvent(e: {
  user: string;
  reaction: string;
  channel: string;
  ts: string;
  itemUser?: string;
}): Record<string, unknown> {
  const { item_user: _fixtureItemUser, ...base } = reactionAdded.event;
  return {
    ...base,
    user: e.user,
    reaction: e.reaction,
    item: { type: 'message', channel: e.channel, ts: e.ts },
    ...(e.itemUser ? { item_user: e.itemUser } : {}),
    event_ts: slackTs(),
  };
}

export interface PostToSlackAppOptions extends SlackRequestBody {
  /** Signing secret; leave out (and give no `signature`) to send an unsigned request. */
  secret?: string;
  /** Seconds since the epoch; defaults to now. Set it 6 minutes back to test staleness. */
  timestamp?: number;
  /** Sent as-is instead of the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackAppResponse {
  status: number;
  text: string;
  json?: unknown;
  headers: Headers;
}

/** POSTs a body to the app's request URL as Slack would, signed unless told otherwise. */
export async function postToSlackApp(url: string, o: PostToSlackAppOptions): Promise<SlackAppResponse> {
  const timestamp = o.timestamp ?? nowSeconds();
  const signature = o.signature ?? (o.secret !== undefined ? signSlackRequest(o.secret, timestamp, o.body) : undefined);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': o.contentType,
      ...(signature !== undefined
        ? { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) }
        : {}),
      ...o.headers,
    },
    body: o.body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}
