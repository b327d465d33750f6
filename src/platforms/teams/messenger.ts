/**
 * The Messenger port on the Bot Connector (botbuilder's CloudAdapter). Every write is proactive: the
 * conversation reference comes from PostgreSQL (stored when Teams told us about the conversation, or
 * when we created a 1:1 chat, once), so any worker replica can send after any restart.
 */
import {
  TeamsInfo,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TeamsChannelAccount,
} from 'botbuilder';
import { SymmetryError, isSymmetryError } from '../../core/errors';
import type { OutboundMessage } from '../../core/messages';
import type { ConversationAddress, UserProfile, Workspace } from '../../core/model';
import type { ConversationReferenceRepository, Logger, MessageRef, Messenger } from '../../core/ports';
import { createTeamsLimiter, statusOf, type TeamsLimiter } from './limits';
import { imageMessage, peopleIn, postKeyOf, renderMessage, type TeamsMessage } from './render';
import { baseConversationId, isBotId } from './text';

/** The audience of outgoing Bot Connector calls in the public cloud. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';
/** Names and profiles read from rosters are reused this long (a sync reads a roster, then asks for each person). */
const CACHE_MS = 10 * 60_000;
const PAGE_SIZE = 500;
/** What is stored for a message whose place must not be kept: only that it went (a retry then sends nothing). */
const SENT_NOWHERE: MessageRef = { channelId: '', messageId: '' };

export interface TeamsMessengerOptions {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID; empty only when authentication is explicitly off (local tests). */
  appId: string;
  conversations: ConversationReferenceRepository;
  logger: Logger;
  limiter?: TeamsLimiter;
  now?: () => Date;
}

/** The Teams messenger: the port, plus a private reply outside the port for command answers. */
export interface TeamsMessenger extends Messenger {
  /** Sends an already rendered message to the person's 1:1 chat (created once if needed). */
  sendPrivately(workspace: Workspace, userId: string, message: TeamsMessage): Promise<MessageRef>;
}

/** Removes the SDK's own retry policy from a turn's connector client: our limiter and BullMQ own retries. */
function dropSdkRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/** A Bot Connector error as a SymmetryError the job queue understands. */
function toSymmetryError(err: unknown): unknown {
  if (isSymmetryError(err)) return err;
  const status = statusOf(err);
  return new SymmetryError(
    'platform_error',
    { error: status ? `http_${status}` : ((err as Error)?.message ?? 'unknown').slice(0, 200) },
    { cause: err },
  );
}

/** Creates the Teams Messenger. */
export function createTeamsMessenger(opts: TeamsMessengerOptions): TeamsMessenger {
  const { adapter, appId, conversations, logger } = opts;
  const limiter = opts.limiter ?? createTeamsLimiter();
  const now = opts.now ?? (() => new Date());
  const names = new Map<string, { name: string; at: number }>();
  const roster = new Map<string, { profile: UserProfile; at: number }>();

  const remember = (workspaceId: string, m: TeamsChannelAccount) => {
    const at = Date.now();
    if (m.name) names.set(`${workspaceId}|${m.id}`, { name: m.name, at });
    const profile: UserProfile = {
      platformUserId: m.id,
      isBot: isBotId(m.id),
      deleted: false,
      isAdmin: false,
      timezone: null,
      locale: null,
    };
    roster.set(`${workspaceId}|${m.id}`, { profile, at });
  };
  const fresh = <T extends { at: number }>(map: Map<string, T>, key: string): T | undefined => {
    const hit = map.get(key);
    return hit && Date.now() - hit.at < CACHE_MS ? hit : undefined;
  };

  /** Runs `logic` in a proactive turn on `reference`, without the SDK's retries. */
  async function inConversation<T>(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    let result: T | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      dropSdkRetries(context);
      // botbuilder makes every proactive send a reply to its made-up continuation activity; a new message
      // (or one in a thread, addressed by `;messageid=`) is a plain send to the conversation.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      result = await logic(context);
    });
    return result as T;
  }

  async function addressOf(workspace: Workspace, conversationId: string): Promise<ConversationAddress> {
    const address = await conversations.findAddress(workspace.id, baseConversationId(conversationId));
    if (!address) throw new SymmetryError('platform_error', { error: 'unknown_conversation' });
    return address;
  }

  /** The person's 1:1 chat: the stored reference, or one created now (once) and stored. */
  async function personalAddress(workspace: Workspace, userId: string): Promise<ConversationAddress> {
    const contact = await conversations.findContact(workspace.id, userId);
    if (contact?.unreachableAt)
      throw new SymmetryError('recipient_unreachable', { since: contact.unreachableAt.toISOString() });
    const existing = await conversations.findPersonal(workspace.id, userId);
    if (existing) return existing;
    const latest = await conversations.findLatest(workspace.id);
    const base = latest?.reference as Partial<ConversationReference> | undefined;
    if (!base?.serviceUrl || !base.bot) throw new SymmetryError('platform_error', { error: 'not_installed' });
    const tenantId = workspace.externalId;
    let reference: Partial<ConversationReference> | undefined;
    await limiter.run(`create:${userId}`, () =>
      adapter.createConversationAsync(
        appId,
        'msteams',
        base.serviceUrl!,
        CONNECTOR_AUDIENCE,
        {
          isGroup: false,
          bot: base.bot!,
          members: [{ id: userId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
          activity: undefined as unknown as Activity,
        },
        async (context) => {
          // A stored reference names no activity: a proactive send is a new message, never a reply.
          const { activityId: _created, ...created } = TurnContext.getConversationReference(context.activity);
          reference = { ...created, user: { id: userId, name: '' } };
        },
      ),
    );
    if (!reference?.conversation?.id) throw new SymmetryError('platform_error', { error: 'no_conversation_created' });
    const address: ConversationAddress = {
      workspaceId: workspace.id,
      conversationId: reference.conversation.id,
      kind: 'personal',
      userId,
      groupId: null,
      reference: reference as Record<string, unknown>,
    };
    await conversations.saveAddress(address);
    logger.info({ workspaceId: workspace.id }, 'teams 1:1 conversation created');
    return address;
  }

  /** A 403 on a person's chat means blocked or uninstalled: remember it, never retry it. */
  async function guardPersonal<T>(workspace: Workspace, userId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (statusOf(err) === 403) {
        await conversations.markUnreachable(workspace.id, userId, now());
        logger.warn(
          { workspaceId: workspace.id },
          'teams refused a 1:1 message (blocked or uninstalled); member marked unreachable',
        );
        throw new SymmetryError('recipient_unreachable', {}, { cause: err });
      }
      throw toSymmetryError(err);
    }
  }

  async function send(address: ConversationAddress, activity: TeamsMessage, threadId?: string): Promise<string> {
    const ref = address.reference as Partial<ConversationReference>;
    const conversation = {
      ...(ref.conversation ?? {}),
      id: threadId ? `${address.conversationId};messageid=${threadId}` : address.conversationId,
    } as ConversationReference['conversation'];
    const sent = await limiter.run(address.conversationId, () =>
      inConversation({ ...ref, conversation }, (context) => context.sendActivity(activity as Partial<Activity>)),
    );
    if (!sent?.id) throw new SymmetryError('platform_error', { error: 'no_activity_id' });
    return sent.id;
  }

  /** Looks up the display names of the people a message mentions (from the roster cache, else the connector). */
  async function namesFor(
    workspace: Workspace,
    address: ConversationAddress,
    ids: string[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = fresh(names, `${workspace.id}|${id}`);
      if (hit) out.set(id, hit.name);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    await inConversation(address.reference as Partial<ConversationReference>, async (context) => {
      for (const id of missing) {
        const member = await TeamsInfo.getMember(context, id).catch(() => null);
        if (member?.name) {
          out.set(id, member.name);
          remember(workspace.id, member);
        }
      }
    }).catch((err: Error) => logger.warn({ err: err.message }, 'could not look up names for mentions'));
    return out;
  }

  async function render(
    workspace: Workspace,
    address: ConversationAddress,
    message: OutboundMessage,
  ): Promise<TeamsMessage> {
    const people = peopleIn(message);
    return renderMessage(message, people.length ? await namesFor(workspace, address, people) : new Map());
  }

  async function savePost(workspace: Workspace, message: OutboundMessage, ref: MessageRef): Promise<void> {
    const key = postKeyOf(message);
    if (!key) return;
    // A thread DM to a comment's author is recorded as sent, never where: the 1:1 chat beside the thread
    // message's key would tell a database dump who wrote the comment (the key itself names no reader).
    const authorBound = message.kind === 'thread' && message.viewer === 'author';
    await conversations.savePost(workspace.id, key, authorBound ? SENT_NOWHERE : ref);
  }

  const messenger: TeamsMessenger = {
    async sendDirect(workspace, userId, message) {
      return guardPersonal(workspace, userId, async () => {
        const address = await personalAddress(workspace, userId);
        const ref = {
          channelId: address.conversationId,
          messageId: await send(address, await render(workspace, address, message)),
        };
        await savePost(workspace, message, ref);
        return ref;
      });
    },

    async sendPrivately(workspace, userId, message) {
      return guardPersonal(workspace, userId, async () => {
        const address = await personalAddress(workspace, userId);
        return { channelId: address.conversationId, messageId: await send(address, message) };
      });
    },

    async sendFile(workspace, userId, file) {
      // A bot can attach a real file to a 1:1 chat only through Teams' file-consent flow (supportsFiles, an upload to
      // the person's OneDrive); an export is small text, so it arrives as a code block in the chat instead.
      const MAX = 20_000;
      const body = file.content.length > MAX ? `${file.content.slice(0, MAX)}\n…` : file.content;
      const text = `**${file.title}** (${file.name})\n\n\`\`\`\n${body}\n\`\`\``;
      await messenger.sendPrivately(workspace, userId, { type: 'message', textFormat: 'markdown', text });
    },

    async update(workspace, ref, message) {
      const address = await addressOf(workspace, ref.channelId);
      const rendered = await render(workspace, address, message);
      try {
        await limiter.run(address.conversationId, () =>
          inConversation(address.reference as Partial<ConversationReference>, (context) =>
            context.updateActivity({ ...(rendered as Partial<Activity>), id: ref.messageId }),
          ),
        );
      } catch (err) {
        if (address.kind === 'personal' && address.userId && statusOf(err) === 403) {
          await conversations.markUnreachable(workspace.id, address.userId, now());
          throw new SymmetryError('recipient_unreachable', {}, { cause: err });
        }
        throw toSymmetryError(err);
      }
    },

    async postToChannel(workspace, channelId, message, options = {}) {
      const address = await addressOf(workspace, channelId);
      try {
        const ref = {
          channelId: address.conversationId,
          messageId: await send(address, await render(workspace, address, message), options.threadId),
        };
        await savePost(workspace, message, ref);
        return ref;
      } catch (err) {
        throw toSymmetryError(err);
      }
    },

    async postImage(workspace, channelId, image, options = {}) {
      // An inline picture in the channel (in the summary's thread when asked): no hosting, no file-consent flow.
      const message = imageMessage(image);
      const address = await addressOf(workspace, channelId);
      await send(address, message, options.threadId).catch((err: unknown) => {
        throw toSymmetryError(err);
      });
    },

    async sendDirectImage(workspace, userId, image) {
      await messenger.sendPrivately(workspace, userId, imageMessage(image));
    },

    async getMessage(workspace, channelId, messageId) {
      // The Bot Connector cannot read channel messages; a message action hands the message over, and it was kept.
      return conversations.findRecognizedMessage(workspace.id, baseConversationId(channelId), messageId);
    },

    async getUser(workspace, userId) {
      // No call to Teams: rosters are read by listChannelMembers, zones arrive with people's own activities.
      const contact = await conversations.findContact(workspace.id, userId);
      const cached = fresh(roster, `${workspace.id}|${userId}`)?.profile;
      return {
        platformUserId: userId,
        isBot: cached?.isBot ?? isBotId(userId),
        deleted: false,
        isAdmin: false,
        timezone: contact?.timezone ?? null,
        locale: contact?.locale ?? null,
      };
    },

    async findCheckin(workspace, _userId, deliveryId) {
      return conversations.findPost(workspace.id, `checkin-${deliveryId}`);
    },

    async findDirect(workspace, _userId, key) {
      return conversations.findPost(workspace.id, key);
    },

    async findPosted(workspace, _channelId, key) {
      return conversations.findPost(workspace.id, key);
    },

    async listChannelMembers(workspace, channelId) {
      const address = await addressOf(workspace, channelId);
      const members: TeamsChannelAccount[] = [];
      try {
        await inConversation(address.reference as Partial<ConversationReference>, async (context) => {
          let token: string | undefined;
          do {
            const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
            members.push(...page.members);
            token = page.continuationToken || undefined;
          } while (token);
        });
      } catch (err) {
        throw toSymmetryError(err);
      }
      for (const m of members) {
        remember(workspace.id, m);
        await conversations.saveContact({
          workspaceId: workspace.id,
          userId: m.id,
          directoryId: m.aadObjectId ?? null,
          timezone: null,
          locale: null,
        });
      }
      return members.map((m) => m.id);
    },
  };
  return messenger;
}
