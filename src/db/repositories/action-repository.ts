/** "You said, we did": a manager's actions, open until marked done. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { TeamAction } from '../../core/model';
import type { ActionRepository } from '../../core/ports';
import type { Database } from '../client';
import { teamActions } from '../schema';
import { isUuid } from './rows';

export const toAction = (row: typeof teamActions.$inferSelect): TeamAction => ({
  id: row.id,
  teamId: row.teamId,
  text: row.text,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  doneAt: row.doneAt,
});

/** The PostgreSQL ActionRepository. */
export function createActionRepository(db: Database): ActionRepository {
  // Every summary shows the open actions: prepared once per connection.
  const openActions = db
    .select()
    .from(teamActions)
    .where(and(eq(teamActions.teamId, sql.placeholder('teamId')), isNull(teamActions.doneAt)))
    .orderBy(asc(teamActions.createdAt), asc(teamActions.id))
    .prepare('symmetry_actions_open');
  return {
    async add({ teamId, text, createdBy }) {
      const [row] = await db.insert(teamActions).values({ teamId, text, createdBy }).returning();
      return toAction(row!);
    },
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(teamActions).where(eq(teamActions.id, id));
      return row ? toAction(row) : null;
    },
    async listOpen(teamId) {
      return (await openActions.execute({ teamId })).map(toAction);
    },
    async markDone(id, at) {
      await db
        .update(teamActions)
        .set({ doneAt: at })
        .where(and(eq(teamActions.id, id), isNull(teamActions.doneAt)));
    },
    async markPosted(id, ref) {
      const rows = await db
        .update(teamActions)
        .set({ postedChannelId: ref.channelId, postedMessageId: ref.messageId })
        .where(and(eq(teamActions.id, id), isNull(teamActions.postedMessageId)))
        .returning({ id: teamActions.id });
      return rows.length > 0;
    },
  };
}
