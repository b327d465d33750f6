/**
 * Which queue each job runs on, how it retries, and the job id built from its domain key,
 * so an enqueue repeated by a retry, a redelivered event or a second tick is a no-op.
 */
import { z } from 'zod';
import { MAX_QUESTION_LENGTH, MAX_SYMMETRY_ROUNDS } from '../core/commands/limits';
import type { JobName, JobPayloads } from '../core/jobs';
import { MAX_THRESHOLD, MIN_THRESHOLD } from '../core/model';

/**
 * `work`: database-only jobs. `platform`: every short job that calls Slack/Teams (a click's update, a
 * summary, a shout-out). `fanout`: the long jobs that send a batch of check-in DMs each; on a queue of
 * their own so a big round never holds up the people answering it. Platform calls of both are paced
 * by the CallPacer, per workspace.
 */
export type QueueKind = 'work' | 'platform' | 'fanout';
export const QUEUE_KINDS: readonly QueueKind[] = ['work', 'platform', 'fanout'];

const id = z.string().min(1).max(200);
// BullMQ job ids must not contain ':' and must not be all digits; domain keys are uuids and platform ids.
const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

interface JobDefinition<N extends JobName> {
  queue: QueueKind;
  schema: z.ZodType<JobPayloads[N]>;
  /** Lower runs first: a person waiting on a click beats a fan-out. 0: none, before every prioritized job (BullMQ). */
  priority: number;
  attempts: number;
  jobId: (p: JobPayloads[N]) => string | undefined;
  /** Drop the job as soon as it completes (its id must not dedupe later requests). */
  removeOnComplete?: true;
}

type Definitions = { [N in JobName]: JobDefinition<N> };

/** A daily clean-up started by its job scheduler: no payload, no id (a scheduled job cannot have one), low priority. */
function dailyCleanup<N extends 'purge-comments' | 'purge-workspaces'>(): JobDefinition<N> {
  return {
    queue: 'work',
    schema: z.object({}).strict() as unknown as z.ZodType<JobPayloads[N]>,
    priority: 9,
    attempts: 3,
    jobId: () => undefined,
  };
}

// 0 is eNPS's lowest answer; the use case checks each question's own range.
const scoreJob = z.object({ deliveryId: id, questionId: id, score: z.number().int().min(0).max(10), clickId: id });
const commentForm = z.object({
  platform: z.enum(['slack', 'teams']),
  workspace: id,
  trigger: z.string().min(1).max(500),
  until: z.iso.datetime(),
  locale: z.string().min(2).max(35),
  threshold: z.number().int().min(MIN_THRESHOLD).max(MAX_THRESHOLD),
  textQuestions: z.array(z.object({ id, text: z.string().max(MAX_QUESTION_LENGTH) })).max(20),
});

export const JOBS: Definitions = {
  'open-round': {
    queue: 'work',
    schema: z.object({ teamId: id, requestedAt: z.iso.datetime() }),
    priority: 2,
    attempts: 8,
    jobId: (p) => `open-round-${p.teamId}-${safe(p.requestedAt.slice(0, 16))}`,
  },
  'deliver-checkin': {
    queue: 'platform',
    schema: z.object({ deliveryId: id }),
    priority: 5,
    attempts: 12,
    jobId: (p) => `deliver-${p.deliveryId}`,
  },
  'deliver-checkins': {
    queue: 'fanout',
    schema: z.object({ batch: z.uuid() }),
    priority: 5,
    attempts: 12,
    jobId: (p) => `checkins-${p.batch}`,
  },
  'send-reminder': {
    queue: 'platform',
    schema: z.object({ deliveryId: id }),
    priority: 6,
    attempts: 12,
    jobId: (p) => `remind-${p.deliveryId}`,
  },
  'record-score': {
    queue: 'platform',
    schema: scoreJob,
    priority: 1,
    attempts: 12,
    jobId: (p) => `score-${p.deliveryId}-${safe(p.questionId)}-${safe(p.clickId)}`,
    // The payload pairs a delivery with an answer: it must not linger in Redis once saved.
    removeOnComplete: true,
  },
  'open-comment-form': {
    queue: 'platform',
    schema: scoreJob.extend({ form: commentForm }),
    // No priority: BullMQ serves its wait list before every prioritized job, so a form (someone is looking at the
    // screen, the trigger lasts 3 s) never queues behind the saves and updates of the clicks before it.
    priority: 0,
    attempts: 12,
    jobId: (p) => `form-${p.deliveryId}-${safe(p.questionId)}-${safe(p.clickId)}`,
    removeOnComplete: true,
  },
  'record-comment': {
    queue: 'platform',
    schema: z.object({ deliveryId: id, questionId: id, comment: z.string().min(1).max(2000), clickId: id }),
    priority: 1,
    attempts: 12,
    jobId: (p) => `comment-${p.deliveryId}-${safe(p.questionId)}-${safe(p.clickId)}`,
    // The payload pairs a delivery with an answer: it must not linger in Redis once saved.
    removeOnComplete: true,
  },
  'sync-team': {
    queue: 'platform',
    schema: z.object({ teamId: id }),
    priority: 3,
    attempts: 8,
    jobId: (p) => `sync-team-${p.teamId}`,
  },
  'sync-member': {
    queue: 'platform',
    schema: z.object({ teamId: id, platformUserId: id, change: z.enum(['joined', 'left']), eventKey: id }),
    priority: 3,
    attempts: 8,
    jobId: (p) => `sync-member-${p.teamId}-${safe(p.eventKey)}`,
  },
  'close-round': {
    queue: 'work',
    schema: z.object({ roundId: id }),
    priority: 4,
    attempts: 8,
    jobId: (p) => `close-${p.roundId}`,
  },
  'post-summary': {
    queue: 'platform',
    schema: z.object({ roundId: id }),
    priority: 4,
    attempts: 12,
    jobId: (p) => `summary-${p.roundId}`,
  },
  'post-action': {
    queue: 'platform',
    schema: z.object({ actionId: id }),
    priority: 3,
    attempts: 12,
    jobId: (p) => `action-${p.actionId}`,
  },
  'deliver-reply': {
    queue: 'platform',
    schema: z.object({ replyId: id }),
    priority: 3,
    attempts: 12,
    // The message id is the key: a redelivered click or a retry finds the same job, and the message leaves 'pending' once.
    jobId: (p) => `reply-${p.replyId}`,
  },
  'publish-home': {
    queue: 'platform',
    schema: z.object({ workspaceId: id, platformUserId: id }),
    priority: 2,
    attempts: 3,
    // Dedupes a burst of opens while one waits; removed on completion so the next open refreshes.
    jobId: (p) => `home-${p.workspaceId}-${safe(p.platformUserId)}`,
    removeOnComplete: true,
  },
  'kudos-reaction': {
    queue: 'platform',
    schema: z.object({
      workspaceId: id,
      giver: id,
      author: id,
      channelId: id,
      messageId: id,
      emoji: z.string().min(1).max(100),
      action: z.enum(['add', 'remove']),
      eventKey: id,
    }),
    priority: 2,
    attempts: 12,
    // (giver, channel, message, emoji) is the kudos; the event id tells an add from a later re-add.
    jobId: (p) =>
      `kudos-${safe(p.giver)}-${safe(p.channelId)}-${safe(p.messageId)}-${safe(p.emoji)}-${p.action}-${safe(p.eventKey)}`,
  },
  'kudos-command': {
    queue: 'platform',
    // `tags` defaults to none: a job queued by a web process from before free tags carries only values.
    schema: z.object({
      workspaceId: id,
      giver: id,
      recipients: z.array(id).min(1).max(20),
      reason: z.string().min(1).max(1000),
      values: z.array(z.string().max(60)).max(20),
      tags: z.array(z.string().max(60)).max(20).default([]),
      commandId: id,
      channelId: id,
    }),
    priority: 2,
    attempts: 12,
    jobId: (p) => `kudos-cmd-${safe(p.commandId)}`,
  },
  'update-shoutout': {
    queue: 'platform',
    schema: z.object({ workspaceId: id, shoutoutKey: id, channelId: id, change: id }),
    priority: 3,
    attempts: 15,
    jobId: (p) => `shoutout-${p.workspaceId}-${safe(p.shoutoutKey)}-${safe(p.change)}`,
  },
  'kudos-plus-one': {
    queue: 'platform',
    schema: z.object({
      workspaceId: id,
      giver: id,
      shoutoutKey: id,
      channelId: id,
      action: z.enum(['add', 'remove']),
      eventKey: id,
    }),
    priority: 2,
    attempts: 12,
    // (giver, shout-out) is the "+1"; the event id tells an add from a later re-add.
    jobId: (p) => `plus-${safe(p.giver)}-${safe(p.shoutoutKey)}-${p.action}-${safe(p.eventKey)}`,
  },
  'post-digest': {
    queue: 'platform',
    schema: z.object({ teamId: id, period: id }),
    priority: 6,
    attempts: 8,
    jobId: (p) => `digest-${p.teamId}-${safe(p.period)}`,
  },
  'export-csv': {
    queue: 'platform',
    schema: z.object({ teamId: id, platformUserId: id, requestedAt: z.iso.datetime() }),
    priority: 3,
    attempts: 5,
    jobId: (p) => `export-${p.teamId}-${safe(p.platformUserId)}-${safe(p.requestedAt.slice(0, 16))}`,
    // A double-submitted command is one export; asking again later is a new one.
    removeOnComplete: true,
  },
  'send-chart': {
    queue: 'platform',
    schema: z.object({
      teamId: id,
      platformUserId: id,
      view: z.enum(['summary', 'symmetry']),
      rounds: z.number().int().min(1).max(MAX_SYMMETRY_ROUNDS),
      requestedAt: z.iso.datetime(),
    }),
    priority: 3,
    attempts: 5,
    // A double-submitted command (same minute) is one chart: the completed job keeps its id for an hour.
    jobId: (p) =>
      `chart-${p.teamId}-${safe(p.platformUserId)}-${p.view}-${p.rounds}-${safe(p.requestedAt.slice(0, 16))}`,
  },
  'purge-comments': dailyCleanup<'purge-comments'>(),
  'purge-workspaces': dailyCleanup<'purge-workspaces'>(),
  tick: {
    queue: 'work',
    schema: z.object({}).strict() as unknown as z.ZodType<JobPayloads['tick']>,
    priority: 1,
    attempts: 1,
    jobId: () => undefined,
  },
};

/** The BullMQ queue name of a kind. */
export function queueName(kind: QueueKind): string {
  return `symmetry-${kind}`;
}
