/**
 * Scheduled work in a deployment serving several workspaces through OAuth: the worker's own messenger, on the
 * test's clock, against the fake Slack with token rotation. A token that expired overnight is refreshed before the
 * 03:00 check-in DM (no inbound request to make Bolt refresh it), and a workspace that uninstalled the app stops
 * while another goes on.
 */
import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { ManualClock } from '../../src/core/clock';
import { isSymmetryError } from '../../src/core/errors';
import type { WorkerDeps } from '../../src/core/use-cases/deps';
import { closeWorkspace, purgeUninstalledWorkspaces } from '../../src/core/use-cases/installations';
import { runTick } from '../../src/core/use-cases/tick';
import { createInstallationRepository } from '../../src/db/repositories/installation-repository';
import { createTokenCipher } from '../../src/db/token-cipher';
import { createDatabase } from '../../src/db/client';
import { buildProcessors } from '../../src/main/worker';
import { createSlackClient } from '../../src/platforms/slack/client';
import {
  createClientCache,
  createInstallationStore,
  createTokenRefresher,
  createTokenSource,
} from '../../src/platforms/slack/installations';
import { createSlackMessenger } from '../../src/platforms/slack/messenger';
import { attachFakeOAuth, type FakeOAuth } from '../../src/sandbox/fake-slack-oauth';
import { silentLogger, syncedTeam } from '../support/checkin-team';
import { openTestDatabase, truncateAll, type TestDatabase } from '../support/db';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';
import { MemoryQueue } from '../support/memory-queue';

const CLIENT = { clientId: '1111.2222', clientSecret: 'oauth-tokens-test-client-secret' };
const KEY = 'c4f1d2e3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';
// Thursday 10 December 2026, 14:00 UTC: the installs. The check-ins are Fridays at 03:00 UTC.
const INSTALLED_AT = new Date('2026-12-10T14:00:00Z');
const FRIDAY_0300 = new Date('2026-12-11T03:00:00Z');

let database: TestDatabase;
let slack: FakeSlack;
let oauth: FakeOAuth;
let clock: ManualClock;
let deps: WorkerDeps;
let queue: MemoryQueue;

const uid = () => randomBytes(3).toString('hex').toUpperCase();

/** Installs the app in a workspace as @slack/oauth's InstallProvider does: authorize, then oauth.v2.access with the code. */
async function install(teamId: string, store: ReturnType<typeof createInstallationStore>) {
  oauth.approveAs({ teamId });
  const page = await fetch(
    `${new URL(slack.url).origin}/oauth/v2/authorize?client_id=${CLIENT.clientId}&scope=chat:write&state=s`,
    {
      redirect: 'manual',
    },
  );
  const code = new URL(page.headers.get('location')!).searchParams.get('code')!;
  const answer = await new WebClient(undefined, { slackApiUrl: slack.url }).oauth.v2.access({
    code,
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  await store.storeInstallation({
    team: answer.team as { id: string; name?: string },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: {
      token: answer.access_token!,
      refreshToken: answer.refresh_token!,
      expiresAt: Math.floor(clock.now().getTime() / 1000) + answer.expires_in!,
      userId: answer.bot_user_id!,
      id: 'B1',
      scopes: ['chat:write'],
    },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  });
}

/** A team of `people` in workspace `teamId`, synced from its channel through Slack, with check-ins Fridays at 03:00. */
async function team(teamId: string, people: string[]) {
  const channel = `C${uid()}`;
  for (const id of people) slack.addUser({ id, tz: 'UTC' });
  slack.addChannel(channel, people);
  return syncedTeam(deps, { teamId, channel, people, schedule: { days: ['fri'], time: '03:00' } });
}

const postsTo = (userId: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

beforeAll(async () => {
  database = openTestDatabase();
  // The tick serves every workspace of the database: start from none, or another file's leftovers (with no
  // installation here) would be ticked too. Files run one at a time (--runInBand), as npm test runs them.
  await truncateAll(database.pool);
  slack = await startFakeSlack();
  clock = new ManualClock(INSTALLED_AT);
  // Slack's clock is the test's: a token expires when the test says the hours have passed.
  oauth = attachFakeOAuth(slack, {
    ...CLIENT,
    redirectUri: 'http://127.0.0.1:9/unused',
    expiresInSeconds: 12 * 3600,
    now: () => clock.now().getTime(),
  });
});
afterAll(async () => {
  await slack.close();
  await database.close();
});

beforeEach(() => {
  const repo = createInstallationRepository(database.db, createTokenCipher(KEY));
  const store = createInstallationStore(repo);
  const tokenFor = createTokenSource({
    store,
    clock,
    refresh: createTokenRefresher(slack.url, CLIENT.clientId, CLIENT.clientSecret),
  });
  const clientOf = createClientCache((token, teamId) => createSlackClient(token, slack.url, silentLogger, teamId));
  queue = new MemoryQueue();
  deps = {
    repos: database.repos,
    queue,
    clock,
    logger: silentLogger,
    messenger: createSlackMessenger(async (workspace) => clientOf(await tokenFor(workspace.externalId))),
    anonymitySecret: 'oauth-tokens-test-anonymity-secret-0123456789',
  };
  Object.assign(deps, { store, repo });
});

test('a token that expired in the night is refreshed by the worker before the 03:00 check-in DM, and the new one is stored sealed', async () => {
  clock.set(INSTALLED_AT);
  const { store } = deps as unknown as { store: ReturnType<typeof createInstallationStore> };
  const teamId = `TREF${uid()}`;
  await install(teamId, store);
  const person = `UREF${uid()}`;
  await team(teamId, [person]);
  const [first] = oauth.tokensOf(teamId);
  const refreshesBefore = oauth.refreshes;

  // 13 hours later: Slack refuses the first token now.
  clock.set(FRIDAY_0300);
  const refused = await new WebClient(first, { slackApiUrl: slack.url, retryConfig: { retries: 0 } }).auth
    .test()
    .catch((e: { data?: { error?: string } }) => e.data?.error);
  expect(refused).toBe('token_expired');
  const probed = slack.calls.length;

  await runTick(deps);
  await queue.drain(buildProcessors(deps));

  const [dm] = postsTo(person);
  expect(dm?.response).toMatchObject({ ok: true });
  expect(oauth.refreshes).toBe(refreshesBefore + 1);
  const second = oauth.tokensOf(teamId)[1];
  expect(second).toBeDefined();
  expect(dm!.token).toBe(second);
  // Nothing was sent with the expired token after the night.
  expect(slack.calls.slice(probed).filter((c) => c.token === first && c.response?.error === 'token_expired')).toEqual(
    [],
  );
  // The refreshed token is what the store holds now, sealed.
  const stored = JSON.parse(
    (await (deps as unknown as { repo: ReturnType<typeof createInstallationRepository> }).repo.find({ teamId }))!.data,
  ) as { bot: { token: string } };
  expect(stored.bot.token).toBe(second);
  const { rows } = await database.pool.query<{ row: string }>(
    'select row_to_json(t)::text as row from slack_installations t',
  );
  expect(rows.map((r) => r.row).join('\n')).not.toMatch(/xox[bep]/);
});

test('a workspace that uninstalled the app gets no round and no DM at 03:00, its calls fail for good, and another workspace goes on', async () => {
  clock.set(INSTALLED_AT);
  const { store, repo } = deps as unknown as {
    store: ReturnType<typeof createInstallationStore>;
    repo: ReturnType<typeof createInstallationRepository>;
  };
  const [teamA, teamB] = [`TUNA${uid()}`, `TUNB${uid()}`];
  await install(teamA, store);
  await install(teamB, store);
  const [personA, personB] = [`UA${uid()}`, `UB${uid()}`];
  const a = await team(teamA, [personA]);
  await team(teamB, [personB]);

  // app_uninstalled for A: its tokens go at once, the workspace is closed.
  await repo.remove({ teamId: teamA });
  await closeWorkspace(deps, { platform: 'slack', workspaceExternalId: teamA });

  clock.set(FRIDAY_0300);
  await runTick(deps);
  await queue.drain(buildProcessors(deps));

  expect(postsTo(personB)).toHaveLength(1);
  expect(postsTo(personA)).toEqual([]);
  const { rows } = await database.pool.query('select count(*)::int as n from rounds where team_id = $1', [a.team.id]);
  expect(rows[0].n).toBe(0);
  // A job for A that was already queued fails for good: no retry will send it.
  const failure = await deps.messenger
    .sendDirect(a.workspace, personA, { kind: 'text', text: 'hello' } as never)
    .catch((e: unknown) => e);
  expect(isSymmetryError(failure, 'workspace_uninstalled')).toBe(true);

  // Its data stays through the grace period, and goes after it; B's stays.
  const rowsOf = async (teamId: string) =>
    (
      await database.pool.query<{ n: number }>(
        `select (select count(*) from members m join workspaces w on w.id = m.workspace_id where w.external_id = $1)
              + (select count(*) from teams t join workspaces w on w.id = t.workspace_id where w.external_id = $1)
              + (select count(*) from workspaces where external_id = $1) as n`,
        [teamId],
      )
    ).rows[0]!.n;
  expect(Number(await rowsOf(teamA))).toBe(3);
  clock.set(new Date(FRIDAY_0300.getTime() + 29 * 24 * 3_600_000));
  await purgeUninstalledWorkspaces(deps, 30);
  expect(Number(await rowsOf(teamA))).toBe(3);
  clock.set(new Date(FRIDAY_0300.getTime() + 31 * 24 * 3_600_000));
  await purgeUninstalledWorkspaces(deps, 30);
  expect(Number(await rowsOf(teamA))).toBe(0);
  const { rows: deliveriesB } = await database.pool.query(
    'select d.id from deliveries d join members m on m.id = d.member_id where m.platform_user_id = $1',
    [personB],
  );
  expect(deliveriesB).toHaveLength(1);
  expect(Number(await rowsOf(teamB))).toBe(3);
});

test('an installation store that cannot be read (PostgreSQL unreachable) is no verdict on the workspace: the job retries, it does not stop for good', async () => {
  // The repository on a port nothing listens on: a real connection error, not a missing row.
  const unreachable = createDatabase('postgres://postgres@127.0.0.1:1/none', { max: 1 });
  try {
    const tokenFor = createTokenSource({
      store: createInstallationStore(createInstallationRepository(unreachable.db, createTokenCipher(KEY))),
      clock,
      refresh: createTokenRefresher(slack.url, CLIENT.clientId, CLIENT.clientSecret),
    });
    const failure = await tokenFor(`TDOWN${uid()}`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(isSymmetryError(failure, 'workspace_uninstalled')).toBe(false);
    // While a workspace with no installation at all is one.
    const { store } = deps as unknown as { store: ReturnType<typeof createInstallationStore> };
    const missing = await createTokenSource({ store, clock, refresh: async () => ({}) })(`TNONE${uid()}`).catch(
      (e: unknown) => e,
    );
    expect(isSymmetryError(missing, 'workspace_uninstalled')).toBe(true);
  } finally {
    await unreachable.close();
  }
});
