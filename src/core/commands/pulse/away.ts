/** `/pulse away …`: a person on leave is not asked, not reminded and not counted, until the end of a day in their own zone. */
import { addDays, awayEnd, awayLastDay, isAwayUntil, MAX_AWAY_DAYS } from '../../away';
import { effectiveTimeZone, localDateKey } from '../../schedule';
import type { Reply } from '../../use-cases/reply';
import type { Token } from '../mentions';
import { echoTokens, fail, isIsoDate, keywordOf, OFF_WORDS, type ParseResult } from '../words';
import type { CommandOf } from './command';
import { defineSubcommand, done } from './subcommand';

/** `2w`, `10d`, `3 weeks`, `1 day`: a length of leave in days (1 to MAX_AWAY_DAYS), or null. */
function parseLength(words: readonly string[]): number | null {
  const match = /^(\d{1,3})(d|days?|w|weeks?)$/.exec(words.join(''));
  if (!match) return null;
  const days = Number(match[1]) * (match[2]!.startsWith('w') ? 7 : 1);
  return days >= 1 && days <= MAX_AWAY_DAYS ? days : null;
}

function parseAway(args: readonly Token[]): ParseResult<CommandOf<'away' | 'away-off' | 'away-status'>> {
  if (args.length === 0) return done({ type: 'away-status' });
  const words = args.map(keywordOf);
  const bad = () => fail('parse.away_bad', { value: echoTokens(args), max: MAX_AWAY_DAYS });
  if (words.some((w) => w === null)) return bad();
  const [first, ...rest] = words as string[];
  if (rest.length === 0 && (OFF_WORDS.has(first!) || first === 'back')) return done({ type: 'away-off' });
  // "until 2026-12-24", "till …", or the date alone: the last day away, in the person's own calendar.
  const dateWords = first === 'until' || first === 'till' || first === 'through' ? rest : words;
  if (dateWords.length === 1 && isIsoDate(dateWords[0]!)) return done({ type: 'away', until: { date: dateWords[0]! } });
  const days = first === 'for' ? parseLength(rest) : parseLength(words as string[]);
  return days === null ? bad() : done({ type: 'away', until: { days } });
}

/** Sets, ends or tells the caller's own away; only ever their own (access: self). */
export const away = defineSubcommand<'away' | 'away-off' | 'away-status'>({
  name: 'away',
  aliases: ['vacation', 'leave', 'ooo'],
  access: 'self',
  section: 'help.section.results',
  help: 'help.pulse.away',
  parse: parseAway,
  run: async (deps, ctx, command): Promise<Reply> => {
    const member = await deps.repos.members.findByPlatformId(ctx.workspace.id, ctx.input.userId);
    if (!member) return { key: 'away.not_member' };
    const zone = effectiveTimeZone(member.timezone, 'UTC');
    const now = deps.clock.now();
    if (command.type === 'away-status') {
      if (!isAwayUntil(member.awayUntil, now)) return { key: 'away.none' };
      return { key: 'away.status', params: { date: awayLastDay(member.awayUntil!, zone), zone } };
    }
    if (command.type === 'away-off') {
      await deps.repos.members.setAwayUntil(member.id, null);
      return { key: 'away.off' };
    }
    // "2w" from today: today is the first day away, so the last is today + days − 1.
    const lastDay =
      'date' in command.until ? command.until.date : addDays(localDateKey(now, zone), command.until.days - 1);
    const end = awayEnd(lastDay, zone, now);
    if (!end.ok)
      return {
        key: end.reason === 'past' ? 'away.past' : 'away.too_far',
        params: { date: lastDay, today: end.today, latest: end.latest, zone },
      };
    await deps.repos.members.setAwayUntil(member.id, end.until);
    return { key: 'away.set', params: { date: lastDay, zone } };
  },
});
