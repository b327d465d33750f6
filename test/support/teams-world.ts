/**
 * One Teams team channel end to end, for the Teams end-to-end files: the fake Bot Connector with the
 * people and the channel, the built app with Teams only (authentication explicitly off), the bot
 * installed in the team. Registers its own beforeAll/afterAll; the file's tests use what it returns.
 */
import { startApp, waitFor, type AppProcess } from './app-process';
import { openTestDatabase, truncateAll, type TestDatabase } from './db';
import {
  startFakeBotConnector,
  type FakeBotConnector,
  type StoredActivity,
  type TeamsUser,
} from './fake-bot-connector';
import { storesEnv } from './stores-env';
import { channelActivity, postActivity } from './teams-activity';

export interface TeamsWorld {
  readonly connector: FakeBotConnector;
  readonly app: AppProcess;
  readonly database: TestDatabase;
  /** Posts what the Bot Framework Service would for `from` in the team channel: `fields` over the usual envelope. */
  post(from: TeamsUser, fields: Record<string, unknown>): Promise<number>;
  /** "@Symmetry <text>" typed in the channel. */
  typed(from: TeamsUser, text: string): Promise<number>;
  /** Waits for a message to `user` in their 1:1 chat whose text or cards match. */
  replyTo(user: TeamsUser, pattern: RegExp): Promise<StoredActivity>;
  /** `pulse setup` typed by `manager`, answered, and the channel's people synced as the team's members. */
  setUpTeam(manager: TeamsUser): Promise<void>;
}

/** The text and cards of a message, as one string to search. */
export const textOf = (a: StoredActivity): string => JSON.stringify([a.activity.text, a.activity.attachments]);

/** Starts the connector and the app before the file's tests, with the bot installed in `teamName`; stops both after. */
export function useTeamsWorld(opts: {
  tenant: string;
  bot: { id: string; name: string };
  channel: string;
  teamName: string;
  people: TeamsUser[];
  /** A tag for the app's queue prefix. */
  tag: string;
}): TeamsWorld {
  const state: { connector?: FakeBotConnector; app?: AppProcess; database?: TestDatabase } = {};
  const where = () => ({
    tenant: opts.tenant,
    bot: opts.bot,
    channel: opts.channel,
    teamName: opts.teamName,
    serviceUrl: state.connector!.url,
  });
  const world: TeamsWorld = {
    get connector() {
      return state.connector!;
    },
    get app() {
      return state.app!;
    },
    get database() {
      return state.database!;
    },
    post: (from, fields) => postActivity(state.app!.url, channelActivity(where(), from, fields)),
    typed: (from, text) =>
      world.post(from, {
        type: 'message',
        text: `<at>${opts.bot.name}</at> ${text}`,
        textFormat: 'plain',
        entities: [{ type: 'mention', text: `<at>${opts.bot.name}</at>`, mentioned: opts.bot }],
      }),
    replyTo: (user, pattern) =>
      waitFor(
        () => state.connector!.dmOf(user.id).find((m) => pattern.test(textOf(m))),
        `${user.name}'s reply matching ${pattern}`,
      ),
    setUpTeam: async (manager) => {
      expect(await world.typed(manager, 'pulse setup')).toBe(200);
      await world.replyTo(manager, /Setting up this channel as a team/);
      await waitFor(async () => {
        const { rows } = await state.database!.pool.query('select count(*)::int as n from team_members where active');
        return rows[0].n === opts.people.length;
      }, 'the team to be synced');
    },
  };

  beforeAll(async () => {
    state.database = openTestDatabase();
    await truncateAll(state.database.pool);
    state.connector = await startFakeBotConnector();
    for (const p of opts.people) state.connector.addUser(p);
    state.connector.addChannel(
      opts.channel,
      opts.people.map((p) => p.id),
    );
    state.app = await startApp({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', ...storesEnv(opts.tag) });
    const install = {
      type: 'conversationUpdate',
      membersAdded: [opts.bot],
      channelData: {
        tenant: { id: opts.tenant },
        team: { id: opts.channel, name: opts.teamName },
        eventType: 'teamMemberAdded',
      },
    };
    expect(await world.post(opts.people[0]!, install)).toBe(200);
  });

  afterAll(async () => {
    const code = await state.app?.stop();
    await state.connector?.close();
    await state.database?.close();
    if (code !== 0) console.error(state.app?.output().slice(-4000));
    expect(code).toBe(0);
  });

  return world;
}
