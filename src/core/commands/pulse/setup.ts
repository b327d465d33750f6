/** `/pulse setup`: make the channel a team. */
import { cleanChannelName } from '../../channel-name';
import { DEFAULT_TEAM_SETTINGS } from '../../model';
import type { Reply } from '../../use-cases/reply';
import { mayManage } from './access';
import { defineSubcommand, takesNothing } from './subcommand';

/** Makes the channel a team with the caller as its manager, or syncs its members again. */
export const setup = defineSubcommand<'setup'>({
  name: 'setup',
  // Anyone may make a channel a team (and so manage it); once it is one, only its managers may run this again.
  access: 'anyone',
  section: 'help.section.setup',
  help: 'help.pulse.setup',
  parse: takesNothing({ type: 'setup' }),
  run: async (deps, ctx): Promise<Reply> => {
    // A team is a channel: a 1:1 chat cannot be one.
    if (ctx.input.direct) return { key: 'pulse.not_a_team' };
    const { team, created } = await deps.repos.teams.ensure({
      workspaceId: ctx.workspace.id,
      channelId: ctx.input.channelId,
      // An existing team's name was already brought up to date by the dispatch (use-cases/pulse-command.ts).
      name: cleanChannelName(ctx.input.channelName),
      managers: [ctx.input.userId],
      settings: DEFAULT_TEAM_SETTINGS,
    });
    if (!created && !(await mayManage(deps, ctx, team))) return { key: 'pulse.not_manager' };
    await deps.queue.enqueue('sync-team', { teamId: team.id });
    if (created) return { key: 'pulse.setup_started' };
    return { key: 'pulse.setup_exists', params: { managers: team.managers.map((m) => `<@${m}>`).join(', ') } };
  },
});
