/**
 * The dashboard's query layer. The threshold k is applied here, before anything reaches a page:
 * the heatmap's SQL reads each round's tally, counts only (no respondent hash, no comment), and
 * `buildHeatmap` drops every round under k and pools the teams under it before returning.
 */
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import {
  buildHeatmap,
  HEATMAP_DAYS,
  HEATMAP_MEASURES,
  HEATMAP_ROUNDS,
  splitByThreshold,
  type DashboardRepository,
  type HeatmapTeamFacts,
} from '../../core/dashboard';
import { MOOD_QUESTION_ID } from '../../core/model';
import type { Database } from '../client';
import { roundTallyExpression, type RoundTally } from '../round-tally';
import { kudos, teamActions } from '../schema';
import { uuidArray } from './rows';
import { toAction } from './action-repository';

interface RoundRow extends Record<string, unknown> {
  team_id: string;
  channel_id: string;
  name: string | null;
  threshold: number | null;
  round_id: string | null;
  closes_at: Date | string | null;
  driver_items: string[] | null;
  enps: boolean | null;
  disabled_drivers: string[] | null;
  /** What the round's answers came to when it closed (null: a round closed without one). */
  tally: RoundTally | null;
}

/** The PostgreSQL DashboardRepository. */
export function createDashboardRepository(db: Database): DashboardRepository {
  /**
   * Each team of the workspace with its last HEATMAP_ROUNDS closed rounds of the period (none: one row with a null
   * round), each with the tally its close wrote (one small value per round: no answer is read). A closed round
   * without a tally (closed by hand, say) is counted from its answers by a second statement.
   */
  async function teamFacts(workspaceId: string, from: Date, to: Date): Promise<HeatmapTeamFacts[]> {
    const picked = await db.execute<RoundRow>(sql`
      select t.id as team_id, t.channel_id, t.name, (t.settings->>'threshold')::float8 as threshold, p.id as round_id,
        p.closes_at, p.driver_items, p.enps, p.tally,
        array(select jsonb_array_elements_text(coalesce(t.settings->'disabledDrivers', '[]'::jsonb))) as disabled_drivers
      from teams t
      left join lateral (
        select r.id, r.closes_at, r.driver_items, r.enps, r.tally from rounds r
        where r.team_id = t.id and r.status = 'closed'
          and r.closes_at > ${from.toISOString()} and r.closes_at <= ${to.toISOString()}
        order by r.closes_at desc, r.id
        limit ${HEATMAP_ROUNDS}
      ) p on true
      where t.workspace_id = ${workspaceId}`);
    const untallied = picked.rows.flatMap((r) => (r.round_id !== null && r.tally === null ? [r.round_id] : []));
    const counted = await tallyFromAnswers(untallied);
    const byTeam = new Map<string, HeatmapTeamFacts>();
    for (const row of picked.rows) {
      const team = byTeam.get(row.team_id) ?? {
        teamId: row.team_id,
        channelId: row.channel_id,
        name: row.name,
        threshold: row.threshold ?? Number.NaN,
        disabledDrivers: row.disabled_drivers ?? [],
        rounds: [],
      };
      byTeam.set(row.team_id, team);
      if (row.round_id === null) continue;
      const tally = row.tally ?? counted.get(row.round_id) ?? { asked: 0, scores: [] };
      const mood = tally.scores.filter((h) => h.q === MOOD_QUESTION_ID && h.s !== null);
      team.rounds.push({
        roundId: row.round_id,
        respondents: mood.reduce((n, h) => n + h.n, 0),
        scoreSum: mood.reduce((sum, h) => sum + h.s! * h.n, 0),
        invited: tally.asked,
        closesAt: new Date(row.closes_at ?? 0),
        driverItems: row.driver_items ?? [],
        enps: row.enps ?? false,
        scores: tally.scores
          .filter((h) => h.q !== MOOD_QUESTION_ID)
          .map(({ q, s, n }) => ({ questionId: q, score: s, n })),
      });
    }
    return [...byTeam.values()];
  }

  /** The tally of each round, counted from its answers (the close's own expression): for rounds closed without one. */
  async function tallyFromAnswers(roundIds: readonly string[]): Promise<Map<string, RoundTally>> {
    if (roundIds.length === 0) return new Map();
    const { rows } = await db.execute<{ round_id: string; tally: RoundTally }>(sql`
      select rounds.id as round_id, ${sql.raw(roundTallyExpression('rounds.id'))} as tally
      from rounds where rounds.id = any(${uuidArray(roundIds)})`);
    return new Map(rows.map((r) => [r.round_id, r.tally]));
  }

  /** Distinct people who answered in these rounds (a count only: who they are never leaves the query). */
  async function distinctRespondents(roundIds: readonly string[]): Promise<number> {
    if (roundIds.length === 0) return 0;
    const result = await db.execute<{ n: number }>(sql`
      select count(distinct member_id)::int as n from deliveries
      where round_id = any(${uuidArray(roundIds)}) and answered_at is not null`);
    return result.rows[0]?.n ?? 0;
  }

  return {
    async heatmap(workspaceId, now, measures = HEATMAP_MEASURES) {
      const from = new Date(now.getTime() - HEATMAP_DAYS * 86_400_000);
      const teams = await teamFacts(workspaceId, from, now);
      const { under } = splitByThreshold(teams);
      const pooled =
        under.length >= 2 ? await distinctRespondents(under.flatMap((t) => t.rounds.map((r) => r.roundId))) : 0;
      return buildHeatmap(teams, pooled, { from, to: now }, measures);
    },

    async listActions(teamId, since) {
      const rows = await db
        .select()
        .from(teamActions)
        .where(and(eq(teamActions.teamId, teamId), or(isNull(teamActions.doneAt), gt(teamActions.doneAt, since))))
        .orderBy(desc(teamActions.createdAt), desc(teamActions.id));
      return rows.map(toAction);
    },

    async listKudosReceived(workspaceId, recipient, since, limit) {
      const rows = await db
        .select({ giver: kudos.giver, reason: kudos.reason, values: kudos.values, givenAt: kudos.givenAt })
        .from(kudos)
        .where(
          and(
            eq(kudos.workspaceId, workspaceId),
            eq(kudos.recipient, recipient),
            isNull(kudos.revokedAt),
            gt(kudos.givenAt, since),
          ),
        )
        .orderBy(desc(kudos.givenAt), desc(kudos.seq))
        .limit(limit);
      return rows;
    },
  };
}
