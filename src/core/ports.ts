/**
 * The core's only ways out: chat platforms, storage and the job queue.
 * Implementations live in src/platforms, src/db and src/jobs; tests hand in fakes.
 */
import type {
  AwayReason,
  ConversationAddress,
  Delivery,
  Kudos,
  KudosSettings,
  Member,
  PlatformContact,
  RecognizedMessage,
  Question,
  Round,
  CommentThread,
  ThreadReply,
  TeamAction,
  RoundKind,
  Schedule,
  Team,
  TeamSettings,
  UserProfile,
  Workspace,
} from './model';
import type { PresenceStatus } from './away';
import type { DashboardRepository, Heatmap } from './dashboard';
import type { JobName, JobPayloads } from './jobs';
import type { CommentForm, HomeView, OutboundMessage } from './messages';
import type { CustomerSignal } from './signals';
import type { SymmetryView } from './symmetry';

/** Where a posted message lives, so it can be updated later. */
export interface MessageRef {
  channelId: string;
  messageId: string;
}

/** One chat platform (Slack or Teams), as the workers see it. */
export interface Messenger {
  /** Sends a 1:1 message to the user; throws SymmetryError('platform_rate_limited', { retryAfterMs }) on 429. */
  sendDirect(workspace: Workspace, platformUserId: string, message: OutboundMessage): Promise<MessageRef>;
  /** Replaces a message the bot posted earlier. */
  update(workspace: Workspace, ref: MessageRef, message: OutboundMessage): Promise<void>;
  /** Posts a message to a channel (in the thread of `threadId` when given). */
  postToChannel(
    workspace: Workspace,
    channelId: string,
    message: OutboundMessage,
    options?: { threadId?: string },
  ): Promise<MessageRef>;
  /** A message people can react to (for a shout-out's excerpt and link); null when it cannot be read. */
  getMessage(workspace: Workspace, channelId: string, messageId: string): Promise<RecognizedMessage | null>;
  /** What the platform knows of a user (bot? deactivated? time zone, locale). */
  getUser(workspace: Workspace, platformUserId: string): Promise<UserProfile>;
  /**
   * What the platform knows of many users, in their order, read the cheapest way the platform offers
   * (Slack: the paged directory, not one call each); absent where the platform has none (then getUser each).
   */
  getUsers?(workspace: Workspace, platformUserIds: readonly string[]): Promise<UserProfile[]>;
  /** The check-in DM already sent for this delivery, if any (to recover after a crash between sending and recording). */
  findCheckin(workspace: Workspace, platformUserId: string, deliveryId: string): Promise<MessageRef | null>;
  /**
   * A message the bot already sent this user under this key (conversation replies), to recover after a crash.
   * Where the platform keeps no place for it (Teams, a thread DM to a comment's author), the ref's ids are empty.
   */
  findDirect(workspace: Workspace, platformUserId: string, key: string): Promise<MessageRef | null>;
  /** A message the bot already posted to a channel under this key (summaries, shout-outs), if any. */
  findPosted(workspace: Workspace, channelId: string, key: string): Promise<MessageRef | null>;
  /**
   * Shows the user their App Home. Optional: a platform without a home screen for bots (Teams) leaves it out
   * rather than pretending; callers check for it.
   */
  publishHome?(workspace: Workspace, platformUserId: string, home: HomeView): Promise<void>;
  /** Sends a file to the user privately (their 1:1 conversation with the bot). */
  sendFile(
    workspace: Workspace,
    platformUserId: string,
    file: { name: string; title: string; content: string; comment: string },
  ): Promise<void>;
  /** Every member id of a channel (humans and bots alike). */
  listChannelMembers(workspace: Workspace, channelId: string): Promise<string[]>;
  /** Posts an image (a chart) to a channel, in the thread of `threadId` when given. */
  postImage(workspace: Workspace, channelId: string, image: ImageFile, options?: { threadId?: string }): Promise<void>;
  /** Sends an image (a chart) to the user privately, in their 1:1 conversation with the bot. */
  sendDirectImage(workspace: Workspace, platformUserId: string, image: ImageFile): Promise<void>;
  /** The user's status (emoji, text, expiry) where the platform has one (Slack); absent where it has none (Teams). */
  readStatus?(workspace: Workspace, platformUserId: string): Promise<PresenceStatus | null>;
  /**
   * Opens the comment form for the person whose click carried `trigger` (Slack: views.open with its trigger_id,
   * unpaced: the trigger is good for 3 s). Absent where the platform shows the form in its answer to the click (Teams).
   */
  openCommentForm?(
    workspace: Pick<Workspace, 'platform' | 'externalId'>,
    trigger: string,
    form: CommentForm,
  ): Promise<void>;
}

/** An image the bot shares (a chart): PNG bytes, a file name, a title and alt text. */
export interface ImageFile {
  name: string;
  title: string;
  content: Uint8Array;
  altText: string;
  /** A line shown with it where the platform has room for one (e.g. which team's channel it is about). */
  comment?: string;
  /** What the picture says in words, shown under it on every platform (a chart's correlations with n and 95% interval). */
  caption?: string;
}

/** A team with its active members, as the schedule tick needs it. */
export interface ScheduledTeam {
  team: Team;
  members: Member[];
}

export interface WorkspaceRepository {
  /** Finds or creates the workspace for a platform's team/tenant id. */
  ensure(platform: Workspace['platform'], externalId: string): Promise<Workspace>;
  findById(id: string): Promise<Workspace | null>;
  /** The workspace of a platform's team/tenant id, only if this deployment already serves it (never creates one). */
  findByExternalId(platform: Workspace['platform'], externalId: string): Promise<Workspace | null>;
  /**
   * What a command needs first, in one read: the workspace of a platform's team/tenant id with the caller's member
   * row and the team of the channel (each null when there is none); null when the workspace is not known yet.
   */
  findForCommand(
    platform: Workspace['platform'],
    externalId: string,
    platformUserId: string,
    channelId: string,
  ): Promise<{ workspace: Workspace; member: Member | null; team: Team | null } | null>;
  updateKudosSettings(id: string, settings: KudosSettings): Promise<void>;
  /** Every workspace still installed's id, oldest first: the tick's work is done one workspace at a time. */
  listIds(): Promise<string[]>;
  /** The app left the workspace at `at`: no tick, job or reminder runs for it any more. */
  markUninstalled(id: string, at: Date): Promise<void>;
  /** The workspace installed the app again: it is served again (a no-op for one never uninstalled). */
  reinstate(platform: Workspace['platform'], externalId: string): Promise<void>;
  /** Ids of workspaces uninstalled before `before`. */
  listUninstalledBefore(before: Date): Promise<string[]>;
  /** Deletes the workspace and everything of it (teams, members, rounds, answers, kudos), in one transaction. */
  deleteData(id: string): Promise<void>;
}

/** Which platform installation: a workspace's own (teamId), or an Enterprise Grid org-wide one (enterpriseId only). */
export interface InstallationKey {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/** An installation as stored: opaque JSON text (its tokens included), sealed at rest by the repository. */
export interface InstallationRecord extends InstallationKey {
  isEnterpriseInstall: boolean;
  /** When its bot token expires (token rotation); null when it does not. */
  expiresAt: Date | null;
  data: string;
}

/** The installations of a deployment serving several workspaces (Slack OAuth). */
export interface InstallationRepository {
  /** Inserts or replaces the installation of its key, sealed with the current key. */
  save(record: InstallationRecord): Promise<void>;
  /** The installation serving `key`: the workspace's own, else its Grid organization's org-wide install. */
  find(key: InstallationKey & { isEnterpriseInstall?: boolean }): Promise<InstallationRecord | null>;
  /** Remembers that workspace `teamId` belongs to organization `enterpriseId` (for work with no request to say so). */
  linkWorkspace(enterpriseId: string, teamId: string): Promise<void>;
  /** Deletes the installation of exactly this key (an org-wide one when teamId is absent); how many rows went. */
  remove(key: InstallationKey): Promise<number>;
  /** The workspaces (team ids) known to belong to organization `enterpriseId` (from linkWorkspace). */
  orgWorkspaces(enterpriseId: string): Promise<string[]>;
  /** Reseals up to `limit` rows still under the previous key with the current one; how many it did (0: done). */
  reseal(limit: number): Promise<number>;
}

export interface TeamRepository {
  findById(id: string): Promise<Team | null>;
  findByChannel(workspaceId: string, channelId: string): Promise<Team | null>;
  /** Creates the team for a channel, or returns the existing one (created=false). */
  ensure(input: {
    workspaceId: string;
    channelId: string;
    /** The channel's display name, already cleaned (cleanChannelName); kept only when the team is created. */
    name?: string | null;
    managers: string[];
    settings: TeamSettings;
  }): Promise<{ team: Team; created: boolean }>;
  /** Records the channel's display name (cleaned; null: unknown). */
  setName(teamId: string, name: string | null): Promise<void>;
  setSchedule(teamId: string, schedule: Schedule | null): Promise<void>;
  updateSettings(teamId: string, settings: TeamSettings): Promise<void>;
  setManagers(teamId: string, managers: string[]): Promise<void>;
  /** The workspace's teams that have a schedule, each with its active members. */
  listScheduled(workspaceId: string): Promise<ScheduledTeam[]>;
  listActiveMembers(teamId: string): Promise<Member[]>;
  /** Teams of the workspace this user manages. */
  listManagedBy(workspaceId: string, platformUserId: string): Promise<Team[]>;
  /** Makes exactly these members the team's active members. */
  replaceMembers(teamId: string, memberIds: string[]): Promise<void>;
  addMember(teamId: string, memberId: string): Promise<void>;
  removeMember(teamId: string, memberId: string): Promise<void>;
}

export interface MemberRepository {
  /** Inserts or refreshes members from platform profiles; returns them in input order. */
  upsertMany(workspaceId: string, profiles: UserProfile[]): Promise<Member[]>;
  findById(id: string): Promise<Member | null>;
  findByPlatformId(workspaceId: string, platformUserId: string): Promise<Member | null>;
  /** Records the member's own `/pulse away` end (null: back now). */
  setAwayUntil(memberId: string, until: Date | null): Promise<void>;
}

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

/** The write that makes an answer durable: the response and the "answered" mark commit together. */
export interface AnswerRepository {
  /**
   * Saves (or changes) the score and marks the delivery answered, together; returns the respondent's answer as it
   * now stands, or null (nothing saved) when the round is no longer open.
   */
  saveScore(input: {
    deliveryId: string;
    roundId: string;
    teamId: string;
    questionId: string;
    respondentHash: string;
    score: number;
    at: Date;
    /** Other questions of the round whose answers by the same respondent come back with the save (`others`). */
    readBack?: readonly string[];
  }): Promise<SavedAnswerRow | null>;
  /** The same for a comment (the score, if any, stays). */
  saveComment(input: {
    deliveryId: string;
    roundId: string;
    teamId: string;
    questionId: string;
    respondentHash: string;
    comment: string;
    at: Date;
    commentId: string;
    authorSeal: string;
    readBack?: readonly string[];
  }): Promise<SavedAnswerRow | null>;
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

export interface ActionRepository {
  add(input: { teamId: string; text: string; createdBy: string }): Promise<TeamAction>;
  findById(id: string): Promise<TeamAction | null>;
  /** Open actions, oldest first (their 1-based position is what `/pulse action done n` takes). */
  listOpen(teamId: string): Promise<TeamAction[]>;
  markDone(id: string, at: Date): Promise<void>;
  /** Records where the announcement went; false when it was already recorded. */
  markPosted(id: string, ref: MessageRef): Promise<boolean>;
}

export type GiveResult = 'given' | 'duplicate' | 'limit';

export interface KudosRepository {
  /**
   * Records one kudos unless the giver already gave it (same source and recipient) or has reached
   * `limit` for `giverDate`; the count and the insert are serialized per giver and day.
   */
  give(input: Omit<Kudos, 'id'> & { sourceKey: string; giverDate: string; limit: number }): Promise<GiveResult>;
  /** Takes a kudos back; returns its shout-out key, or null when there was nothing to take back. */
  revoke(workspaceId: string, giver: string, sourceKey: string, at: Date): Promise<string | null>;
  /** Kudos given (not taken back) by a giver on their local date. */
  countGiven(workspaceId: string, giver: string, giverDate: string): Promise<number>;
  /** The live kudos of one shout-out, oldest first. */
  listForShoutout(workspaceId: string, shoutoutKey: string): Promise<Kudos[]>;
  /** True the first time it is called for (giver, date): the limit notice goes out once a day. */
  markLimitNotice(workspaceId: string, giver: string, giverDate: string): Promise<boolean>;
  /** Who gave and received most since `since`, and how often each value and, apart, each free tag was tagged. */
  leaderboard(
    workspaceId: string,
    since: Date,
    top: number,
  ): Promise<{
    givers: Array<{ user: string; count: number }>;
    receivers: Array<{ user: string; count: number }>;
    values: Array<{ value: string; count: number }>;
    tags: Array<{ tag: string; count: number }>;
  }>;
  /** Kudos received since `since` by each of these people (only those with any). */
  receivedBy(
    workspaceId: string,
    users: string[],
    since: Date,
  ): Promise<Array<{ user: string; count: number; reasons: string[] }>>;
  /**
   * Claims the posting of a shout-out: 'claimed' for the first caller (who must post it),
   * otherwise the shout-out's state and where it was posted.
   */
  claimShoutout(
    workspaceId: string,
    shoutoutKey: string,
  ): Promise<{ state: 'claimed' } | { state: 'posting'; since: Date } | { state: 'posted'; ref: MessageRef }>;
  markShoutoutPosted(workspaceId: string, shoutoutKey: string, ref: MessageRef): Promise<void>;
  /** Gives back a claim whose post certainly failed (never one already posted). */
  releaseShoutout(workspaceId: string, shoutoutKey: string): Promise<void>;
  /** True the first time for (team, period): one digest per team and period. */
  claimDigest(teamId: string, period: string): Promise<boolean>;
}

/** Erasure and retention: the privacy operations that cut across tables. */
export interface PrivacyRepository {
  /**
   * Deletes a member's deliveries, the answers stored under their keyed hashes (with the threads on their
   * comments), their team memberships and their member row, anonymizes their kudos, and takes their id off
   * the replies they wrote as a manager (and the records of the thread DMs sent to them), in one transaction.
   */
  forgetMember(input: {
    workspaceId: string;
    memberId: string | null;
    platformUserId: string;
    answers: Array<{ roundId: string; respondentHash: string }>;
  }): Promise<{ deliveries: number; answers: number; kudos: number; teams: number }>;
  /** Deletes the comments of rounds that closed before `before` (a row left with no answer goes too). */
  purgeComments(before: Date): Promise<number>;
}

/**
 * Proactive addresses and contacts for platforms that need them (Teams): conversation references per
 * person and per channel, the people's directory ids, zones and reachability, the messages the bot
 * posted under a key, and the excerpts of messages recognized with kudos. Slack never uses it.
 */
export interface ConversationReferenceRepository {
  /** Records a conversation's address, or refreshes it (service URLs change). */
  saveAddress(address: ConversationAddress): Promise<void>;
  /** The address of a conversation by its id. */
  findAddress(workspaceId: string, conversationId: string): Promise<ConversationAddress | null>;
  /** The 1:1 conversation with a person, once one exists. */
  findPersonal(workspaceId: string, userId: string): Promise<ConversationAddress | null>;
  /** The workspace's most recently refreshed address (its current service URL and bot), for new conversations. */
  findLatest(workspaceId: string): Promise<ConversationAddress | null>;
  /** The channels known in one group (a Teams team), for membership changes that concern all of them. */
  listChannels(workspaceId: string, groupId: string): Promise<ConversationAddress[]>;
  /** Records what we learned of a person; null fields keep what was known. `heardFrom`: they wrote to the bot, so it may write to them again. */
  saveContact(contact: Omit<PlatformContact, 'unreachableAt'>, options?: { heardFrom?: boolean }): Promise<void>;
  findContact(workspaceId: string, userId: string): Promise<PlatformContact | null>;
  /** The person with this directory id, if we have met them. */
  findContactByDirectoryId(workspaceId: string, directoryId: string): Promise<PlatformContact | null>;
  /** The platform refused to let the bot write to them (blocked, uninstalled). */
  markUnreachable(workspaceId: string, userId: string, at: Date): Promise<void>;
  /** Remembers which message carries a key (a summary, a shout-out, a check-in), so a retry finds it instead of posting twice. */
  savePost(workspaceId: string, key: string, ref: MessageRef): Promise<void>;
  findPost(workspaceId: string, key: string): Promise<MessageRef | null>;
  /** The key a posted message carries (e.g. which shout-out a reaction is on). */
  findPostKey(workspaceId: string, ref: MessageRef): Promise<string | null>;
  /** The excerpt and link of a message someone recognized (the platform handed it over with the action). */
  saveRecognizedMessage(workspaceId: string, message: RecognizedMessage): Promise<void>;
  findRecognizedMessage(workspaceId: string, channelId: string, messageId: string): Promise<RecognizedMessage | null>;
}

/** Customer CSAT/NPS per team and UTC day (what help-desk and survey tools report). */
export interface SignalRepository {
  /** The team ids of these channel ids (a channel id may name teams of several workspaces). */
  teamsByChannel(channelIds: string[]): Promise<Map<string, string[]>>;
  /** Stores every signal or none (one transaction); a repeated (team, metric, source, day) replaces the stored one. */
  upsertMany(signals: CustomerSignal[]): Promise<number>;
  /** The team's signals whose day lies in [fromDay, toDay] (YYYY-MM-DD, inclusive), oldest first. */
  listForTeam(teamId: string, fromDay: string, toDay: string): Promise<CustomerSignal[]>;
}

/** The conversations on anonymous comments. A comment is named by its random id; its author only by a sealed address. */
export interface CommentThreadRepository {
  /** The comment with its conversation and its sealed address (null for an unknown id or a comment since deleted). */
  find(commentId: string): Promise<(CommentThread & { authorSeal: string | null }) | null>;
  /** Every comment of these rounds with its conversation, in comment-id order (random: it tells nothing of who or when). */
  listForRounds(roundIds: readonly string[]): Promise<CommentThread[]>;
  /**
   * Adds a message at the end of the thread, serialized per comment. A request key seen before returns
   * the message it made ('duplicate'); a manager's message when `cap.max` were sent since `cap.since` is refused.
   */
  add(
    input: Omit<ThreadReply, 'id' | 'position' | 'state'> & {
      teamId: string;
      requestKey: string;
      sentAt: Date | null;
      cap: { since: Date; max: number } | null;
    },
  ): Promise<{ status: 'added' | 'duplicate'; reply: ThreadReply } | { status: 'cap' }>;
  findReply(replyId: string): Promise<ThreadReply | null>;
  /** Moves a pending message to 'sending'; false when a worker already took it (or it was settled). */
  claim(replyId: string): Promise<boolean>;
  /** Moves a pending or sending message to `state`; false when it was already delivered or given up. */
  settle(replyId: string, state: 'sent' | 'unreachable'): Promise<boolean>;
  /** Deletes the conversations of comments of rounds closed before `before`, and the comments' sealed addresses. */
  purge(before: Date): Promise<number>;
}

/** The people named org admins of a workspace (`/pulse config admins add|remove @x`). */
export interface OrgAdminRepository {
  /** Their platform user ids, in the order they were named. */
  list(workspaceId: string): Promise<string[]>;
  isNamed(workspaceId: string, platformUserId: string): Promise<boolean>;
  /** Names these people (someone already named stays as they were). */
  add(workspaceId: string, platformUserIds: readonly string[], addedBy: string): Promise<void>;
  /** Un-names these people; returns how many were named. */
  remove(workspaceId: string, platformUserIds: readonly string[]): Promise<number>;
}

/** What a dashboard audit record says: who opened which team's page or export, and when (never what it showed). */
export interface DashboardAuditEntry {
  workspaceId: string;
  viewerUserId: string;
  /** The team the page was about; null for an organisation-wide page (the heatmap). */
  teamId: string | null;
  /** Which page: `team`, `team.csv`, `org`, `org.csv`… */
  view: string;
  at: Date;
}

/** The dashboard's audit trail. */
export interface DashboardAuditRepository {
  record(entry: DashboardAuditEntry): Promise<void>;
  /** The workspace's records, newest first. */
  list(workspaceId: string, limit: number): Promise<DashboardAuditEntry[]>;
}

export interface Repositories {
  workspaces: WorkspaceRepository;
  teams: TeamRepository;
  members: MemberRepository;
  rounds: RoundRepository;
  deliveries: DeliveryRepository;
  answers: AnswerRepository;
  questions: QuestionRepository;
  actions: ActionRepository;
  kudos: KudosRepository;
  privacy: PrivacyRepository;
  conversations: ConversationReferenceRepository;
  threads: CommentThreadRepository;
  signals: SignalRepository;
  /** The dashboard's reads, k already applied. */
  dashboard: DashboardRepository;
  orgAdmins: OrgAdminRepository;
  dashboardAudit: DashboardAuditRepository;
}

/**
 * Spaces one platform's outgoing calls evenly across every worker process: each call waits for the
 * next free slot of its key (a workspace), 1/rate of a second after the slot before it.
 */
export interface CallPacer {
  /**
   * Resolves with 0 when this call may go (after waiting for its slot). With `maxWaitMs`, a slot further
   * away than that is not taken: it resolves at once with how many ms away it is, so a job can give its
   * worker back to other workspaces instead of sleeping on this one's limit.
   */
  take(key: string, maxWaitMs?: number): Promise<number>;
  /** Holds every later call under `key` back for `ms` (the platform answered 429 with Retry-After). */
  holdOff(key: string, ms: number): Promise<void>;
}

/** Draws charts server-side. */
export interface ChartRenderer {
  /** A PNG of mood per round with response rate, and customer CSAT/NPS on a second axis; a round under the threshold has no point. */
  symmetryChart(view: SymmetryView, locale: string): Promise<Uint8Array>;
  /** A PNG of the organisation's heatmap (rows and numbers as the query layer gave them); optional for renderers without it. */
  heatmapChart?(map: Heatmap, locale: string): Promise<Uint8Array>;
}

/** Puts work on the queue. Job ids come from the payload's domain key, so a repeat is a no-op. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void>;
  enqueueMany<N extends JobName>(name: N, payloads: JobPayloads[N][]): Promise<void>;
}

/** Structured logger (pino-compatible subset). Never pass a person together with a score or comment. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}
