/** `/pulse config` and `/pulse config <key> <value>`: the team's (and the workspace's recognition) settings. */
import { translate } from '../../i18n';
import type { Reply } from '../../use-cases/reply';
import { setConfig, showConfig, showKudosConfig } from '../../use-cases/team-admin';
import type { Token } from '../mentions';
import { echoTokens, fail, keywordOf, type ParseResult } from '../words';
import type { CommandOf } from './command';
import { CONFIG_KEYS, CONFIG_SETTINGS, findSetting, parseSetting } from './config-settings';
import { defineSubcommand, done } from './subcommand';

function parseConfig(args: readonly Token[]): ParseResult<CommandOf<'config' | 'config-set'>> {
  if (args.length === 0) return done({ type: 'config' });
  const word = keywordOf(args[0]);
  const key = word === null ? undefined : findSetting(word);
  if (key === undefined)
    return fail('parse.config_unknown_key', { key: echoTokens(args.slice(0, 1)), keys: CONFIG_KEYS.join(', ') });
  const value = args.slice(1);
  if (value.length === 0) return fail('parse.config_missing_value', { key, usage: CONFIG_SETTINGS[key].example });
  const setting = parseSetting(key, value);
  return setting.ok ? done({ type: 'config-set', setting: setting.setting }) : setting;
}

/** Shows every setting, or changes one and shows the result. */
export const config = defineSubcommand<'config' | 'config-set'>({
  name: 'config',
  aliases: ['settings'],
  access: 'manager',
  section: 'help.section.settings',
  help: 'help.pulse.config',
  parse: parseConfig,
  run: async (deps, ctx, command, team): Promise<Reply> => {
    if (command.type === 'config-set') return setConfig(deps, ctx.workspace, team, command.setting, ctx.locale);
    const teamConfig = showConfig(team);
    const kudosConfig = showKudosConfig(ctx.workspace);
    return {
      key: 'config.show_all',
      params: {
        team: translate(ctx.locale, teamConfig.key, teamConfig.params),
        kudos: translate(ctx.locale, kudosConfig.key, kudosConfig.params),
      },
    };
  },
});
