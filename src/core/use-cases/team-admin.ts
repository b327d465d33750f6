/** `/pulse config`, `ask`/`questions`/`unask`, `action`/`action done`: a manager shaping the team's rounds. */
import type { ConfigSetting } from '../commands/pulse/config-settings';
import { translate } from '../i18n';
import type { KudosSettings, Team, TeamSettings, Workspace } from '../model';
import type { WebDeps } from './deps';
import { driverNameKey } from '../drivers/bank';
import type { Reply } from './reply';
import { loadSymmetry } from './round-history';
import { MAX_SYMMETRY_ROUNDS } from '../commands/limits';

/** "72h" → "3d", "36h" → "36h": how durations are shown back. */
export function formatHours(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}

const mention = (id: string) => `<@${id}>`;

/** Every setting of the team, for `/pulse config`. */
export function showConfig(team: Team): Reply {
  const s = team.settings;
  return {
    key: 'config.show',
    params: {
      threshold: s.threshold,
      window: formatHours(s.windowHours),
      reminder: s.reminderHours === null ? 'off' : `${s.reminderHours}h`,
      holidays: s.holidays.length ? s.holidays.join(', ') : '–',
      workdays: s.workdays.join(', '),
      timezone: s.timezone,
      language: s.language,
      channel: `<#${s.summaryChannel ?? team.channelId}>`,
      managers: team.managers.map(mention).join(', '),
      schedule: team.schedule ? `${team.schedule.days.join(', ')} ${team.schedule.time}` : 'off',
      symmetryLag: s.symmetryLag,
      driversOff: s.disabledDrivers.length ? s.disabledDrivers.join(', ') : '–',
    },
  };
}

/** Whether the team's mood beside its customers already has enough paired rounds (any it keeps) to show r. */
async function correlationShown(deps: WebDeps, team: Team): Promise<boolean> {
  const view = await loadSymmetry(deps, team, MAX_SYMMETRY_ROUNDS);
  return Object.values(view.readings).some((reading) => reading?.correlation);
}

/** Applies one `/pulse config <key> <value>`; refuses what would leave the team inconsistent. */
export async function setConfig(
  deps: WebDeps,
  workspace: Workspace,
  team: Team,
  setting: ConfigSetting,
  locale = 'en',
): Promise<Reply> {
  const s: TeamSettings = { ...team.settings };
  switch (setting.key) {
    case 'drivers': {
      const others = s.disabledDrivers.filter((d) => d !== setting.value);
      s.disabledDrivers = setting.op === 'off' ? [...others, setting.value] : others;
      await deps.repos.teams.updateSettings(team.id, s);
      return {
        key: setting.op === 'off' ? 'config.driver_off' : 'config.driver_on',
        params: { driver: translate(locale, driverNameKey(setting.value)), id: setting.value },
      };
    }
    case 'threshold':
      s.threshold = setting.value;
      break;
    case 'window':
      if (s.reminderHours !== null && s.reminderHours >= setting.value) {
        return {
          key: 'config.reminder_not_before_window',
          params: { reminder: formatHours(s.reminderHours), window: formatHours(setting.value) },
        };
      }
      s.windowHours = setting.value;
      break;
    case 'reminder':
      if (setting.value !== null && setting.value >= s.windowHours) {
        return {
          key: 'config.reminder_not_before_window',
          params: { reminder: formatHours(setting.value), window: formatHours(s.windowHours) },
        };
      }
      s.reminderHours = setting.value;
      break;
    case 'holidays':
      s.holidays = setting.value;
      break;
    case 'workdays': {
      const outside = team.schedule?.days.filter((d) => !setting.value.includes(d)) ?? [];
      if (outside.length) return { key: 'config.schedule_outside_workdays', params: { days: outside.join(', ') } };
      s.workdays = setting.value;
      break;
    }
    case 'timezone':
      s.timezone = setting.value;
      break;
    case 'language':
      s.language = setting.value;
      break;
    case 'channel':
      s.summaryChannel = setting.value === team.channelId ? null : setting.value;
      break;
    case 'symmetry-lag':
      // Fixed in advance: once the team's rounds can show a correlation at the lag it has, choosing another after
      // seeing it would be picking the better-looking of two readings.
      if (setting.value !== s.symmetryLag && (await correlationShown(deps, team)))
        return { key: 'config.symmetry_lag_fixed', params: { lag: s.symmetryLag } };
      s.symmetryLag = setting.value;
      break;
    case 'managers': {
      const next =
        setting.op === 'add'
          ? [...new Set([...team.managers, ...setting.value])]
          : team.managers.filter((m) => !setting.value.includes(m));
      if (next.length === 0) return { key: 'config.last_manager' };
      await deps.repos.teams.setManagers(team.id, next);
      return { key: 'config.managers_set', params: { managers: next.map(mention).join(', ') } };
    }
    case 'kudos-emoji':
    case 'kudos-channel':
    case 'kudos-limit':
    case 'values':
      return setKudosConfig(deps, workspace, setting);
  }
  await deps.repos.teams.updateSettings(team.id, s);
  return showConfig({ ...team, settings: s });
}

/** The workspace's recognition settings, for `/pulse config`. */
export function showKudosConfig(workspace: Workspace): Reply {
  const k = workspace.kudos;
  return {
    key: 'kudos.settings',
    params: {
      emoji: k.emoji.map((e) => `:${e}:`).join(' '),
      channel: k.channel ? `<#${k.channel}>` : translate('en', 'kudos.in_thread'),
      limit: k.dailyLimit,
      values: k.values.length ? k.values.map((v) => `#${v}`).join(' ') : '–',
    },
  };
}

/** Recognition settings are the workspace's: one set for every team. */
async function setKudosConfig(
  deps: WebDeps,
  workspace: Workspace,
  setting: Extract<ConfigSetting, { key: 'kudos-emoji' | 'kudos-channel' | 'kudos-limit' | 'values' }>,
): Promise<Reply> {
  const k: KudosSettings = { ...workspace.kudos };
  if (setting.key === 'kudos-emoji') k.emoji = setting.value;
  if (setting.key === 'kudos-channel') k.channel = setting.value;
  if (setting.key === 'kudos-limit') k.dailyLimit = setting.value;
  if (setting.key === 'values') k.values = setting.value;
  await deps.repos.workspaces.updateKudosSettings(workspace.id, k);
  return showKudosConfig({ ...workspace, kudos: k });
}

/** Adds a custom question to the rounds opened from now on. */
export async function askQuestion(
  deps: WebDeps,
  team: Team,
  userId: string,
  kind: 'scale' | 'text',
  text: string,
): Promise<Reply> {
  const active = await deps.repos.questions.listActive(team.id);
  if (active.length >= 5) return { key: 'questions.too_many', params: { max: 5 } };
  await deps.repos.questions.add({ teamId: team.id, kind, text, createdBy: userId });
  return {
    key: kind === 'scale' ? 'questions.added_scale' : 'questions.added_text',
    params: { n: active.length + 1, question: text },
  };
}

/** Lists the team's custom questions, numbered for `/pulse unask n`. */
export async function listQuestions(deps: WebDeps, team: Team): Promise<Reply> {
  const active = await deps.repos.questions.listActive(team.id);
  if (active.length === 0) return { key: 'questions.none' };
  const list = active.map((q, i) => `${i + 1}. ${q.text}${q.kind === 'text' ? ' (text)' : ' (1–10)'}`).join('\n');
  return { key: 'questions.list', params: { list } };
}

/** Removes the n-th custom question from the rounds opened from now on. */
export async function unaskQuestion(deps: WebDeps, team: Team, index: number): Promise<Reply> {
  const active = await deps.repos.questions.listActive(team.id);
  const question = active[index - 1];
  if (!question) return { key: 'questions.no_such', params: { n: index, count: active.length } };
  await deps.repos.questions.remove(question.id, deps.clock.now());
  return { key: 'questions.removed', params: { question: question.text } };
}

/** Records a "you said, we did" action and queues its announcement in the team channel. */
export async function addAction(deps: WebDeps, team: Team, userId: string, text: string): Promise<Reply> {
  const action = await deps.repos.actions.add({ teamId: team.id, text, createdBy: userId });
  await deps.queue.enqueue('post-action', { actionId: action.id });
  const open = await deps.repos.actions.listOpen(team.id);
  return { key: 'action.added', params: { n: open.findIndex((a) => a.id === action.id) + 1 } };
}

/** Marks the n-th open action done: it leaves the list under summaries. */
export async function completeAction(deps: WebDeps, team: Team, index: number): Promise<Reply> {
  const open = await deps.repos.actions.listOpen(team.id);
  const action = open[index - 1];
  if (!action) return { key: 'action.no_such', params: { n: index, count: open.length } };
  await deps.repos.actions.markDone(action.id, deps.clock.now());
  return { key: 'action.done', params: { text: action.text } };
}
