/** `/pulse kudos [weeks]`: the recognition leaderboard. */
import { kudosLeaderboard } from '../../use-cases/kudos';
import { DEFAULT_KUDOS_WEEKS, MAX_KUDOS_WEEKS } from '../limits';
import { defineSubcommand, optionalCount } from './subcommand';

/** Who gave and received most kudos in the last weeks; kudos are public recognition, so anyone may ask. */
export const kudos = defineSubcommand<'kudos'>({
  name: 'kudos',
  access: 'anyone',
  section: 'help.section.kudos',
  help: 'help.pulse.kudos',
  parse: optionalCount(
    { min: 1, max: MAX_KUDOS_WEEKS, fallback: DEFAULT_KUDOS_WEEKS, example: 4, unit: /w$/ },
    (weeks) => ({ type: 'kudos', weeks }),
  ),
  run: (deps, ctx, command) => kudosLeaderboard(deps, ctx.workspace, command.weeks),
});
