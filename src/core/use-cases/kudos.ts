/** Kudos: reactions and /kudos become recognition, posted as one shout-out per message, once. */
import { parseKudosCommand, parseKudosTokens } from '../commands/kudos-parser';
import { isSymmetryError } from '../errors';
import type { Token } from '../commands/mentions';
import {
  commandKey,
  excerptOf,
  kudosRefusal,
  messageShoutoutKey,
  parseMessageKey,
  reactionSourceKey,
  splitTags,
} from '../kudos';
import { resolveLocale, type MessageParams } from '../i18n';
import type { Platform, UserProfile, Workspace } from '../model';
import { localDateKey, effectiveTimeZone } from '../schedule';
import type { JobPayloads } from '../jobs';
import type { DigestMessage, ShoutoutMessage } from '../messages';
import type { WebDeps, WorkerDeps } from './deps';
import type { Reply } from './reply';

const DAY = 86_400_000;
/** A shout-out claimed by a worker that then died is taken over after this long. */
const STALE_CLAIM_MS = 60_000;

/** A retry later will find the shout-out posted (or the claim stale). */
export class ShoutoutBusyError extends Error {
  constructor() {
    super('shout-out is being posted by another worker');
  }
}

/** The giver's calendar date in their own time zone: the daily limit resets at their midnight. */
export function giverDate(deps: WebDeps, giver: UserProfile): string {
  return localDateKey(deps.clock.now(), effectiveTimeZone(giver.timezone, 'UTC'));
}

/** Tells the giver, once a day, that they have given all their kudos. */
export async function noticeLimit(
  deps: WorkerDeps,
  workspace: Workspace,
  giver: UserProfile,
  date: string,
): Promise<void> {
  if (!(await deps.repos.kudos.markLimitNotice(workspace.id, giver.platformUserId, date))) return;
  await deps.messenger.sendDirect(workspace, giver.platformUserId, {
    kind: 'text',
    locale: giver.locale ?? 'en',
    key: 'kudos.limit_reached',
    params: { limit: workspace.kudos.dailyLimit },
  });
}

/** Web side: a reaction with a kudos emoji on someone's message is queued; anything else is ignored. */
export async function noteReaction(
  deps: WebDeps,
  input: {
    platform: Platform;
    workspaceExternalId: string;
    giver: string;
    author: string | null;
    channelId: string;
    messageId: string;
    emoji: string;
    action: 'add' | 'remove';
    eventKey: string;
  },
): Promise<void> {
  if (!input.author) return;
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  // Skin tones (":clap::skin-tone-3:") count as the emoji itself.
  const emoji = input.emoji.split('::')[0]!;
  if (!workspace.kudos.emoji.includes(emoji)) return;
  await deps.queue.enqueue('kudos-reaction', {
    workspaceId: workspace.id,
    giver: input.giver,
    author: input.author,
    channelId: input.channelId,
    messageId: input.messageId,
    emoji,
    action: input.action,
    eventKey: input.eventKey,
  });
}

/** Worker side: records or takes back a reaction kudos under the rules, then refreshes the shout-out. */
export async function recordReactionKudos(deps: WorkerDeps, p: JobPayloads['kudos-reaction']): Promise<string> {
  const workspace = await deps.repos.workspaces.findById(p.workspaceId);
  if (!workspace) return 'skipped';
  const sourceKey = reactionSourceKey(p.channelId, p.messageId, p.emoji);
  const shoutoutKey = messageShoutoutKey(p.channelId, p.messageId);
  const refresh = () =>
    deps.queue.enqueue('update-shoutout', {
      workspaceId: workspace.id,
      shoutoutKey,
      channelId: p.channelId,
      change: p.eventKey,
    });
  if (p.action === 'remove') {
    if (await deps.repos.kudos.revoke(workspace.id, p.giver, sourceKey, deps.clock.now())) await refresh();
    return 'revoked';
  }
  const [giver, recipient] = await Promise.all([
    deps.messenger.getUser(workspace, p.giver),
    deps.messenger.getUser(workspace, p.author),
  ]);
  const refusal = kudosRefusal(giver, recipient);
  if (refusal) return refusal;
  const date = giverDate(deps, giver);
  const result = await deps.repos.kudos.give({
    workspaceId: workspace.id,
    giver: p.giver,
    recipient: p.author,
    sourceKey,
    shoutoutKey,
    emoji: p.emoji,
    reason: null,
    values: [],
    tags: [],
    givenAt: deps.clock.now(),
    giverDate: date,
    limit: workspace.kudos.dailyLimit,
  });
  if (result === 'limit') await noticeLimit(deps, workspace, giver, date);
  if (result === 'given') await refresh();
  return result;
}

/** A `/kudos` command as a platform hands it over (`tokens` from a platform with its own tokenizer). */
export interface KudosCommandInput {
  platform: Platform;
  workspaceExternalId: string;
  channelId: string;
  userId: string;
  text: string;
  commandId: string;
  tokens?: readonly Token[];
}

/**
 * Web side: `/kudos @a @b for <reason> #tag` checked and queued; the reply says what happens. A tag is
 * never a reason to refuse: one that is not a company value is kept as a free tag, and the giver alone is told.
 */
export async function runKudosCommand(deps: WebDeps, input: KudosCommandInput): Promise<Reply> {
  const reply = await checkAndQueueKudos(deps, input);
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const member = await deps.repos.members.findByPlatformId(workspace.id, input.userId);
  return { ...reply, locale: resolveLocale(member?.locale) };
}

async function checkAndQueueKudos(deps: WebDeps, input: KudosCommandInput): Promise<Reply> {
  // A platform with its own tokenizer (Teams) hands over tokens; Slack's escaped text is parsed here.
  const parsed = input.tokens ? parseKudosTokens(input.tokens) : parseKudosCommand(input.text);
  if (!parsed.ok) return { key: parsed.error.key, params: parsed.error.params };
  const { recipients, reason } = parsed.command;
  const workspace = await deps.repos.workspaces.ensure(input.platform, input.workspaceExternalId);
  const { values, free } = splitTags(parsed.command.tags, workspace.kudos.values);
  if (recipients.includes(input.userId)) return { key: 'kudos.self' };
  const giver = (await deps.directory?.getUser(workspace, input.userId)) ?? null;
  for (const id of recipients) {
    if (!deps.directory) break;
    const profile = await deps.directory.getUser(workspace, id).catch(() => null);
    // Someone the platform does not know here (another workspace, a typo'd id) gets no kudos.
    if (!profile || profile.deleted) return { key: 'kudos.unknown_user', params: { user: id } };
    if (profile.isBot) return { key: 'kudos.bot', params: { user: id } };
  }
  if (giver) {
    const given = await deps.repos.kudos.countGiven(workspace.id, input.userId, giverDate(deps, giver));
    const left = workspace.kudos.dailyLimit - given;
    if (left < recipients.length)
      return { key: 'kudos.limit_left', params: { left: Math.max(0, left), limit: workspace.kudos.dailyLimit } };
  }
  await deps.queue.enqueue('kudos-command', {
    workspaceId: workspace.id,
    giver: input.userId,
    recipients,
    reason,
    values,
    tags: free,
    commandId: input.commandId,
    channelId: input.channelId,
  });
  const sent = { recipients: recipients.map((r) => `<@${r}>`).join(', ') };
  // With no values configured every tag is free and there is nothing to point out.
  if (free.length === 0 || workspace.kudos.values.length === 0) return { key: 'kudos.sent', params: sent };
  const hashed = (tags: readonly string[]) => tags.map((t) => `#${t}`).join(' ');
  return {
    key: 'kudos.sent_free_tags',
    params: {
      ...sent,
      tags: hashed(free),
      values: hashed(workspace.kudos.values),
      proposed: [...workspace.kudos.values, ...free].join(','),
    },
  };
}

/** Worker side: records a `/kudos` for each recipient under the rules, then posts its shout-out. */
export async function recordCommandKudos(deps: WorkerDeps, p: JobPayloads['kudos-command']): Promise<number> {
  const workspace = await deps.repos.workspaces.findById(p.workspaceId);
  if (!workspace) return 0;
  const giver = await deps.messenger.getUser(workspace, p.giver);
  const date = giverDate(deps, giver);
  const key = commandKey(p.commandId);
  let given = 0;
  for (const id of p.recipients) {
    if (kudosRefusal(giver, await deps.messenger.getUser(workspace, id))) continue;
    const result = await deps.repos.kudos.give({
      workspaceId: workspace.id,
      giver: p.giver,
      recipient: id,
      sourceKey: key,
      shoutoutKey: key,
      emoji: null,
      reason: p.reason,
      values: p.values,
      tags: p.tags,
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
  await deps.queue.enqueue('update-shoutout', {
    workspaceId: workspace.id,
    shoutoutKey: key,
    channelId: p.channelId,
    change: p.commandId,
  });
  return given;
}

/** The shout-out as it should read now, from the live kudos of its key. */
async function shoutoutMessage(
  deps: WorkerDeps,
  workspace: Workspace,
  key: string,
  locale: string,
): Promise<ShoutoutMessage> {
  const live = await deps.repos.kudos.listForShoutout(workspace.id, key);
  const givers = [...new Set(live.map((k) => k.giver))];
  const recipients = [...new Set(live.map((k) => k.recipient))];
  const first = live[0];
  const target = parseMessageKey(key);
  const message =
    target && live.length ? await deps.messenger.getMessage(workspace, target.channelId, target.messageId) : null;
  return {
    kind: 'shoutout',
    locale,
    givers,
    recipients,
    reason: first?.reason ?? null,
    values: first?.values ?? [],
    tags: first?.tags ?? [],
    excerpt: message ? excerptOf(message.text) : null,
    permalink: message?.permalink ?? null,
    withdrawn: live.length === 0,
    key,
  };
}

/**
 * Posts a shout-out once, or updates the one already posted: the first worker claims the key
 * and posts; a later change re-renders it; a claim left by a dead worker is checked, then taken over.
 */
export async function updateShoutout(
  deps: WorkerDeps,
  p: { workspaceId: string; shoutoutKey: string; channelId: string },
): Promise<'posted' | 'updated' | 'skipped'> {
  const workspace = await deps.repos.workspaces.findById(p.workspaceId);
  if (!workspace) return 'skipped';
  const message = await shoutoutMessage(deps, workspace, p.shoutoutKey, 'en');
  const target = parseMessageKey(p.shoutoutKey);
  const channel = workspace.kudos.channel ?? p.channelId;
  const claim = await deps.repos.kudos.claimShoutout(workspace.id, p.shoutoutKey);
  if (claim.state === 'posted') {
    await deps.messenger.update(workspace, claim.ref, message);
    return 'updated';
  }
  if (claim.state === 'posting') {
    const found = await deps.messenger.findPosted(workspace, channel, p.shoutoutKey);
    if (found) {
      await deps.repos.kudos.markShoutoutPosted(workspace.id, p.shoutoutKey, found);
      await deps.messenger.update(workspace, found, message);
      return 'updated';
    }
    if (deps.clock.now().getTime() - claim.since.getTime() < STALE_CLAIM_MS) throw new ShoutoutBusyError();
  }
  if (message.withdrawn) return 'skipped';
  // With no recognition channel, the shout-out goes in the thread of the recognized message.
  const threadId = !workspace.kudos.channel && target ? target.messageId : undefined;
  let ref;
  try {
    ref = await deps.messenger.postToChannel(workspace, channel, message, threadId ? { threadId } : {});
  } catch (err) {
    // A 429 means Slack posted nothing: give the claim back so the retry after Retry-After posts at once.
    // (After a 5xx Slack may have posted, so the claim stays and the retry looks for the message first.)
    if (isSymmetryError(err, 'platform_rate_limited'))
      await deps.repos.kudos.releaseShoutout(workspace.id, p.shoutoutKey);
    throw err;
  }
  await deps.repos.kudos.markShoutoutPosted(workspace.id, p.shoutoutKey, ref);
  return 'posted';
}

/** `/pulse kudos [weeks]`: who gave and received most, the values most tagged and, apart, the free tags. */
export async function kudosLeaderboard(deps: WebDeps, workspace: Workspace, weeks: number): Promise<Reply> {
  const board = await deps.repos.kudos.leaderboard(
    workspace.id,
    new Date(deps.clock.now().getTime() - weeks * 7 * DAY),
    5,
  );
  if (board.receivers.length === 0) return { key: 'kudos.board_empty', params: { weeks } };
  const list = (rows: Array<{ user: string; count: number }>) =>
    rows.map((r, i) => `${i + 1}. <@${r.user}> ${r.count}`).join('\n');
  const counts = (rows: Array<{ name: string; count: number }>) =>
    rows.length ? rows.map((r) => `#${r.name} ${r.count}`).join(' · ') : '–';
  const params: MessageParams = {
    weeks,
    receivers: list(board.receivers),
    givers: list(board.givers),
    values: counts(board.values.map((v) => ({ name: v.value, count: v.count }))),
    tags: counts(board.tags.map((t) => ({ name: t.tag, count: t.count }))),
  };
  return { key: 'kudos.board', params };
}

/** The weekly digest of the kudos a team's members received, posted once per team and period. */
export async function postDigest(
  deps: WorkerDeps,
  p: { teamId: string; period: string },
): Promise<'posted' | 'skipped'> {
  const team = await deps.repos.teams.findById(p.teamId);
  const workspace = team ? await deps.repos.workspaces.findById(team.workspaceId) : null;
  if (!team || !workspace) return 'skipped';
  const members = await deps.repos.teams.listActiveMembers(team.id);
  const received = await deps.repos.kudos.receivedBy(
    workspace.id,
    members.map((m) => m.platformUserId),
    new Date(deps.clock.now().getTime() - 7 * DAY),
  );
  if (received.length === 0 || !(await deps.repos.kudos.claimDigest(team.id, p.period))) return 'skipped';
  const message: DigestMessage = {
    kind: 'digest',
    locale: team.settings.language,
    receivers: received.map((r) => ({ user: r.user, count: r.count })),
    total: received.reduce((n, r) => n + r.count, 0),
    key: `digest-${team.id}-${p.period}`,
  };
  await deps.messenger.postToChannel(workspace, workspace.kudos.channel ?? team.channelId, message);
  return 'posted';
}
