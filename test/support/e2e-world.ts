/**
 * One end-to-end world: a fake Slack workspace with people and a team channel, the built app
 * started against it, and the moves a person makes (a slash command, a click, a modal).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Queue, type Job, type JobType } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_KINDS, queueName, type QueueKind } from '../../src/jobs/definitions';
import { startApp, waitFor, type AppProcess } from './app-process';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions, type FakeUser, type StoredMessage } from './fake-slack';
import {
  blockActionBody,
  postToSlackApp,
  slashCommandBody,
  viewSubmissionBody,
  type SlackRequestBody,
} from './slack-requests';

export interface WorldOptions {
  teamId: string;
  channel: string;
  users: FakeUser[];
  /** Users in the channel (default: every user). */
  channelMembers?: string[];
  /** Extra environment for the app, e.g. DATABASE_URL through a proxy. */
  env?: Record<string, string>;
  /** Run `web` and `worker` as two processes (as in production) instead of one `all` process. */
  split?: boolean;
  /** Extra environment for the worker only (with `split`), e.g. its own DATABASE_URL. */
  workerEnv?: Record<string, string>;
  /** Options of the fake Slack, e.g. `delayMs`. */
  slack?: Omit<FakeSlackOptions, 'teamId'>;
}

export interface World {
  slack: FakeSlack;
  /** The `all` process, or with `split` the `web` process. */
  app: AppProcess;
  /** With `split`: the worker process started last (by startWorld or startWorker). */
  worker: AppProcess | undefined;
  /** The environment the app runs with (the worker's extras not included). */
  env: Record<string, string>;
  /** With `split`: starts one more worker process on the same stores. */
  startWorker(): Promise<AppProcess>;
  secret: string;
  /** Posts a body to /slack/events, signed unless `sign` is false. */
  send(body: SlackRequestBody, headers?: Record<string, string>): ReturnType<typeof postToSlackApp>;
  /** Runs a slash command (`channelName`: what Slack sends as the channel's name) and returns the private reply the app sent to response_url. */
  command(
    userId: string,
    command: string,
    text: string,
    channelName?: string,
  ): Promise<{ text: string; blocks?: unknown[] }>;
  /** Runs `/pulse <text>` and returns the reply text. */
  pulse(userId: string, text: string): Promise<string>;
  /** The user's check-in DM as Slack stores it now (exactly one expected). */
  checkinOf(userId: string): StoredMessage;
  /** A click on the score button of `questionBlock` (default: the mood question's buttons). */
  click(
    userId: string,
    message: StoredMessage,
    score: number,
    opts?: { actionTs?: string; blockId?: string; value?: (buttonValue: string) => string },
  ): SlackRequestBody;
  /** Submits the comment modal the app opened last (tests click and submit one person at a time). */
  submitModal(userId: string, values: Record<string, string>, viewId?: string): Promise<number>;
  /** Stops every process (SIGTERM) and the fake Slack; resolves with the web/all process's exit code. */
  stop(): Promise<number | null>;
}

/** The button of `score` in the actions block `blockId` of a message. */
export function buttonOf(
  message: StoredMessage,
  score: number,
  blockId = 'checkin_scores',
): { action_id: string; value: string } {
  const actions = (
    message.blocks as Array<{ type: string; block_id?: string; elements?: Array<{ action_id: string; value: string }> }>
  ).find((b) => b.type === 'actions' && b.block_id === blockId);
  const button = actions?.elements?.find((e) => e.action_id === `checkin_score_${score}`);
  if (!button) throw new Error(`no button ${score} in ${blockId}`);
  return button;
}

/** The user's check-in DMs as Slack holds them: exactly one per round is the promise. */
export function checkinDms(slack: FakeSlack, userId: string): StoredMessage[] {
  return slack
    .dmOf(userId)
    .filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === 'symmetry_checkin');
}

/** The score a check-in DM tells its member is saved ("You answered *7*. Saved."), or null. */
export function savedScoreIn(message: StoredMessage): number | null {
  const m = /You answered \*(\d+)\*\. Saved\./.exec(JSON.stringify(message.blocks ?? []));
  return m ? Number(m[1]) : null;
}

export interface QueueWatch {
  /** Jobs of both queues by state (BullMQ's getJobCounts). */
  counts(): Promise<Record<string, number>>;
  /** True when no job waits, runs or is scheduled for a retry (the job scheduler's next tick aside). */
  idle(): Promise<boolean>;
  /** Jobs of a queue in the given states, e.g. record-score jobs waiting for a retry. */
  jobs(kind: QueueKind, states: JobType[]): Promise<Job[]>;
  close(): Promise<void>;
}

/** BullMQ's view of a world's queues, for tests that watch jobs retry or drain. Read only. */
export function watchQueues(env: Record<string, string>): QueueWatch {
  const connection = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  connection.on('error', () => undefined);
  const queues = Object.fromEntries(
    QUEUE_KINDS.map((k) => [k, new Queue(queueName(k), { connection, prefix: env.QUEUE_PREFIX! })]),
  ) as Record<QueueKind, Queue>;
  const counts = async () => {
    const all = await Promise.all(
      QUEUE_KINDS.map((k) =>
        queues[k].getJobCounts(
          'active',
          'waiting',
          'prioritized',
          'delayed',
          'waiting-children',
          'failed',
          'completed',
        ),
      ),
    );
    const sum: Record<string, number> = {};
    for (const c of all) for (const [state, n] of Object.entries(c)) sum[state] = (sum[state] ?? 0) + n;
    return sum;
  };
  return {
    counts,
    async idle() {
      const c = await counts();
      // The tick's scheduler always has its next run delayed; only the platform and fan-out queues' delayed jobs are work.
      const delayed = (await queues.platform.getDelayedCount()) + (await queues.fanout.getDelayedCount());
      return (c.active ?? 0) + (c.waiting ?? 0) + (c.prioritized ?? 0) + delayed === 0;
    },
    jobs: (kind, states) => queues[kind].getJobs(states),
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      connection.disconnect();
    },
  };
}

/** Starts the fake Slack and the app (`all` role) on the test database and a unique queue prefix. */
export async function startWorld(opts: WorldOptions): Promise<World> {
  const secret = `e2e-secret-${randomBytes(8).toString('hex')}`;
  const slack = await startFakeSlack({ ...opts.slack, teamId: opts.teamId });
  for (const u of opts.users) slack.addUser(u);
  slack.addChannel(opts.channel, opts.channelMembers ?? opts.users.map((u) => u.id), { name: 'team' });
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: 'xoxb-e2e-token',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: slack.url,
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'symtest'}w${randomBytes(3).toString('hex')}`,
    ANONYMITY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    TICK_SECONDS: '1',
    ...opts.env,
  };
  const workers: AppProcess[] = [];
  const startWorker = async () => {
    const worker = await startApp({ ...env, ...opts.workerEnv }, 'worker');
    workers.push(worker);
    return worker;
  };
  if (opts.split) await startWorker();
  const app = await startApp(env, opts.split ? 'web' : 'all');
  let seq = 0;
  const send = (body: SlackRequestBody, headers: Record<string, string> = {}) =>
    postToSlackApp(`${app.url}/slack/events`, { ...body, secret, headers });
  const command = async (userId: string, name: string, text: string, channelName?: string) => {
    const id = `cmd-${++seq}`;
    const res = await send(
      slashCommandBody({
        command: name,
        text,
        userId,
        channelId: opts.channel,
        channelName,
        teamId: opts.teamId,
        responseUrl: slack.responseUrl(id),
      }),
    );
    if (res.status !== 200) throw new Error(`${name} ${text} answered ${res.status}`);
    const [reply] = await waitFor(
      () => (slack.responses(id).length ? slack.responses(id) : null),
      `the reply to ${name} ${text}`,
    );
    return reply as { text: string; blocks?: unknown[] };
  };
  const world: World = {
    slack,
    app,
    get worker() {
      return workers.at(-1);
    },
    env,
    startWorker,
    secret,
    send,
    command,
    pulse: async (userId, text) => (await command(userId, '/pulse', text)).text,
    checkinOf(userId) {
      const dms = slack
        .dmOf(userId)
        .filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === 'symmetry_checkin');
      if (dms.length !== 1) throw new Error(`${userId} has ${dms.length} check-in DMs`);
      return dms[0]!;
    },
    click(userId, message, score, o = {}) {
      const button = buttonOf(message, score, o.blockId);
      return blockActionBody({
        userId,
        teamId: opts.teamId,
        actionId: button.action_id,
        value: o.value ? o.value(button.value) : button.value,
        blockId: o.blockId ?? 'checkin_scores',
        channelId: message.channel,
        messageTs: message.ts,
        responseUrl: slack.responseUrl(`click-${++seq}`),
        message: { text: message.text, blocks: message.blocks as unknown[] },
        ...(o.actionTs ? { action: { action_ts: o.actionTs } } : {}),
      });
    },
    async submitModal(userId, values, viewId) {
      const opened = await waitFor(() => slack.callsTo('views.open').at(-1), 'a modal');
      const view = opened.args.view as { private_metadata: string };
      const state = Object.fromEntries(
        Object.entries(values).map(([block, value]) => [block, { comment: { type: 'plain_text_input', value } }]),
      );
      const res = await send(
        viewSubmissionBody({
          userId,
          teamId: opts.teamId,
          callbackId: 'checkin_comment',
          privateMetadata: view.private_metadata,
          values: state,
          viewId: viewId ?? `V${++seq}`,
        }),
      );
      return res.status;
    },
    async stop() {
      const [code, ...workerCodes] = await Promise.all([app.stop(), ...workers.map((w) => w.stop())]);
      await slack.close();
      if (code !== 0) {
        console.error(`app exited with ${code}; its last output:\n${app.output().slice(-3000)}`);
        // E2E_LOG=path keeps the whole output of a failed run for a closer look.
        if (process.env.E2E_LOG) writeFileSync(process.env.E2E_LOG, app.output());
      }
      // A worker the test killed on purpose (SIGKILL) has no exit code to report.
      const failedWorker = workers.findIndex((w, i) => workerCodes[i] !== 0 && w.child.signalCode !== 'SIGKILL');
      if (failedWorker >= 0)
        console.error(
          `worker ${failedWorker} exited with ${workerCodes[failedWorker]}; its last output:\n${workers[failedWorker]!.output().slice(-3000)}`,
        );
      return code !== 0 || failedWorker < 0 ? code : (workerCodes[failedWorker] ?? null);
    },
  };
  return world;
}
