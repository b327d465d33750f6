/**
 * Teams text in and out. In: a message to the bot ("<at>Symmetry</at> pulse config managers add
 * <at>Ana Lima</at>") becomes the core's platform-neutral tokens, people and channels taken from the
 * activity's mention entities. Out: the catalog's sentences (the neutral markup of src/core/markup.ts, parsed
 * once into segments) become Teams markdown, with people as real mentions, or plain text.
 */
import { encodeEntities, decodeEntities, type Token } from '../../core/commands/mentions';
import { mentionedPeople, parseMarkup, type Segment } from '../../core/markup';

/** A mention entity as Teams sends it (`text` is the `<at>…</at>` run it stands for). */
export interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string; type?: string };
}

// Teams ids: people "29:…" (or a Microsoft Entra object id), bots "28:…", channels and chats "19:…".
const CHANNEL_ID = /^19:/;
// C0 and C1 control characters only ever separate words.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BOT_ID = /^28:/;

/** True for a Teams bot account id. */
export function isBotId(id: string): boolean {
  return BOT_ID.test(id);
}

/** A channel's conversation id without the thread suffix (`;messageid=…`) Teams adds to replies. */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(';messageid=');
  return cut < 0 ? id : id.slice(0, cut);
}

/**
 * The name a channel activity gives its channel: `channelData.channel.name`, or for the General channel, which
 * Teams sends without one, the team's name; null outside a team's channel (a 1:1 or group chat). Unchecked:
 * the core cleans it.
 */
export function teamsChannelName(activity: { conversation?: { conversationType?: string }; channelData?: unknown }) {
  if (activity.conversation?.conversationType !== 'channel') return null;
  const data = activity.channelData as { channel?: { name?: unknown }; team?: { name?: unknown } } | undefined;
  const channel = data?.channel?.name;
  const name = typeof channel === 'string' && channel.trim() !== '' ? channel : data?.team?.name;
  return typeof name === 'string' ? name : null;
}

const HTML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Teams sends text with a few HTML entities; they are turned back into characters. */
function decodeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in HTML_ENTITIES) return HTML_ENTITIES[lower]!;
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return whole;
  });
}

/**
 * Splits a Teams message into the core's tokens. `<at>…</at>` runs become people (or channels, or
 * tags) in the order of the activity's mention entities; mentions of `botId` are dropped; any other
 * markup is removed; words are put in the canonical escaped form the parsers expect.
 */
export function tokenizeTeamsText(text: string, entities: readonly MentionEntity[] = [], botId?: string): Token[] {
  const mentions = entities.filter((e) => e.type === 'mention' && e.mentioned?.id);
  const used = new Set<number>();
  const tokens: Token[] = [];
  let glued = false;
  const pushWords = (chunk: string) => {
    const plain = decodeHtml(chunk.replace(/<\/?(?:p|div|span|br|b|i|strong|em)\b[^>]*>/gi, ' '));
    let word = '';
    const flush = () => {
      if (word !== '') tokens.push({ kind: 'word', text: encodeEntities(word), raw: word, glued });
      if (word !== '') glued = true;
      word = '';
    };
    for (const ch of plain) {
      if (/\s/.test(ch) || CONTROL.test(ch)) {
        flush();
        glued = false;
      } else word += ch;
    }
    flush();
  };
  const at = /<at>([\s\S]*?)<\/at>/gi;
  let last = 0;
  for (let m = at.exec(text); m; m = at.exec(text)) {
    pushWords(text.slice(last, m.index));
    last = m.index + m[0].length;
    const raw = m[0];
    const index = mentions.findIndex(
      (e, i) => !used.has(i) && (e.text ?? '').replace(/\s+/g, ' ') === raw.replace(/\s+/g, ' '),
    );
    const entity = index >= 0 ? mentions[index] : undefined;
    if (index >= 0) used.add(index);
    const id = entity?.mentioned?.id;
    const label = decodeHtml(m[1] ?? '').trim() || null;
    if (id && botId && id === botId) continue;
    if (!id) tokens.push({ kind: 'word', text: encodeEntities(`@${label ?? ''}`), raw, glued });
    else if (CHANNEL_ID.test(id) || entity?.mentioned?.type === 'channel')
      tokens.push({ kind: 'channel', id, label, raw, glued });
    else if (entity?.mentioned?.type === 'tag') tokens.push({ kind: 'group', id, label, raw, glued });
    else tokens.push({ kind: 'user', id, label, raw, glued });
    glued = true;
  }
  pushWords(text.slice(last));
  return tokens;
}

/** A person mentioned in an outgoing Teams message. */
export interface OutgoingMention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

const EMOJI: Record<string, string> = {
  tada: '🎉',
  raised_hands: '🙌',
  clap: '👏',
  taco: '🌮',
  heart: '❤️',
  '+1': '👍',
  thumbsup: '👍',
  star: '⭐',
};

/** How one rendering spells people and bold; everything else is shared by the Teams renderers. */
interface TeamsStyle {
  person: (id: string) => string;
  bold: (inner: string) => string;
  link: (url: string, label: string) => string;
  emoji: (name: string) => string;
  command: (command: string, rest: string) => string;
}

// People type commands to the bot in Teams: `pulse setup`, not `/pulse setup`.
const asTypedToBot = (command: string, rest: string) => `${command}${rest}`;

function renderSegments(
  segments: readonly Segment[],
  style: TeamsStyle,
  channelNames: ReadonlyMap<string, string>,
): string {
  return segments
    .map((s): string => {
      switch (s.kind) {
        case 'text':
          return decodeEntities(s.text);
        case 'bold':
          return style.bold(renderSegments(s.children, style, channelNames));
        case 'code':
          return `\`${renderSegments(s.children, style, channelNames)}\``;
        case 'command':
          return `\`${style.command(s.command, renderSegments(s.rest, style, channelNames))}\``;
        case 'person':
          return style.person(s.id);
        case 'channel':
          return `#${channelNames.get(s.id) ?? (s.label === null ? 'channel' : decodeEntities(s.label))}`;
        case 'link':
          return s.label === null ? s.url : style.link(s.url, decodeEntities(s.label));
        case 'date':
          return decodeEntities(s.fallback);
        case 'emoji':
          return style.emoji(s.name);
      }
    })
    .join('');
}

/**
 * One catalog sentence as Teams markdown. People become `<at>name</at>` with a mention entity when
 * `names` knows them (otherwise "someone"); channels become "#name"; links `[label](url)`; dates
 * their fallback; known emoji the character; `/pulse` in examples becomes `pulse`, because in Teams
 * people type it to the bot.
 */
export function toTeamsMarkdown(
  text: string,
  names: ReadonlyMap<string, string> = new Map(),
  channelNames: ReadonlyMap<string, string> = new Map(),
): { text: string; mentions: OutgoingMention[] } {
  const mentions: OutgoingMention[] = [];
  const person = (id: string) => {
    const name = names.get(id);
    if (!name) return 'someone';
    const tag = `<at>${name}</at>`;
    if (!mentions.some((m) => m.mentioned.id === id))
      mentions.push({ type: 'mention', text: tag, mentioned: { id, name } });
    return tag;
  };
  const style: TeamsStyle = {
    person,
    bold: (inner) => `**${inner}**`,
    link: (url, label) => `[${label}](${url})`,
    emoji: (name) => EMOJI[name] ?? `:${name}:`,
    command: asTypedToBot,
  };
  return { text: renderSegments(parseMarkup(text), style, channelNames), mentions };
}

/**
 * One catalog sentence as plain text, for what Teams shows unformatted (a dialog's message, a
 * TextRun): no bold marks, people by name ("someone" when unknown), links as "label (url)",
 * commands as they are typed to the bot, in backticks.
 */
export function toTeamsPlainText(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  const style: TeamsStyle = {
    person: (id) => names.get(id) ?? 'someone',
    bold: (inner) => inner,
    link: (url, label) => `${label} (${url})`,
    emoji: (name) => EMOJI[name] ?? `:${name}:`,
    command: asTypedToBot,
  };
  return renderSegments(parseMarkup(text), style, new Map());
}

/**
 * Canonical free text a person typed (escaped, people as `<@id>`) as they typed it: "@Ana" for a
 * person, "#label" for a channel, characters decoded, their own stars and colons left alone.
 */
export function toTeamsTypedText(canonical: string, names: ReadonlyMap<string, string> = new Map()): string {
  const style: TeamsStyle = {
    person: (id) => `@${names.get(id) ?? 'someone'}`,
    bold: (inner) => `*${inner}*`,
    link: (url, label) => `<${url}|${label}>`,
    emoji: (name) => `:${name}:`,
    command: (command, rest) => `/${command}${rest}`,
  };
  return renderSegments(parseMarkup(canonical), style, new Map());
}

/** Ids of the people a catalog sentence mentions (`<@id>`), so their names can be looked up once. */
export function mentionedIds(text: string): string[] {
  return mentionedPeople(text);
}
