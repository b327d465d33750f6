/** `/pulse schedule fri 14:00`, `/pulse schedule off` (and its older spelling `/pulse unschedule`). */
import type { Team } from '../../model';
import { scheduleDaysOutsideWorkdays } from '../../schedule';
import type { WebDeps } from '../../use-cases/deps';
import type { Reply } from '../../use-cases/reply';
import { displayToken, type Token } from '../mentions';
import {
  OFF_WORDS,
  echoText,
  fail,
  keywordOf,
  listPieces,
  parseDayPieces,
  parseTime,
  type ParseResult,
} from '../words';
import type { CommandOf } from './command';
import { defineSubcommand, done, takesNothing } from './subcommand';

function parseSchedule(args: readonly Token[]): ParseResult<CommandOf<'schedule' | 'unschedule'>> {
  if (args.length === 0) return fail('parse.schedule_missing');
  const first = keywordOf(args[0]);
  if (args.length === 1 && first !== null && OFF_WORDS.has(first)) return done({ type: 'unschedule' });
  const listed = listPieces(args, (token) => ({
    key: 'parse.bad_day',
    params: { value: echoText(displayToken(token)) },
  }));
  if (!listed.ok) return listed;
  const dayPieces: string[] = [];
  const times: string[] = [];
  for (const piece of listed.pieces) {
    if (piece === 'at' || piece === 'and' || piece === '@') continue;
    if (/^\d/.test(piece)) {
      const time = parseTime(piece);
      if (time === null) return fail('parse.bad_time', { value: echoText(piece) });
      times.push(time);
    } else {
      const days = parseDayPieces([piece]);
      if (!days.ok) return days;
      dayPieces.push(piece);
    }
  }
  const days = parseDayPieces(dayPieces);
  if (!days.ok) return days;
  const [time, second] = times;
  if (second !== undefined) return fail('parse.schedule_two_times', { first: time as string, second });
  if (days.days.length === 0 && time === undefined) return fail('parse.schedule_missing');
  if (days.days.length === 0) return fail('parse.schedule_missing_days', { time: time as string });
  if (time === undefined) return fail('parse.schedule_missing_time', { days: days.days.join(',') });
  return done({ type: 'schedule', days: days.days, time });
}

async function unscheduleTeam(deps: WebDeps, team: Team): Promise<Reply> {
  await deps.repos.teams.setSchedule(team.id, null);
  return { key: 'pulse.unscheduled' };
}

/** Schedules the team's check-ins on working days at one time, or stops them (`off`). */
export const schedule = defineSubcommand<'schedule' | 'unschedule'>({
  name: 'schedule',
  access: 'manager',
  section: 'help.section.setup',
  help: 'help.pulse.schedule',
  parse: parseSchedule,
  run: async (deps, _ctx, command, team): Promise<Reply> => {
    if (command.type === 'unschedule') return unscheduleTeam(deps, team);
    const outside = scheduleDaysOutsideWorkdays(command, team.settings.workdays);
    if (outside[0])
      return {
        key: 'pulse.not_a_working_day',
        params: { day: outside[0], workdays: team.settings.workdays.join(', ') },
      };
    await deps.repos.teams.setSchedule(team.id, { days: command.days, time: command.time });
    return { key: 'pulse.schedule_set', params: { days: command.days.join(', '), time: command.time } };
  },
});

/** Stops scheduled check-ins: `/pulse schedule off` under an older name, kept for those who type it. */
export const unschedule = defineSubcommand<'unschedule'>({
  name: 'unschedule',
  listed: false,
  access: 'manager',
  section: 'help.section.setup',
  help: 'help.pulse.schedule',
  parse: takesNothing({ type: 'unschedule' }),
  run: (deps, _ctx, _command, team) => unscheduleTeam(deps, team),
});
