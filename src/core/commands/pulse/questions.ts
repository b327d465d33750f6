/** `/pulse ask`, `/pulse questions`, `/pulse unask`: the team's own questions, added to its rounds. */
import { askQuestion, listQuestions, unaskQuestion } from '../../use-cases/team-admin';
import { MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH } from '../limits';
import { joinTokens, visibleLength, type Token } from '../mentions';
import { echoTokens, fail, keywordOf, type ParseResult } from '../words';
import type { CommandOf } from './command';
import { defineSubcommand, done, parseIndex, takesNothing } from './subcommand';

function parseAsk(args: readonly Token[]): ParseResult<CommandOf<'ask'>> {
  const flag = keywordOf(args[0]);
  let kind: 'scale' | 'text' = 'scale';
  let rest = args;
  if (flag !== null && /^(?:--|[—–]|-)(?:text|t|scale|s)$/.test(flag)) {
    kind = /(?:text|t)$/.test(flag) ? 'text' : 'scale';
    rest = args.slice(1);
  }
  if (rest.length === 0) return fail('parse.ask_missing');
  const question = joinTokens(rest);
  const length = visibleLength(question);
  if (length < MIN_QUESTION_LENGTH) return fail('parse.question_too_short', { length, min: MIN_QUESTION_LENGTH });
  if (length > MAX_QUESTION_LENGTH) return fail('parse.question_too_long', { length, max: MAX_QUESTION_LENGTH });
  return done({ type: 'ask', kind, question });
}

function parseUnask(args: readonly Token[], name: string): ParseResult<CommandOf<'unask'>> {
  if (args.length === 0) return fail('parse.unask_missing');
  const usage = `/pulse ${name} 2`;
  if (args.length > 1) return fail('parse.unexpected_args', { command: name, extra: echoTokens(args.slice(1)), usage });
  const index = parseIndex(args, usage);
  return index.ok ? done({ type: 'unask', index: index.value }) : index;
}

/** Adds a 1–10 (or, with `--text`, a written) question to the rounds opened from now on. */
export const ask = defineSubcommand<'ask'>({
  name: 'ask',
  access: 'manager',
  section: 'help.section.ask',
  help: 'help.pulse.ask',
  parse: parseAsk,
  run: (deps, ctx, command, team) => askQuestion(deps, team, ctx.input.userId, command.kind, command.question),
});

/** Lists the team's questions, numbered for `unask`. */
export const questions = defineSubcommand<'questions'>({
  name: 'questions',
  access: 'manager',
  section: 'help.section.ask',
  help: 'help.pulse.questions',
  parse: takesNothing({ type: 'questions' }),
  run: (deps, _ctx, _command, team) => listQuestions(deps, team),
});

/** Removes the n-th question from the rounds opened from now on. */
export const unask = defineSubcommand<'unask'>({
  name: 'unask',
  access: 'manager',
  section: 'help.section.ask',
  help: 'help.pulse.questions',
  parse: parseUnask,
  run: (deps, _ctx, command, team) => unaskQuestion(deps, team, command.index),
});
