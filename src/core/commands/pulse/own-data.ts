/** `/pulse mine` and `/pulse forget-me`: anyone, about their own data only. */
import { forgetMe as forgetCaller } from '../../use-cases/privacy';
import type { Reply } from '../../use-cases/reply';
import { ownAnswers } from '../../use-cases/summaries';
import { defineSubcommand, takesNothing } from './subcommand';

/** The caller's own recent answers, and only theirs (found through their keyed hash). */
export const mine = defineSubcommand<'mine'>({
  name: 'mine',
  access: 'self',
  section: 'help.section.results',
  help: 'help.pulse.mine',
  parse: takesNothing({ type: 'mine' }),
  run: async (deps, ctx): Promise<Reply> => {
    const member = await deps.repos.members.findByPlatformId(ctx.workspace.id, ctx.input.userId);
    const answers = member ? await ownAnswers(deps, member) : [];
    if (answers.length === 0) return { key: 'mine.none' };
    const list = answers
      .map(
        (a) =>
          `• ${ctx.formatDate(a.closesAt)}: ${a.score ?? '–'}${a.commented ? ' 💬' : ''}${a.open ? ' (open)' : ''}`,
      )
      .join('\n');
    return { key: 'mine.list', params: { list } };
  },
});

/** Deletes everything held about the caller and anonymizes their kudos. */
export const forgetMe = defineSubcommand<'forget-me'>({
  name: 'forget-me',
  access: 'self',
  section: 'help.section.results',
  help: 'help.pulse.forget_me',
  parse: takesNothing({ type: 'forget-me' }),
  run: (deps, ctx) => forgetCaller(deps, ctx.workspace, ctx.input.userId),
});
