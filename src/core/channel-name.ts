/**
 * A team's name for people to read: the display name of its channel as the platform hands it over with a
 * command (Slack's `channel_name`, Teams' channel or team name), kept beside the channel id. The id stays
 * the key; the name is only shown, and a team whose name is unknown is shown by its id as before.
 */
import type { Team } from './model';

/** Longest name kept (Slack's own limit for a channel name; Teams allows 50). */
export const MAX_CHANNEL_NAME = 80;

// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates, which could make a name
// read differently from what it is (a name is shown beside figures HR acts on).
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The name to keep from what a platform sent: control and bidi characters dropped, white space collapsed
 * and trimmed, a leading `#` taken off (pages add their own), at most MAX_CHANNEL_NAME characters; null
 * when nothing is left or nothing usable was sent.
 */
export function cleanChannelName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#+\s*/, '');
  // Cut by code point so an emoji is never split into half a surrogate pair.
  const name = Array.from(text).slice(0, MAX_CHANNEL_NAME).join('').trim();
  return name === '' ? null : name;
}

/** How a team is labelled to people: `#name` when its channel's name is known, else `#<channel id>`. */
export function teamLabel(team: Pick<Team, 'channelId' | 'name'>): string {
  return `#${team.name ?? team.channelId}`;
}

/** Orders teams as people read them: by label, the channel id between equal labels. */
export function byTeamLabel(a: Pick<Team, 'channelId' | 'name'>, b: Pick<Team, 'channelId' | 'name'>): number {
  return teamLabel(a).localeCompare(teamLabel(b)) || a.channelId.localeCompare(b.channelId);
}
