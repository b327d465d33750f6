/**
 * For platforms that write proactively (Teams): remembering where people and channels are, and the
 * kudos that arrive as a message action or as a reaction on the bot's own shout-out.
 */
import { excerptOf, kudosRefusal } from '../kudos';
import type { ConversationAddress, Platform, Workspace } from '../model';
import { isValidTimeZone } from '../schedule';
import type { WebDeps, WorkerDeps } from './deps';
import { giverDate, noticeLimit } from './kudos';
import type { Reply } from './reply';

/** What one incoming activity tells us: the conversation it came from and who sent it. */
export interface HeardFrom {
  platform: Platform;
  workspaceExternalId: string;
  conversation: Omit<ConversationAddress, 'workspaceId'> | null;
  user: { id: string; directoryId: string | null; timezone: string | null; locale: string | null } | null;
}

/** The emoji recorded for a kudos given with a message action (it is no reaction, but counts once per giver and message like one). */
export const MESSAGE_ACTION_EMOJI = 'message-action';

/**
 * Web side: stores the conversation's address and what the sender told us, so a worker on any replica
 * can write to them later. A time zone the platform reports replaces the team default from then on.
 */
export async function rememberConversation(deps: WebDeps, input: HeardFrom): Promise<Workspace> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  if (input.conversation)
    await deps.repos.conversations.saveAddress({ ...input.conversation, workspaceId: workspace.id });
  const user = input.user;
  if (!user) return workspace;
  const timezone = user.timezone && isValidTimeZone(user.timezone) ? user.timezone : null;
  await deps.repos.conversations.saveContact(
    { workspaceId: workspace.id, userId: user.id, directoryId: user.directoryId, timezone, locale: user.locale },
    { heardFrom: true },
  );
  if (timezone || user.locale) {
    const member = await deps.repos.members.findByPlatformId(workspace.id, user.id);
    if (member && ((timezone && member.timezone !== timezone) || (user.locale && member.locale !== user.locale))) {
      await deps.repos.members.upsertMany(workspace.id, [
        {
          platformUserId: user.id,
          isBot: false,
          deleted: false,
          isAdmin: member.isAdmin,
          timezone,
          locale: user.locale,
        },
      ]);
    }
  }
  return workspace;
}

/** Web side: someone joined or left a group of channels (a Teams team); every team living in one of its channels follows. */
export async function noteGroupMembershipChange(
  deps: WebDeps,
  input: {
    platform: Platform;
    workspaceExternalId: string;
    groupId: string;
    userId: string;
    change: 'joined' | 'left';
    eventKey: string;
  },
): Promise<number> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const channels = await deps.repos.conversations.listChannels(workspace.id, input.groupId);
  let queued = 0;
  for (const channel of channels) {
    const team = await deps.repos.teams.findByChannel(workspace.id, channel.conversationId);
    if (!team) continue;
    await deps.queue.enqueue('sync-member', {
      teamId: team.id,
      platformUserId: input.userId,
      change: input.change,
      eventKey: input.eventKey,
    });
    queued += 1;
  }
  return queued;
}

/**
 * Web side: "Give kudos" on a message. Counts like a kudos reaction (one per giver and message, one
 * shout-out per message); the excerpt is kept because the platform hands the message over only now.
 */
export async function noteMessageKudos(
  deps: WebDeps,
  input: {
    platform: Platform;
    workspaceExternalId: string;
    giver: string;
    author: string;
    channelId: string;
    messageId: string;
    text: string;
    permalink: string | null;
    eventKey: string;
  },
): Promise<Reply> {
  if (input.giver === input.author) return { key: 'kudos.self' };
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  await deps.repos.conversations.saveRecognizedMessage(workspace.id, {
    channelId: input.channelId,
    messageId: input.messageId,
    text: excerptOf(input.text),
    permalink: input.permalink,
  });
  await deps.queue.enqueue('kudos-reaction', {
    workspaceId: workspace.id,
    giver: input.giver,
    author: input.author,
    channelId: input.channelId,
    messageId: input.messageId,
    emoji: MESSAGE_ACTION_EMOJI,
    action: 'add',
    eventKey: input.eventKey,
  });
  return { key: 'kudos.sent', params: { recipients: `<@${input.author}>` } };
}

/** Web side: a reaction on a message the bot posted; only shout-outs take "+1"s, anything else is ignored. */
export async function noteShoutoutReaction(
  deps: WebDeps,
  input: {
    platform: Platform;
    workspaceExternalId: string;
    giver: string;
    channelId: string;
    messageId: string;
    action: 'add' | 'remove';
    eventKey: string;
  },
): Promise<boolean> {
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const key = await deps.repos.conversations.findPostKey(workspace.id, {
    channelId: input.channelId,
    messageId: input.messageId,
  });
  if (!key || !/^(msg|cmd):/.test(key)) return false;
  await deps.queue.enqueue('kudos-plus-one', {
    workspaceId: workspace.id,
    giver: input.giver,
    shoutoutKey: key,
    channelId: input.channelId,
    action: input.action,
    eventKey: input.eventKey,
  });
  return true;
}

/** The one source key of a "+1": a person adds one to a shout-out once, whichever reaction they use. */
export function plusOneSourceKey(shoutoutKey: string): string {
  return `plus:${shoutoutKey}`;
}

/** Worker side: records (or takes back) a "+1" from the reactor to the shout-out's recipients under the usual rules. */
export async function recordPlusOne(
  deps: WorkerDeps,
  p: {
    workspaceId: string;
    giver: string;
    shoutoutKey: string;
    channelId: string;
    action: 'add' | 'remove';
    eventKey: string;
  },
): Promise<string> {
  const workspace = await deps.repos.workspaces.findById(p.workspaceId);
  if (!workspace) return 'skipped';
  const sourceKey = plusOneSourceKey(p.shoutoutKey);
  const refresh = () =>
    deps.queue.enqueue('update-shoutout', {
      workspaceId: workspace.id,
      shoutoutKey: p.shoutoutKey,
      channelId: p.channelId,
      change: p.eventKey,
    });
  if (p.action === 'remove') {
    if (await deps.repos.kudos.revoke(workspace.id, p.giver, sourceKey, deps.clock.now())) await refresh();
    return 'revoked';
  }
  const live = await deps.repos.kudos.listForShoutout(workspace.id, p.shoutoutKey);
  const recipients = [...new Set(live.map((k) => k.recipient))];
  if (recipients.length === 0) return 'skipped';
  const giver = await deps.messenger.getUser(workspace, p.giver);
  const date = giverDate(deps, giver);
  let given = 0;
  for (const id of recipients) {
    if (kudosRefusal(giver, await deps.messenger.getUser(workspace, id))) continue;
    const result = await deps.repos.kudos.give({
      workspaceId: workspace.id,
      giver: p.giver,
      recipient: id,
      sourceKey,
      shoutoutKey: p.shoutoutKey,
      emoji: '+1',
      reason: null,
      values: [],
      tags: [],
      givenAt: deps.clock.now(),
      giverDate: date,
      limit: workspace.kudos.dailyLimit,
    });
    if (result === 'limit') {
      await noticeLimit(deps, workspace, giver, date);
      break;
    }
    if (result === 'given') given += 1;
  }
  if (given > 0) await refresh();
  return given > 0 ? 'given' : 'duplicate';
}
