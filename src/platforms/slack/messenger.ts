/** The Messenger port on Slack's Web API. Rate limits become coded errors the job queue honours. */
import { createHash } from 'node:crypto';
import { ErrorCode, WebClient, type WebAPICallResult } from '@slack/web-api';
import { isSymmetryError, SymmetryError } from '../../core/errors';
import type { PresenceStatus } from '../../core/away';
import type { CallPacer, ImageFile, MessageRef, Messenger } from '../../core/ports';
import type { UserProfile, Workspace } from '../../core/model';
import type { OutboundMessage } from '../../core/messages';
import { translate } from '../../core/i18n';
import { CHECKIN_METADATA_TYPE, commentModal, POST_METADATA_TYPE, renderHome, renderMessage } from './render';
import { encoded, onTheWire } from './wire';

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

/** A failed read counts as "not found", except a rate limit: the job comes back after it instead. */
function unlessRateLimited(err: unknown): null {
  if (isSymmetryError(err, 'platform_rate_limited')) throw err;
  return null;
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
  // The caption travels as the file's message, after the comment (if any), so the reading is never left out.
  const comment = [image.comment, image.caption].filter((line) => line).join('\n');
  return {
    filename: image.name,
    title: image.title,
    alt_text: image.altText,
    file: Buffer.from(image.content),
    ...(comment ? { initial_comment: comment } : {}),
  };
}

/**
 * The longest a call sleeps for its workspace's next pacer slot. A job sleeping on one workspace's
 * limit holds a worker that another workspace's DMs could use: a slot further away than this is
 * reserved and the job handed back to the queue until just before it (as a 429 would, but without
 * asking Slack), so one workspace at its limit never delays another. A few slots' worth at Slack's
 * pace (20 calls/s).
 */
export const MAX_PACE_WAIT_MS = 250;
/**
 * How early a job handed back comes back before its reserved slot. It sleeps that long holding a worker, so
 * little; a job back more than this (plus the reservation's 20 ms grace) late loses its slot and takes the
 * next. BullMQ promotes a delayed job within a few milliseconds on a machine that is not overloaded.
 */
const HAND_BACK_EARLY_MS = 40;

/** users.list's page: Slack's recommended maximum (it may return fewer). */
const DIRECTORY_PAGE = 200;
/**
 * From this many people on, their profiles come from the directory (users.list, tier 2, 200 a page)
 * rather than one users.info each (tier 4): at 50 a page of the directory costs as much as 10 users.info
 * calls (5x the tier), and most workspaces are a few pages.
 */
const DIRECTORY_FROM = 50;
/** Tries of one page under 429s before the read is given up (and its job retried later). */
const PAGE_ATTEMPTS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The WebClient for a workspace: the one bot token's, or (OAuth installs) the workspace's own, fresh. */
export type SlackClients = WebClient | ((workspace: Pick<Workspace, 'externalId'>) => Promise<WebClient>);

/** Creates the Slack Messenger over one bot token's client, or a client per workspace (OAuth installs). */
export function createSlackMessenger(
  clients: SlackClients,
  pacer?: CallPacer,
  opts: { maxPaceWaitMs?: number } = {},
): Messenger {
  const maxPaceWaitMs = opts.maxPaceWaitMs ?? MAX_PACE_WAIT_MS;
  /** Per workspace, the heatmap PNG last uploaded for App Home (by its digest) and its file: shown again, not re-sent. */
  const homeImages = new Map<string, { digest: string; fileId: string }>();
  const clientFor = typeof clients === 'function' ? clients : async () => clients;
  /**
   * Every Web API call: paced across all workers (when a pacer is given), Slack's errors as SymmetryErrors.
   * A 429 holds every worker's calls to the workspace back for its Retry-After before the job is retried.
   */
  async function call<T extends WebAPICallResult>(
    workspace: Workspace,
    run: (client: WebClient) => Promise<T>,
    how: { resumable: boolean } = { resumable: true },
  ): Promise<T> {
    // The token first: an uninstalled workspace fails here for good, without taking a slot of the pace.
    const client = await clientFor(workspace);
    // A call that cannot be resumed (a page of a long read) waits for its slot rather than lose the pages before it.
    const laterMs = (await pacer?.take(workspace.externalId, how.resumable ? maxPaceWaitMs : undefined)) ?? 0;
    // The slot is reserved for the job: it comes back a little early and finds it within reach.
    if (laterMs > 0)
      throw new SymmetryError('platform_rate_limited', {
        retryAfterMs: Math.max(1, Math.ceil(laterMs - Math.min(HAND_BACK_EARLY_MS, maxPaceWaitMs / 2))),
        paced: 1,
      });
    try {
      return await run(client);
    } catch (err) {
      const failure = toSymmetryError(err);
      // A page's 429 is its method's own (users.list is tier 2): DMs to the workspace go on meanwhile.
      if (pacer && how.resumable && isSymmetryError(failure, 'platform_rate_limited'))
        await pacer.holdOff(workspace.externalId, Number(failure.params.retryAfterMs));
      throw failure;
    }
  }

  /** One page of a long read: a 429 waits its Retry-After and asks again (the pages before it are not read twice). */
  async function page<T extends WebAPICallResult>(
    workspace: Workspace,
    run: (client: WebClient) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(workspace, run, { resumable: false });
      } catch (err) {
        if (!isSymmetryError(err, 'platform_rate_limited') || attempt >= PAGE_ATTEMPTS) throw err;
        await sleep(Number(err.params.retryAfterMs));
      }
    }
  }

  /**
   * Profiles of many users from the workspace directory: users.list, 200 a page, until all of them are
   * found (a channel of 5,000 is 25 tier-2 calls, not 5,000 users.info). Whoever the directory does not
   * list (a Slack Connect guest from another organization) is read with users.info.
   */
  async function readDirectory(workspace: Workspace, userIds: readonly string[]): Promise<UserProfile[]> {
    const wanted = new Set(userIds);
    const found = new Map<string, UserProfile>();
    let cursor: string | undefined;
    do {
      const res = await page(workspace, (client) =>
        client.users.list({
          limit: DIRECTORY_PAGE,
          include_locale: true,
          // An org-wide (Enterprise Grid) token lists the organization: name the workspace.
          team_id: workspace.externalId,
          ...(cursor ? { cursor } : {}),
        }),
      );
      for (const u of (res.members ?? []) as SlackUser[])
        if (u.id && wanted.has(u.id)) found.set(u.id, toProfile(u.id, u));
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor && found.size < wanted.size);
    const profiles: UserProfile[] = [];
    for (const id of wanted) profiles.push(found.get(id) ?? (await getUser(workspace, id)));
    return profiles;
  }

  async function getUser(workspace: Workspace, userId: string): Promise<UserProfile> {
    const res = await call(workspace, (client) => client.users.info({ user: userId, include_locale: true }));
    return toProfile(userId, res.user as SlackUser | undefined);
  }

  /** Looks through a conversation's recent messages for one the bot tagged with this metadata. */
  async function findByMetadata(
    workspace: Workspace,
    channel: string,
    type: string,
    field: string,
    value: string,
  ): Promise<MessageRef | null> {
    const history = await call(workspace, (client) =>
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
    const opened = await call(workspace, (client) => client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (!channel) throw new SymmetryError('platform_error', { error: 'no_dm_channel' });
    return channel;
  };

  /**
   * The App Home heatmap as a private file (no channel: shared with nobody) that the image block shows. The same
   * picture (it changes when a round closes) is shown again from the file already uploaded; a new one replaces it
   * and the old file is deleted, so opening App Home does not leave a file behind each time.
   */
  async function homeImage(workspace: Workspace, locale: string, png: Uint8Array): Promise<string | null> {
    const digest = createHash('sha256').update(png).digest('base64url');
    const known = homeImages.get(workspace.id);
    if (known?.digest === digest) return known.fileId;
    const uploaded = await call(workspace, (client) =>
      client.filesUploadV2({
        filename: 'symmetry-heatmap.png',
        title: translate(locale, 'dashboard.home.heading'),
        alt_text: translate(locale, 'dashboard.home.heatmap_alt'),
        file: Buffer.from(png),
      }),
    );
    const fileId = uploaded.files[0]?.files?.[0]?.id ?? null;
    if (!fileId) return null;
    homeImages.set(workspace.id, { digest, fileId });
    // Best effort: a file that cannot be deleted now is only one file more, never a failed Home.
    if (known) await call(workspace, (client) => client.files.delete({ file: known.fileId })).catch(() => undefined);
    return fileId;
  }

  return {
    async sendDirect(workspace: Workspace, userId: string, message: OutboundMessage): Promise<MessageRef> {
      // Posting to the user id opens (or reuses) the app's DM with them: one call instead of conversations.open + post.
      const res = await call(workspace, (client) =>
        client.chat.postMessage({ channel: userId, ...onTheWire(renderMessage(message)) }),
      );
      return { channelId: String(res.channel), messageId: String(res.ts) };
    },
    async update(workspace, ref, message) {
      const { metadata: _metadata, ...rendered } = renderMessage(message);
      await call(workspace, (client) =>
        client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...onTheWire(rendered) }),
      );
    },
    async postToChannel(workspace, channelId, message, options = {}) {
      const res = await call(workspace, (client) =>
        client.chat.postMessage({
          channel: channelId,
          ...onTheWire(renderMessage(message)),
          ...(options.threadId ? { thread_ts: options.threadId } : {}),
        }),
      );
      return { channelId: String(res.channel), messageId: String(res.ts) };
    },
    async findCheckin(workspace, userId, deliveryId) {
      const opened = await call(workspace, (client) => client.conversations.open({ users: userId }));
      const channel = opened.channel?.id;
      return channel ? findByMetadata(workspace, channel, CHECKIN_METADATA_TYPE, 'delivery_id', deliveryId) : null;
    },
    async findDirect(workspace, userId, key) {
      const opened = await call(workspace, (client) => client.conversations.open({ users: userId }));
      const channel = opened.channel?.id;
      return channel ? findByMetadata(workspace, channel, POST_METADATA_TYPE, 'key', key) : null;
    },
    async findPosted(workspace, channelId, key) {
      return findByMetadata(workspace, channelId, POST_METADATA_TYPE, 'key', key);
    },
    async openCommentForm(workspace, trigger, form) {
      // Not paced: the trigger is good for 3 s, and views.open's limit is the trigger's own (one view per click).
      const client = await clientFor(workspace);
      try {
        await client.views.open({
          trigger_id: trigger,
          view: encoded(commentModal(form.locale, form.deliveryId, form.threshold, form.textQuestions)),
        });
      } catch (err) {
        throw toSymmetryError(err);
      }
    },
    async publishHome(workspace, userId, home) {
      const png = home.organisation?.heatmapPng;
      const heatmapFileId = png ? await homeImage(workspace, home.locale, png) : null;
      await call(workspace, (client) =>
        client.views.publish({ user_id: userId, view: encoded(renderHome(home, heatmapFileId)) }),
      );
    },
    async getMessage(workspace, channelId, messageId) {
      // The exact message: history bounded to its own ts (channels:history / groups:history).
      const history = await call(workspace, (client) =>
        client.conversations.history({ channel: channelId, latest: messageId, inclusive: true, limit: 1 }),
      ).catch(unlessRateLimited);
      const found = history?.messages?.find((m) => m.ts === messageId);
      if (!found) return null;
      const link = await call(workspace, (client) =>
        client.chat.getPermalink({ channel: channelId, message_ts: messageId }),
      ).catch(unlessRateLimited);
      return { channelId, messageId, text: found.text ?? '', permalink: link?.permalink ?? null };
    },
    async sendFile(workspace, userId, file) {
      const channel = await dmChannel(workspace, userId);
      await call(
        workspace,
        (client) =>
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
        (client) =>
          (options.threadId
            ? client.filesUploadV2({ ...file, channel_id: channelId, thread_ts: options.threadId })
            : client.filesUploadV2({ ...file, channel_id: channelId })) as Promise<WebAPICallResult>,
      );
    },
    async sendDirectImage(workspace, userId, image) {
      const channel = await dmChannel(workspace, userId);
      await call(
        workspace,
        (client) =>
          client.filesUploadV2({
            ...imageUpload(image),
            channel_id: channel,
          }) as Promise<WebAPICallResult>,
      );
    },
    getUser,
    async getUsers(workspace, userIds) {
      if (userIds.length >= DIRECTORY_FROM) return readDirectory(workspace, userIds);
      const profiles: UserProfile[] = [];
      for (const id of userIds) profiles.push(await getUser(workspace, id));
      return profiles;
    },
    async readStatus(workspace, userId) {
      // users.info (tier 4, paced like every call): the same read as getUser, without the locale.
      const res = await call(workspace, (client) => client.users.info({ user: userId }));
      return toPresenceStatus(res.user as SlackUser | undefined);
    },
    async listChannelMembers(workspace, channelId) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(workspace, (client) =>
          client.conversations.members({ channel: channelId, limit: 1000, ...(cursor ? { cursor } : {}) }),
        );
        ids.push(...(page.members ?? []));
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return ids;
    },
  };
}
