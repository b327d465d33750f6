/** The Messenger port on Slack's Web API. Rate limits become coded errors the job queue honours. */
import { ErrorCode, WebClient, type WebAPICallResult } from '@slack/web-api';
import { isSymmetryError, SymmetryError } from '../../core/errors';
import type { PresenceStatus } from '../../core/away';
import type { CallPacer, ImageFile, MessageRef, Messenger } from '../../core/ports';
import type { UserProfile, Workspace } from '../../core/model';
import type { OutboundMessage } from '../../core/messages';
import { translate } from '../../core/i18n';
import { CHECKIN_METADATA_TYPE, POST_METADATA_TYPE, renderHome, renderMessage } from './render';

/** Turns Web API failures into SymmetryErrors: 429 → platform_rate_limited with the wait. */
export function toSymmetryError(err: unknown): unknown {
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (e?.code === ErrorCode.RateLimitedError) {
    return new SymmetryError(
      'platform_rate_limited',
      { retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 },
      { cause: err },
    );
  }
  return new SymmetryError('platform_error', { error: e?.data?.error ?? e?.code ?? 'unknown' }, { cause: err });
}

interface SlackUser {
  id?: string;
  is_bot?: boolean;
  deleted?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  tz?: string;
  locale?: string;
  /** users.info's profile: status_emoji (`:palm_tree:`), status_text, status_expiration (Unix seconds, 0 = never). */
  profile?: { status_emoji?: string; status_text?: string; status_expiration?: number };
}

/** Slack's status → PresenceStatus; null when the user has none. */
export function toPresenceStatus(u: SlackUser | undefined): PresenceStatus | null {
  const p = u?.profile;
  if (!p || (!p.status_emoji && !p.status_text)) return null;
  const expiration = p.status_expiration ?? 0;
  return {
    emoji: p.status_emoji ?? '',
    text: p.status_text ?? '',
    expiresAt: expiration > 0 ? new Date(expiration * 1000) : null,
  };
}

/** Slack → UserProfile. Slackbot is a bot even though Slack does not flag it as one. */
export function toProfile(id: string, u: SlackUser | undefined): UserProfile {
  return {
    platformUserId: id,
    isBot: Boolean(u?.is_bot) || id === 'USLACKBOT',
    deleted: Boolean(u?.deleted),
    isAdmin: Boolean(u?.is_admin || u?.is_owner),
    timezone: u?.tz ?? null,
    locale: u?.locale ?? null,
  };
}

/**
 * An image as filesUploadV2 takes it (files.getUploadURLExternal + upload + files.completeUploadExternal;
 * the old files.upload is gone).
 */
function imageUpload(image: ImageFile) {
  return { filename: image.name, title: image.title, alt_text: image.altText, file: Buffer.from(image.content) };
}

/** Creates the Slack Messenger. One bot token (single-workspace install); `workspace` is carried for multi-workspace later. */
export function createSlackMessenger(client: WebClient, pacer?: CallPacer): Messenger {
  /**
   * Every Web API call: paced across all workers (when a pacer is given), Slack's errors as SymmetryErrors.
   * A 429 holds every worker's calls to the workspace back for its Retry-After before the job is retried.
   */
  async function call<T extends WebAPICallResult>(workspace: Workspace, run: () => Promise<T>): Promise<T> {
    await pacer?.take(workspace.externalId);
    try {
      return await run();
    } catch (err) {
      const failure = toSymmetryError(err);
      if (pacer && isSymmetryError(failure, 'platform_rate_limited'))
        await pacer.holdOff(workspace.externalId, Number(failure.params.retryAfterMs));
      throw failure;
    }
  }

  /** Looks through a conversation's recent messages for one the bot tagged with this metadata. */
  async function findByMetadata(
    workspace: Workspace,
    channel: string,
    type: string,
    field: string,
    value: string,
  ): Promise<MessageRef | null> {
    const history = await call(workspace, () =>
      client.conversations.history({ channel, limit: 100, include_all_metadata: true }),
    );
    const found = history.messages?.find(
      (m) =>
        m.metadata?.event_type === type &&
        (m.metadata?.event_payload as Record<string, unknown> | undefined)?.[field] === value,
    );
    return found?.ts ? { channelId: channel, messageId: found.ts } : null;
  }

  /** The app's DM with a user, for files: uploads need a channel id, not a user id (conversations.open, im:write). */
  const dmChannel = async (workspace: Workspace, userId: string): Promise<string> => {
    const opened = await call(workspace, () => client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (!channel) throw new SymmetryError('platform_error', { error: 'no_dm_channel' });
    return channel;
  };

  return {
    async sendDirect(workspace: Workspace, userId: string, message: OutboundMessage): Promise<MessageRef> {
      // Posting to the user id opens (or reuses) the app's DM with them: one call instead of conversations.open + post.
      const res = await call(workspace, () => client.chat.postMessage({ channel: userId, ...renderMessage(message) }));
      return { channelId: String(res.channel), messageId: String(res.ts) };
    },
    async update(workspace, ref, message) {
      const { metadata: _metadata, ...rendered } = renderMessage(message);
      await call(workspace, () => client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...rendered }));
    },
    async postToChannel(workspace, channelId, message, options = {}) {
      const res = await call(workspace, () =>
        client.chat.postMessage({
          channel: channelId,
          ...renderMessage(message),
          ...(options.threadId ? { thread_ts: options.threadId } : {}),
        }),
      );
      return { channelId: String(res.channel), messageId: String(res.ts) };
    },
    async findCheckin(workspace, userId, deliveryId) {
      const opened = await call(workspace, () => client.conversations.open({ users: userId }));
      const channel = opened.channel?.id;
      return channel ? findByMetadata(workspace, channel, CHECKIN_METADATA_TYPE, 'delivery_id', deliveryId) : null;
    },
    async findDirect(workspace, userId, key) {
      const opened = await call(workspace, () => client.conversations.open({ users: userId }));
      const channel = opened.channel?.id;
      return channel ? findByMetadata(workspace, channel, POST_METADATA_TYPE, 'key', key) : null;
    },
    async findPosted(workspace, channelId, key) {
      return findByMetadata(workspace, channelId, POST_METADATA_TYPE, 'key', key);
    },
    async publishHome(workspace, userId, home) {
      // The heatmap goes up as a private file (no channel: shared with nobody) that the image block shows.
      const png = home.organisation?.heatmapPng;
      const uploaded = png
        ? await call(workspace, () =>
            client.filesUploadV2({
              filename: 'symmetry-heatmap.png',
              title: translate(home.locale, 'dashboard.home.heading'),
              alt_text: translate(home.locale, 'dashboard.home.heatmap_alt'),
              file: Buffer.from(png),
            }),
          )
        : null;
      const heatmapFileId = uploaded?.files[0]?.files?.[0]?.id ?? null;
      await call(workspace, () => client.views.publish({ user_id: userId, view: renderHome(home, heatmapFileId) }));
    },
    async getMessage(workspace, channelId, messageId) {
      // The exact message: history bounded to its own ts (channels:history / groups:history).
      const history = await call(workspace, () =>
        client.conversations.history({ channel: channelId, latest: messageId, inclusive: true, limit: 1 }),
      ).catch(() => null);
      const found = history?.messages?.find((m) => m.ts === messageId);
      if (!found) return null;
      const link = await call(workspace, () =>
        client.chat.getPermalink({ channel: channelId, message_ts: messageId }),
      ).catch(() => null);
      return { channelId, messageId, text: found.text ?? '', permalink: link?.permalink ?? null };
    },
    async sendFile(workspace, userId, file) {
      const channel = await dmChannel(workspace, userId);
      await call(
        workspace,
        () =>
          client.filesUploadV2({
            channel_id: channel,
            filename: file.name,
            title: file.title,
            content: file.content,
            initial_comment: file.comment,
          }) as Promise<WebAPICallResult>,
      );
    },
    async postImage(workspace, channelId, image, options = {}) {
      const file = imageUpload(image);
      await call(
        workspace,
        () =>
          (options.threadId
            ? client.filesUploadV2({ ...file, channel_id: channelId, thread_ts: options.threadId })
            : client.filesUploadV2({ ...file, channel_id: channelId })) as Promise<WebAPICallResult>,
      );
    },
    async sendDirectImage(workspace, userId, image) {
      const channel = await dmChannel(workspace, userId);
      await call(
        workspace,
        () =>
          client.filesUploadV2({
            ...imageUpload(image),
            channel_id: channel,
            ...(image.comment ? { initial_comment: image.comment } : {}),
          }) as Promise<WebAPICallResult>,
      );
    },
    async getUser(workspace, userId) {
      const res = await call(workspace, () => client.users.info({ user: userId, include_locale: true }));
      return toProfile(userId, res.user as SlackUser | undefined);
    },
    async readStatus(workspace, userId) {
      // users.info (tier 4, paced like every call): the same read as getUser, without the locale.
      const res = await call(workspace, () => client.users.info({ user: userId }));
      return toPresenceStatus(res.user as SlackUser | undefined);
    },
    async listChannelMembers(workspace, channelId) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(workspace, () =>
          client.conversations.members({ channel: channelId, limit: 1000, ...(cursor ? { cursor } : {}) }),
        );
        ids.push(...(page.members ?? []));
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return ids;
    },
  };
}
