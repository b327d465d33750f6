/**
 * The catalog's message markup: the project's own platform-neutral format, and its one parser.
 *
 * Catalog sentences (and the canonical free text people type, see `commands/mentions.ts`) are
 * written in this small grammar. Its spelling is Slack's mrkdwn, so the Slack renderer stays
 * close to identity, but its meaning is ours: each platform renders the segments it parses to.
 *
 *   *bold*                  bold; opens at the start or after a space, `(`, `“`, `"` or `'`, holds
 *                           one line without `*`, closes before the end, a space or `.,;:!?)”"'`.
 *                           It may hold any segment but bold. Any other `*` is a literal star.
 *   `code`                  code, one line. People, channels, links, dates and emoji inside it still
 *                           count (an echoed command names the people it was given); bold does not.
 *   `/pulse …` `/kudos …`   a command reference: code that starts with a command (each platform
 *                           names the command its own way: Teams people type it to the bot).
 *   <@id> <@id|label>       a person.
 *   <#id> <#id|label>       a channel.
 *   <https://…> <https://…|label>    a link (http or https).
 *   <!date^seconds^format|fallback>  an instant, shown in the reader's time zone where the platform can.
 *   :name:                  an emoji by short name (letters, digits, `_`, `+`, `-`).
 *   anything else           plain text. `&`, `<` and `>` in plain text are written `&amp;`, `&lt;`,
 *                           `&gt;` (people's words reach the catalog escaped like that), so a `<`
 *                           that opens none of the forms above is stray markup.
 *
 * Parsing never throws and loses nothing: `formatMarkup(parseMarkup(s)) === s` for every string.
 */

export interface TextSegment {
  kind: 'text';
  /** The text as written, entities (`&amp;`, `&lt;`, `&gt;`) still escaped. */
  text: string;
}
export interface BoldSegment {
  kind: 'bold';
  children: InlineSegment[];
}
export interface CodeSegment {
  kind: 'code';
  children: AtomSegment[];
}
export interface CommandSegment {
  kind: 'command';
  /** The command without its slash: `pulse` or `kudos`. */
  command: CommandName;
  /** What follows the command in the span, its leading space included (`" schedule fri 14:00"`). */
  rest: AtomSegment[];
}
export interface PersonSegment {
  kind: 'person';
  id: string;
  label: string | null;
}
export interface ChannelSegment {
  kind: 'channel';
  id: string;
  label: string | null;
}
export interface LinkSegment {
  kind: 'link';
  url: string;
  label: string | null;
}
export interface DateSegment {
  kind: 'date';
  /** Seconds since the epoch. */
  seconds: number;
  /** Slack's date format (`{date_short_pretty} {time}`), kept for the platforms that read it. */
  format: string;
  /** What to show where the instant cannot be shown in the reader's zone. */
  fallback: string;
}
export interface EmojiSegment {
  kind: 'emoji';
  name: string;
}

/** Every segment that may sit inside code. */
export type AtomSegment = TextSegment | PersonSegment | ChannelSegment | LinkSegment | DateSegment | EmojiSegment;
/** Every segment that may sit inside bold. */
export type InlineSegment = AtomSegment | CodeSegment | CommandSegment;
/** One piece of a parsed message. */
export type Segment = InlineSegment | BoldSegment;

export const COMMAND_NAMES = ['pulse', 'kudos'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

const PERSON = /<@([^>|]+)(?:\|([^>]*))?>/y;
const CHANNEL = /<#([^>|]+)(?:\|([^>]*))?>/y;
const DATE = /<!date\^(\d+)\^([^|>]*)\|([^>]*)>/y;
const LINK = /<(https?:[^>|]+)(?:\|([^>]+))?>/y;
const CODE = /`([^`\n]+)`/y;
const BOLD = /\*([^*\n]+)\*(?=$|[\s.,;:!?)”"'])/y;
const EMOJI = /:([a-z0-9_+-]+):/y;
const BOLD_OPENS_AFTER = /[\s(“"']/;
const COMMAND = /^\/(pulse|kudos)\b/;

/** The match of a sticky pattern at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

const IN_BOLD = { bold: false, code: true };
const IN_CODE = { bold: false, code: false };
type Allowed = typeof IN_BOLD;

function codeSegment(body: string): CodeSegment | CommandSegment {
  const command = COMMAND.exec(body);
  if (!command) return { kind: 'code', children: parse(body, IN_CODE) as AtomSegment[] };
  return {
    kind: 'command',
    command: command[1] as CommandName,
    rest: parse(body.slice(command[0].length), IN_CODE) as AtomSegment[],
  };
}

/** The segment that starts at `at` (and its length), or null when the character there is plain text. */
function segmentAt(text: string, at: number, allowed: Allowed): { segment: Segment; length: number } | null {
  const ch = text[at];
  let m: RegExpExecArray | null;
  if (ch === '<') {
    if ((m = matchAt(PERSON, text, at)))
      return { segment: { kind: 'person', id: m[1]!, label: m[2] ?? null }, length: m[0].length };
    if ((m = matchAt(CHANNEL, text, at)))
      return { segment: { kind: 'channel', id: m[1]!, label: m[2] ?? null }, length: m[0].length };
    if ((m = matchAt(DATE, text, at)))
      return { segment: { kind: 'date', seconds: Number(m[1]), format: m[2]!, fallback: m[3]! }, length: m[0].length };
    if ((m = matchAt(LINK, text, at)))
      return { segment: { kind: 'link', url: m[1]!, label: m[2] ?? null }, length: m[0].length };
  } else if (ch === '`' && allowed.code) {
    if ((m = matchAt(CODE, text, at))) return { segment: codeSegment(m[1]!), length: m[0].length };
  } else if (ch === '*' && allowed.bold && (at === 0 || BOLD_OPENS_AFTER.test(text[at - 1]!))) {
    if ((m = matchAt(BOLD, text, at)))
      return { segment: { kind: 'bold', children: parse(m[1]!, IN_BOLD) as InlineSegment[] }, length: m[0].length };
  } else if (ch === ':') {
    if ((m = matchAt(EMOJI, text, at))) return { segment: { kind: 'emoji', name: m[1]! }, length: m[0].length };
  }
  return null;
}

function parse(text: string, allowed: Allowed): Segment[] {
  const segments: Segment[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const found = segmentAt(text, at, allowed);
    if (!found) {
      plain += text[at];
      at += 1;
      continue;
    }
    if (plain !== '') segments.push({ kind: 'text', text: plain });
    plain = '';
    segments.push(found.segment);
    at += found.length;
  }
  if (plain !== '') segments.push({ kind: 'text', text: plain });
  return segments;
}

/** The segments of a message in the markup above; never throws, adjacent plain text is one segment. */
export function parseMarkup(text: string): Segment[] {
  return parse(text, { bold: true, code: true });
}

/** One segment written back in the markup, exactly as it was parsed. */
export function formatSegment(segment: Segment): string {
  switch (segment.kind) {
    case 'text':
      return segment.text;
    case 'bold':
      return `*${formatMarkup(segment.children)}*`;
    case 'code':
      return `\`${formatMarkup(segment.children)}\``;
    case 'command':
      return `\`/${segment.command}${formatMarkup(segment.rest)}\``;
    case 'person':
      return segment.label === null ? `<@${segment.id}>` : `<@${segment.id}|${segment.label}>`;
    case 'channel':
      return segment.label === null ? `<#${segment.id}>` : `<#${segment.id}|${segment.label}>`;
    case 'link':
      return segment.label === null ? `<${segment.url}>` : `<${segment.url}|${segment.label}>`;
    case 'date':
      return `<!date^${segment.seconds}^${segment.format}|${segment.fallback}>`;
    case 'emoji':
      return `:${segment.name}:`;
  }
}

/** Segments written back in the markup: the inverse of `parseMarkup`. */
export function formatMarkup(segments: readonly Segment[]): string {
  return segments.map(formatSegment).join('');
}

/** The ids of the people a message mentions, each once, in order of first mention. */
export function mentionedPeople(text: string): string[] {
  const ids: string[] = [];
  const visit = (segments: readonly Segment[]) => {
    for (const s of segments) {
      if (s.kind === 'person' && !ids.includes(s.id)) ids.push(s.id);
      else if (s.kind === 'bold') visit(s.children);
      else if (s.kind === 'code') visit(s.children);
      else if (s.kind === 'command') visit(s.rest);
    }
  };
  visit(parseMarkup(text));
  return ids;
}

// Characters that only ever mean markup: left in plain text, they show up as typed.
const STRAY = /[*`<>]/g;

/**
 * Markup characters a message leaves in its plain text (a `*` that is not bold, an unclosed `<@`,
 * a lone backtick), each as `"c" at index` for a readable test failure. Empty for clean markup.
 * A `>` opening a line is a quote, not stray.
 */
export function findStrayMarkup(text: string): string[] {
  const problems: string[] = [];
  const visit = (segments: readonly Segment[], start: number): void => {
    let at = start;
    for (const s of segments) {
      const width = formatSegment(s).length;
      if (s.kind === 'text') {
        for (const m of s.text.matchAll(STRAY)) {
          const index = at + m.index;
          const quote = m[0] === '>' && (index === 0 || text[index - 1] === '\n');
          if (!quote) problems.push(`"${m[0]}" at ${index}`);
        }
      } else if (s.kind === 'bold') visit(s.children, at + 1);
      at += width;
    }
  };
  visit(parseMarkup(text), 0);
  return problems;
}
