/** Rounds, their deliveries, answers and questions: the check-in's own storage ports. */
import type { AwayReason, Delivery, Member, Question, Round, RoundKind, Team, Workspace } from '../model';
import type { MessageRef } from './platform';

export interface RoundRepository {
  /** Creates the round for (team, period) unless it exists; never makes a second one. */
  ensure(input: {
    teamId: string;
    period: string;
    kind: RoundKind;
    opensAt: Date;
    closesAt: Date;
    questions?: Question[];
    driverItems?: string[];
    enps?: boolean;
  }): Promise<{ round: Round; created: boolean }>;
  /**
   * What the question bank needs to pick a new round's questions: how many rounds the team has had
   * (the rotation's round number) and whether a scheduled round of the period range `quarter` (local dates) asked eNPS.
   */
  /** The driver items of the team's latest rounds (newest first, at most `history`) and whether the quarter asked eNPS. */
  bankFacts(
    teamId: string,
    quarter: { from: string; to: string },
    history: number,
  ): Promise<{ recentDriverItems: string[][]; enpsAsked: boolean }>;
  findById(id: string): Promise<Round | null>;
  /** The most recently opened round of the team that is still open, if any. */
  findOpen(teamId: string): Promise<Round | null>;
  /** The workspace's open rounds whose closesAt has passed. */
  listDueToClose(workspaceId: string, now: Date): Promise<Round[]>;
  /**
   * Marks the round closed; true only for the call that closed it. In the same transaction it
   * rewrites the round's responses, so their storage order and transaction ids no longer match
   * the order in which people answered.
   */
  close(roundId: string, at: Date): Promise<boolean>;
  /** The team's most recent closed rounds, newest first. */
  listClosed(teamId: string, limit: number): Promise<Round[]>;
  /** pending → posting; returns the state the round had before (only 'pending' means "post it now"). */
  beginSummary(roundId: string): Promise<Round['summaryState'] | null>;
  markSummaryPosted(roundId: string, ref: MessageRef): Promise<void>;
}

/** Everything a delivery's DM (or an answer to it) needs, loaded together. */
export interface DeliveryContext {
  delivery: Delivery;
  round: Round;
  team: Team;
  member: Member;
  workspace: Workspace;
}

/** What a fan-out batch's job needs: the round, team and workspace once, and each unsent delivery with its member. */
export interface DeliveryBatch {
  round: Round;
  team: Team;
  workspace: Workspace;
  deliveries: Array<{ delivery: Delivery; member: Member }>;
}

/** A round's deliveries counted: `total` leaves out the `away` ones (not asked, not in the response rate). */
export interface DeliveryCounts {
  total: number;
  answered: number;
  away: number;
}

export interface DeliveryRepository {
  /**
   * Creates a pending delivery per member unless one exists (in batches of `batchSize`, when given);
   * returns all deliveries of those members for the round.
   */
  ensureMany(roundId: string, memberIds: string[], batchSize?: number): Promise<Delivery[]>;
  findById(id: string): Promise<Delivery | null>;
  /** The delivery with its round, member, team and the team's workspace, in one query (null when any is missing). */
  findWithContext(id: string): Promise<DeliveryContext | null>;
  /** Moves pending → sending (returns false when the delivery was not pending, or belongs to a batch). */
  markSending(id: string): Promise<boolean>;
  /**
   * Puts the unsent, unbatched deliveries among `ids` into batches of at most `size` (once: a delivery
   * keeps its batch); returns the batches of all unsent deliveries among `ids`.
   */
  assignBatches(ids: readonly string[], size: number): Promise<string[]>;
  /** A batch's unsent deliveries (pending or sending) with their members, and the round they belong to. */
  loadBatch(batch: string): Promise<DeliveryBatch | null>;
  /** Moves these deliveries of the batch pending → sending; returns the ids it moved. */
  claimBatch(batch: string, ids: readonly string[]): Promise<string[]>;
  /** Records many sent DMs in one statement. */
  markSentMany(sent: ReadonlyArray<{ id: string; ref: MessageRef }>, at: Date): Promise<void>;
  /**
   * Moves sending → pending for deliveries whose DM certainly did not go out (refused, or never tried), noting for
   * those in `statusRead` that their person's platform status was read (their retry does not read it again).
   */
  releaseMany(ids: readonly string[], statusRead?: readonly string[]): Promise<void>;
  /** Gives up on a batch's unsent deliveries (their round closed). */
  failBatch(batch: string): Promise<void>;
  markSent(id: string, ref: MessageRef, at: Date): Promise<void>;
  /**
   * Moves sending → pending: the platform refused the DM before taking it (429), so the retry needs no lookup;
   * `statusRead`: the person's platform status was read (the retry does not read it again).
   */
  releaseSending(id: string, statusRead?: boolean): Promise<void>;
  markFailed(id: string): Promise<void>;
  /**
   * Moves sending → away: the person was away when their DM was due. `until` is when a status-away
   * one may go out (null: never by itself); `statusRead` records that their status was read this round.
   */
  markAway(id: string, away: { reason: AwayReason; until: Date | null; statusRead: boolean }): Promise<void>;
  /**
   * Moves the away deliveries of open rounds (not yet past closesAt) whose person is back at `now` to
   * pending, each in a new batch of its own; returns them. Back: their own away date has passed or was
   * cleared (reason 'self'), or their status expired (reason 'status').
   */
  returnFromAway(workspaceId: string, now: Date, limit: number): Promise<Delivery[]>;
  /** Records the reminder; false when one was already recorded. */
  markReminded(id: string, at: Date): Promise<boolean>;
  /** The workspace's deliveries not yet sent (pending or sending) of open rounds. */
  listUnsent(workspaceId: string, limit: number): Promise<Delivery[]>;
  /** The workspace's sent, unanswered, unreminded deliveries of open rounds whose team wants reminders, sent at least reminderHours ago. */
  listDueForReminder(workspaceId: string, now: Date, limit: number): Promise<Delivery[]>;
  /** The member's deliveries, newest round first (their own history). */
  listForMember(memberId: string, limit: number): Promise<Delivery[]>;
  /** Answered and total deliveries of a round, away ones apart and not in the total (counts only). */
  countForRound(roundId: string): Promise<DeliveryCounts>;
  /** The same counts for many rounds in one query; a round without deliveries counts 0, 0 and 0. */
  countForRounds(roundIds: readonly string[]): Promise<Map<string, DeliveryCounts>>;
}

/** A round's answers as summaries read them: no respondent hash, no time. */
export interface RoundAnswers {
  answers: Array<{ questionId: string; score: number | null; comment: string | null }>;
  respondents: number;
}

/** One respondent's answer to one question, as only they may see it. */
export interface OwnAnswerRow {
  score: number | null;
  comment: string | null;
}

/**
 * An answer as its save left it and, when the save was asked to read them back, the same respondent's answers to
 * the round's other questions as they stood at the save (by question; unanswered ones absent): one round trip.
 */
export interface SavedAnswerRow extends OwnAnswerRow {
  others?: Map<string, OwnAnswerRow>;
}

/** Whose answer to which question of which round, for a save: the delivery it marks answered, never linked to it. */
export interface AnswerSave {
  deliveryId: string;
  roundId: string;
  teamId: string;
  questionId: string;
  respondentHash: string;
  at: Date;
  /** Other questions of the round whose answers by the same respondent come back with the save (`others`). */
  readBack?: readonly string[];
}

/** The write that makes an answer durable: the response and the "answered" mark commit together. */
export interface AnswerRepository {
  /**
   * Saves (or changes) the score and marks the delivery answered, together; returns the respondent's answer as it
   * now stands, or null (nothing saved) when the round is no longer open.
   */
  saveScore(input: AnswerSave & { score: number }): Promise<SavedAnswerRow | null>;
  /** The same for a comment (the score, if any, stays). */
  saveComment(
    input: AnswerSave & { comment: string; commentId: string; authorSeal: string },
  ): Promise<SavedAnswerRow | null>;
  /**
   * Every answer of each round without who gave it (the mood and the custom questions: driver items and eNPS are
   * the drivers view's, read by listScores or a tally), and the number of distinct respondents to the mood score,
   * for many rounds in two queries (a round without answers maps to none and 0).
   */
  listForRounds(roundIds: readonly string[]): Promise<Map<string, RoundAnswers>>;
  /** Only the mood scores of each round, sorted by score (what a trend needs), in one query; a round without any maps to []. */
  listMoodScores(roundIds: readonly string[]): Promise<Map<string, number[]>>;
  /**
   * How many answers gave each score to each question of each round (no respondent, no comment, no order of
   * answering): the drivers view's tally for rounds closed without one, in one query; a round without any maps to [].
   */
  listScores(
    roundIds: readonly string[],
  ): Promise<Map<string, Array<{ questionId: string; score: number; n: number }>>>;
  /** The respondent's own answers to these questions of a round, by question (one query; unanswered ones absent). */
  listOwn(roundId: string, questionIds: readonly string[], respondentHash: string): Promise<Map<string, OwnAnswerRow>>;
  /** The respondent's own answer to a question of a round, if any. */
  findOwn(roundId: string, questionId: string, respondentHash: string): Promise<OwnAnswerRow | null>;
}

export interface QuestionRepository {
  add(input: { teamId: string; kind: Question['kind']; text: string; createdBy: string }): Promise<Question>;
  /** Questions not removed, oldest first (their 1-based position is what `/pulse unask n` takes). */
  listActive(teamId: string): Promise<Question[]>;
  remove(questionId: string, at: Date): Promise<void>;
}
