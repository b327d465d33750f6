/** The chat platforms' side of the core's ports: the Messenger and what it posts. */
import type { RecognizedMessage, UserProfile, Workspace } from '../model';
import type { PresenceStatus } from '../away';
import type { CommentForm, HomeView, OutboundMessage } from '../messages';

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
