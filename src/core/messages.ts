/** Platform-neutral messages the workers send; each platform renders them (Block Kit, Adaptive Cards). */
import type { MessageKey, MessageParams } from './i18n';
import type { RoundSummary } from './summary';
import type { SymmetryView } from './symmetry';
import type { DriverId } from './drivers/bank';
import type { DriversView } from './drivers/report';

export interface CheckinAnswerView {
  score: number | null;
  commentSaved: boolean;
}

/** The check-in DM: ten score buttons per scale question, the saved answers, who can see what. */
export interface CheckinMessage {
  kind: 'checkin';
  locale: string;
  deliveryId: string;
  threshold: number;
  closesAt: Date;
  closed: boolean;
  answer: CheckinAnswerView | null;
  /**
   * The round's other score questions, in the member's language, with their own saved score: the
   * team's custom 1–10 questions, the question bank's driver items (1–10 agreement) and eNPS (0–10).
   */
  scaleQuestions: Array<{ id: string; text: string; score: number | null; min: 0 | 1; hint: string | null }>;
  /** The team's free-text questions in this round (Slack asks them in the comment modal, Teams on the card). */
  textQuestions: Array<{ id: string; text: string; saved: boolean }>;
  /** Per score question id (mood included), the proof its buttons carry (src/core/click-proof.ts); none once closed. */
  proofs: Record<string, string>;
}

/** A round's anonymized summary, posted to the team channel or shown to a manager. */
export interface SummaryMessage {
  kind: 'summary';
  locale: string;
  summary: RoundSummary;
  /** Open "you said, we did" actions listed under the summary. */
  actions: string[];
  /** Idempotency key carried in the message, so a crashed post is found instead of repeated. */
  key: string;
  /** Team mood beside customer CSAT/NPS up to this round; absent when the team has no customer figures for them. */
  symmetry?: SymmetryView;
  /** How many of the round's comments a manager has answered; absent when none (or the round is withheld). */
  answered?: { answered: number; comments: number };
  /**
   * The round's comments with their ids, each to get a Reply button: only in a summary shown privately to a
   * manager of the team, and only for a round shown at or above k (the channel's summary never carries it).
   */
  replyTo?: Array<{ commentId: string; comment: string }>;
  /** The drivers this round asked (their latest figures), the focus areas and its eNPS; absent when it asked none. */
  drivers?: { view: DriversView; asked: DriverId[] };
}

/** `/pulse drivers`: every driver's latest figure and trend, focus areas, driver–mood associations and eNPS. */
export interface DriversMessage {
  kind: 'drivers';
  locale: string;
  view: DriversView;
}

/** `/pulse symmetry`: team mood beside customer satisfaction over recent rounds, with the correlation reading. */
export interface SymmetryMessage {
  kind: 'symmetry';
  locale: string;
  view: SymmetryView;
}

/** A manager's "you said, we did" announcement. */
export interface ActionMessage {
  kind: 'action';
  locale: string;
  text: string;
  managerId: string;
  key: string;
}

/** A recognition shout-out; re-rendered as kudos on the same message come and go. */
export interface ShoutoutMessage {
  kind: 'shoutout';
  locale: string;
  /** Givers in the order they gave; the first is named, the rest counted. */
  givers: string[];
  recipients: string[];
  reason: string | null;
  values: string[];
  /** Free tags: the giver's own #words, shown apart from the company values. */
  tags: string[];
  /** An excerpt of the recognized message and its link, when there is one. */
  excerpt: string | null;
  permalink: string | null;
  /** Every kudos was taken back. */
  withdrawn: boolean;
  key: string;
}

/** The weekly kudos digest of a team. */
export interface DigestMessage {
  kind: 'digest';
  locale: string;
  receivers: Array<{ user: string; count: number }>;
  total: number;
  key: string;
}

/** A conversation on an anonymous comment, as its author (`viewer: 'author'`) or a manager of the team reads it. */
export interface ThreadMessage {
  kind: 'thread';
  locale: string;
  viewer: 'author' | 'manager';
  commentId: string;
  /** The team's channel (where the comment's round belongs). */
  channelId: string;
  comment: string;
  replies: Array<{
    fromAuthor: boolean;
    managerId: string | null;
    text: string | null;
    quick: string | null;
    revealedAs: string | null;
  }>;
  key: string;
}

export type OutboundMessage =
  | CheckinMessage
  | ShoutoutMessage
  | DigestMessage
  | SummaryMessage
  | ActionMessage
  | SymmetryMessage
  | DriversMessage
  | ThreadMessage
  | { kind: 'reminder'; locale: string; closesAt: Date }
  | { kind: 'text'; locale: string; key: MessageKey; params?: MessageParams };

/** One line of a person's own history: only they ever see it. */
export interface OwnAnswer {
  closesAt: Date;
  open: boolean;
  score: number | null;
  commented: boolean;
}

/** A team as its manager sees it at home: next round, last round (under the threshold rule). */
export interface ManagedTeamView {
  channelId: string;
  nextRound: Date | null;
  openRound: { answered: number; total: number; closesAt: Date } | null;
  last:
    | { closesAt: Date; withheld: true; needed: number }
    | { closesAt: Date; withheld: false; responseRate: number; average: number }
    | null;
  /** Comments still unanswered, then open conversations, of rounds shown at or above k (the first few), each to reply to. */
  conversations: ThreadMessage[];
}

/** The App Home of one person. */
/** The comment form behind a mood score: the optional comment and the round's free-text questions. */
export interface CommentForm {
  deliveryId: string;
  locale: string;
  threshold: number;
  textQuestions: Array<{ id: string; text: string }>;
}

export interface HomeView {
  locale: string;
  ownAnswers: OwnAnswer[];
  /** Kudos this person received in the last 30 days, with a few of the reasons. */
  kudosReceived: { count: number; reasons: string[] };
  managedTeams: ManagedTeamView[];
  /** For org admins only: the dashboard's address (null when it is not configured) and the heatmap as a PNG (null when not drawn). */
  organisation?: { dashboardUrl: string | null; heatmapPng: Uint8Array | null };
}
