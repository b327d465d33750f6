/** `/pulse action …` and `/pulse action done n`: "you said, we did". */
import { addAction, completeAction } from '../../use-cases/team-admin';
import { MAX_ACTION_LENGTH } from '../limits';
import { joinTokens, visibleLength, type Token } from '../mentions';
import { fail, keywordOf, type ParseResult } from '../words';
import type { CommandOf } from './command';
import { defineSubcommand, done, parseIndex } from './subcommand';

function parseAction(args: readonly Token[]): ParseResult<CommandOf<'action' | 'action-done'>> {
  if (args.length === 0) return fail('parse.action_missing');
  // "done" and one item number closes an action; any longer sentence is an action starting with "done".
  if (keywordOf(args[0]) === 'done' && args.length <= 2) {
    if (args.length === 1) return fail('parse.action_done_missing');
    const index = parseIndex(args.slice(1), '/pulse action done 1');
    return index.ok ? done({ type: 'action-done', index: index.value }) : index;
  }
  const text = joinTokens(args);
  const length = visibleLength(text);
  if (length > MAX_ACTION_LENGTH) return fail('parse.action_too_long', { length, max: MAX_ACTION_LENGTH });
  return done({ type: 'action', text });
}

/** Tells the team what will be done about what they said, or marks such an action done. */
export const action = defineSubcommand<'action' | 'action-done'>({
  name: 'action',
  access: 'manager',
  section: 'help.section.ask',
  help: 'help.pulse.action',
  parse: parseAction,
  run: (deps, ctx, command, team) =>
    command.type === 'action-done'
      ? completeAction(deps, team, command.index)
      : addAction(deps, team, ctx.input.userId, command.text),
});
