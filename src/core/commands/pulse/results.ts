/** `/pulse summary`, `/pulse symmetry` and `/pulse export`: what the team said, for its managers. */
import type { Team } from '../../model';
import type { SymmetryView } from '../../symmetry';
import { commandChartView, requestCommandChart } from '../../use-cases/charts';
import type { WebDeps } from '../../use-cases/deps';
import { requestExport } from '../../use-cases/privacy';
import { loadDriversView } from '../../use-cases/drivers';
import { listConversations } from '../../use-cases/comment-threads';
import type { Reply } from '../../use-cases/reply';
import { summaryReply } from '../../use-cases/summary-reply';
import { DEFAULT_SYMMETRY_ROUNDS, MAX_SUMMARY_ROUNDS, MAX_SYMMETRY_ROUNDS } from '../limits';
import { defineSubcommand, optionalCount, takesNothing, type CommandContext } from './subcommand';

/** Queues the reply's chart for the caller's DM and says so, or says nothing when there is no chart to draw. */
async function chartNote(
  deps: WebDeps,
  ctx: CommandContext,
  team: Team,
  request: Parameters<typeof requestCommandChart>[3],
  chartView: SymmetryView,
): Promise<Pick<Reply, 'note'>> {
  return (await requestCommandChart(deps, team, ctx.input.userId, request, chartView))
    ? { note: 'chart.on_its_way' }
    : {};
}

/** The anonymous summaries of the last closed rounds, and their trend chart in the caller's DM. */
export const summary = defineSubcommand<'summary'>({
  name: 'summary',
  access: 'manager',
  section: 'help.section.results',
  help: 'help.pulse.summary',
  parse: optionalCount({ min: 1, max: MAX_SUMMARY_ROUNDS, fallback: 1, example: 3 }, (rounds) => ({
    type: 'summary',
    rounds,
  })),
  run: async (deps, ctx, command, team): Promise<Reply> => {
    const request = { view: 'summary' as const, rounds: command.rounds, requestedAt: deps.clock.now() };
    const forManager = team.managers.includes(ctx.input.userId);
    const { messages, chartView } = await summaryReply(deps, team, command.rounds, request.requestedAt, { forManager });
    if (messages.length === 0) return { key: 'summary.none' };
    const note = await chartNote(deps, ctx, team, request, chartView);
    return { key: 'summary.header', params: { count: messages.length }, messages, ...note };
  },
});

/** Each driver's latest figure and trend, the focus areas, which drivers move with the mood, and eNPS (threshold k on each). */
export const drivers = defineSubcommand<'drivers'>({
  name: 'drivers',
  aliases: ['driver', 'enps'],
  access: 'manager',
  section: 'help.section.results',
  help: 'help.pulse.drivers',
  parse: takesNothing({ type: 'drivers' }),
  run: async (deps, ctx, _command, team): Promise<Reply> => {
    const view = await loadDriversView(deps, team);
    const empty = view.drivers.every((d) => d.state === 'off' || d.state === 'not_asked') && view.enps === null;
    if (empty) return { key: 'drivers.none' };
    return {
      key: 'drivers.header',
      params: { threshold: team.settings.threshold },
      messages: [{ kind: 'drivers', locale: ctx.locale, view }],
    };
  },
});

/** The team's mood beside its customers' satisfaction over the last rounds, and its chart in the caller's DM. */
export const symmetry = defineSubcommand<'symmetry'>({
  name: 'symmetry',
  access: 'manager',
  section: 'help.section.results',
  help: 'help.pulse.symmetry',
  parse: optionalCount(
    { min: 1, max: MAX_SYMMETRY_ROUNDS, fallback: DEFAULT_SYMMETRY_ROUNDS, example: 8 },
    (rounds) => ({ type: 'symmetry', rounds }),
  ),
  run: async (deps, ctx, command, team): Promise<Reply> => {
    const request = { view: 'symmetry' as const, rounds: command.rounds, requestedAt: deps.clock.now() };
    const view = await commandChartView(deps, team, request.view, request.rounds, request.requestedAt);
    if (view.rounds.length === 0) return { key: 'symmetry.none' };
    const messages = [{ kind: 'symmetry' as const, locale: team.settings.language, view }];
    return {
      key: 'symmetry.header',
      params: { count: view.rounds.length },
      messages,
      ...(await chartNote(deps, ctx, team, request, view)),
    };
  },
});

/** A CSV of the team's round results (under the same threshold), sent to the caller privately. */
export const exportResults = defineSubcommand<'export'>({
  name: 'export',
  access: 'manager',
  section: 'help.section.results',
  help: 'help.pulse.export',
  parse: takesNothing({ type: 'export' }),
  run: (deps, ctx, _command, team) => requestExport(deps, team, ctx.input.userId),
});

/** The team's anonymous comments a manager can see, unanswered first, each with its conversation and reply buttons. */
export const conversations = defineSubcommand<'conversations'>({
  name: 'conversations',
  access: 'manager',
  section: 'help.section.results',
  help: 'help.pulse.conversations',
  parse: takesNothing({ type: 'conversations' }),
  run: (deps, ctx, _command, team) => listConversations(deps, team, ctx.locale),
});
