/**
 * The core's only ways out: chat platforms, storage and the job queue.
 * Implementations live in src/platforms, src/db and src/jobs; tests hand in fakes.
 */
import type {
  Delivery,
  Member,
  Question,
  Round,
  TeamAction,
  RoundKind,
  Schedule,
  Team,
  TeamSettings,
  UserProfile,
  Workspace,
} from './model';
import type { JobName, JobPayloads } from './jobs';
import type { HomeView, OutboundMessage } from './messages';

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
  /** Posts a message to a channel. */
  postToChannel(workspace: Workspace, channelId: string, message: OutboundMessage): Promise<MessageRef>;
  /** What the platform knows of a user (bot? deactivated? time zone, locale). */
  getUser(workspace: Workspace, platformUserId: string): Promise<UserProfile>;
  /** The check-in DM already sent for this delivery, if any (to recover after a crash between sending and recording). */
  findCheckin(workspace: Workspace, platformUserId: string, deliveryId: string): Promise<MessageRef | null>;
  /** A message the bot already posted to a channel under this key (summaries, shout-outs), if any. */
  findPosted(workspace: Workspace, channelId: string, key: string): Promise<MessageRef | null>;
  /** Shows the user their App Home. */
  publishHome(workspace: Workspace, platformUserId: string, home: HomeView): Promise<void>;
  /** Every member id of a channel (humans and bots alike). */
  listChannelMembers(workspace: Workspace, channelId: string): Promise<string[]>;
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
}

export interface TeamRepository {
  findById(id: string): Promise<Team | null>;
  findByChannel(workspaceId: string, channelId: string): Promise<Team | null>;
  /** Creates the team for a channel, or returns the existing one (created=false). */
  ensure(input: { workspaceId: string; channelId: string; managers: string[]; settings: TeamSettings }): Promise<{ team: Team; created: boolean }>;
  setSchedule(teamId: string, schedule: Schedule | null): Promise<void>;
  updateSettings(teamId: string, settings: TeamSettings): Promise<void>;
  setManagers(teamId: string, managers: string[]): Promise<void>;
  /** Teams that have a schedule, each with its active members. */
  listScheduled(): Promise<ScheduledTeam[]>;
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
}

export interface RoundRepository {
  /** Creates the round for (team, period) unless it exists; never makes a second one. */
  ensure(input: { teamId: string; period: string; kind: RoundKind; opensAt: Date; closesAt: Date; questions?: Question[] }): Promise<{ round: Round; created: boolean }>;
  findById(id: string): Promise<Round | null>;
  /** The most recently opened round of the team that is still open, if any. */
  findOpen(teamId: string): Promise<Round | null>;
  /** Open rounds whose closesAt has passed. */
  listDueToClose(now: Date): Promise<Round[]>;
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

export interface DeliveryRepository {
  /** Creates a pending delivery per member unless one exists; returns all deliveries of those members for the round. */
  ensureMany(roundId: string, memberIds: string[]): Promise<Delivery[]>;
  findById(id: string): Promise<Delivery | null>;
  /** Moves pending → sending (returns false when the delivery was not pending). */
  markSending(id: string): Promise<boolean>;
  markSent(id: string, ref: MessageRef, at: Date): Promise<void>;
  markFailed(id: string): Promise<void>;
  /** Records the reminder; false when one was already recorded. */
  markReminded(id: string, at: Date): Promise<boolean>;
  /** Deliveries not yet sent (pending or sending) of open rounds. */
  listUnsent(limit: number): Promise<Delivery[]>;
  /** Sent, unanswered, unreminded deliveries of open rounds whose team wants reminders, sent at least reminderHours ago. */
  listDueForReminder(now: Date, limit: number): Promise<Delivery[]>;
  /** The member's deliveries, newest round first (their own history). */
  listForMember(memberId: string, limit: number): Promise<Delivery[]>;
  /** Answered and total deliveries of a round (counts only). */
  countForRound(roundId: string): Promise<{ total: number; answered: number }>;
}

/** The write that makes an answer durable: the response and the "answered" mark commit together. */
export interface AnswerRepository {
  saveScore(input: { deliveryId: string; roundId: string; teamId: string; questionId: string; respondentHash: string; score: number; at: Date }): Promise<void>;
  saveComment(input: { deliveryId: string; roundId: string; teamId: string; questionId: string; respondentHash: string; comment: string; at: Date }): Promise<void>;
  /** Every answer of a round without who gave it, and the number of distinct respondents to the mood score. */
  listForRound(roundId: string): Promise<{ answers: Array<{ questionId: string; score: number | null; comment: string | null }>; respondents: number }>;
  /** The respondent's own answer to a question of a round, if any. */
  findOwn(roundId: string, questionId: string, respondentHash: string): Promise<{ score: number | null; comment: string | null } | null>;
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

export interface Repositories {
  workspaces: WorkspaceRepository;
  teams: TeamRepository;
  members: MemberRepository;
  rounds: RoundRepository;
  deliveries: DeliveryRepository;
  answers: AnswerRepository;
  questions: QuestionRepository;
  actions: ActionRepository;
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
