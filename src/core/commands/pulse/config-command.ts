/** `/pulse config` and `/pulse config <key> <value>`: the team's (and the workspace's recognition) settings. */
import { translate } from '../../i18n';
import type { Reply } from '../../use-cases/reply';
import { setConfig, showConfig, showKudosConfig } from '../../use-cases/team-admin';
import type { Token } from '../mentions';
import { runOrgAdmins } from '../../use-cases/org-admins';
import { echoTokens, fail, keywordOf, type ParseResult } from '../words';
import type { CommandOf } from './command';
import { CONFIG_KEYS, CONFIG_SETTINGS, findSetting, parsePeopleChange, parseSetting } from './config-settings';
import { defineSubcommand, done } from './subcommand';

/** The keys `/pulse config` names when one is unknown: the team's settings, then the workspace's org admins. */
const KNOWN_KEYS = [...CONFIG_KEYS, 'admins'].join(', ');

/** `admins` alone or `admins list`; `admins add|remove @a @b`. */
function parseAdmins(args: readonly Token[]): ParseResult<CommandOf<'config-admins'>> {
  const op = args.length === 0 ? 'list' : keywordOf(args[0]);
  if (op === 'list' && args.length <= 1) return done({ type: 'config-admins', op: 'list', users: [] });
  const change = parsePeopleChange(
    args,
    (verb) => `/pulse config admins ${verb} @alex`,
    fail('parse.admins_missing').error,
  );
  return change.ok ? done({ type: 'config-admins', op: change.op, users: change.ids }) : change;
}

function parseConfig(args: readonly Token[]): ParseResult<CommandOf<'config' | 'config-set' | 'config-admins'>> {
  if (args.length === 0) return done({ type: 'config' });
  const word = keywordOf(args[0]);
  if (word === 'admins' || word === 'admin') return parseAdmins(args.slice(1));
  const key = word === null ? undefined : findSetting(word);
  if (key === undefined)
    return fail('parse.config_unknown_key', { key: echoTokens(args.slice(0, 1)), keys: KNOWN_KEYS });
  const value = args.slice(1);
  if (value.length === 0) return fail('parse.config_missing_value', { key, usage: CONFIG_SETTINGS[key].example });
  const setting = parseSetting(key, value);
  return setting.ok ? done({ type: 'config-set', setting: setting.setting }) : setting;
}

/** Shows every setting, or changes one and shows the result. */
export const config = defineSubcommand<'config' | 'config-set' | 'config-admins'>({
  name: 'config',
  aliases: ['settings'],
  access: 'manager',
  section: 'help.section.settings',
  help: 'help.pulse.config',
  parse: parseConfig,
  workspaceRun: (command) =>
    command.type === 'config-admins' ? (deps, ctx) => runOrgAdmins(deps, ctx, command) : null,
  run: async (deps, ctx, command, team): Promise<Reply> => {
    if (command.type === 'config-admins') return runOrgAdmins(deps, ctx, command);
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
