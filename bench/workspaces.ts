/**
 * `npm run bench -- workspaces`: one deployment, many workspaces. Seeds N workspaces of M members
 * each straight into a throw-away database (and their people into the fake Slack, which counts every
 * workspace's calls apart and limits chat.postMessage to L a second per workspace), then opens every
 * workspace's round in the same minute and lets one built worker process (`dist/main/start.js worker`)
 * send all the check-ins. First a lone workspace of the same size, for the baseline.
 * Checks: every DM sent once; no workspace above its own limit in any sliding second; the slowest
 * workspace's last DM within 2x the lone workspace's. Writes bench/results-workspaces.md and the
 * block in docs/benchmarks.md. BENCH_WORKSPACES, BENCH_MEMBERS, BENCH_LIMIT change the sizes, BENCH_CONCURRENCY the worker's concurrency.
 * All workspaces share one bot token here (the fake accepts it for every workspace); per-workspace
 * tokens come with the OAuth install (h-20oauth).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../src/db/client';
import { createRepositories } from '../src/db/repositories';
import { createJobQueue } from '../src/jobs/producer';
import { connectProducer } from '../src/main/redis';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../test/support/fake-slack';
import {
  benchAppEnv,
  createBenchDatabase,
  deleteRedisKeys,
  newQueuePrefix,
  REDIS_URL,
  sleep,
  startRole,
  stopAll,
  type BenchDatabase,
} from './lib/infra';
import { seedTeam, type SeededTeam } from './lib/seed';
import { fmt } from './lib/stats';

const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 100);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200);
/** chat.postMessage per second per workspace: the fake's limit and the pacer's rate. */
const LIMIT = Number(process.env.BENCH_LIMIT ?? 5);
const TARGET_RATIO = 2;
/** The worker's WORKER_CONCURRENCY (the app's default unless BENCH_CONCURRENCY says otherwise). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const START = '<!-- bench:workspaces (written by npm run bench -- workspaces) -->';
const END = '<!-- /bench:workspaces -->';

function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const isCheckin = (c: RecordedCall) =>
  c.method === 'chat.postMessage' &&
  c.status === 200 &&
  (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'symmetry_checkin';

interface WorkspaceRun {
  teamId: string;
  delivered: number;
  duplicates: number;
  /** From the rounds being opened to this workspace's last DM. */
  lastDmSeconds: number;
  /** Most DMs this workspace got in any sliding second. */
  peakPerSecond: number;
}

/** Most calls in any window of `ms` among sorted times. */
function peakIn(times: number[], ms: number): number {
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= ms) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

/** Opens every team's round at once (`open-round`, the same minute) and waits for every DM, or `timeoutMs`. */
async function runRounds(
  slack: FakeSlack,
  prefix: string,
  teams: Array<{ teamId: string; seeded: SeededTeam }>,
  timeoutMs: number,
): Promise<{ runs: WorkspaceRun[]; seconds: number; rateLimited: number; timedOut: boolean }> {
  const from = slack.calls.length;
  const limitedBefore = slack.rateLimitedCount('chat.postMessage');
  const redis = connectProducer(REDIS_URL);
  const queue = createJobQueue(redis, prefix);
  const wanted = teams.reduce((n, t) => n + t.seeded.userIds.length, 0);
  const started = Date.now();
  try {
    const requestedAt = new Date().toISOString();
    await queue.enqueueMany(
      'open-round',
      teams.map((t) => ({ teamId: t.seeded.team.id, requestedAt })),
    );
  } finally {
    await queue.close();
    redis.disconnect();
  }
  let timedOut = false;
  const sent = () =>
    new Set(
      slack.calls
        .slice(from)
        .filter(isCheckin)
        .map((c) => String(c.args.channel)),
    ).size;
  while (sent() < wanted) {
    if (Date.now() - started > timeoutMs) {
      timedOut = true;
      break;
    }
    await sleep(200);
  }
  await sleep(1500); // a late duplicate would show now
  const calls = slack.calls.slice(from).filter(isCheckin);
  const runs = teams.map(({ teamId }) => {
    const mine = calls.filter((c) => slack.teamOf(c) === teamId);
    const times = mine.map((c) => c.at).sort((a, b) => a - b);
    return {
      teamId,
      delivered: new Set(mine.map((c) => String(c.args.channel))).size,
      duplicates: mine.length - new Set(mine.map((c) => String(c.args.channel))).size,
      lastDmSeconds: ((times.at(-1) ?? Date.now()) - started) / 1000,
      peakPerSecond: peakIn(times, 1000),
    };
  });
  const last = Math.max(...runs.map((r) => r.lastDmSeconds));
  return {
    runs,
    seconds: last,
    rateLimited: slack.rateLimitedCount('chat.postMessage') - limitedBefore,
    timedOut,
  };
}

export async function runWorkspacesBench(): Promise<void> {
  const startedAt = new Date();
  log(
    `${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, load ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}; ${WORKSPACES} workspaces x ${MEMBERS} members, ${LIMIT} DMs/s per workspace`,
  );
  const prefix = newQueuePrefix();
  let database: BenchDatabase | undefined;
  let slack: FakeSlack | undefined;
  try {
    database = await createBenchDatabase();
    slack = await startFakeSlack({ teamId: 'T0WSBENCH' });
    // Each workspace its own limit: the fake counts chat.postMessage per workspace.
    slack.limit('chat.postMessage', { perSeconds: 1, max: LIMIT });
    const handle = createDatabase(database.url, { max: 4 });
    const repos = createRepositories(handle.db);
    const teamIdOf = (i: number) => `TW${String(i).padStart(4, '0')}`;
    const lone = { teamId: 'TWLONE', seeded: await seedTeam(repos, slack, 'WLONE', MEMBERS, 'TWLONE') };
    const many: Array<{ teamId: string; seeded: SeededTeam }> = [];
    for (let i = 0; i < WORKSPACES; i++)
      many.push({ teamId: teamIdOf(i), seeded: await seedTeam(repos, slack, `W${i}X`, MEMBERS, teamIdOf(i)) });
    await handle.close();
    log(`seeded ${WORKSPACES + 1} workspaces`);

    const env: Record<string, string> = {
      ...benchAppEnv({
        slackUrl: slack.url,
        databaseUrl: database.url,
        prefix,
        secret: `bench-${randomBytes(12).toString('hex')}`,
      }),
      SLACK_MAX_CALLS_PER_SECOND: String(LIMIT),
      WORKER_CONCURRENCY: String(CONCURRENCY),
    };
    await startRole('worker', env);

    const alone = await runRounds(slack, prefix, [lone], 600_000);
    log(`lone workspace: ${MEMBERS} DMs in ${fmt(alone.seconds, 1)} s, 429s ${alone.rateLimited}`);
    const all = await runRounds(slack, prefix, many, 1_800_000);
    const slowest = all.runs.reduce((a, b) => (b.lastDmSeconds > a.lastDmSeconds ? b : a));
    const ratio = slowest.lastDmSeconds / alone.seconds;
    const missing = all.runs.reduce((n, r) => n + (MEMBERS - r.delivered), 0);
    const duplicates = all.runs.reduce((n, r) => n + r.duplicates, 0) + alone.runs[0]!.duplicates;
    const peak = Math.max(...all.runs.map((r) => r.peakPerSecond), alone.runs[0]!.peakPerSecond);
    const median = [...all.runs].sort((a, b) => a.lastDmSeconds - b.lastDmSeconds)[Math.floor(all.runs.length / 2)]!;
    log(
      `${WORKSPACES} workspaces: last DM after ${fmt(all.seconds, 1)} s (median workspace ${fmt(median.lastDmSeconds, 1)} s), slowest/lone ${fmt(ratio, 2)}, peak ${peak}/s, 429s ${all.rateLimited}, missing ${missing}, duplicates ${duplicates}`,
    );

    const rows: Array<[string, string, string, boolean | null]> = [
      [`Lone workspace, ${MEMBERS} members: last DM`, '(baseline)', `${fmt(alone.seconds, 1)} s`, null],
      [
        `${WORKSPACES} workspaces x ${MEMBERS}, rounds opened in the same minute: slowest workspace's last DM`,
        `≤ ${TARGET_RATIO}x lone`,
        `${fmt(slowest.lastDmSeconds, 1)} s (${fmt(ratio, 2)}x; median workspace ${fmt(median.lastDmSeconds, 1)} s; ${fmt((WORKSPACES * MEMBERS) / all.seconds, 0)} DMs/s in all)`,
        ratio <= TARGET_RATIO,
      ],
      ['Most DMs to one workspace in any sliding second', `≤ ${LIMIT} (its own limit)`, String(peak), peak <= LIMIT],
      ['429s answered by the fake Slack', '(reported)', `${alone.rateLimited + all.rateLimited}`, null],
      ['Missing / duplicate DMs', '0 / 0', `${missing} / ${duplicates}`, missing === 0 && duplicates === 0],
    ];
    const table = [
      '| what | target | measured | met |',
      '|---|---|---|---|',
      ...rows.map(
        ([what, target, measured, met]) =>
          `| ${what} | ${target} | ${measured} | ${met === null ? '–' : met ? 'yes' : '**no**'} |`,
      ),
    ].join('\n');
    const block = [
      START,
      `Run ${startedAt.toISOString().slice(0, 16)}Z on ${cpus()[0]?.model ?? 'cpu'} x${cpus().length} (load before ${loadavg()
        .map((l) => fmt(l, 2))
        .join(
          ' ',
        )}), one worker process (concurrency ${CONCURRENCY}), chat.postMessage limited by the fake to ${LIMIT}/s per workspace and paced at ${LIMIT}/s.`,
      '',
      table,
      END,
    ].join('\n');
    process.stdout.write(`${table}\n`);
    writeFileSync(join(__dirname, 'results-workspaces.md'), `# Many workspaces on one deployment\n\n${block}\n`);
    const page = join(__dirname, '..', 'docs', 'benchmarks.md');
    const text = readFileSync(page, 'utf8');
    if (text.includes(START) && text.includes(END))
      writeFileSync(page, text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length));
    log('wrote bench/results-workspaces.md');
  } finally {
    await stopAll();
    await slack?.close().catch(() => undefined);
    await database?.drop().catch((err: unknown) => log(`could not drop the database: ${String(err)}`));
    await deleteRedisKeys(prefix).catch(() => undefined);
  }
}
