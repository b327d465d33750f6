/** A Messenger that records what the bot would send, with a small directory of users and channels. */
import type { PresenceStatus } from '../../src/core/away';
import type { ImageFile, MessageRef, Messenger } from '../../src/core/ports';
import type { UserProfile } from '../../src/core/model';
import type { HomeView, OutboundMessage } from '../../src/core/messages';

export interface Sent {
  to: string;
  ref: MessageRef;
  message: OutboundMessage;
}

export class RecordingMessenger implements Messenger {
  readonly direct: Sent[] = [];
  readonly updates: Sent[] = [];
  readonly channelPosts: Sent[] = [];
  readonly users = new Map<string, UserProfile>();
  readonly channels = new Map<string, string[]>();
  private seq = 0;

  addUser(id: string, profile: Partial<UserProfile> = {}): void {
    this.users.set(id, {
      platformUserId: id,
      isBot: false,
      deleted: false,
      isAdmin: false,
      timezone: 'UTC',
      locale: 'en-US',
      ...profile,
    });
  }

  /** Errors the next direct messages to these users throw instead of being sent (one per entry, in order). */
  readonly directFaults = new Map<string, unknown[]>();
  /** Called before each direct message is recorded (a test's hook, e.g. to flip a shutdown flag). */
  beforeDirect: ((userId: string) => void) | null = null;

  async sendDirect(_w: unknown, userId: string, message: OutboundMessage): Promise<MessageRef> {
    this.beforeDirect?.(userId);
    const fault = this.directFaults.get(userId)?.shift();
    if (fault) throw fault;
    const ref = { channelId: `D${userId}`, messageId: String(++this.seq) };
    this.direct.push({ to: userId, ref, message });
    return ref;
  }

  async update(_w: unknown, ref: MessageRef, message: OutboundMessage): Promise<void> {
    this.updates.push({ to: ref.channelId, ref, message });
  }

  readonly threads = new Map<string, string>();
  async postToChannel(
    _w: unknown,
    channelId: string,
    message: OutboundMessage,
    options: { threadId?: string } = {},
  ): Promise<MessageRef> {
    const ref = { channelId, messageId: String(++this.seq) };
    if (options.threadId) this.threads.set(ref.messageId, options.threadId);
    this.channelPosts.push({ to: channelId, ref, message });
    return ref;
  }

  async findCheckin(_w: unknown, userId: string, deliveryId: string): Promise<MessageRef | null> {
    const found = this.direct.find(
      (s) => s.to === userId && s.message.kind === 'checkin' && s.message.deliveryId === deliveryId,
    );
    return found?.ref ?? null;
  }

  async findDirect(_w: unknown, userId: string, key: string): Promise<MessageRef | null> {
    const found = this.direct.find((s) => s.to === userId && 'key' in s.message && s.message.key === key);
    return found?.ref ?? null;
  }

  async findPosted(_w: unknown, channelId: string, key: string): Promise<MessageRef | null> {
    const found = this.channelPosts.find((s) => s.to === channelId && 'key' in s.message && s.message.key === key);
    return found?.ref ?? null;
  }

  readonly homes = new Map<string, HomeView>();
  async publishHome(_w: unknown, userId: string, home: HomeView): Promise<void> {
    this.homes.set(userId, home);
  }

  readonly channelMessages = new Map<string, { text: string; permalink: string }>();
  async getMessage(_w: unknown, channelId: string, messageId: string) {
    const m = this.channelMessages.get(`${channelId}:${messageId}`);
    return m ? { channelId, messageId, ...m } : null;
  }

  readonly files: Array<{ to: string; name: string; content: string }> = [];
  async sendFile(_w: unknown, userId: string, file: { name: string; content: string }): Promise<void> {
    this.files.push({ to: userId, name: file.name, content: file.content });
  }

  /** Images posted to channels (`to` is the channel) and sent privately (`to` is the person), in order. */
  readonly images: Array<{ to: string; direct: boolean; threadId?: string; image: ImageFile }> = [];
  async postImage(
    _w: unknown,
    channelId: string,
    image: ImageFile,
    options: { threadId?: string } = {},
  ): Promise<void> {
    this.images.push({
      to: channelId,
      direct: false,
      image,
      ...(options.threadId ? { threadId: options.threadId } : {}),
    });
  }

  async sendDirectImage(_w: unknown, userId: string, image: ImageFile): Promise<void> {
    this.images.push({ to: userId, direct: true, image });
  }

  async getUser(_w: unknown, userId: string): Promise<UserProfile> {
    const user = this.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    return user;
  }

  async listChannelMembers(_w: unknown, channelId: string): Promise<string[]> {
    return this.channels.get(channelId) ?? [];
  }

  /** Users' platform statuses (none: no status), and how many times each was read. */
  readonly statuses = new Map<string, PresenceStatus>();
  readonly statusReads = new Map<string, number>();
  async readStatus(_w: unknown, userId: string): Promise<PresenceStatus | null> {
    this.statusReads.set(userId, (this.statusReads.get(userId) ?? 0) + 1);
    return this.statuses.get(userId) ?? null;
  }

  /** Check-in DMs sent to a user. */
  checkinsTo(userId: string): Sent[] {
    return this.direct.filter((s) => s.to === userId && s.message.kind === 'checkin');
  }
}
