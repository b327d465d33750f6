/**
 * The dashboard's query layer. The threshold k is applied here, before anything reaches a page:
 * the heatmap's SQL reads per-round counts and sums only (no respondent hash, no comment), and
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
import { ENPS_QUESTION_ID } from '../../core/drivers/bank';
import { MOOD_QUESTION_ID } from '../../core/model';
import type { Database } from '../client';
import { kudos, teamActions } from '../schema';
import { uuidArray } from './rows';
import { toAction } from './action-repository';

interface RoundRow extends Record<string, unknown> {
  team_id: string;
  channel_id: string;
  threshold: number | null;
  round_id: string | null;
  respondents: number;
  score_sum: number;
  invited: number;
  closes_at: Date | string | null;
  driver_items: string[] | null;
  enps: boolean | null;
  disabled_drivers: string[] | null;
  /** How many answers each item got of each score (a histogram: n answers of score s to question q). */
  scores: Array<{ q: string; s: number | null; n: number }> | null;
}

/** A round's answers as counted for the heatmap (counts and sums, no respondent). */
interface AnswerRow extends Record<string, unknown> {
  round_id: string;
  respondents: number;
  score_sum: number;
  invited: number;
  scores: RoundRow['scores'];
}

/** The PostgreSQL DashboardRepository. */
export function createDashboardRepository(db: Database): DashboardRepository {
  /**
   * Each team of the workspace with its last HEATMAP_ROUNDS closed rounds of the period (none: one row with a null
   * round). Two statements: the rounds first (an index range per team), then their answers by round id, so
   * PostgreSQL reads responses and deliveries through their round_id indexes instead of scanning either table.
   */
  async function teamFacts(workspaceId: string, from: Date, to: Date): Promise<HeatmapTeamFacts[]> {
    const picked = await db.execute<RoundRow>(sql`
      select t.id as team_id, t.channel_id, (t.settings->>'threshold')::float8 as threshold, p.id as round_id,
        p.closes_at, p.driver_items, p.enps,
        array(select jsonb_array_elements_text(coalesce(t.settings->'disabledDrivers', '[]'::jsonb))) as disabled_drivers
      from teams t
      left join lateral (
        select r.id, r.closes_at, r.driver_items, r.enps from rounds r
        where r.team_id = t.id and r.status = 'closed'
          and r.closes_at > ${from.toISOString()} and r.closes_at <= ${to.toISOString()}
        order by r.closes_at desc, r.id
        limit ${HEATMAP_ROUNDS}
      ) p on true
      where t.workspace_id = ${workspaceId}`);
    const roundIds = picked.rows.flatMap((r) => (r.round_id === null ? [] : [r.round_id]));
    const facts = new Map<string, AnswerRow>();
    if (roundIds.length > 0) {
      const ids = uuidArray(roundIds);
      const answers = await db.execute<AnswerRow>(sql`
        with mood as (
          select round_id, count(score)::int as respondents, coalesce(sum(score), 0)::float8 as score_sum
          from responses where round_id = any(${ids}) and question_id = ${MOOD_QUESTION_ID}
          group by round_id
        ),
        driver_scores as (
          -- A histogram per item (at most 11 scores each), not one JSON object per answer.
          select round_id, json_agg(json_build_object('q', question_id, 's', score, 'n', n)) as scores
          from (
            select round_id, question_id, score, count(*)::int as n
            from responses
            where round_id = any(${ids}) and (question_id = ${ENPS_QUESTION_ID} or question_id like 'driver:%')
            group by round_id, question_id, score
          ) h
          group by round_id
        ),
        asked as (
          -- Everyone asked minus those away: the first count reads the (round_id, member_id) index alone, the
          -- second the small partial index of those away; neither visits the table's rows.
          select r.id as round_id,
            (select count(*) from deliveries d where d.round_id = r.id)::int
              - (select count(*) from deliveries d where d.round_id = r.id and d.state = 'away')::int as invited
          from unnest(${ids}) as r(id)
        )
        select r.id as round_id, coalesce(m.respondents, 0) as respondents, coalesce(m.score_sum, 0) as score_sum,
          coalesce(a.invited, 0) as invited, d.scores
        from unnest(${ids}) as r(id)
        left join mood m on m.round_id = r.id
        left join asked a on a.round_id = r.id
        left join driver_scores d on d.round_id = r.id`);
      for (const row of answers.rows) facts.set(row.round_id, row);
    }
    const result = {
      rows: picked.rows.map((row) => {
        const f = row.round_id === null ? undefined : facts.get(row.round_id);
        return {
          ...row,
          respondents: f?.respondents ?? 0,
          score_sum: f?.score_sum ?? 0,
          invited: f?.invited ?? 0,
          scores: f?.scores ?? null,
        };
      }),
    };
    const byTeam = new Map<string, HeatmapTeamFacts>();
    for (const row of result.rows) {
      const team = byTeam.get(row.team_id) ?? {
        teamId: row.team_id,
        channelId: row.channel_id,
        threshold: row.threshold ?? Number.NaN,
        disabledDrivers: row.disabled_drivers ?? [],
        rounds: [],
      };
      byTeam.set(row.team_id, team);
      if (row.round_id !== null)
        team.rounds.push({
          roundId: row.round_id,
          respondents: row.respondents,
          scoreSum: row.score_sum,
          invited: row.invited,
          closesAt: new Date(row.closes_at ?? 0),
          driverItems: row.driver_items ?? [],
          enps: row.enps ?? false,
          scores: (row.scores ?? []).flatMap(({ q, s, n }) =>
            Array.from({ length: n }, () => ({ questionId: q, score: s })),
          ),
        });
    }
    return [...byTeam.values()];
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
