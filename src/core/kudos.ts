/** Recognition rules: who may give kudos to whom, and the keys that make a kudos count once. */
import type { UserProfile } from './model';

export type KudosRefusal = 'self' | 'bot_giver' | 'bot_recipient' | 'deactivated';

/** Why this kudos may not be given, or null when it may: nobody recognizes themselves, bots neither give nor get. */
export function kudosRefusal(giver: UserProfile, recipient: UserProfile): KudosRefusal | null {
  if (giver.isBot) return 'bot_giver';
  if (giver.platformUserId === recipient.platformUserId) return 'self';
  if (recipient.isBot) return 'bot_recipient';
  if (recipient.deleted || giver.deleted) return 'deactivated';
  return null;
}

/** A tag as it is compared: Unicode-normalized and lower case, without its `#`. */
function tagKey(tag: string): string {
  return tag.normalize('NFKC').toLowerCase().replace(/^#/, '');
}

/**
 * Splits a kudos' tags into the workspace's values (spelled as configured) and free tags (the rest),
 * each once, in the order typed. `#TeamWork` matches the value `teamwork`: case never makes a value free.
 */
export function splitTags(tags: readonly string[], values: readonly string[]): { values: string[]; free: string[] } {
  const known = new Map(values.map((value) => [tagKey(value), value]));
  const matched = new Set<string>();
  const free = new Set<string>();
  for (const tag of tags) {
    const value = known.get(tagKey(tag));
    if (value === undefined) free.add(tagKey(tag));
    else matched.add(value);
  }
  return { values: [...matched], free: [...free] };
}

/** All kudos on one message share a shout-out. */
export function messageShoutoutKey(channelId: string, messageId: string): string {
  return `msg:${channelId}:${messageId}`;
}

/** One kudos per (giver, message, emoji). */
export function reactionSourceKey(channelId: string, messageId: string, emoji: string): string {
  return `react:${channelId}:${messageId}:${emoji}`;
}

/** One `/kudos` is one shout-out and, per recipient, one kudos. */
export function commandKey(commandId: string): string {
  return `cmd:${commandId}`;
}

/**
 * The channel and message of a message shout-out key, or null for a command's. Message ids never
 * hold a colon (Slack's ts, Teams' numeric ids) but Teams channel ids do ("19:…@thread.tacv2"),
 * so the key splits at its last colon.
 */
export function parseMessageKey(key: string): { channelId: string; messageId: string } | null {
  const m = /^msg:(.+):([^:]+)$/.exec(key);
  return m ? { channelId: m[1]!, messageId: m[2]! } : null;
}

/** The first characters of a recognized message, cut at a word, for the shout-out. */
export function excerptOf(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
