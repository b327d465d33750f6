/** Storage ports of workspaces, teams, people, kudos, privacy, conversations, signals and the dashboard. */
import type {
  ConversationAddress,
  Kudos,
  KudosSettings,
  Member,
  PlatformContact,
  RecognizedMessage,
  CommentThread,
  ThreadReply,
  TeamAction,
  Schedule,
  Team,
  TeamSettings,
  UserProfile,
  Workspace,
} from '../model';
import type { DashboardRepository } from '../dashboard';
import type { CustomerSignal } from '../signals';
import type { MessageRef } from './platform';
import type { AnswerRepository, DeliveryRepository, QuestionRepository, RoundRepository } from './rounds';

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
