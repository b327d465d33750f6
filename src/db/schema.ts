/**
 * The PostgreSQL schema. `drizzle-kit generate` turns it into SQL under migrations/;
 * never edit a generated migration, change this file and generate a new one.
 * Every time is a timestamptz in UTC (STYLE.md §8).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AwayReason,
  ConversationAddress,
  KudosSettings,
  Platform,
  Question,
  RoundKind,
  RoundStatus,
  DeliveryState,
  Schedule,
  SummaryState,
  TeamSettings,
} from '../core/model';
import type { RoundTally } from './round-tally';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => tstz('created_at').notNull().defaultNow();

/** One Slack workspace or Teams tenant. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platform: text('platform').$type<Platform>().notNull(),
    externalId: text('external_id').notNull(),
    /** Recognition settings (partial: missing keys take their defaults). */
    kudosSettings: jsonb('kudos_settings')
      .$type<Partial<KudosSettings>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** When the app was uninstalled or its tokens revoked: no job runs for it, its data goes after the grace period. */
    uninstalledAt: tstz('uninstalled_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('workspaces_platform_external_id_key').on(t.platform, t.externalId)],
);

/** A team lives in one channel of a workspace. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    channelId: text('channel_id').notNull(),
    /** The channel's display name as the platform last gave it with a command; null until then. Shown, never a key. */
    name: text('name'),
    managers: text('managers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    schedule: jsonb('schedule').$type<Schedule>(),
    settings: jsonb('settings').$type<TeamSettings>().notNull(),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [unique('teams_workspace_id_channel_id_key').on(t.workspaceId, t.channelId)],
);

/** A person of a workspace, as the platform describes them. */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    platformUserId: text('platform_user_id').notNull(),
    timezone: text('timezone'),
    locale: text('locale'),
    isAdmin: boolean('is_admin').notNull().default(false),
    /** Their own `/pulse away`: not asked before this instant (the end of their last day away, in their zone). */
    awayUntil: tstz('away_until'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [unique('members_workspace_id_platform_user_id_key').on(t.workspaceId, t.platformUserId)],
);

/** Membership history: a member who leaves keeps the row with active=false. */
export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    active: boolean('active').notNull().default(true),
    joinedAt: tstz('joined_at').notNull().defaultNow(),
    leftAt: tstz('left_at'),
  },
  (t) => [primaryKey({ name: 'team_members_pkey', columns: [t.teamId, t.memberId] })],
);

/** One check-in round of a team; (team, period) is its idempotency key. */
export const rounds = pgTable(
  'rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    period: text('period').notNull(),
    kind: text('kind').$type<RoundKind>().notNull(),
    opensAt: tstz('opens_at').notNull(),
    closesAt: tstz('closes_at').notNull(),
    status: text('status').$type<RoundStatus>().notNull().default('open'),
    closedAt: tstz('closed_at'),
    /** Snapshot of the team's custom questions when the round opened. */
    questions: jsonb('questions')
      .$type<Question[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The question bank's driver items this round asks, chosen by the rotation when it opened. */
    driverItems: text('driver_items')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Whether the round asks the quarterly eNPS question. */
    enps: boolean('enps').notNull().default(false),
    /**
     * What the round's answers came to when it closed (written by the close, see round-tally.ts): people asked
     * (those away left out) and how many gave each score to the mood, eNPS and driver items. Counts only, no
     * respondent; the dashboard reads it instead of every answer. Null while open.
     */
    tally: jsonb('tally').$type<RoundTally>(),
    /** pending → posting → posted: the summary is posted once, and a crash mid-post is checked, not repeated. */
    summaryState: text('summary_state').$type<SummaryState>().notNull().default('pending'),
    summaryChannelId: text('summary_channel_id'),
    summaryMessageId: text('summary_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('rounds_team_id_period_key').on(t.teamId, t.period),
    index('rounds_status_closes_at_idx').on(t.status, t.closesAt),
    // A team's rounds by status, newest first: summaries and trends read the last N closed rounds straight off it.
    index('rounds_team_status_closes_at_idx').on(t.teamId, t.status, t.closesAt),
  ],
);

/** A manager's custom question; removed ones keep their row (rounds refer to them by id). */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind').$type<Question['kind']>().notNull(),
    text: text('text').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    removedAt: tstz('removed_at'),
  },
  (t) => [index('questions_team_id_idx').on(t.teamId)],
);

/** "You said, we did": a manager's answer to the team, listed under summaries until done. */
export const teamActions = pgTable(
  'team_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    text: text('text').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    doneAt: tstz('done_at'),
    /** Where the announcement was posted (set once, so a retried job does not post twice). */
    postedChannelId: text('posted_channel_id'),
    postedMessageId: text('posted_message_id'),
  },
  (t) => [index('team_actions_team_id_idx').on(t.teamId)],
);

/**
 * Who was asked: one row per (round, member). It says when a member answered, never what.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    state: text('state').$type<DeliveryState>().notNull().default('pending'),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    sentAt: tstz('sent_at'),
    remindedAt: tstz('reminded_at'),
    answeredAt: tstz('answered_at'),
    /**
     * The fan-out batch that sends this DM (the id of the batch's first delivery): one job per batch,
     * and no other job ever sends a batched delivery. Null for deliveries a per-delivery job owns.
     */
    batch: uuid('batch'),
    /** Why a delivery is 'away': the person's own `/pulse away` ('self') or their platform status ('status'). */
    awayReason: text('away_reason').$type<AwayReason>(),
    /** When a status-away delivery may go out (the status expires); null = the status never expires. */
    awayUntil: tstz('away_until'),
    /** The person's status was read for this delivery: it is read at most once per round. */
    statusRead: boolean('status_read').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique('deliveries_round_id_member_id_key').on(t.roundId, t.memberId),
    index('deliveries_batch_idx')
      .on(t.batch)
      .where(sql`state in ('pending', 'sending')`),
    // Partial indexes stay as small as the work still to do: listUnsent and listDueForReminder.
    index('deliveries_unsent_idx')
      .on(t.createdAt)
      .where(sql`state in ('pending', 'sending')`),
    index('deliveries_reminder_idx')
      .on(t.sentAt)
      .where(sql`state = 'sent' and answered_at is null and reminded_at is null`),
    // The tick looks for away deliveries whose person is back.
    index('deliveries_away_idx')
      .on(t.roundId)
      .where(sql`state = 'away'`),
  ],
);

/**
 * What was answered.
 *
 * ANONYMITY (DESIGN.md "Anonymity is structural"): this table must never be joinable to a
 * person. So it has no foreign key or column pointing at members or deliveries (only the
 * keyed respondent hash, which needs the server secret to recompute), and no timestamp at
 * all: a created_at/updated_at could be matched against deliveries.answered_at to find who
 * answered what. Keep it that way; test/integration/repositories.test.ts checks it.
 */
export const responses = pgTable(
  'responses',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    questionId: text('question_id').notNull(),
    respondentHash: text('respondent_hash').notNull(),
    score: smallint('score'),
    comment: text('comment'),
    /** A random id a manager's reply names the comment by (no time in it: v4). */
    commentId: uuid('comment_id').notNull().defaultRandom(),
    /** The way back to the comment's author, sealed (src/core/sealed-address.ts): opaque without the server secret. */
    authorSeal: text('author_seal'),
  },
  (t) => [
    primaryKey({ name: 'responses_pkey', columns: [t.roundId, t.questionId, t.respondentHash] }),
    unique('responses_comment_id_key').on(t.commentId),
    // eNPS is the one 0–10 question; every other score is 1–10.
    check('responses_score_range', sql`score between 1 and 10 or (question_id = 'enps' and score = 0)`),
  ],
);

/**
 * The conversation on an anonymous comment: managers' replies and the author's answers, in order.
 *
 * ANONYMITY: like responses, nothing here names the comment's author. An author's answer has no
 * time at all (its place in the thread orders it), so it cannot be matched against anything the
 * platform or another table records of that person; `revealed_as` is set only when the author chose
 * to sign one answer. `request_key` is a keyed hash of the click, so a redelivered click adds nothing.
 */
export const commentReplies = pgTable(
  'comment_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => responses.commentId, { onDelete: 'cascade', onUpdate: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    position: integer('position').notNull(),
    fromAuthor: boolean('from_author').notNull(),
    /** The manager who wrote it; null for the author's answers. */
    managerId: text('manager_id'),
    text: text('text'),
    /** A one-click acknowledgement, rendered in each reader's language. */
    quick: text('quick'),
    revealedAs: text('revealed_as'),
    requestKey: text('request_key').notNull(),
    /** pending → sending → sent, or unreachable (the author left); a retry that finds 'sending' looks for the DM before sending. */
    state: text('state').$type<'pending' | 'sending' | 'sent' | 'unreachable'>().notNull().default('pending'),
    /** When a manager sent it (the daily cap counts these); always null for the author's answers. */
    sentAt: tstz('sent_at'),
  },
  (t) => [
    unique('comment_replies_comment_position_key').on(t.commentId, t.position),
    unique('comment_replies_request_key').on(t.commentId, t.requestKey),
    index('comment_replies_team_idx').on(t.teamId),
    check('comment_replies_body', sql`text is not null or quick is not null`),
    check('comment_replies_author_has_no_time', sql`not from_author or (sent_at is null and manager_id is null)`),
  ],
);

/**
 * Kudos: public recognition, one row per (giver, source, recipient) so a redelivered event or a
 * double reaction counts once. Never linked to check-in answers.
 */
export const kudos = pgTable(
  'kudos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: kudos given in one moment (one /kudos to several people) keep their order. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    giver: text('giver').notNull(),
    recipient: text('recipient').notNull(),
    /** `react:<channel>:<ts>:<emoji>` or `cmd:<id>`: what makes this kudos unique for its giver. */
    sourceKey: text('source_key').notNull(),
    /** Kudos with the same key share one shout-out. */
    shoutoutKey: text('shoutout_key').notNull(),
    emoji: text('emoji'),
    reason: text('reason'),
    values: text('values')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Free tags: #words that were not the workspace's values when given (counted apart from them). */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The giver's local calendar date when given: the daily limit counts in their own time zone. */
    giverDate: text('giver_date').notNull(),
    givenAt: tstz('given_at').notNull(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [
    unique('kudos_giver_source_recipient_key').on(t.workspaceId, t.giver, t.sourceKey, t.recipient),
    index('kudos_giver_date_idx').on(t.workspaceId, t.giver, t.giverDate),
    index('kudos_shoutout_idx').on(t.workspaceId, t.shoutoutKey),
    index('kudos_given_at_idx').on(t.workspaceId, t.givenAt),
  ],
);

/** One shout-out message per recognized message or /kudos, updated as kudos come and go. */
export const shoutouts = pgTable(
  'shoutouts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    shoutoutKey: text('shoutout_key').notNull(),
    state: text('state').$type<'posting' | 'posted'>().notNull().default('posting'),
    channelId: text('channel_id'),
    messageId: text('message_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'shoutouts_pkey', columns: [t.workspaceId, t.shoutoutKey] })],
);

/** Marks that a giver was told they reached the day's limit, so they are told once a day. */
export const kudosNotices = pgTable(
  'kudos_notices',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    giver: text('giver').notNull(),
    giverDate: text('giver_date').notNull(),
  },
  (t) => [primaryKey({ name: 'kudos_notices_pkey', columns: [t.workspaceId, t.giver, t.giverDate] })],
);

/** One kudos digest per team and scheduled period. */
export const kudosDigests = pgTable(
  'kudos_digests',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    period: text('period').notNull(),
    postedAt: tstz('posted_at'),
  },
  (t) => [primaryKey({ name: 'kudos_digests_pkey', columns: [t.teamId, t.period] })],
);

/**
 * Where the bot can write later without being asked (Teams): one conversation reference per 1:1 chat
 * and per channel, with its service URL. Kept here, never in memory, so every replica can send.
 */
export const conversationReferences = pgTable(
  'conversation_references',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    conversationId: text('conversation_id').notNull(),
    kind: text('kind').$type<ConversationAddress['kind']>().notNull(),
    /** The person of a 1:1 chat. */
    userId: text('user_id'),
    /** The Teams team a channel belongs to. */
    groupId: text('group_id'),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'conversation_references_pkey', columns: [t.workspaceId, t.conversationId] }),
    index('conversation_references_personal_idx')
      .on(t.workspaceId, t.userId)
      .where(sql`kind = 'personal'`),
    index('conversation_references_group_idx').on(t.workspaceId, t.groupId),
    index('conversation_references_updated_idx').on(t.workspaceId, t.updatedAt),
  ],
);

/** What a platform told us about a person outside team syncs (Teams): directory id, zone, and whether the bot may write to them. */
export const platformContacts = pgTable(
  'platform_contacts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    userId: text('user_id').notNull(),
    directoryId: text('directory_id'),
    timezone: text('timezone'),
    locale: text('locale'),
    unreachableAt: tstz('unreachable_at'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'platform_contacts_pkey', columns: [t.workspaceId, t.userId] }),
    index('platform_contacts_directory_idx').on(t.workspaceId, t.directoryId),
  ],
);

/** Which message carries a key (Teams has no message metadata to search): crash recovery and reactions on shout-outs. */
export const postedMessages = pgTable(
  'posted_messages',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'posted_messages_pkey', columns: [t.workspaceId, t.key] }),
    index('posted_messages_ref_idx').on(t.workspaceId, t.channelId, t.messageId),
  ],
);

/** The excerpt and link of a message recognized through a message action (Teams hands the message over once). */
export const recognizedMessages = pgTable(
  'recognized_messages',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id').notNull(),
    excerpt: text('excerpt').notNull(),
    permalink: text('permalink'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'recognized_messages_pkey', columns: [t.workspaceId, t.channelId, t.messageId] })],
);

/**
 * Customer satisfaction a help desk or survey tool reported for a team (POST /api/signals, or the
 * CSV import): one row per (team, metric, source, UTC day), so a re-sent day replaces itself.
 * CSAT is a percentage 0–100, NPS -100..100; `responses` weighs the value when days are averaged.
 */
export const customerSignals = pgTable(
  'customer_signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    metric: text('metric').$type<'csat' | 'nps'>().notNull(),
    value: doublePrecision('value').notNull(),
    responses: integer('responses').notNull().default(1),
    at: tstz('at').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    source: text('source').notNull().default('api'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('customer_signals_team_metric_source_day_key').on(t.teamId, t.metric, t.source, t.day),
    index('customer_signals_team_day_idx').on(t.teamId, t.day),
    check('customer_signals_metric', sql`metric in ('csat', 'nps')`),
    check(
      'customer_signals_value_range',
      sql`(metric = 'csat' and value between 0 and 100) or (metric = 'nps' and value between -100 and 100)`,
    ),
    check('customer_signals_responses_positive', sql`responses >= 1`),
  ],
);

/**
 * A Slack OAuth installation: one per workspace, or one per Enterprise Grid organization for an org-wide install
 * (team_id ''). The installation (tokens included) is one sealed value: AES-256-GCM under the key `key_id` names,
 * with the row's natural key as associated data; nothing here reads as a token.
 */
export const slackInstallations = pgTable(
  'slack_installations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The Enterprise Grid organization, '' outside Grid. */
    enterpriseId: text('enterprise_id').notNull().default(''),
    /** The workspace, '' for an org-wide install. */
    teamId: text('team_id').notNull().default(''),
    isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
    keyId: text('key_id').notNull(),
    sealed: text('sealed').notNull(),
    /** When the bot token expires (token rotation), null when it does not. */
    expiresAt: tstz('expires_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('slack_installations_enterprise_team_key').on(t.enterpriseId, t.teamId),
    index('slack_installations_key_id_idx').on(t.keyId),
  ],
);

/** Which Grid organization a workspace belongs to, learnt from its requests: scheduled work finds the org-wide install by it. */
export const slackOrgWorkspaces = pgTable('slack_org_workspaces', {
  teamId: text('team_id').primaryKey(),
  enterpriseId: text('enterprise_id').notNull(),
  createdAt: createdAt(),
});
/** People named org admins with `/pulse config admins add @x` (workspace admins and owners are org admins anyway). */
export const orgAdmins = pgTable(
  'org_admins',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    platformUserId: text('platform_user_id').notNull(),
    addedBy: text('added_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'org_admins_pkey', columns: [t.workspaceId, t.platformUserId] })],
);

/**
 * Who opened which team's dashboard page or export, and when: the audit trail HR and security ask for.
 * Never an answer, a score or a comment: only the viewer, the team and what kind of page it was.
 */
export const dashboardAudit = pgTable(
  'dashboard_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    viewerUserId: text('viewer_user_id').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    view: text('view').notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [index('dashboard_audit_workspace_at_idx').on(t.workspaceId, t.at)],
);
