/**
 * `/pulse config admins add|remove @x` and `/pulse config admins`: anyone sees who the org admins are; only a
 * workspace admin (as the platform says) or an org admin changes the list, from any channel or a 1:1 chat, on Slack
 * and on Teams; anyone else is told so and nothing changes. Real PostgreSQL; the platform's directory is a fake.
 */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/core/clock';
import { translate } from '../../src/core/i18n';
import type { Platform, UserProfile } from '../../src/core/model';
import type { WebDeps } from '../../src/core/use-cases/deps';
import { runPulseCommand } from '../../src/core/use-cases/pulse-command';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { MemoryQueue } from '../support/memory-queue';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
let database: TestDatabase;
beforeAll(() => void (database = openTestDatabase()));
afterAll(() => database.close());

/** A workspace where the platform says `UWSADMIN` is an admin and nobody else is. */
function world(platform: Platform) {
  const externalId = platform === 'slack' ? `T${randomUUID().slice(0, 8).toUpperCase()}` : randomUUID();
  const deps: WebDeps = {
    repos: database.repos,
    queue: new MemoryQueue(),
    clock: new ManualClock(new Date('2026-02-28T23:30:00Z')),
    logger: silent,
    anonymitySecret: 'x'.repeat(32),
    directory: {
      getUser: async (_w, id): Promise<UserProfile> => ({
        platformUserId: id,
        isBot: false,
        deleted: false,
        isAdmin: id === 'UWSADMIN',
        timezone: null,
        locale: null,
      }),
    },
  };
  const say = async (userId: string, text: string, direct = false) => {
    const reply = await runPulseCommand(deps, {
      platform,
      workspaceExternalId: externalId,
      channelId: direct ? 'D1' : 'CRANDOM',
      userId,
      text,
      direct,
    });
    return translate('en', reply.key as Parameters<typeof translate>[1], reply.params);
  };
  const named = async () =>
    database.repos.orgAdmins.list((await database.repos.workspaces.ensure(platform, externalId)).id);
  return { say, named };
}

test.each(['slack', 'teams'] as const)(
  'on %s a workspace admin names and removes org admins from a channel that is no team, or a 1:1 chat',
  async (platform) => {
    const { say, named } = world(platform);
    expect(await say('UANYONE', 'config admins')).toContain('for now the workspace admins and owners only');
    expect(await say('UWSADMIN', 'config admins add <@UALEX> <@UBEA>')).toContain('<@UALEX>, <@UBEA>');
    expect(await named()).toEqual(['UALEX', 'UBEA']);
    // A named org admin may change the list too, in a 1:1 chat.
    expect(await say('UALEX', 'config admins remove <@UBEA>', true)).toContain('and <@UALEX>.');
    expect(await named()).toEqual(['UALEX']);
    expect(await say('UANYONE', 'config admins list')).toContain('<@UALEX>');
  },
);

test('someone who is neither a workspace admin nor an org admin is told so, and the list stays as it was', async () => {
  const { say, named } = world('slack');
  await say('UWSADMIN', 'config admins add <@UALEX>');
  const reply = await say('UMANAGER', 'config admins add <@UMANAGER>');
  expect(reply).toBe(translate('en', 'admins.not_allowed'));
  expect(await say('UMANAGER', 'config admins remove <@UALEX>')).toBe(translate('en', 'admins.not_allowed'));
  expect(await named()).toEqual(['UALEX']);
});

test('bad input says what was wrong and how to say it, and changes nothing', async () => {
  const { say, named } = world('slack');
  expect(await say('UWSADMIN', 'config admins add')).toBe(translate('en', 'parse.admins_missing'));
  expect(await say('UWSADMIN', 'config admins promote <@UALEX>')).toBe(translate('en', 'parse.admins_missing'));
  expect(await say('UWSADMIN', 'config admins add alex')).toContain('`alex` is not a person');
  expect(await say('UWSADMIN', 'config nonsense 1')).toContain('admins');
  expect(await named()).toEqual([]);
});
