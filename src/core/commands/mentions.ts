/**
 * Tokens of a command's text: words and mentions, platform-neutral.
 *
 * The parsers work on `Token[]`, so each platform only has to say how its text becomes tokens:
 * `tokenizeSlackText` reads Slack's escaped form (`should_escape: true`), and a Teams tokenizer
 * can build the same tokens from its `<at>…</at>` text and mention entities.
 *
 * Free text (a question, an action, a kudos reason) is returned in one canonical form that is
 * safe to post as-is: `&`, `<` and `>` typed by a person stay escaped as `&amp;`, `&lt;`, `&gt;`,
 * people and channels are `<@U…>` and `<#C…>`, and broadcast mentions (`@here`, `@channel`,
 * user groups) are defused into plain text so that repeating a person's words never pings a crowd.
 */

interface TokenBase {
  /** The token exactly as it appeared in the text. */
  raw: string;
  /** True when no whitespace separated it from the previous token (`<@U1>,` gives a glued ","). */
  glued: boolean;
}

export type WordToken = TokenBase & { kind: 'word'; text: string };
export type UserToken = TokenBase & { kind: 'user'; id: string; label: string | null };
export type ChannelToken = TokenBase & { kind: 'channel'; id: string; label: string | null };
export type GroupToken = TokenBase & { kind: 'group'; id: string; label: string | null };
export type SpecialToken = TokenBase & { kind: 'special'; name: string };
export type LinkToken = TokenBase & { kind: 'link'; url: string; label: string | null };

/** One word or one mention. `word.text` keeps the platform's escaping (`&amp;`, `&lt;`, `&gt;`). */
export type Token = WordToken | UserToken | ChannelToken | GroupToken | SpecialToken | LinkToken;

const USER_ID = /^[UW][A-Z0-9]+$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;
const GROUP_ID = /^S[A-Z0-9]+$/;
// C0 and C1 control characters (tabs and newlines included): they only ever separate words.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const WHITESPACE = /\s/;
const BROADCASTS = new Set(['here', 'channel', 'everyone']);

/** Slack's three entities turned back into characters (`&lt;` → `<`), for display only. */
export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp);/g, (_whole, name: string) => (name === 'lt' ? '<' : name === 'gt' ? '>' : '&'));
}

/** Plain text escaped the way Slack escapes it, so a plain-text tokenizer yields the canonical form. */
export function encodeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function splitLabel(body: string): { head: string; label: string | null } {
  const bar = body.indexOf('|');
  if (bar < 0) return { head: body, label: null };
  const label = body.slice(bar + 1).trim();
  return { head: body.slice(0, bar), label: label === '' ? null : label };
}

/** What a Slack control sequence `<…>` means; `null` when it is not one we know. */
function classifyAngle(raw: string, glued: boolean): Token | null {
  const body = raw.slice(1, -1);
  const { head, label } = splitLabel(body);
  if (head.startsWith('@')) {
    const id = head.slice(1);
    return USER_ID.test(id) ? { kind: 'user', id, label, raw, glued } : null;
  }
  if (head.startsWith('#')) {
    const id = head.slice(1);
    return CHANNEL_ID.test(id) ? { kind: 'channel', id, label, raw, glued } : null;
  }
  if (head.startsWith('!subteam^')) {
    const id = head.slice('!subteam^'.length);
    return GROUP_ID.test(id) ? { kind: 'group', id, label: label?.replace(/^@/, '') ?? null, raw, glued } : null;
  }
  if (head.startsWith('!')) {
    const name = head.slice(1);
    return BROADCASTS.has(name) ? { kind: 'special', name, raw, glued } : null;
  }
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(head)) return { kind: 'link', url: head, label, raw, glued };
  return null;
}

/**
 * Splits Slack slash-command text (sent with `should_escape: true`) into words and mentions.
 * Whitespace of any kind separates words and is otherwise dropped; `<…>` sequences become mentions.
 */
export function tokenizeSlackText(text: string): Token[] {
  const source = text.replace(CONTROL, ' ');
  const tokens: Token[] = [];
  let glued = false;
  let word = '';
  const flush = (): void => {
    if (word !== '') tokens.push({ kind: 'word', text: word, raw: word, glued });
    if (word !== '') glued = true;
    word = '';
  };
  let close: number = -1;
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (WHITESPACE.test(ch)) {
      flush();
      glued = false;
      i += 1;
      continue;
    }
    if (ch === '<') {
      // Slack escapes every "<" a person types, so a "<" here opens a control sequence.
      // Looked up again only once passed, so a long run of "<" stays linear.
      if (close !== Infinity && close <= i) close = source.indexOf('>', i + 1);
      if (close < 0) close = Infinity;
      const inner = close === Infinity ? -1 : source.indexOf('<', i + 1);
      if (close !== Infinity && (inner < 0 || inner > close)) {
        const raw = source.slice(i, close + 1);
        const wasGlued = word !== '' || glued;
        flush();
        const token = classifyAngle(raw, wasGlued);
        tokens.push(token ?? { kind: 'word', text: encodeEntities(raw), raw, glued: wasGlued });
        glued = true;
        i = close + 1;
        continue;
      }
      word += '&lt;';
      i += 1;
      continue;
    }
    word += ch === '>' ? '&gt;' : ch;
    i += 1;
  }
  flush();
  return tokens;
}

/** The canonical free-text form of one token (see the module comment). */
export function canonicalText(token: Token): string {
  switch (token.kind) {
    case 'word':
      return token.text;
    case 'user':
      return `<@${token.id}>`;
    case 'channel':
      return `<#${token.id}>`;
    case 'group':
      return `@${encodeEntities(token.label ?? token.id)}`;
    case 'special':
      return `@${token.name}`;
    case 'link':
      return `<${token.url}>`;
  }
}

/** Tokens back into one line of canonical free text, a single space where any whitespace was. */
export function joinTokens(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (out !== '' && !token.glued) out += ' ';
    out += canonicalText(token);
  }
  return out;
}

/** How a person would read the token: `@name`, `#channel`, decoded words. For messages, not storage. */
export function displayToken(token: Token): string {
  switch (token.kind) {
    case 'word':
      return decodeEntities(token.text);
    case 'user':
      return `@${token.label ?? token.id}`;
    case 'channel':
      return `#${token.label ?? token.id}`;
    case 'group':
      return `@${token.label ?? token.id}`;
    case 'special':
      return `@${token.name}`;
    case 'link':
      return token.label ?? token.url;
  }
}

/** Tokens as a person would read them, spaced as they were typed. */
export function displayTokens(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (out !== '' && !token.glued) out += ' ';
    out += displayToken(token);
  }
  return out;
}

/** Length of free text as the person typed it: entities count as one character, astral symbols as one. */
export function visibleLength(canonical: string): number {
  let n = 0;
  for (const _ of decodeEntities(canonical)) n += 1;
  return n;
}
