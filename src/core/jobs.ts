import type { Platform } from './model';
/** Which command's chart: the trend under `/pulse summary N` or `/pulse symmetry N`. */
export type ChartView = 'summary' | 'symmetry';

/**
 * The comment form behind a mood score, as the click's job opens it: the platform's trigger for it (Slack's
 * trigger_id, good for 3 s: `until`, ISO), and what the form shows, taken from the click so no query is needed.
 */
export interface CommentFormJob {
  /** The workspace whose person clicked: its platform and its id there. */
  platform: Platform;
  workspace: string;
  trigger: string;
  until: string;
  locale: string;
  threshold: number;
  textQuestions: Array<{ id: string; text: string }>;
}

/** A score to save: which check-in, which question, the score, and the platform's id of the click. */
export interface ScoreJob {
  deliveryId: string;
  questionId: string;
  score: number;
  clickId: string;
}

/** Names and payloads of the background jobs. Only ids (and the answer itself, and a comment form's texts) travel in a job. */
export interface JobPayloads {
  'open-round': { teamId: string; requestedAt: string };
  /** One check-in DM; only for deliveries outside any batch (jobs queued before batches existed). */
  'deliver-checkin': { deliveryId: string };
  /** The check-in DMs of one fan-out batch (see DeliveryRepository.assignBatches). */
  'deliver-checkins': { batch: string };
  'send-reminder': { deliveryId: string };
  'record-score': ScoreJob;
  /**
   * A mood click on Slack: its comment form is opened with the click's trigger, then its score queued as
   * record-score. Served before every other job of its queue, so the form never waits behind saves.
   */
  'open-comment-form': ScoreJob & { form: CommentFormJob };
  'record-comment': { deliveryId: string; questionId: string; comment: string; clickId: string };
  'sync-team': { teamId: string };
  'sync-member': { teamId: string; platformUserId: string; change: 'joined' | 'left'; eventKey: string };
  'close-round': { roundId: string };
  'post-summary': { roundId: string };
  'post-action': { actionId: string };
  'publish-home': { workspaceId: string; platformUserId: string };
  'kudos-reaction': {
    workspaceId: string;
    giver: string;
    author: string;
    channelId: string;
    messageId: string;
    emoji: string;
    action: 'add' | 'remove';
    eventKey: string;
  };
  /** `values` and free `tags` as the giver was told they were split. */
  'kudos-command': {
    workspaceId: string;
    giver: string;
    recipients: string[];
    reason: string;
    values: string[];
    tags: string[];
    commandId: string;
    channelId: string;
  };
  'update-shoutout': { workspaceId: string; shoutoutKey: string; channelId: string; change: string };
  'post-digest': { teamId: string; period: string };
  /** A 👍/❤️ on a posted shout-out (Teams): a "+1" from the reactor to its recipients. */
  'kudos-plus-one': {
    workspaceId: string;
    giver: string;
    shoutoutKey: string;
    channelId: string;
    action: 'add' | 'remove';
    eventKey: string;
  };
  'export-csv': { teamId: string; platformUserId: string; requestedAt: string };
  /** The trend chart of a `/pulse summary N` or `/pulse symmetry N` reply, sent to the caller's 1:1 conversation with the bot. */
  'send-chart': { teamId: string; platformUserId: string; view: ChartView; rounds: number; requestedAt: string };
  /** One message of a conversation on an anonymous comment, to the author or to the team's managers; keyed by the message id. */
  'deliver-reply': { replyId: string };
  'purge-comments': Record<string, never>;
  /** Daily: the data of workspaces uninstalled longer ago than the grace period is deleted. */
  'purge-workspaces': Record<string, never>;
  tick: Record<string, never>;
}

export type JobName = keyof JobPayloads;
