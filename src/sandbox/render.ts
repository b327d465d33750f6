/**
 * What a person sees in Slack, as plain text: Block Kit blocks flattened, Slack's mrkdwn tokens
 * (mentions, channel links, date tokens, links, escapes) resolved, for a terminal (with or without
 * colors) or for a Markdown file.
 */
import { formatDate as localeDate, formatDateTime as localeDateTime } from '../core/i18n/format';

export type Target = 'terminal' | 'markdown';

export interface RenderContext {
  /** Display name of a user id (for `<@U…>`). */
  userName(id: string): string;
  /** Name of a channel id (for `<#C…>`). */
  channelName(id: string): string;
  /** Zone the reader sees dates in (Slack's `<!date^…>` shows the reader's own time). */
  tz: string;
  /** The reader's language (the locale the bot speaks to them in): Slack writes a date token in the reader's language too. */
  locale: string;
  target: Target;
  color: boolean;
}

const ESC = '\u001b[';
/** ANSI styles, or nothing when colors are off. */
export function styles(color: boolean) {
  const wrap = (open: string, close: string) => (s: string) => (color ? `${ESC}${open}m${s}${ESC}${close}m` : s);
  return {
    bold: wrap('1', '22'),
    dim: wrap('2', '22'),
    italic: wrap('3', '23'),
    inverse: wrap('7', '27'),
    red: wrap('31', '39'),
    green: wrap('32', '39'),
    yellow: wrap('33', '39'),
    blue: wrap('34', '39'),
    magenta: wrap('35', '39'),
    cyan: wrap('36', '39'),
  };
}

const EMOJI: Record<string, string> = {
  tada: '🎉',
  clap: '👏',
  raised_hands: '🙌',
  rocket: '🚀',
  eyes: '👀',
  heart: '❤️',
  taco: '🌮',
  '+1': '👍',
  thumbsup: '👍',
  pray: '🙏',
  fire: '🔥',
};

const englishPlural = new Intl.PluralRules('en');

/** "1 round", "3 rounds": a count and its noun in the narrator's English, never "round(s)". */
export function counted(n: number, one: string, other = `${one}s`): string {
  return `${n} ${englishPlural.select(n) === 'one' ? one : other}`;
}

/** A Slack shortcode as its emoji, or as `:name:` when unknown. */
export function emoji(name: string): string {
  return EMOJI[name] ?? `:${name}:`;
}

/** Formats an instant in `tz` like "Thu 13 Mar 19:00" (parts chosen by Slack's date token names), in English: the narrator's clock. */
export function formatDate(ms: number, tz: string, format = '{date_short_pretty} {time}'): string {
  const part = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, ...opts }).format(new Date(ms));
  return format
    .replace('{date_short_pretty}', part({ weekday: 'short', day: 'numeric', month: 'short' }).replace(',', ''))
    .replace('{date_long_pretty}', part({ weekday: 'long', day: 'numeric', month: 'long' }).replace(',', ''))
    .replace('{date_short}', part({ day: 'numeric', month: 'short', year: 'numeric' }))
    .replace('{date_long}', part({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(',', ''))
    .replace('{date}', part({ day: 'numeric', month: 'long', year: 'numeric' }))
    .replace('{time}', part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }))
    .replace('{time_secs}', part({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }));
}

/**
 * A `<!date^…^format|…>` token as its reader sees it: in their zone and language, worded like the bot's own dates
 * (core/i18n/format.ts), so a French DM says "jeu. 10 déc. à 19:00", never "Thu 10 Dec 19:00".
 */
export function readerDate(ms: number, format: string, reader: Pick<RenderContext, 'tz' | 'locale'>): string {
  const date = new Date(ms);
  if (/^\{date\w*\} \{time\}$/.test(format)) return localeDateTime(reader.locale, date, reader.tz);
  // A 24-hour time is written alike in the five languages (Arabic with Western digits, as format.ts does).
  return format
    .replace(/\{date\w*\}/g, () => localeDate(reader.locale, date, reader.tz))
    .replace(/\{time(?:_secs)?\}/g, (token) => formatDate(ms, reader.tz, token));
}

/** Every `<!date^seconds^…>` instant in a text, in order (the check-in's deadline, a summary's close). */
export function dateTokens(text: string): number[] {
  return [...text.matchAll(/<!date\^(\d+)\^/g)].map((m) => Number(m[1]) * 1000);
}

/** Slack mrkdwn → what the reader sees. */
export function renderMrkdwn(text: string, ctx: RenderContext): string {
  const s = styles(ctx.color && ctx.target === 'terminal');
  let out = text
    .replace(/<!date\^(\d+)\^([^|>]*)(?:\|[^>]*)?>/g, (_m, secs: string, format: string) =>
      readerDate(Number(secs) * 1000, format, ctx),
    )
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${ctx.userName(id)}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || ctx.channelName(id)}`)
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) =>
      ctx.target === 'markdown' ? `[${label}](${url})` : s.blue(label),
    )
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/:([a-z0-9_+-]+):/g, (m, name: string) => (EMOJI[name] ? emoji(name) : m))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  // *bold*: Markdown's **bold**, a bold terminal, or plain text without the stars.
  out = out.replace(/(^|[\s(“"])\*([^*\n]+)\*(?=$|[\s.,:;!?)”"])/gm, (_m, pre: string, inner: string) =>
    ctx.target === 'markdown' ? `${pre}**${inner}**` : `${pre}${s.bold(inner)}`,
  );
  return out;
}

type Block = {
  type: string;
  text?: { text?: string } | string;
  elements?: Array<Record<string, unknown>>;
  fields?: Array<{ text: string }>;
  label?: { text?: string };
};

function buttonRow(elements: Array<Record<string, unknown>>, ctx: RenderContext): string {
  const s = styles(ctx.color && ctx.target === 'terminal');
  return elements
    .map((e) => {
      const label =
        typeof e.text === 'object' && e.text ? String((e.text as { text?: string }).text ?? '') : String(e.text ?? '');
      const chosen = e.style === 'primary';
      if (ctx.target === 'markdown') return chosen ? `**[${label}]**` : `[${label}]`;
      return chosen ? s.inverse(s.green(`[${label}]`)) : `[${label}]`;
    })
    .join(' ');
}

/** The lines a message shows: its blocks flattened (buttons as `[1] [2] …`), else its text. */
export function renderMessage(message: { text?: string; blocks?: unknown[] }, ctx: RenderContext): string[] {
  const s = styles(ctx.color && ctx.target === 'terminal');
  const blocks = (message.blocks ?? []) as Block[];
  if (blocks.length === 0) return renderMrkdwn(message.text ?? '', ctx).split('\n');
  const lines: string[] = [];
  for (const b of blocks) {
    const text = typeof b.text === 'string' ? b.text : b.text?.text;
    switch (b.type) {
      case 'header':
        if (text) lines.push(s.bold(text));
        break;
      case 'section':
        if (text) lines.push(...renderMrkdwn(text, ctx).split('\n'));
        for (const f of b.fields ?? []) lines.push(...renderMrkdwn(f.text, ctx).split('\n'));
        break;
      case 'context': {
        // Line by line: Markdown emphasis does not span lines, and a line already in _italics_ is not wrapped twice.
        const parts = (b.elements ?? [])
          .flatMap((e) => renderMrkdwn(String(e.text ?? ''), ctx).split('\n'))
          .filter(Boolean);
        const italic = (p: string) => (/^_.*_$/.test(p) ? p : `_${p}_`);
        if (parts.length) lines.push(...(ctx.target === 'markdown' ? parts.map(italic) : parts.map((p) => s.dim(p))));
        break;
      }
      case 'actions':
        lines.push(buttonRow(b.elements ?? [], ctx));
        break;
      case 'divider':
        lines.push(ctx.target === 'markdown' ? '---' : s.dim('─'.repeat(40)));
        break;
      case 'input':
        lines.push(`${b.label?.text ?? ''} [ text box ]`);
        break;
      default:
        if (text) lines.push(renderMrkdwn(text, ctx));
    }
  }
  return lines;
}
