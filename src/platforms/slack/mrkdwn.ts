/** Slack mrkdwn text: what people typed made safe to show, and long text cut into pieces a section can hold. */

/** The most characters a section's text may have (Block Kit). */
export const SECTION_TEXT_LIMIT = 3000;

/** Escapes free text a person typed, so `<!channel>` or `<@U…>` in a comment is shown, never acted on. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ESCAPE = /^&(?:amp|lt|gt);/;
const QUOTE = '> ';
/** Room kept in each piece for what a cut line's continuation gets: its quote prefix and a right-to-left mark. */
const CONTINUATION_ROOM = 4;

/**
 * Moves a cut at `at` (between `text[at - 1]` and `text[at]`, inside the line starting at `lineStart`) back to
 * where it breaks nothing: not inside a surrogate pair, a Slack entity (`<@U…>`), an escape (`&amp;`), nor a
 * direction isolate (U+2066–U+2068 … U+2069, see `rtlText`). Returns `lineStart` when there is no such place.
 */
function safeCut(text: string, lineStart: number, at: number): number {
  let cut = at;
  for (;;) {
    const before = cut;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    const open = text.lastIndexOf('<', cut - 1);
    if (open >= lineStart && text.lastIndexOf('>', cut - 1) < open) cut = open;
    const amp = text.lastIndexOf('&', cut - 1);
    const escape = amp >= lineStart ? ESCAPE.exec(text.slice(amp, amp + 5)) : null;
    if (escape && amp + escape[0].length > cut) cut = amp;
    let depth = 0;
    let outermost = -1;
    for (let i = lineStart; i < cut; i += 1) {
      const c = text.charCodeAt(i);
      if (c >= 0x2066 && c <= 0x2068) {
        if (depth === 0) outermost = i;
        depth += 1;
      } else if (c === 0x2069 && depth > 0) depth -= 1;
    }
    if (depth > 0) cut = outermost;
    if (cut <= lineStart) return lineStart;
    if (cut === before) return cut;
  }
}

/**
 * Cuts text into pieces of at most `limit` characters (UTF-16 units, which Slack's count never exceeds): at a line
 * break where there is one (the break itself dropped, so joining the pieces with "\n" gives the text back), else
 * after a space in the piece's second half, else anywhere `safeCut` allows. A line cut in two keeps its quote on the second piece.
 */
export function splitText(text: string, limit: number = SECTION_TEXT_LIMIT): string[] {
  const room = limit - CONTINUATION_ROOM;
  const pieces: string[] = [];
  let rest = text;
  // The text as given may fill the limit; a continuation keeps room for what rendering adds at its start.
  while (rest.length > (pieces.length ? room : limit)) {
    const newline = rest.lastIndexOf('\n', room);
    if (newline > 0) {
      pieces.push(rest.slice(0, newline));
      rest = rest.slice(newline + 1);
      continue;
    }
    const quote = rest.startsWith(QUOTE) ? QUOTE : '';
    const space = rest.lastIndexOf(' ', room - 1);
    let cut = safeCut(rest, 0, space > room / 2 ? space + 1 : room);
    // Nowhere safe before the limit (one entity longer than a section): cut at the limit rather than never.
    if (cut <= quote.length) cut = room;
    pieces.push(rest.slice(0, cut));
    rest = quote + rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Lays out pieces (each already cut by `splitText`: one piece's parts in order) in as few texts of at most `limit`
 * characters as their order allows: a piece that fits after the text before it joins it on a new line, any
 * other starts a text of its own; a piece in several parts takes a text per part.
 */
export function packPieces(pieces: ReadonlyArray<readonly string[]>, limit: number = SECTION_TEXT_LIMIT): string[] {
  const texts: string[] = [];
  for (const parts of pieces) {
    const last = texts.at(-1);
    const [only] = parts;
    if (parts.length === 1 && last !== undefined && last.length + 1 + only!.length <= limit)
      texts[texts.length - 1] = `${last}\n${only}`;
    else texts.push(...parts);
  }
  return texts;
}
