/** Conversation references, contacts, posted-message keys and recognized excerpts (what Teams needs to write proactively). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ConversationAddress, PlatformContact } from '../../core/model';
import type { ConversationReferenceRepository } from '../../core/ports';
import type { Database } from '../client';
import { conversationReferences, platformContacts, postedMessages, recognizedMessages } from '../schema';

const toAddress = (row: typeof conversationReferences.$inferSelect): ConversationAddress => ({
  workspaceId: row.workspaceId,
  conversationId: row.conversationId,
  kind: row.kind,
  userId: row.userId,
  groupId: row.groupId,
  reference: row.reference,
});

const toContact = (row: typeof platformContacts.$inferSelect): PlatformContact => ({
  workspaceId: row.workspaceId,
  userId: row.userId,
  directoryId: row.directoryId,
  timezone: row.timezone,
  locale: row.locale,
  unreachableAt: row.unreachableAt,
});

/** The PostgreSQL ConversationReferenceRepository. */
export function createConversationRepository(db: Database): ConversationReferenceRepository {
  return {
    async saveAddress(a) {
      await db
        .insert(conversationReferences)
        .values({
          workspaceId: a.workspaceId,
          conversationId: a.conversationId,
          kind: a.kind,
          userId: a.userId,
          groupId: a.groupId,
          reference: a.reference,
        })
        .onConflictDoUpdate({
          target: [conversationReferences.workspaceId, conversationReferences.conversationId],
          // A later activity may not say which team a channel is in; what we knew stays.
          set: {
            reference: sql`excluded.reference`,
            userId: sql`coalesce(excluded.user_id, ${conversationReferences.userId})`,
            groupId: sql`coalesce(excluded.group_id, ${conversationReferences.groupId})`,
            updatedAt: sql`now()`,
          },
        });
    },

    async findAddress(workspaceId, conversationId) {
      const [row] = await db
        .select()
        .from(conversationReferences)
        .where(
          and(
            eq(conversationReferences.workspaceId, workspaceId),
            eq(conversationReferences.conversationId, conversationId),
          ),
        );
      return row ? toAddress(row) : null;
    },

    async findPersonal(workspaceId, userId) {
      const [row] = await db
        .select()
        .from(conversationReferences)
        .where(
          and(
            eq(conversationReferences.workspaceId, workspaceId),
            eq(conversationReferences.kind, 'personal'),
            eq(conversationReferences.userId, userId),
          ),
        )
        .orderBy(desc(conversationReferences.updatedAt))
        .limit(1);
      return row ? toAddress(row) : null;
    },

    async findLatest(workspaceId) {
      const [row] = await db
        .select()
        .from(conversationReferences)
        .where(eq(conversationReferences.workspaceId, workspaceId))
        .orderBy(desc(conversationReferences.updatedAt))
        .limit(1);
      return row ? toAddress(row) : null;
    },

    async listChannels(workspaceId, groupId) {
      const rows = await db
        .select()
        .from(conversationReferences)
        .where(
          and(
            eq(conversationReferences.workspaceId, workspaceId),
            eq(conversationReferences.kind, 'channel'),
            eq(conversationReferences.groupId, groupId),
          ),
        );
      return rows.map(toAddress);
    },

    async saveContact(c, options = {}) {
      await db
        .insert(platformContacts)
        .values({
          workspaceId: c.workspaceId,
          userId: c.userId,
          directoryId: c.directoryId,
          timezone: c.timezone,
          locale: c.locale,
        })
        .onConflictDoUpdate({
          target: [platformContacts.workspaceId, platformContacts.userId],
          set: {
            directoryId: sql`coalesce(excluded.directory_id, ${platformContacts.directoryId})`,
            timezone: sql`coalesce(excluded.timezone, ${platformContacts.timezone})`,
            locale: sql`coalesce(excluded.locale, ${platformContacts.locale})`,
            // They wrote to us, so the bot is installed for them again; a roster read changes nothing.
            unreachableAt: options.heardFrom ? null : sql`${platformContacts.unreachableAt}`,
            updatedAt: sql`now()`,
          },
        });
    },

    async findContact(workspaceId, userId) {
      const [row] = await db
        .select()
        .from(platformContacts)
        .where(and(eq(platformContacts.workspaceId, workspaceId), eq(platformContacts.userId, userId)));
      return row ? toContact(row) : null;
    },

    async findContactByDirectoryId(workspaceId, directoryId) {
      const [row] = await db
        .select()
        .from(platformContacts)
        .where(and(eq(platformContacts.workspaceId, workspaceId), eq(platformContacts.directoryId, directoryId)))
        .orderBy(desc(platformContacts.updatedAt))
        .limit(1);
      return row ? toContact(row) : null;
    },

    async markUnreachable(workspaceId, userId, at) {
      await db
        .insert(platformContacts)
        .values({ workspaceId, userId, unreachableAt: at })
        .onConflictDoUpdate({
          target: [platformContacts.workspaceId, platformContacts.userId],
          set: { unreachableAt: at, updatedAt: sql`now()` },
        });
    },

    async savePost(workspaceId, key, ref) {
      await db
        .insert(postedMessages)
        .values({ workspaceId, key, channelId: ref.channelId, messageId: ref.messageId })
        .onConflictDoNothing();
    },

    async findPost(workspaceId, key) {
      const [row] = await db
        .select()
        .from(postedMessages)
        .where(and(eq(postedMessages.workspaceId, workspaceId), eq(postedMessages.key, key)));
      return row ? { channelId: row.channelId, messageId: row.messageId } : null;
    },

    async findPostKey(workspaceId, ref) {
      const [row] = await db
        .select({ key: postedMessages.key })
        .from(postedMessages)
        .where(
          and(
            eq(postedMessages.workspaceId, workspaceId),
            eq(postedMessages.channelId, ref.channelId),
            eq(postedMessages.messageId, ref.messageId),
          ),
        );
      return row?.key ?? null;
    },

    async saveRecognizedMessage(workspaceId, m) {
      await db
        .insert(recognizedMessages)
        .values({
          workspaceId,
          channelId: m.channelId,
          messageId: m.messageId,
          excerpt: m.text,
          permalink: m.permalink,
        })
        .onConflictDoUpdate({
          target: [recognizedMessages.workspaceId, recognizedMessages.channelId, recognizedMessages.messageId],
          set: {
            excerpt: sql`excluded.excerpt`,
            permalink: sql`coalesce(excluded.permalink, ${recognizedMessages.permalink})`,
          },
        });
    },

    async findRecognizedMessage(workspaceId, channelId, messageId) {
      const [row] = await db
        .select()
        .from(recognizedMessages)
        .where(
          and(
            eq(recognizedMessages.workspaceId, workspaceId),
            eq(recognizedMessages.channelId, channelId),
            eq(recognizedMessages.messageId, messageId),
          ),
        );
      return row
        ? { channelId: row.channelId, messageId: row.messageId, text: row.excerpt, permalink: row.permalink }
        : null;
    },
  };
}
