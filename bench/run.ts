/**
 * `npm run bench`: builds, then on a throw-away PostgreSQL database and a unique Redis prefix
 * starts the built app (`node dist/main/start.js web` / `worker`) against the fake Slack of the
 * end-to-end tests and measures, each beside a baseline run in the same session:
 *   1. ack latency of signed score clicks at a fixed 200 requests/s (side by side with a bare Bolt app),
 *   2. fan-out of a 20,000-member round (vs a bare BullMQ worker), then under Slack's rate limit,
 *   3. summary and 12-round trend speed over 1,000,000 responses (with their query plans),
 *   4. peak memory of web and worker during 1 and 2,
 *   5. fan-out with 1, 2 and 4 worker processes.
 * Prints a table, writes bench/results.md, and removes everything it made.
 *   6. the org heatmap of the dashboard (200 teams, 1,000,000 responses) beside its static stylesheet.
 * BENCH_ONLY=app|summary|dashboard runs one part (BENCH_ONLY=scale only step 5, its rows printed, nothing written); BENCH_QUICK=1 runs every step at a small size (for
 * working on the benchmark itself: its figures are not to be quoted, and go to results.quick.md).
 * BENCH_PROFILE_DIR=dir makes every app process write a V8 CPU profile (.cpuprofile) there when it exits.
 * `npm run bench -- workspaces` runs the many-workspaces benchmark instead (bench/workspaces.ts).
 */
import { randomBytes } from 'node:crypto';
import { roundDriverItems } from '../src/core/drivers/rotation';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createDatabase } from '../src/db/client';
import { createRepositories } from '../src/db/repositories';
import type { Repositories } from '../src/core/ports';
import { freePort, type AppProcess } from '../test/support/app-process';
import { buttonOf } from '../test/support/e2e-world';
import { startFakeSlack, type FakeSlack, type StoredMessage } from '../test/support/fake-slack';
import { blockActionBody } from '../test/support/slack-requests';
import type { LoadResult } from './load-generator';
import { runFanOut, type FanOutResult } from './lib/fanout';
import {
  assertLoopback,
  benchAppEnv,
  cpuMs,
  createBenchDatabase,
  machineTicks,
  quietMachine,
  serverAckBuckets,
  deleteRedisKeys,
  memoryMb,
  newQueuePrefix,
  REDIS_URL,
  runScript,
  sleep,
  startRole,
  startSliceScript,
  startScriptServer,
  stopAll,
  waitForWorkers,
  watchRss,
  type BenchDatabase,
} from './lib/infra';
import {
  FIGURES_PAGE,
  README_END,
  README_START,
  dashboardRows,
  renderResults,
  printTable,
  withReadmeBlock,
  type AppResults,
  type DashboardResults,
  type Machine,
  type Report,
  type Row,
  type Sizes,
  type SummaryResults,
} from './lib/report';
import { seedTeam, userIds, type SeededTeam } from './lib/seed';
import { totalOf, type SliceResult } from './lib/slices';
import { fmt, percentiles } from './lib/stats';
import { FULL_SIZES, QUICK_SIZES } from './lib/sizes';
import { seedSummaries, timeSummaries } from './lib/summary';
import { SUMMARY_WORKSPACE, type SummaryHttpTimings } from './lib/summary-http';
import { DASHBOARD_ADMIN, signInOverHttp, timeDashboard } from './lib/dashboard';
import { translate } from '../src/core/i18n';
import { runWorkspacesBench } from './workspaces';

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY;
const SIZES: Sizes = QUICK ? QUICK_SIZES : FULL_SIZES;
const TARGETS = {
  ackP99Ms: 25,
  ackP50Ratio: 1.3,
  fanOutRatio: 0.5,
  fanOutSlackRatio: 0.8,
  clickRatio: 1.5,
  limitedRatio: 0.95,
  summaryP99Ms: 20,
  memoryMb: 200,
  scale2: 1.9,
  scale4: 3.5,
};

function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** " (timeout 3, ECONNRESET 1)" for the failures by kind, "" when there are none. */
function failuresText(failures: Record<string, number>): string {
  const kinds = Object.entries(failures).map(([kind, n]) => `${kind} ${n}`);
  return kinds.length ? ` (${kinds.join(', ')})` : '';
}

/** The check-in DM a person got in the fan-out. */
function checkinOf(slack: FakeSlack, userId: string): StoredMessage {
  const dm = slack
    .dmOf(userId)
    .find((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === 'symmetry_checkin');
  if (!dm) throw new Error(`${userId} has no check-in DM`);
  return dm;
}

async function countResponses(database: BenchDatabase, teamId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `select count(*)::int as n from responses where team_id = $1 and score is not null`,
    [teamId],
  );
  return rows[0]!.n;
}

/**
 * From each measured click leaving the load generator to its comment modal's `views.open` reaching the
 * fake Slack (paired by trigger id, `<body index>.0.<32 hex>`, Slack's shape, which the fake refuses otherwise):
 * Slack's trigger expires after 3 s. Only a modal the fake opened counts.
 */
function triggerToModal(slack: FakeSlack, sentAt: number[], warmup: number): AppResults['modal'] {
  const times: number[] = [];
  for (const call of slack.callsTo('views.open')) {
    const index = Number(/^(\d+)\.0\.[0-9a-f]{32}$/.exec(String(call.args.trigger_id))?.[1] ?? NaN);
    const opened = (call.response as { ok?: boolean } | undefined)?.ok === true;
    if (opened && Number.isInteger(index) && index >= warmup && sentAt[index] !== undefined)
      times.push(call.at - sentAt[index]);
  }
  return { opened: times.length, clicks: Math.max(0, sentAt.length - warmup), times: percentiles(times) };
}

/** Benchmarks 1, 2, 4 and 5: the app's processes against the fake Slack. */
/** One set of settings for every process of a run, as in a real install. */
function appEnv(database: BenchDatabase, prefix: string, slack: FakeSlack, secret: string): Record<string, string> {
  return {
    ...benchAppEnv({ slackUrl: slack.url, databaseUrl: database.url, prefix, secret }),
    WORKER_CONCURRENCY: String(SIZES.concurrency),
    // "No rate limit": the highest value the configuration accepts.
    SLACK_MAX_CALLS_PER_SECOND: '10000',
  };
}

/**
 * Benchmark 5, scale-out where it matters: fan-outs by 1, 2 and 4 worker processes (and one process at
 * 4× the concurrency) while every Slack call waits as real Slack makes it wait; the web at `webUrl` takes `/pulse now`.
 */
async function runScaleOut(
  repos: Repositories,
  slack: FakeSlack,
  webUrl: string,
  env: Record<string, string>,
  prefix: string,
): Promise<AppResults['scale']> {
  // On real Slack a call takes 100–300 ms, so a fan-out waits far more than it computes: the fake adds
  // SIZES.slackDelayMs to every answer, and workers (or concurrency) multiply the calls in flight, up
  // to the configured platform limit. The last run sets that limit below what 4 workers could reach.
  slack.setDelay(SIZES.slackDelayMs);
  const scale: AppResults['scale'] = [];
  const scaleRuns: Array<Omit<AppResults['scale'][number], 'result'>> = [
    { workers: 1, concurrency: SIZES.concurrency, limit: SIZES.scaleLimit },
    { workers: 2, concurrency: SIZES.concurrency, limit: SIZES.scaleLimit },
    { workers: 4, concurrency: SIZES.concurrency, limit: SIZES.scaleLimit },
    { workers: 1, concurrency: 4 * SIZES.concurrency, limit: SIZES.scaleLimit },
    { workers: 4, concurrency: SIZES.concurrency, limit: SIZES.scaleCappedLimit },
  ];
  for (const [i, run] of scaleRuns.entries()) {
    const team = await seedTeam(repos, slack, `S${i}`, SIZES.scaleOut);
    const workerEnv = {
      ...env,
      WORKER_CONCURRENCY: String(run.concurrency),
      SLACK_MAX_CALLS_PER_SECOND: String(run.limit),
    };
    const workers: AppProcess[] = [];
    for (let w = 0; w < run.workers; w++) workers.push(await startRole('worker', workerEnv));
    await waitForWorkers(prefix, run.workers);
    const result = await runFanOut(slack, webUrl, env.SLACK_SIGNING_SECRET!, team, 300_000);
    log(
      `scale-out (${SIZES.slackDelayMs} ms a call): ${run.workers} worker(s) × concurrency ${run.concurrency}, limit ${run.limit}/s: ${fmt(result.perSecond)} DMs/s, duplicates ${result.duplicates}, missing ${result.missing}`,
    );
    scale.push({ ...run, result });
    await Promise.all(workers.map((w) => w.stop()));
  }
  slack.setDelay(0);
  return scale;
}

async function runAppBenchmarks(database: BenchDatabase, prefix: string, slack: FakeSlack): Promise<AppResults> {
  const secret = `bench-${randomBytes(12).toString('hex')}`;
  const env = appEnv(database, prefix, slack, secret);
  const handle = createDatabase(database.url, { max: 4 });
  const repos = createRepositories(handle.db);
  try {
    // ---- 2. Fan-out without a limit, beside a bare BullMQ worker -------------------------------
    log(`seeding a team of ${SIZES.fanOut} members`);
    const main = await seedTeam(repos, slack, 'F', SIZES.fanOut);
    const web = await startRole('web', env);
    const worker = await startRole('worker', env);
    await waitForWorkers(prefix, 1);
    const atStart = { web: memoryMb(web.child.pid!, 'VmRSS'), worker: memoryMb(worker.child.pid!, 'VmRSS') };
    const webMem = watchRss(web.child.pid!);
    const workerMem = watchRss(worker.child.pid!);
    log(`fan-out: /pulse now for ${SIZES.fanOut} members`);
    const fan = await runFanOut(slack, web.url, secret, main, 300_000);
    log(
      `fan-out: ${fmt(fan.perSecond)} DMs/s (${fan.delivered} in ${fmt(fan.seconds, 2)} s, first after ${fmt(fan.firstDmAfterMs, 0)} ms), duplicates ${fan.duplicates}, missing ${fan.missing}`,
    );

    // ---- 2a. The fan-out beside its baselines at the same moments: short slices in turn ---------------
    // Each slice: a fan-out of a fresh team, the bare BullMQ worker on as many no-op jobs, and the Slack
    // calls alone for as many DMs, the order turning each round, so all three see the same machine.
    const sliceTeams: SeededTeam[] = [];
    for (let k = 0; k < SIZES.slices; k++) sliceTeams.push(await seedTeam(repos, slack, `I${k}`, SIZES.sliceSize));
    const bareBullmq = startSliceScript<{ count: number }, SliceResult>('bare-bullmq.ts', {
      concurrency: SIZES.concurrency,
      prefix: `${prefix}bare`,
      redisUrl: REDIS_URL,
    });
    const bareMem = watchRss(bareBullmq.child.pid!);
    const bareSlackClient = startSliceScript<{ count: number; userIds: string[]; driverItems: string[] }, SliceResult>(
      'bare-slack.ts',
      { concurrency: SIZES.concurrency, slackUrl: slack.url },
    );
    const slices: AppResults['slices'] = { fan: [], bare: [], bareSlack: [] };
    // CPU per DM of each side, from /proc over its own slices: the app's web and worker, and the Slack calls alone.
    const sliceCpu = { web: 0, worker: 0, bareSlack: 0 };
    const cpuOver = async <T>(pids: Array<[keyof typeof sliceCpu, number]>, run: () => Promise<T>): Promise<T> => {
      const before = pids.map(([, pid]) => cpuMs(pid));
      const result = await run();
      pids.forEach(([key, pid], i) => (sliceCpu[key] += cpuMs(pid) - before[i]!));
      return result;
    };
    for (let k = 0; k < SIZES.slices; k++) {
      // The Slack calls alone go to people of their own: nobody of a team gets a second DM.
      const bareUsers = userIds(`B${k}`, SIZES.sliceSize);
      bareUsers.forEach((id) => slack.addUser({ id }));
      const steps = [
        async () => {
          const r = await cpuOver(
            [
              ['web', web.child.pid!],
              ['worker', worker.child.pid!],
            ],
            () => runFanOut(slack, web.url, secret, sliceTeams[k]!, 120_000),
          );
          slices.fan.push(r);
          return `fan-out ${fmt(r.perSecond)} DMs/s (dup ${r.duplicates}, missing ${r.missing})`;
        },
        async () => {
          const r = await bareBullmq.run({ count: SIZES.sliceSize });
          slices.bare.push(r);
          return `bare BullMQ ${fmt(r.perSecond)} jobs/s`;
        },
        async () => {
          const r = await cpuOver([['bareSlack', bareSlackClient.child.pid!]], () =>
            // The same questions as the round of this slice's team (a fresh team: the rotation's first items).
            bareSlackClient.run({
              count: SIZES.sliceSize,
              userIds: bareUsers,
              driverItems: roundDriverItems(sliceTeams[k]!.team.id, [], sliceTeams[k]!.team.settings.disabledDrivers),
            }),
          );
          slices.bareSlack.push(r);
          return `bare Slack client ${fmt(r.perSecond)} DMs/s`;
        },
      ];
      const said: string[] = [];
      for (let j = 0; j < steps.length; j++) said.push(await steps[(k + j) % steps.length]!());
      log(`slice ${k + 1} of ${SIZES.slices} (${SIZES.sliceSize} each): ${said.join('; ')}`);
    }
    await bareSlackClient.stop();
    // The baseline must send the DM ours sends: the same blocks, buttons and proofs, within a few bytes.
    const dmTo = (user: string) => slack.callsTo('chat.postMessage').find((c) => c.args.channel === user);
    const shape = (user: string) => {
      const sent = dmTo(user)?.args.blocks;
      const blocks = typeof sent === 'string' ? sent : JSON.stringify(sent ?? null);
      return { bytes: blocks.length, buttons: blocks.split('"type":"button"').length - 1 };
    };
    const ours = shape(sliceTeams[0]!.userIds[1]!);
    const theirs = shape(userIds('B0', 1)[0]!);
    log(
      `check-in DM: ours ${ours.bytes} bytes, ${ours.buttons} buttons; the Slack calls alone ${theirs.bytes} bytes, ${theirs.buttons} buttons`,
    );
    await bareBullmq.stop();
    const bareBullmqPeakMb = bareMem.peakMb();
    bareMem.stop();
    const bare = totalOf(slices.bare);
    const bareSlack = totalOf(slices.bareSlack);
    const fanSliced = totalOf(
      slices.fan.map((r) => ({ count: r.members - r.missing, seconds: r.seconds, perSecond: 0 })),
    );
    log(
      `interleaved: fan-out ${fmt(fanSliced.perSecond)} DMs/s, bare BullMQ ${fmt(bare.perSecond)} jobs/s, bare Slack client ${fmt(bareSlack.perSecond)} DMs/s`,
    );
    const fanCpu = {
      worker: sliceCpu.worker / fanSliced.count,
      web: sliceCpu.web / fanSliced.count,
      bareSlack: sliceCpu.bareSlack / bareSlack.count,
    };
    log(
      `fan-out CPU per DM: worker ${fmt(fanCpu.worker, 3)} ms (web ${fmt(fanCpu.web, 3)} ms), the Slack calls alone ${fmt(fanCpu.bareSlack, 3)} ms`,
    );

    // ---- 1. Ack latency, side by side with a bare Bolt app -------------------------------------
    const clicks = Math.round(SIZES.ackRate * (SIZES.ackWarmupSeconds + SIZES.ackSeconds));
    if (clicks >= main.userIds.length) throw new Error('fewer members than clicks');
    // One click per person, on the check-in DM the fan-out just sent them (the manager is left out).
    const bodies = main.userIds.slice(1, clicks + 1).map((userId, i) => {
      const message = checkinOf(slack, userId);
      const button = buttonOf(message, 1 + (i % 10));
      return blockActionBody({
        userId,
        teamId: slack.teamId,
        actionId: button.action_id,
        value: button.value,
        blockId: 'checkin_scores',
        channelId: message.channel,
        messageTs: message.ts,
        responseUrl: slack.responseUrl(`ack-${i}`),
        triggerId: `${i}.0.${randomBytes(16).toString('hex')}`,
        message: { text: message.text, blocks: message.blocks as unknown[] },
      }).body;
    });
    const bareBolt = await startScriptServer('bare-bolt.ts', await freePort(), {
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.url,
    });
    const bareBoltMem = watchRss(bareBolt.pid);
    const settling = await quietMachine();
    log(
      `ack: waited for a quiet machine: ${settling.map((b) => `${fmt(100 * b, 0)}%`).join(', ')} busy, second by second`,
    );
    const savedBefore = await countResponses(database, main.team.id);
    const serverBefore = await serverAckBuckets(web.url);
    const cpuBefore = {
      bare: cpuMs(bareBolt.pid),
      web: cpuMs(web.child.pid!),
      worker: cpuMs(worker.child.pid!),
      fakeSlack: cpuMs(process.pid),
      machine: machineTicks(),
    };
    log(
      `ack: ${SIZES.ackRate} req/s, ${SIZES.ackWarmupSeconds} s warm-up + ${SIZES.ackSeconds} s, to the bare Bolt app and to the web process side by side`,
    );
    const acks = await runScript<Record<'bare' | 'ours', LoadResult>>(
      'load-generator.ts',
      {},
      {
        targets: [
          { name: 'bare', url: `${bareBolt.url}/slack/events` },
          { name: 'ours', url: `${web.url}/slack/events` },
        ],
        secret,
        bodies,
        rate: SIZES.ackRate,
        seconds: SIZES.ackSeconds,
        warmupSeconds: SIZES.ackWarmupSeconds,
        stamp: 'ours',
      },
    ).result;
    const bareBoltPeakMb = bareBoltMem.peakMb();
    const bareCpuMs = cpuMs(bareBolt.pid) - cpuBefore.bare;
    const webCpuMs = cpuMs(web.child.pid!) - cpuBefore.web;
    const machineAfter = machineTicks();
    const machineBusy = (machineAfter.busy - cpuBefore.machine.busy) / (machineAfter.total - cpuBefore.machine.total);
    bareBoltMem.stop();
    await bareBolt.stop();
    log(
      `ack bare: p50 ${fmt(acks.bare.p50, 2)} ms, p99 ${fmt(acks.bare.p99, 2)} ms, max ${fmt(acks.bare.max, 1)} ms, errors ${acks.bare.errors}${failuresText(acks.bare.failures)}`,
    );
    log(
      `ack ours: p50 ${fmt(acks.ours.p50, 2)} ms, p99 ${fmt(acks.ours.p99, 2)} ms, max ${fmt(acks.ours.max, 1)} ms, errors ${acks.ours.errors}${failuresText(acks.ours.failures)}`,
    );
    // The web's own view of the same requests: from the moment it parsed one to its answer.
    const serverAfter = await serverAckBuckets(web.url);
    const serverCount = (le: number) => (serverAfter.get(le) ?? 0) - (serverBefore.get(le) ?? 0);
    const serverAll = serverCount(Infinity);
    const serverBound =
      [...serverAfter.keys()].sort((x, y) => x - y).find((le) => serverCount(le) === serverAll) ?? Infinity;
    const serverSide = {
      requests: serverAll,
      within25ms: serverCount(0.025) / serverAll,
      allWithinMs: serverBound * 1000,
    };
    log(
      `ack: the web's own timing (request parsed → answer): ${serverAll} requests, ${fmt(100 * serverSide.within25ms, 1)}% within 25 ms, all within ${fmt(serverSide.allWithinMs, 0)} ms`,
    );
    if (acks.ours.errors > 0)
      log(`web process said (its last lines):\n${web.output().trim().split('\n').slice(-20).join('\n')}`);
    // Every click the web process acked must also be saved by the worker (warm-up clicks are real clicks too).
    // A click the load generator gave up on may still have reached the web (a timed-out request read late),
    // so once those are in, the count is watched until it has not moved for 2 s.
    const expectedSaved = clicks - acks.ours.errors;
    const drainStarted = Date.now();
    let saved = 0;
    let lastChange = Date.now();
    let drainSeconds = 0;
    while (Date.now() - drainStarted < 120_000) {
      const now = (await countResponses(database, main.team.id)) - savedBefore;
      if (now !== saved) {
        saved = now;
        lastChange = Date.now();
        drainSeconds = (lastChange - drainStarted) / 1000;
      }
      if (saved >= clicks || (saved >= expectedSaved && Date.now() - lastChange >= 2000)) break;
      await sleep(250);
    }
    log(
      `ack: ${saved} of ${clicks} scores saved by the worker, the last ${fmt(drainSeconds, 1)} s after the load ended`,
    );
    const workerCpuMs = cpuMs(worker.child.pid!) - cpuBefore.worker;
    const modal = triggerToModal(slack, acks.ours.sentAt ?? [], Math.round(SIZES.ackRate * SIZES.ackWarmupSeconds));
    delete acks.ours.sentAt;
    log(
      `ack: trigger → views.open: ${modal.opened} modals, p50 ${fmt(modal.times.p50, 1)} ms, p99 ${fmt(modal.times.p99, 1)} ms, max ${fmt(modal.times.max, 0)} ms`,
    );
    // The fake Slack answers views.open, chat.update and response_url posts in this process.
    const ackCpu = {
      bare: bareCpuMs / clicks,
      web: webCpuMs / clicks,
      worker: workerCpuMs / clicks,
      fakeSlack: (cpuMs(process.pid) - cpuBefore.fakeSlack) / clicks,
      machineBusy,
    };
    log(
      `ack: CPU per click: bare Bolt ${fmt(ackCpu.bare, 2)} ms, web ${fmt(ackCpu.web, 2)} ms, worker ${fmt(ackCpu.worker, 2)} ms, fake Slack ${fmt(ackCpu.fakeSlack, 2)} ms; machine busy ${fmt(100 * machineBusy, 0)}% during the load`,
    );
    const memory = {
      web: webMem.peakMb(),
      worker: workerMem.peakMb(),
      webStart: atStart.web,
      workerStart: atStart.worker,
      bareBolt: bareBoltPeakMb,
      bareBullmq: bareBullmqPeakMb,
    };
    webMem.stop();
    workerMem.stop();
    await worker.stop();

    // ---- 5. Scale-out where it matters ------------------------------------------------------------------
    const scale = await runScaleOut(repos, slack, web.url, env, prefix);

    // ---- 2b. Fan-out under the limit ---------------------------------------------------------------
    const limitedTeam = await seedTeam(repos, slack, 'L', SIZES.limited);
    slack.limit('chat.postMessage', { perSeconds: 1, max: SIZES.limit });
    const limitedWorker = await startRole('worker', { ...env, SLACK_MAX_CALLS_PER_SECOND: String(SIZES.limit) });
    await waitForWorkers(prefix, 1);
    log(`limited: ${SIZES.limited} members, chat.postMessage limited to ${SIZES.limit} per sliding second`);
    const limited: FanOutResult = await runFanOut(slack, web.url, secret, limitedTeam, 300_000);
    log(
      `limited: ${fmt(limited.perSecond, 2)} DMs/s of ${SIZES.limit} allowed, 429s ${limited.rateLimited}, duplicates ${limited.duplicates}, missing ${limited.missing}`,
    );
    slack.limit('chat.postMessage', { perSeconds: 1, max: Number.MAX_SAFE_INTEGER });
    await limitedWorker.stop();

    await web.stop();
    return {
      fan,
      bare,
      bareSlack,
      fanSliced,
      fanCpu,
      slices,
      ackBare: acks.bare,
      ackOurs: acks.ours,
      ackCpu,
      modal,
      serverSide,
      clicks,
      saved,
      expectedSaved,
      drainSeconds,
      settling,
      memory,
      scale,
      limited,
    };
  } finally {
    await handle.close();
  }
}

/** Benchmark 3: a year of data, then the summary and trend code paths timed and explained, then `/pulse summary` over HTTP. */
async function runSummaryBenchmark(database: BenchDatabase, prefix: string): Promise<SummaryResults> {
  const shape = SIZES.summary;
  log(`summary: seeding ${shape.teams} teams × ${shape.roundsPerTeam} rounds, ${fmt(shape.responses, 0)} responses`);
  const seed = await seedSummaries(database.pool, shape);
  log(
    `summary: seeded ${fmt(seed.responses, 0)} responses (mood), ${fmt(seed.driverAnswers, 0)} driver and eNPS answers and ${fmt(seed.deliveries, 0)} deliveries in ${fmt(seed.seconds, 1)} s; timing ${SIZES.summaryRuns} runs each`,
  );
  const timings = await timeSummaries(database.url, seed.teamIds, SIZES.summaryRuns);
  log(
    `summary: p50 ${fmt(timings.summary.p50, 2)} ms, p99 ${fmt(timings.summary.p99, 2)} ms; trend p50 ${fmt(timings.trend.p50, 2)} ms, p99 ${fmt(timings.trend.p99, 2)} ms`,
  );
  const slack = await startFakeSlack({ teamId: SUMMARY_WORKSPACE });
  try {
    const secret = `bench-${randomBytes(12).toString('hex')}`;
    const web = await startRole('web', appEnv(database, prefix, slack, secret));
    log(
      `summary: ${SIZES.summaryRuns} signed /pulse summary commands to the web process, one after another, from a client process of their own`,
    );
    const http = await runScript<SummaryHttpTimings>(
      'summary-client.ts',
      {},
      { webUrl: web.url, secret, teams: seed.teamIds.length, runs: SIZES.summaryRuns },
    ).result;
    log(
      `summary over HTTP (request → reply at the response_url): p50 ${fmt(http.reply.p50, 2)} ms, p99 ${fmt(http.reply.p99, 2)} ms; ack p99 ${fmt(http.ack.p99, 2)} ms`,
    );
    await web.stop();
    return { seed, timings, http };
  } finally {
    await slack.close();
  }
}

/**
 * Benchmark 6 (issue #19): the org heatmap of 200 teams over 1,000,000 responses, on a database of its own
 * (the summary's teams are all above k; these have some under it), through the web process with the dashboard on.
 */
async function runDashboardBenchmark(prefix: string): Promise<DashboardResults> {
  const shape = SIZES.dashboard;
  const database = await createBenchDatabase();
  const slack = await startFakeSlack({ teamId: SUMMARY_WORKSPACE });
  try {
    log(
      `dashboard: database ${database.name}, seeding ${shape.teams} teams (${shape.smallTeams} under k), ${fmt(shape.responses, 0)} responses`,
    );
    const seed = await seedSummaries(database.pool, shape);
    log(`dashboard: seeded ${fmt(seed.responses, 0)} responses in ${fmt(seed.seconds, 1)} s`);
    const client = { clientId: '1234567890.5555555555', clientSecret: randomBytes(16).toString('hex') };
    slack.openid.configure(client);
    // A Slack workspace admin: an org admin of the dashboard (read from users.info, as for a real workspace).
    slack.addUser({ id: DASHBOARD_ADMIN, isAdmin: true });
    slack.openid.signInAs({ userId: DASHBOARD_ADMIN, name: 'Bench Admin', locale: 'en-US' });
    const port = String(await freePort());
    const web = await startRole('web', {
      ...appEnv(database, prefix, slack, `bench-${randomBytes(12).toString('hex')}`),
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      SLACK_CLIENT_ID: client.clientId,
      SLACK_CLIENT_SECRET: client.clientSecret,
    });
    const webUrl = web.url;
    const cookie = await signInOverHttp(webUrl);
    log(`dashboard: signed in as an org admin; ${SIZES.dashboardRuns} heatmaps and stylesheets in turn`);
    const timings = await timeDashboard(
      webUrl,
      cookie,
      {
        knownTeamId: seed.teamIds[seed.teamIds.length - 1]!,
        pooledTeamId: seed.teamIds[0]!,
        otherTeamsLabel: translate('en-US', 'dashboard.heatmap.other_teams', { count: shape.smallTeams ?? 0 }),
      },
      SIZES.dashboardRuns,
    );
    log(
      `dashboard: heatmap p50 ${fmt(timings.heatmap.p50, 2)} ms, p95 ${fmt(timings.heatmap.p95, 2)} ms, p99 ${fmt(timings.heatmap.p99, 2)} ms; stylesheet p95 ${fmt(timings.stylesheet.p95, 2)} ms`,
    );
    await web.stop();
    return { seed, timings };
  } finally {
    await slack.close();
    await database.drop().catch((err: unknown) => log(`could not drop the dashboard database: ${String(err)}`));
  }
}

function buildRows(app: AppResults | undefined, summary: SummaryResults | undefined): Row[] {
  const rows: Row[] = [];
  if (app) {
    const { ackOurs, ackBare, fan, bare, limited, memory, scale } = app;
    const p50Ratio = ackOurs.p50 / ackBare.p50;
    const fanRatio = app.fanSliced.perSecond / bare.perSecond;
    // While the limit binds: from the first DM to the last (the start-up is in the end-to-end figure).
    const limitedRate = (limited.delivered - 1) / limited.sendingSeconds;
    // A DM is two calls under the one pace: its person's away status (users.info), then the DM itself.
    const limitedCallRate = callRate(limited);
    const limitedRatio = limitedCallRate / SIZES.limit;
    rows.push(
      {
        what: `Ack p99, signed score clicks at ${SIZES.ackRate}/s for ${SIZES.ackSeconds} s`,
        target: `≤ ${TARGETS.ackP99Ms} ms`,
        measured: `${fmt(ackOurs.p99, 1)} ms (p50 ${fmt(ackOurs.p50, 1)}, max ${fmt(ackOurs.max, 0)})`,
        met: ackOurs.p99 <= TARGETS.ackP99Ms,
      },
      {
        what: 'Ack p50 ratio, ours / bare Bolt',
        target: `≤ ${TARGETS.ackP50Ratio}`,
        measured: `${fmt(p50Ratio, 2)} (bare p50 ${fmt(ackBare.p50, 2)} ms)`,
        met: p50Ratio <= TARGETS.ackP50Ratio,
      },
      {
        what: 'Ack p99 ratio, ours / bare Bolt',
        target: `≤ ${TARGETS.clickRatio}`,
        measured: `${fmt(ackOurs.p99 / ackBare.p99, 2)} (bare p99 ${fmt(ackBare.p99, 1)} ms)`,
        met: ackOurs.p99 / ackBare.p99 <= TARGETS.clickRatio,
      },
      {
        what: 'Trigger → `views.open` of the comment modal, same load',
        target: 'p99 well inside 3 s (≤ 1 s)',
        measured: `p50 ${fmt(app.modal.times.p50, 1)} ms, p99 ${fmt(app.modal.times.p99, 1)} ms, max ${fmt(app.modal.times.max, 0)} ms; ${app.modal.opened} of ${app.modal.clicks} clicks`,
        met: app.modal.times.p99 <= 1000 && app.modal.opened === app.modal.clicks,
      },
      {
        what: 'CPU per click: web / bare Bolt (worker after it)',
        target: `≤ ${TARGETS.clickRatio}`,
        measured: `${fmt(app.ackCpu.web / app.ackCpu.bare, 2)}: ${fmt(app.ackCpu.web, 2)} / ${fmt(app.ackCpu.bare, 2)} ms (worker ${fmt(app.ackCpu.worker, 2)} ms); both cores ${fmt(100 * app.ackCpu.machineBusy, 0)}% busy`,
        met: app.ackCpu.web / app.ackCpu.bare <= TARGETS.clickRatio,
      },
      {
        what: 'Ack errors; clicks saved by the worker',
        target: `0; all ${app.clicks}`,
        measured: `${ackOurs.errors} of ${ackOurs.sent}; ${app.saved} saved`,
        met: ackOurs.errors === 0 && app.saved >= app.expectedSaved,
      },
      {
        what: `Fan-out, ${fmt(SIZES.fanOut, 0)} members, no rate limit`,
        target: '(reported)',
        measured: `${fmt(fan.perSecond)} DMs/s (${fmt(fan.seconds, 1)} s end to end)`,
        met: null,
      },
      {
        what: 'Fan-out rate / bare BullMQ no-op rate, same moments',
        target: `≥ ${TARGETS.fanOutRatio}`,
        measured: `${fmt(fanRatio, 3)} (bare ${fmt(bare.perSecond, 0)} jobs/s, interleaved)`,
        met: fanRatio >= TARGETS.fanOutRatio,
      },
      {
        what: 'Fan-out rate / the Slack calls alone (no queue, no database), same moments',
        target: `≥ ${TARGETS.fanOutSlackRatio}`,
        measured: `${fmt(app.fanSliced.perSecond / app.bareSlack.perSecond, 3)} (fan-out ${fmt(app.fanSliced.perSecond, 0)} DMs/s, bare Slack client ${fmt(app.bareSlack.perSecond, 0)} DMs/s (a status read and a DM each, as ours), in ${SIZES.slices} interleaved slices of ${fmt(SIZES.sliceSize, 0)})`,
        met: app.fanSliced.perSecond / app.bareSlack.perSecond >= TARGETS.fanOutSlackRatio,
      },
      {
        what: 'Fan-out duplicates / missing',
        target: '0 / 0',
        measured: `${fan.duplicates} / ${fan.missing}`,
        met: fan.duplicates === 0 && fan.missing === 0,
      },
      {
        what: `Limited fan-out (${fmt(SIZES.limited, 0)} members, paced at ${SIZES.limit} calls/s): paced calls achieved / allowed`,
        target: `≥ ${TARGETS.limitedRatio}`,
        measured: `${fmt(limitedRatio, 3)} (${fmt(limitedCallRate, 2)} calls/s: ${fmt(limitedRate, 2)} DMs/s, each after its person's status read; end to end ${fmt(limited.perSecond, 2)} DMs/s)`,
        met: limitedRatio >= TARGETS.limitedRatio,
      },
      {
        what: 'Limited fan-out: 429s received',
        target: '≤ 1% of DMs, each honoured',
        measured: `${limited.rateLimited} (${fmt((100 * limited.rateLimited) / limited.members, 2)}%)`,
        met: limited.rateLimited <= limited.members / 100,
      },
      {
        what: 'Limited fan-out duplicates / missing',
        target: '0 / 0',
        measured: `${limited.duplicates} / ${limited.missing}`,
        met: limited.duplicates === 0 && limited.missing === 0,
      },
    );
    if (summary) rows.push(...summaryRows(summary));
    rows.push(
      {
        what: 'Peak RSS, web (during 1 and 2)',
        target: `≤ ${TARGETS.memoryMb} MB`,
        measured: `${fmt(memory.web, 0)} MB (${fmt(memory.webStart, 0)} at start; bare Bolt under the same load ${fmt(memory.bareBolt, 0)})`,
        met: memory.web <= TARGETS.memoryMb,
      },
      {
        what: 'Peak RSS, worker (during 1 and 2)',
        target: `≤ ${TARGETS.memoryMb} MB`,
        measured: `${fmt(memory.worker, 0)} MB (${fmt(memory.workerStart, 0)} at start; bare BullMQ worker ${fmt(memory.bareBullmq, 0)})`,
        met: memory.worker <= TARGETS.memoryMb,
      },
      ...scaleRows(scale),
    );
  } else if (summary) {
    rows.push(...summaryRows(summary));
  }
  return rows;
}

/** Paced calls a second while DMs went out: each DM and its person's status read before it. */
const callRate = (r: FanOutResult) => (r.delivered - 1 + r.statusReadsWhileSending) / r.sendingSeconds;

function scaleRows(scale: AppResults['scale']): Row[] {
  const one = scale[0]!.result.perSecond;
  // Calls a second the job slots could make, one call in flight each.
  const ideal = (run: AppResults['scale'][number]) => (run.workers * run.concurrency * 1000) / SIZES.slackDelayMs;
  return scale.map((run, i) => {
    const { workers, concurrency, limit, result } = run;
    const gain = result.perSecond / one;
    const target = i === 0 ? null : i === 1 ? TARGETS.scale2 : i === 2 ? TARGETS.scale4 : null;
    const capped = limit < ideal(run);
    return {
      what: `Scale-out, ${SIZES.slackDelayMs} ms a Slack call, ${fmt(SIZES.scaleOut, 0)} members: ${workers} worker process${workers > 1 ? 'es' : ''} × concurrency ${concurrency}, limit ${limit}/s`,
      target: target !== null ? `≥ ×${target} of 1 worker` : capped ? `≤ the limit, ≥ 0.9 of it` : '(reported)',
      measured: `${fmt(result.perSecond)} DMs/s (×${fmt(gain, 2)}${capped ? `; ${fmt(callRate(result))} calls/s, ${fmt(callRate(result) / limit, 2)} of the limit` : ''}); dup ${result.duplicates}, missing ${result.missing}`,
      met:
        target !== null
          ? gain >= target && result.duplicates === 0 && result.missing === 0
          : capped
            ? callRate(result) <= limit && callRate(result) >= 0.9 * limit && result.missing === 0
            : null,
    };
  });
}

function summaryRows({ seed, timings, http }: SummaryResults): Row[] {
  return [
    {
      what: `\`/pulse summary\` over HTTP: signed command → reply at the response_url (${fmt(seed.responses, 0)} responses stored${seed.driverAnswers ? `, and ${fmt(seed.driverAnswers, 0)} driver answers` : ''})`,
      target: `p99 ≤ ${TARGETS.summaryP99Ms} ms`,
      measured: `p50 ${fmt(http.reply.p50, 2)} ms, p99 ${fmt(http.reply.p99, 2)} ms (ack p99 ${fmt(http.ack.p99, 2)} ms)`,
      met: http.reply.p99 <= TARGETS.summaryP99Ms,
    },
    {
      what: `\`/pulse summary\` queries and message of one team, called directly`,
      target: `p99 ≤ ${TARGETS.summaryP99Ms} ms`,
      measured: `p50 ${fmt(timings.summary.p50, 2)} ms, p99 ${fmt(timings.summary.p99, 2)} ms`,
      met: timings.summary.p99 <= TARGETS.summaryP99Ms,
    },
    {
      what: '12-round trend of one team (`loadSymmetry`)',
      target: `p99 ≤ ${TARGETS.summaryP99Ms} ms`,
      measured: `p50 ${fmt(timings.trend.p50, 2)} ms, p99 ${fmt(timings.trend.p99, 2)} ms`,
      met: timings.trend.p99 <= TARGETS.summaryP99Ms,
    },
    {
      what: 'Summary and trend queries use indexes',
      target: 'no sequential scan',
      measured: timings.plans.some((p) => p.seqScans.length)
        ? `seq scans: ${[...new Set(timings.plans.flatMap((p) => p.seqScans))].join(', ')}`
        : `indexes only (${[...new Set(timings.plans.flatMap((p) => p.indexes))].join(', ')})`,
      met: !timings.plans.some((p) => p.seqScans.length),
    },
  ];
}

async function serverVersions(database: BenchDatabase): Promise<{ postgres: string; redis: string }> {
  const { rows } = await database.pool.query<{ v: string }>(`select current_setting('server_version') as v`);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('server');
    return { postgres: rows[0]!.v, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?' };
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine: Machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    loadBefore: loadavg(),
    loadAfter: [],
  };
  log(
    `${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memoryGb)} GB, Node ${machine.node}, load ${machine.loadBefore.map((l) => fmt(l, 2)).join(' ')}${QUICK ? ' — QUICK sizes' : ''}`,
  );
  assertLoopback(REDIS_URL);
  if (ONLY !== undefined && !['app', 'summary', 'dashboard', 'scale'].includes(ONLY)) {
    throw new Error(
      `BENCH_ONLY=${ONLY} is not a part: use app, summary, dashboard or scale (or leave it unset for the full run)`,
    );
  }
  const figuresPage = join(__dirname, '..', FIGURES_PAGE);
  const pageText = readFileSync(figuresPage, 'utf8');
  if (!QUICK && !ONLY && !(pageText.includes(README_START) && pageText.includes(README_END))) {
    throw new Error(`${FIGURES_PAGE} needs the ${README_START} … ${README_END} block for the figures of the run`);
  }
  const prefix = newQueuePrefix();
  let database: BenchDatabase | undefined;
  let slack: FakeSlack | undefined;
  try {
    database = await createBenchDatabase();
    log(`database ${database.name}, queue prefix ${prefix}`);
    const versions = await serverVersions(database);
    if (ONLY === 'scale') {
      // The scale-out alone, its rows printed (not written): for checking it on a machine with CPU to spare.
      slack = await startFakeSlack({ teamId: 'T0BENCH01' });
      const handle = createDatabase(database.url, { max: 4 });
      try {
        const env = appEnv(database, prefix, slack, `bench-${randomBytes(12).toString('hex')}`);
        const web = await startRole('web', env);
        process.stdout.write(
          printTable(scaleRows(await runScaleOut(createRepositories(handle.db), slack, web.url, env, prefix))),
        );
      } finally {
        await handle.close();
      }
      return;
    }
    let app: AppResults | undefined;
    if (!ONLY || ONLY === 'app') {
      slack = await startFakeSlack({ teamId: 'T0BENCH01' });
      app = await runAppBenchmarks(database, prefix, slack);
      // Its 20,000 conversations stay in this process's memory otherwise, through the summary timing below.
      await slack.close();
      slack = undefined;
    }
    const summary = !ONLY || ONLY === 'summary' ? await runSummaryBenchmark(database, prefix) : undefined;
    const dashboard = !ONLY || ONLY === 'dashboard' ? await runDashboardBenchmark(prefix) : undefined;
    machine.loadAfter = loadavg();
    const finishedAt = new Date();
    const rows = [...buildRows(app, summary), ...(dashboard ? dashboardRows(dashboard) : [])];
    process.stdout.write(printTable(rows));
    const file = QUICK || ONLY ? 'results.partial.md' : 'results.md';
    const report: Report = {
      machine,
      versions,
      startedAt,
      finishedAt,
      rows,
      sizes: SIZES,
      quick: QUICK,
      app,
      summary,
      dashboard,
    };
    writeFileSync(join(__dirname, file), renderResults(report));
    log(`wrote bench/${file} (${fmt((finishedAt.getTime() - startedAt.getTime()) / 1000, 0)} s)`);
    if (!QUICK && !ONLY) {
      // The docs quote the last full run, so they cannot drift from bench/results.md.
      writeFileSync(figuresPage, withReadmeBlock(readFileSync(figuresPage, 'utf8'), report));
      log(`wrote the figures into ${FIGURES_PAGE}`);
    }
  } finally {
    await stopAll();
    await slack?.close().catch(() => undefined);
    await database?.drop().catch((err: unknown) => log(`could not drop the database: ${String(err)}`));
    const deleted = await deleteRedisKeys(prefix).catch((err: unknown) => log(`could not clean Redis: ${String(err)}`));
    log(`cleaned up: database dropped, ${deleted ?? 0} Redis keys deleted, processes stopped`);
  }
}

// `npm run bench -- workspaces`: the many-workspaces benchmark alone (bench/workspaces.ts).
(process.argv[2] === 'workspaces' ? runWorkspacesBench() : main()).catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
