/** `/pulse now` and `/pulse status`: the team's open round. */
import { manualPeriod } from '../../use-cases/checkins';
import type { Reply } from '../../use-cases/reply';
import { defineSubcommand, takesNothing } from './subcommand';

/** Opens a round at once, unless one is open or the team has nobody to ask. */
export const now = defineSubcommand<'now'>({
  name: 'now',
  access: 'manager',
  section: 'help.section.setup',
  help: 'help.pulse.now',
  parse: takesNothing({ type: 'now' }),
  run: async (deps, ctx, _command, team): Promise<Reply> => {
    const open = await deps.repos.rounds.findOpen(team.id);
    if (open) return { key: 'pulse.round_already_open', params: { closesAt: ctx.formatDateTime(open.closesAt) } };
    const members = await deps.repos.teams.listActiveMembers(team.id);
    if (members.length === 0) return { key: 'pulse.no_members' };
    const requestedAt = deps.clock.now();
    await deps.queue.enqueue('open-round', { teamId: team.id, requestedAt: requestedAt.toISOString() });
    deps.logger.info({ teamId: team.id, period: manualPeriod(requestedAt) }, 'manual round requested');
    return { key: 'pulse.round_opening', params: { members: members.length } };
  },
});

/** How many have answered the open round: counts only, never names. */
export const status = defineSubcommand<'status'>({
  name: 'status',
  access: 'manager',
  section: 'help.section.setup',
  help: 'help.pulse.status',
  parse: takesNothing({ type: 'status' }),
  run: async (deps, ctx, _command, team): Promise<Reply> => {
    const open = await deps.repos.rounds.findOpen(team.id);
    if (!open) return { key: 'pulse.status_none' };
    const { total, answered } = await deps.repos.deliveries.countForRound(open.id);
    return { key: 'pulse.status_open', params: { answered, total, closesAt: ctx.formatDateTime(open.closesAt) } };
  },
});
