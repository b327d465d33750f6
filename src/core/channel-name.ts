/**
 * A team's name for people to read: the display name of its channel as the platform hands it over with a
 * command (Slack's `channel_name`, Teams' channel or team name), kept beside the channel id. The id stays
 * the key; the name is only shown, and a team whose name is unknown is shown by its id as before.
 */

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
