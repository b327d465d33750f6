/** A team's custom questions; removal keeps the row, since rounds refer to questions by id. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Question } from '../../core/model';
import type { QuestionRepository } from '../../core/ports';
import type { Database } from '../client';
import { questions } from '../schema';

const toQuestion = (row: typeof questions.$inferSelect): Question => ({ id: row.id, kind: row.kind, text: row.text });

/** The PostgreSQL QuestionRepository. */
export function createQuestionRepository(db: Database): QuestionRepository {
  return {
    async add({ teamId, kind, text, createdBy }) {
      const [row] = await db.insert(questions).values({ teamId, kind, text, createdBy }).returning();
      return toQuestion(row!);
    },
    async listActive(teamId) {
      const rows = await db
        .select()
        .from(questions)
        .where(and(eq(questions.teamId, teamId), isNull(questions.removedAt)))
        .orderBy(asc(questions.createdAt), asc(questions.id));
      return rows.map(toQuestion);
    },
    async remove(questionId, at) {
      await db
        .update(questions)
        .set({ removedAt: at })
        .where(and(eq(questions.id, questionId), isNull(questions.removedAt)));
    },
  };
}
