/** The table printed at the end of `npm run bench` and the bench/results.md it writes. */
import type { LoadResult } from '../load-generator';
import type { DashboardTimings } from './dashboard';
import type { FanOutResult } from './fanout';
import type { SliceResult } from './slices';
import { fmt, type Percentiles } from './stats';
import type { SummarySeed, SummaryShape, SummaryTimings } from './summary';
import type { SummaryHttpTimings } from './summary-http';

export interface Row {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  loadBefore: number[];
  loadAfter: number[];
}
export interface Sizes {
  fanOut: number;
  ackRate: number;
  ackSeconds: number;
  ackWarmupSeconds: number;
  /** The fan-out and its baselines run in turn, this many slices of this many each. */
  slices: number;
  sliceSize: number;
  scaleOut: number;
  /** Latency the fake Slack adds to every call during the scale-out. */
  slackDelayMs: number;
  /** SLACK_MAX_CALLS_PER_SECOND of the scale-out runs, and of its last run (below what 4 workers reach). */
  scaleLimit: number;
  scaleCappedLimit: number;
  limited: number;
  limit: number;
  concurrency: number;
  summaryRuns: number;
  summary: SummaryShape;
  /** GET /dashboard/org and the stylesheet, this many of each (in turn), over a seed of this shape. */
  dashboardRuns: number;
  dashboard: SummaryShape;
}
export interface AppResults {
  fan: FanOutResult;
  /** The baselines, each added up over the slices it ran in turn with the fan-out's. */
  bare: SliceResult;
  bareSlack: SliceResult;
  /** The fan-out's slices added up (DMs over seconds end to end), and each slice as measured. */
  fanSliced: SliceResult;
  /** CPU per DM over the slices (ms, from /proc): the app's worker and web, and the Slack calls alone. */
  fanCpu: { worker: number; web: number; bareSlack: number };
  slices: { fan: FanOutResult[]; bare: SliceResult[]; bareSlack: SliceResult[] };
  ackBare: LoadResult;
  ackOurs: LoadResult;
  /** CPU time per click (ms) of each process during the ack load, and the share of both cores busy meanwhile. */
  ackCpu: { bare: number; web: number; worker: number; fakeSlack: number; machineBusy: number };
  /** Each measured click leaving → its comment modal's views.open reaching the fake Slack, in ms. */
  modal: { opened: number; clicks: number; times: Percentiles };
  /** The web's own histogram of the same requests (warm-up included): from the request parsed to the answer. */
  serverSide: { requests: number; within25ms: number; allWithinMs: number };
  clicks: number;
  saved: number;
  expectedSaved: number;
  drainSeconds: number;
  /** Each second's busy share of the machine while waiting for a quiet one before the ack load. */
  settling: number[];
  memory: { web: number; worker: number; webStart: number; workerStart: number; bareBolt: number; bareBullmq: number };
  /** Fan-outs with a per-call delay on the fake Slack: worker processes × concurrency under a platform limit. */
  scale: Array<{ workers: number; concurrency: number; limit: number; result: FanOutResult }>;
  limited: FanOutResult;
}
export interface SummaryResults {
  seed: SummarySeed;
  timings: SummaryTimings;
  http: SummaryHttpTimings;
}
export interface DashboardResults {
  seed: SummarySeed;
  timings: DashboardTimings;
}

/** The table as plain text, columns padded. */
export function printTable(rows: Row[]): string {
  const cells = rows.map((r) => [r.what, r.target, r.measured, r.met === null ? '–' : r.met ? 'yes' : 'NO']);
  const head = ['benchmark', 'target', 'measured', 'met?'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n\n`;
}

export interface Report {
  machine: Machine;
  versions: { postgres: string; redis: string };
  startedAt: Date;
  finishedAt: Date;
  rows: Row[];
  sizes: Sizes;
  quick: boolean;
  app: AppResults | undefined;
  summary: SummaryResults | undefined;
  dashboard: DashboardResults | undefined;
}

const ackRow = (name: string, a: LoadResult) =>
  `| ${name} | ${a.sent} | ${fmt(a.achievedRate, 1)} | ${fmt(a.p50, 2)} | ${fmt(a.p90, 2)} | ${fmt(a.p99, 2)} | ${fmt(a.max, 1)} | ${a.errors}${
    Object.keys(a.failures).length
      ? ` (${Object.entries(a.failures)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')})`
      : ''
  } |`;

function appSections(r: Report, a: AppResults): string {
  const s = r.sizes;
  return `## How each figure is measured

**Ack latency.** ${fmt(a.clicks, 0)} signed \`block_actions\` requests, each a score click by a different person on the
check-in DM the fan-out below sent them (built by \`test/support/slack-requests.ts\` from the scrubbed real payload,
signed when it leaves with a fresh timestamp), sent open-loop at a fixed ${s.ackRate} requests/s by
\`bench/load-generator.ts\` in its own process: request *i* leaves at *start + i/rate* whatever earlier answers did,
and latency runs from the request leaving to the last byte of the answer. Ours is \`node dist/main/start.js web\`
(with the flags \`npm start\` gives it): Bolt verifies the signature, our listener acks, then checks the click by
the proof its button carries (\`src/core/click-proof.ts\`: an HMAC the worker signed for this person, check-in and
question, with the round's close, the reader's language and the threshold; no query) and enqueues the click's
\`open-comment-form\` job, which carries the click's trigger id and what the comment modal shows (from the proof); a click
without a valid proof is checked in PostgreSQL instead (one prepared query). The web makes no Slack call: the
worker's form job, served before every save, opens the modal (\`views.open\` on the fake Slack, unpaced, while the
trigger is good) and queues the score's \`record-score\` job, which reads the click's context, saves the score (one
statement, which also reads back the person's other answers for the DM), updates the DM, and reads the answers once
more in case another job's update crossed its own (two jobs, three queries and two Slack calls a click;
${a.saved} of ${a.clicks} scores saved, the last ${fmt(a.drainSeconds, 1)} s after the load ended).
The baseline is \`bench/bare-bolt.ts\`: the same Bolt version with its default HTTPReceiver and one action listener
that only acks, in its own process. Both are loaded side by side by the one load generator (every tick sends the
same body to both), so whatever else the machine does at that moment hits both alike. The first
${s.ackWarmupSeconds} s at full rate warm both up (connections, pools, JIT) and are not recorded. Before the load starts, the
benchmark waits for a second in which the machine is under 20% busy, so that what the fan-out leaves behind
(PostgreSQL's autovacuum and checkpoint, a queue finishing) is not measured here: ${a.settling.map((b) => `${fmt(100 * b, 0)}%`).join(', ')} busy, second by second.

| target | requests | rate (req/s) | p50 ms | p90 ms | p99 ms | max ms | errors |
| --- | --- | --- | --- | --- | --- | --- | --- |
${ackRow('bare Bolt', a.ackBare)}
${ackRow('Symmetry web', a.ackOurs)}

Each measured click's comment modal was opened by the fake Slack's \`views.open\` (paired by trigger id, in Slack's
shape: the fake refuses any other and a reused one, and only an opened modal counts) p50 ${fmt(a.modal.times.p50, 1)} ms,
p99 ${fmt(a.modal.times.p99, 1)} ms, max ${fmt(a.modal.times.max, 0)} ms after the click left the load generator (${a.modal.opened} of ${a.modal.clicks} clicks);
Slack's trigger id is good for 3 s.

What a click costs, in CPU time read from \`/proc\` over the load: the bare Bolt app ${fmt(a.ackCpu.bare, 2)} ms, our web
process ${fmt(a.ackCpu.web, 2)} ms (Bolt's share plus the proof check and the enqueue), the worker
${fmt(a.ackCpu.worker, 2)} ms (\`views.open\`, saving the score, \`chat.update\` of the DM) and the fake Slack ${fmt(a.ackCpu.fakeSlack, 2)} ms answering those calls;
with the load generator, PostgreSQL and Redis, both cores were ${fmt(100 * a.ackCpu.machineBusy, 0)}% busy during the load.
Near 100% the web's event loop runs long turns, and Node's libuv accepts one new connection per turn
(libuv/libuv#3696): when a stall makes the load generator open fresh connections (it keeps up to 256, as a busy
sender would), they wait in the accept queue for seconds while requests on open connections are answered in
milliseconds. Errors list where a request that got no answer within 10 s was stuck. So the client-side p99 is
set by whether the machine has CPU to spare for the web's turns, and our click does cost the web about
${fmt(a.ackCpu.web / a.ackCpu.bare, 1)} times what the bare app's does (the proof check and the enqueue, a round trip to Redis, are
real work); web and worker together ${fmt((a.ackCpu.web + a.ackCpu.worker) / a.ackCpu.bare, 1)} times. The web's own path stays short: its histogram of the same
${fmt(a.serverSide.requests, 0)} requests (\`symmetry_http_ack_seconds\` on \`/metrics\`, from the request parsed to the answer) has
${fmt(100 * a.serverSide.within25ms, 1)}% within 25 ms and all within ${fmt(a.serverSide.allWithinMs, 0)} ms (its bucket bound).

**Fan-out.** A team of ${fmt(a.fan.members, 0)} members is seeded through the real repositories (workspace, team,
members, memberships) and the same people are added to the fake Slack's directory: the real sync path
(\`/pulse setup\` → \`users.info\` per member, a tier-4 method at ~100 calls a minute) would take over three hours
for 20,000 people on real Slack, so the benchmark starts from its result. Then a signed \`/pulse now\` goes to the
web process and the clock runs until the fake Slack has recorded the last check-in DM: the \`open-round\` job creates
the round and its ${fmt(a.fan.members, 0)} deliveries in batches of up to 100 and enqueues one \`deliver-checkins\` job per batch; each
batch job claims its deliveries ten at a time, sends each DM (one paced \`chat.postMessage\`) and records them sent
together. One worker process at the default concurrency (${s.concurrency}), \`SLACK_MAX_CALLS_PER_SECOND=10000\` (the highest the
configuration accepts; the pacer still hands out every slot). First DM ${fmt(a.fan.firstDmAfterMs, 0)} ms after \`/pulse now\`;
${fmt(a.fan.delivered, 0)} DMs in ${fmt(a.fan.seconds, 2)} s.
Duplicates and missing people are counted from what the fake recorded (exactly one check-in per person expected).
This big fan-out gives the absolute rate and the memory figures; the ratios come from the slices below.

**The fan-out beside its baselines, at the same moments.** ${s.slices} fresh teams of ${fmt(s.sliceSize, 0)} members each are fanned
out as above, and between them, in turn, the two baselines run slices of the same size in their own long-running
processes (the order turning each round: fan-out, BullMQ, Slack; then BullMQ, Slack, fan-out; …), so all three see
the machine as it is at that moment rather than one running minutes after the other. Each rate is the total count
over the total time of its slices. Baseline one: \`bench/bare-bullmq.ts\`, a bare BullMQ worker at the same
concurrency processing no-op jobs enqueued as ours are (\`addBulk\` by 1,000, a job id each, the same retry and
retention options), timed from a slice's first \`addBulk\` to its last completion: ${fmt(a.bare.perSecond, 0)} jobs/s. Baseline two:
\`bench/bare-slack.ts\`, the Slack calls alone: for each check-in, the person's status read (\`users.info\`, as the worker
reads it for the away rule) and the DM rendered as the worker renders it (the mood and the driver items its round asks, each with its click proof), by the app's own Slack client to the same
fake Slack at the same concurrency, with no queue, no database and no pacing: ${fmt(a.bareSlack.perSecond, 0)} DMs/s. The fan-out slices, end to end from \`/pulse now\` (round, deliveries and batches created
inside the time): ${fmt(a.fanSliced.perSecond, 0)} DMs/s, ${fmt(a.fanSliced.perSecond / a.bareSlack.perSecond, 3)} of the Slack calls alone.
Both run flat out on one core each, so the ratio is their CPU per DM, read from \`/proc\` over their own slices: our
worker ${fmt(a.fanCpu.worker, 3)} ms (and the web ${fmt(a.fanCpu.web, 3)} ms), the Slack calls alone ${fmt(a.fanCpu.bareSlack, 3)} ms.

| slice | fan-out DMs/s | bare BullMQ jobs/s | bare Slack DMs/s | fan-out / Slack alone |
| --- | --- | --- | --- | --- |
${a.slices.fan.map((f, k) => `| ${k + 1} | ${fmt(f.perSecond)} | ${fmt(a.slices.bare[k]?.perSecond ?? NaN)} | ${fmt(a.slices.bareSlack[k]?.perSecond ?? NaN)} | ${fmt(f.perSecond / (a.slices.bareSlack[k]?.perSecond ?? NaN), 3)} |`).join('\n')}

A no-op job costs BullMQ a few hundredths of a millisecond; one
\`chat.postMessage\` through @slack/web-api costs the client about half a millisecond of CPU (building the form body,
its own request queue and retry wrapper, redacting the body for a debug line it then drops, parsing the answer),
and the fake Slack on the same two cores spends about a quarter of a millisecond answering it. So the no-op
target of 0.5 is out of reach of any worker that really calls Slack on this machine: the Slack-calls row shows how
much of the Slack calls' own ceiling the fan-out keeps.

**Fan-out under the limit.** Slack publishes one limit for \`chat.postMessage\`: about 1 message per second per
channel, with short bursts. A check-in fan-out never meets it (every DM is its own channel); what it meets is the
workspace-wide limit, which Slack does not publish. The fake Slack therefore enforces ${s.limit} \`chat.postMessage\`
calls per sliding second for the workspace (1,200 a minute), and the worker runs with
\`SLACK_MAX_CALLS_PER_SECOND=${s.limit}\` (the app's default). ${fmt(a.limited.members, 0)} members, fewer than 20,000 to fit the time
budget (at ${s.limit}/s, 20,000 DMs take over 16 minutes). Achieved rate while the limit binds, from the first DM to
the last: ${fmt((a.limited.delivered - 1) / a.limited.sendingSeconds, 2)} DMs/s (end to end, from \`/pulse now\`, ${fmt(a.limited.perSecond, 2)} DMs/s).
${a.limited.rateLimited} calls were answered 429. No fault is injected: every call takes its slot from the Redis pacer
(one every 1/rate s, 2% headroom), and a 429 is the fake's sliding window catching two calls that reached it closer
together than their slots were (timers and the event loop delay some calls more than others). The worker honours
each one (the workspace's calls are held back for Retry-After, the batch gives back what it had not sent and runs
again after it), which the duplicates/missing row checks. Target read as: 429s stay rare (≤ 1% of DMs), and each
costs only its pause (about a second).

**Memory.** Peak resident set (the larger of VmHWM and VmRSS polled every 100 ms from /proc) of the web process
and of the worker process, from their start through the fan-out and the ack-latency load: web ${fmt(a.memory.web, 0)} MB
(${fmt(a.memory.webStart, 0)} MB once started), worker ${fmt(a.memory.worker, 0)} MB (${fmt(a.memory.workerStart, 0)} MB once started). For scale, the bare Bolt app peaked at ${fmt(a.memory.bareBolt, 0)} MB under the same ack load and the bare
BullMQ worker at ${fmt(a.memory.bareBullmq, 0)} MB (both run through tsx, which adds a little). The app runs as \`npm start\` runs it,
with \`--max-old-space-size=160\`: its live heap is small, and without the cap V8 lets garbage grow to 270–310 MB
resident before collecting (the run before the cap); with it the fan-out and ack figures did not change.

**Scale-out where it matters.** On real Slack a call takes 100–300 ms, so a fan-out spends its time waiting for
answers, not computing: here the fake Slack holds every answer for ${s.slackDelayMs} ms. A fresh team of ${fmt(s.scaleOut, 0)} members per
run is fanned out by 1, 2 and 4 worker processes at concurrency ${s.concurrency} each, then by 1 process at concurrency
${4 * s.concurrency}, all with \`SLACK_MAX_CALLS_PER_SECOND=${s.scaleLimit}\`; and last by 4 processes with the limit set to ${s.scaleCappedLimit}/s,
below what they could reach, to show the limit holds whatever the worker count (the pacer's slots are shared in
Redis). A batch sends its DMs one after another, so each job slot has one call in flight, and a DM is two calls
(its person's status, then the DM): ${fmt(s.scaleOut, 0)} members make ${Math.ceil(s.scaleOut / 100)} batches of 100, and the ideal
rate is slots × 1000 / (2 × ${s.slackDelayMs}) DMs/s (${fmt((1000 * s.concurrency) / (2 * s.slackDelayMs), 0)} for one process) until the limit, which counts calls. Rates are end to end, from \`/pulse now\` to the last DM.
A round of fewer than 1,600 people is spread over at most 16 batch jobs (at least 5 DMs each; 16 at this limit, fewer at a low one), so it uses at most 16 slots
whatever the number of workers: scale-out pays for big rounds.

| workers | concurrency | limit (calls/s) | ideal DMs/s | DMs/s | vs 1 worker | seconds | duplicates | missing |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${a.scale.map(({ workers, concurrency, limit, result }) => `| ${workers} | ${concurrency} | ${limit} | ${fmt(Math.min(limit, (workers * concurrency * 1000) / s.slackDelayMs) / 2, 0)} | ${fmt(result.perSecond)} | ×${fmt(result.perSecond / a.scale[0]!.result.perSecond, 2)} | ${fmt(result.seconds, 2)} | ${result.duplicates} | ${result.missing} |`).join('\n')}
`;
}

function summarySection(r: Report, { seed, timings, http }: SummaryResults): string {
  const plans = timings.plans
    .map(
      (p) =>
        `**${p.usage}: ${p.indexes.length ? `indexes ${p.indexes.join(', ')}` : 'no index'}${p.seqScans.length ? `; sequential scans: ${p.seqScans.join(', ')}` : ''}**\n\n\`\`\`sql\n${p.sql}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\``,
    )
    .join('\n\n');
  return `**Summary speed.** ${fmt(seed.rounds, 0)} closed weekly rounds (${seed.teamIds.length} teams × ${r.sizes.summary.roundsPerTeam} weeks, ${r.sizes.summary.teamSize} members
each), ${fmt(seed.responses, 0)} mood answers${seed.driverAnswers ? ` and ${fmt(seed.driverAnswers, 0)} answers to driver items and eNPS (two driver items a round, eNPS every 13th week: the default rotation with all eight drivers on)` : ''} and ${fmt(seed.deliveries, 0)} deliveries, bulk-inserted with \`generate_series\` in
${fmt(seed.seconds, 1)} s, then \`VACUUM (ANALYZE)\` and \`CHECKPOINT\` (a year-old table has long been vacuumed and written out). Timed in the bench process through the real repositories, over a pool of 10
(the web process's size): the summary as \`/pulse summary\` builds it for the team's manager (\`summaryReply(team, 1)\`: the team's recent
closed rounds in one query, then in one wave the last two rounds' counts and answers, the 8-round trend's mood scores
and customer figures (the summary's symmetry line and the chart's), the open actions and the comments with their
answers) and the 12-round
trend of \`/pulse symmetry 12\` and the summary chart (\`loadSymmetry(team, 12)\`: the 12 rounds' counts and mood scores,
aggregated in PostgreSQL, two queries for all of them; then the team's customer figures), ${timings.runs} runs each after a warm-up, teams taken in turn. One \`/pulse summary\` sends
${timings.queries.summary} queries to PostgreSQL, one trend ${timings.queries.trend} (most of them in parallel over the pool); each takes well
under a millisecond in PostgreSQL (plans below), so the time is round trips and the client's own work.

| query set | runs | p50 ms | p90 ms | p99 ms | max ms |
| --- | --- | --- | --- | --- | --- |
| \`/pulse summary\` (last round) | ${timings.summary.n} | ${fmt(timings.summary.p50, 2)} | ${fmt(timings.summary.p90, 2)} | ${fmt(timings.summary.p99, 2)} | ${fmt(timings.summary.max, 2)} |
| 12-round trend (\`loadSymmetry\`) | ${timings.trend.n} | ${fmt(timings.trend.p50, 2)} | ${fmt(timings.trend.p90, 2)} | ${fmt(timings.trend.p99, 2)} | ${fmt(timings.trend.max, 2)} |
| \`/pulse summary\` over HTTP, request → reply at the response_url | ${http.reply.n} | ${fmt(http.reply.p50, 2)} | ${fmt(http.reply.p90, 2)} | ${fmt(http.reply.p99, 2)} | ${fmt(http.reply.max, 2)} |
| the same requests, request → the web's ack | ${http.ack.n} | ${fmt(http.ack.p50, 2)} | ${fmt(http.ack.p90, 2)} | ${fmt(http.ack.p99, 2)} | ${fmt(http.ack.max, 2)} |

**\`/pulse summary\` as a manager asks for it.** Then the same database is asked the way people ask: the built web
process (\`node dist/main/start.js web\`, a fake Slack whose workspace is the seeded one) gets ${http.runs} signed
\`/pulse summary\` slash commands from the teams' manager, one after another, teams taken in turn (after 20 for
warm-up), each from its team's channel under the channel's own name. They come from a client process of their own
(\`bench/summary-client.ts\`, as the ack load generator), which also receives the replies at a \`response_url\` of its
own. Each is timed from the moment the client sends it to the moment its ephemeral reply (the summary with its
average, distribution and comments, checked to be there) reaches that \`response_url\`: Bolt's signature check, the
ack, the role check, the queries above, rendering in the manager's language and the \`response_url\` post.
A chart, when there is one, is a job for the worker and is not in this figure.

### Query plans (EXPLAIN ANALYZE on the seeded data, the exact SQL drizzle sent)

${plans}
`;
}

/** Issue #19: the org heatmap of 200 teams over 1,000,000 responses, rendered server-side, p95 ≤ 150 ms. */
export const DASHBOARD_TARGET_P95_MS = 150;

/** The dashboard's rows: the heatmap's p95 against the target, and its ratio to the static page of the same process. */
export function dashboardRows({ seed, timings }: DashboardResults): Row[] {
  const { heatmap, stylesheet } = timings;
  return [
    {
      what: `Org heatmap, GET /dashboard/org as an org admin (${seed.teamIds.length} teams, ${fmt(seed.responses, 0)} responses stored)`,
      target: `p95 ≤ ${DASHBOARD_TARGET_P95_MS} ms`,
      measured: `p50 ${fmt(heatmap.p50, 2)} ms, p95 ${fmt(heatmap.p95, 2)} ms, p99 ${fmt(heatmap.p99, 2)} ms`,
      met: heatmap.p95 <= DASHBOARD_TARGET_P95_MS,
    },
    {
      what: 'Org heatmap p95 / static stylesheet p95 (same process, requests in turn)',
      target: '(reported)',
      measured: `${fmt(heatmap.p95 / stylesheet.p95, 1)} (stylesheet p50 ${fmt(stylesheet.p50, 2)} ms, p95 ${fmt(stylesheet.p95, 2)} ms, p99 ${fmt(stylesheet.p99, 2)} ms)`,
      met: null,
    },
  ];
}

function dashboardSection(r: Report, { seed, timings }: DashboardResults): string {
  const shape = r.sizes.dashboard;
  const row = (name: string, p: Percentiles) =>
    `| ${name} | ${p.n} | ${fmt(p.p50, 2)} | ${fmt(p.p90, 2)} | ${fmt(p.p95, 2)} | ${fmt(p.p99, 2)} | ${fmt(p.max, 2)} |`;
  return `**The org heatmap.** A database of its own: ${seed.teamIds.length} teams × ${shape.roundsPerTeam} closed weekly rounds, ${fmt(seed.responses, 0)}
responses and ${fmt(seed.deliveries, 0)} deliveries, bulk-inserted as for the summary in ${fmt(seed.seconds, 1)} s; the first
${shape.smallTeams ?? 0} teams have ${shape.smallRespondents ?? 0} answers a round, under k = 5, so the heatmap pools them as "Other teams" (the
run stops if that row is missing or one of them is listed). The built web process runs with the dashboard on
(\`PUBLIC_URL\`, \`SESSION_SECRET\`, Sign in with Slack); a Slack workspace admin signs in through the app's
\`/dashboard/auth/slack\`, the fake Slack's OpenID authorize page and token endpoint, and the app's callback, so the
session is the one the real sign-in makes. Then ${timings.runs} GET /dashboard/org (the whole HTML page, ${fmt(timings.heatmapBytes / 1024, 0)} KB: the
session and admin check, the heatmap's queries, rendering) and ${timings.runs} GET /dashboard/static/dashboard.css (a static
answer of the same process), in turn A, B, A, B after 20 of each for warm-up, each timed from the request sent to the
last byte read. Every page is checked to be the heatmap (status 200, a known team's row, the "Other teams" row).

| request | runs | p50 ms | p90 ms | p95 ms | p99 ms | max ms |
| --- | --- | --- | --- | --- | --- | --- |
${row('GET /dashboard/org (heatmap)', timings.heatmap)}
${row('GET /dashboard/static/dashboard.css', timings.stylesheet)}
`;
}

function markdownTable(rows: Row[]): string {
  return [
    '| benchmark | target | measured | met? |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.what} | ${row.target} | ${row.measured} | ${row.met === null ? '–' : row.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}

function runLine(r: Report): string {
  const seconds = (r.finishedAt.getTime() - r.startedAt.getTime()) / 1000;
  return `Last run: ${r.startedAt.toISOString()} (${fmt(seconds, 0)} s), \`npm run bench\`${r.quick ? ' with BENCH_QUICK=1 (small sizes: not figures to quote)' : ''}.`;
}

function machineLine(r: Report): string {
  return `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${fmt(r.machine.memoryGb, 1)} GB RAM; Node ${r.machine.node}, PostgreSQL ${r.versions.postgres},
Redis ${r.versions.redis}. Load average before the run ${r.machine.loadBefore.map((l) => fmt(l, 2)).join(' / ')}, after ${r.machine.loadAfter.map((l) => fmt(l, 2)).join(' / ')}.`;
}

/** The page whose block between the markers holds the last full run's figures. */
export const FIGURES_PAGE = 'docs/benchmarks.md';
export const README_START = '<!-- bench:last-run (written by npm run bench) -->';
export const README_END = '<!-- /bench:last-run -->';

/** The README's block between the markers, replaced by the last full run's table (the README keeps the rest). */
export function withReadmeBlock(readme: string, r: Report): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${README_START} … ${README_END} block for the figures`);
  const block = `${README_START}\n${runLine(r)}\n${machineLine(r)}\n\n${markdownTable(r.rows)}\n`;
  return readme.slice(0, start) + block + readme.slice(end);
}

/** bench/results.md. */
export function renderResults(r: Report): string {
  return `# Benchmark results

${runLine(r)}

${machineLine(r)}
Everything ran on this one machine over loopback: PostgreSQL, Redis, the fake Slack, the load generator, the
app's processes and the baselines. A load average near or above the core count before the run means other work
was sharing the machine; the baselines run at the same moments as ours, so their ratios carry less of that noise.

${markdownTable(r.rows)}

${r.app ? appSections(r, r.app) : ''}
${r.summary ? summarySection(r, r.summary) : ''}
${r.dashboard ? dashboardSection(r, r.dashboard) : ''}`;
}
