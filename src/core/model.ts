/** Plain data the core works on. No platform SDK, no ORM types. */

export type Platform = 'slack' | 'teams';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "fri 14:00": the days and the local time (HH:mm, 24-hour) of a team's check-ins. */
export interface Schedule {
  days: Weekday[];
  time: string;
}

export interface TeamSettings {
  /** k: minimum distinct respondents before any aggregate is shown (3–10). */
  threshold: number;
  /** How long a round stays open after the last member's slot, in hours. */
  windowHours: number;
  /** Hours after the DM before one reminder; null = no reminder. */
  reminderHours: number | null;
  /** ISO dates (yyyy-MM-dd) with no check-ins, in each member's local calendar. */
  holidays: string[];
  /** The team's working days; check-ins never land outside them. */
  workdays: Weekday[];
  /** Time zone used for members whose own zone is unknown. */
  timezone: string;
  /** Team language (en, fr, nl, sv, ar) for channel posts and members whose locale is unknown. */
  language: string;
  /** Channel summaries and actions are posted to; null = the team's own channel. */
  summaryChannel: string | null;
  /** Drivers of the question bank this team no longer asks (`/pulse config drivers off <driver>`). */
  disabledDrivers: string[];
  /**
   * Which customer round team mood is read against: 0 = the same round, 1 = one round later. Chosen by the team
   * before looking (`/pulse config symmetry-lag`), never by the code after seeing which reads stronger.
   */
  symmetryLag: SymmetryLag;
}

/** The lag between a round's mood and the customer figures it is read against, in rounds. */
export type SymmetryLag = 0 | 1;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  threshold: 5,
  windowHours: 72,
  reminderHours: 24,
  holidays: [],
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  timezone: 'UTC',
  language: 'en',
  summaryChannel: null,
  disabledDrivers: [],
  symmetryLag: 0,
};

/** Recognition settings, one set per workspace. */
export interface KudosSettings {
  /** Reaction names (without colons) that count as kudos. */
  emoji: string[];
  /** Where shout-outs go; null = in a thread of the recognized message. */
  channel: string | null;
  /** Kudos a person may give per day, counted in their own time zone. */
  dailyLimit: number;
  /** The company values among kudos tags; any other #tag is kept as a free tag (HeyTaco, Bonusly), never refused. */
  values: string[];
}

export const DEFAULT_KUDOS_SETTINGS: KudosSettings = {
  emoji: ['raised_hands', 'clap'],
  channel: null,
  dailyLimit: 5,
  values: [],
};

export interface Workspace {
  id: string;
  platform: Platform;
  /** Slack team id (T…) or Teams tenant id. */
  externalId: string;
  kudos: KudosSettings;
}

/** One person recognizing another, publicly. Never linked to check-in answers. */
export interface Kudos {
  id: string;
  workspaceId: string;
  giver: string;
  recipient: string;
  /** What groups kudos into one shout-out: `msg:<channel>:<ts>` for a message, `cmd:<id>` for /kudos. */
  shoutoutKey: string;
  emoji: string | null;
  reason: string | null;
  /** Tags that were the workspace's values when given. */
  values: string[];
  /** The other tags (free tags), counted apart from the values. */
  tags: string[];
  givenAt: Date;
}

/** Where a recognized message lives and what it says (for the shout-out's excerpt and link). */
export interface RecognizedMessage {
  channelId: string;
  messageId: string;
  text: string;
  permalink: string | null;
}

export interface Team {
  id: string;
  workspaceId: string;
  /** Platform channel id the team lives in (and where summaries go). */
  channelId: string;
  /** The channel's display name as the platform last gave it (src/core/channel-name.ts); null when never seen. */
  name: string | null;
  /** Platform user ids of the team's managers. */
  managers: string[];
  schedule: Schedule | null;
  settings: TeamSettings;
}

export interface Member {
  id: string;
  workspaceId: string;
  platformUserId: string;
  /** IANA time zone, or null when the platform did not tell us. */
  timezone: string | null;
  /** BCP 47 locale such as "en-US", or null. */
  locale: string | null;
  isAdmin: boolean;
  /** Their own `/pulse away`: not asked before this instant; null when they are not away. */
  awayUntil: Date | null;
}

/** What the platform tells us about a user. */
export interface UserProfile {
  platformUserId: string;
  isBot: boolean;
  deleted: boolean;
  isAdmin: boolean;
  timezone: string | null;
  locale: string | null;
}

export type RoundKind = 'scheduled' | 'manual';
export type RoundStatus = 'open' | 'closed';

/** A manager's custom question, asked in every round opened after it was added. */
export interface Question {
  id: string;
  kind: 'scale' | 'text';
  text: string;
}

/** A manager's "you said, we did" answer, listed under summaries until done. */
export interface TeamAction {
  id: string;
  teamId: string;
  text: string;
  createdBy: string;
  createdAt: Date;
  doneAt: Date | null;
}

export type SummaryState = 'pending' | 'posting' | 'posted';

export interface Round {
  id: string;
  teamId: string;
  /** Unique per team: the local date of a scheduled slot ("2026-11-27"), or "manual-…". */
  period: string;
  kind: RoundKind;
  opensAt: Date;
  closesAt: Date;
  status: RoundStatus;
  /** The custom questions this round asks (a snapshot taken when it opened). */
  questions: Question[];
  /** The driver items of the question bank this round asks (response question ids), chosen when it opened. */
  driverItems: string[];
  /** Whether this round asks the quarterly eNPS question (0–10). */
  enps: boolean;
  summaryState: SummaryState;
  /** What a closed round's answers came to, written by its close; null for a round not closed or closed without one. */
  tally?: RoundTally | null;
}

/** How many answers gave score `s` to question `q` (`s` null: a comment without a score). */
export interface TallyScore {
  q: string;
  s: number | null;
  n: number;
}

/**
 * A closed round's counts (db/round-tally.ts writes them): people asked (those away left out) and, for the mood,
 * eNPS and driver items, how many answers gave each score. No respondent, no comment, no order of answering.
 */
export interface RoundTally {
  asked: number;
  scores: TallyScore[];
}

/** 'away': the person was away when their DM was due (not asked, not counted); the tick sends it if they come back before the round closes. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'away';
/** Who said a person is away: they did (`/pulse away`), or their platform status did. */
export type AwayReason = 'self' | 'status';

/** Who was asked. Never linked to what they answered. */
export interface Delivery {
  id: string;
  roundId: string;
  memberId: string;
  state: DeliveryState;
  channelId: string | null;
  messageId: string | null;
  sentAt: Date | null;
  remindedAt: Date | null;
  answeredAt: Date | null;
  /** The fan-out batch whose job sends this DM; null when a per-delivery job does. */
  batch: string | null;
  /** Why it was last found away; null when it never was. */
  awayReason: AwayReason | null;
  /** When a status-away delivery may go out; null = not away by status, or a status that never expires. */
  awayUntil: Date | null;
  /** The person's status was read for it already (at most once per round). */
  statusRead: boolean;
}

/** The built-in question every round asks. */
export const MOOD_QUESTION_ID = 'mood';
export const MAX_COMMENT_LENGTH = 2000;
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 10;

/**
 * Where a platform can write to a person or a channel later, without being asked (Teams keeps a
 * conversation reference per conversation; Slack needs none). Stored in PostgreSQL, never in memory,
 * so any replica can send proactively after a restart.
 */
export interface ConversationAddress {
  workspaceId: string;
  /** The platform's conversation id (a 1:1 chat, or a channel). */
  conversationId: string;
  kind: 'personal' | 'channel';
  /** The person of a personal conversation; null for a channel. */
  userId: string | null;
  /** The group a channel belongs to (a Teams team id); null for a personal conversation. */
  groupId: string | null;
  /** The platform's own reference, opaque to the core (Teams: a ConversationReference with its serviceUrl). */
  reference: Record<string, unknown>;
}

/** What a platform told us about a person outside any team sync (their zone, their other id, whether we can reach them). */
export interface PlatformContact {
  workspaceId: string;
  userId: string;
  /** A second, directory-wide id (Teams: the Microsoft Entra object id). */
  directoryId: string | null;
  timezone: string | null;
  locale: string | null;
  /** When the platform said the bot may no longer write to them (blocked or uninstalled); null = reachable. */
  unreachableAt: Date | null;
}

/** One-click acknowledgements a manager can send under a comment, shown in each reader's language. */
export const QUICK_REPLIES = ['noted', 'working', 'talk'] as const;
export type QuickReply = (typeof QUICK_REPLIES)[number];

/** One message of the conversation on an anonymous comment. Nothing in it names the comment's author unless they chose to sign it. */
export interface ThreadReply {
  id: string;
  commentId: string;
  position: number;
  fromAuthor: boolean;
  /** The manager who wrote it; null for the author's answers. */
  managerId: string | null;
  text: string | null;
  quick: QuickReply | null;
  /** The author's own id on the one answer they chose to sign; null otherwise. */
  revealedAs: string | null;
  /** pending → sending (a worker took it; after a crash the retry looks for the DM before sending) → sent or unreachable. */
  state: 'pending' | 'sending' | 'sent' | 'unreachable';
}

/** An anonymous comment with its conversation, as a manager who can see it (or its author) reads it. */
export interface CommentThread {
  commentId: string;
  roundId: string;
  teamId: string;
  comment: string;
  replies: ThreadReply[];
}
