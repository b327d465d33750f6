/**
 * Summary speed on a year of data: 200 teams × 52 closed weekly rounds, 1,000,000 responses (and
 * the matching 1,040,000 deliveries), bulk-inserted with generate_series. Then the real code paths,
 * timed through the real repositories over a pool sized like the web process's: what
 * `/pulse summary` runs (`summaryReply`: the last two closed rounds, the open actions, the comments and
 * the 8-round symmetry line and chart trend, all read in one wave after the rounds) and the 12-round trend of `/pulse symmetry 12` and the summary chart
 * (`loadSymmetry`: mood per round beside customer figures). Every distinct query is captured from
 * drizzle and EXPLAIN ANALYZEd so results.md can show which indexes it uses.
 */
import { roundTallyExpression } from '../../src/db/round-tally';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { systemClock } from '../../src/core/clock';
import { DRIVER_ITEMS, DRIVERS } from '../../src/core/drivers/bank';
import { DEFAULT_TEAM_SETTINGS, type Team } from '../../src/core/model';
import { loadSymmetry } from '../../src/core/use-cases/round-history';
import { summaryReply } from '../../src/core/use-cases/summary-reply';
import type { WebDeps } from '../../src/core/use-cases/deps';
import type { JobQueue, Logger } from '../../src/core/ports';
import * as schema from '../../src/db/schema';
import { createRepositories } from '../../src/db/repositories';
import { percentiles, type Percentiles } from './stats';

export interface SummaryShape {
  teams: number;
  roundsPerTeam: number;
  teamSize: number;
  responses: number;
  /** The first `smallTeams` teams (by channel) have only `smallRespondents` answers a round: under k, pooled on the heatmap. */
  smallTeams?: number;
  smallRespondents?: number;
  /**
   * Rounds ask drivers as the default rotation does with all eight on (two driver items a round) and eNPS every
   * 13th week, and every respondent answers them beside the mood: rows on top of `responses`.
   */
  drivers?: boolean;
}
/**
 * The shape: 200 teams × 52 rounds, 1,000,000 mood answers (96–97 of 100 members answer each round), and
 * the drivers the default settings ask beside them (their answers are rows on top of the million).
 */
export const FULL_SHAPE: SummaryShape = {
  teams: 200,
  roundsPerTeam: 52,
  teamSize: 100,
  responses: 1_000_000,
  drivers: true,
};

export interface SummarySeed {
  seconds: number;
  /** Mood answers: the shape's `responses`. */
  responses: number;
  /** Answers to driver items and eNPS, beside them. */
  driverAnswers: number;
  deliveries: number;
  rounds: number;
  teamIds: string[];
}

/** Bulk-inserts the year of data; returns what it wrote and how long it took. */
export async function seedSummaries(pool: Pool, shape: SummaryShape = FULL_SHAPE): Promise<SummarySeed> {
  const started = Date.now();
  const { teams: TEAMS, roundsPerTeam: ROUNDS_PER_TEAM, teamSize: TEAM_SIZE, responses: RESPONSES } = shape;
  const small = shape.smallTeams ?? 0;
  const smallRespondents = shape.smallRespondents ?? 0;
  const rounds = (TEAMS - small) * ROUNDS_PER_TEAM;
  const spread = RESPONSES - small * ROUNDS_PER_TEAM * smallRespondents;
  // The other teams: 96 respondents per round, 97 in the first `extra` rounds: exactly `responses` rows.
  const base = Math.floor(spread / rounds);
  const extra = spread - base * rounds;
  if (base + (extra > 0 ? 1 : 0) > TEAM_SIZE || smallRespondents > TEAM_SIZE)
    throw new Error('more respondents than members');
  const client = await pool.connect();
  try {
    await client.query('begin');
    const {
      rows: [ws],
    } = await client.query<{ id: string }>(
      `insert into workspaces (platform, external_id) values ('slack', 'TSUMMARYBENCH') returning id`,
    );
    await client.query(
      // Each team named after its channel as Slack names it (`summary-0001`…): a command from there changes nothing.
      `insert into teams (workspace_id, channel_id, name, managers, settings)
       select $1, 'CSUM' || lpad(t::text, 4, '0'), 'summary-' || lpad(t::text, 4, '0'), array['USUMMGR'], $2::jsonb
       from generate_series(1, $3::int) t`,
      [ws!.id, JSON.stringify(DEFAULT_TEAM_SETTINGS), TEAMS],
    );
    await client.query(
      `insert into members (workspace_id, platform_user_id, timezone, locale)
       select $1, 'USUM' || lpad(i::text, 6, '0'), 'Europe/Paris', 'en-US' from generate_series(0, $2::int - 1) i`,
      [ws!.id, TEAMS * TEAM_SIZE],
    );
    // Team n (by channel) holds members n*100 … n*100+99.
    await client.query(
      `insert into team_members (team_id, member_id)
       select t.id, m.id from teams t
       join members m on m.workspace_id = t.workspace_id
        and substr(m.platform_user_id, 5)::int / $2 = substr(t.channel_id, 5)::int - 1
       where t.workspace_id = $1`,
      [ws!.id, TEAM_SIZE],
    );
    // Weekly rounds, the newest closed last week; round numbers 0…rounds-1 decide who has the extra respondent.
    await client.query(
      `insert into rounds (team_id, period, kind, opens_at, closes_at, status, closed_at, summary_state)
       select t.id, to_char(date_trunc('week', now()) - w * interval '7 days', 'IYYY-"W"IW'), 'scheduled',
              date_trunc('week', now()) - w * interval '7 days' + interval '4 days 14 hours',
              date_trunc('week', now()) - w * interval '7 days' + interval '7 days 14 hours',
              'closed', date_trunc('week', now()) - w * interval '7 days' + interval '7 days 14 hours', 'posted'
       from teams t, generate_series(1, $2::int) w where t.workspace_id = $1`,
      [ws!.id, ROUNDS_PER_TEAM],
    );
    if (shape.drivers) {
      // Two drivers a week in turn through the eight (each back every four weeks, its items alternating), and
      // eNPS every 13th week, as the rotation asks them of a team with every driver on.
      await client.query(
        `update rounds r set
           driver_items = array[($2::text[])[1 + 2 * ((2 * w.n) % 8) + (w.n / 4) % 2],
                                ($2::text[])[1 + 2 * ((2 * w.n + 1) % 8) + (w.n / 4) % 2]],
           enps = w.n % 13 = 0
         from (select r2.id, row_number() over (partition by r2.team_id order by r2.closes_at)::int - 1 as n
               from rounds r2 join teams t on t.id = r2.team_id where t.workspace_id = $1) w
         where r.id = w.id`,
        // Each driver's first two items, in order: driver d's item i is element 1 + 2d + i.
        [ws!.id, DRIVERS.flatMap((d) => DRIVER_ITEMS[d].slice(0, 2).map((item) => `driver:${item}`))],
      );
    }
    await client.query(
      `create temporary table bench_round_rank on commit drop as
       select id, team_id, n, case when small then $3 else $4 + (n < $5)::int end as answered from (
         select r.id, r.team_id, substr(t.channel_id, 5)::int <= $2 as small,
                row_number() over (partition by substr(t.channel_id, 5)::int <= $2 order by r.id) - 1 as n
         from rounds r join teams t on t.id = r.team_id where t.workspace_id = $1) ranked`,
      [ws!.id, small, smallRespondents, base, extra],
    );
    await client.query(
      `create temporary table bench_member_rank on commit drop as
       select tm.team_id, tm.member_id, row_number() over (partition by tm.team_id order by tm.member_id) - 1 as k
       from team_members tm join teams t on t.id = tm.team_id where t.workspace_id = $1`,
      [ws!.id],
    );
    // Everyone was asked; the first `base` (+1) of each team answered.
    await client.query(
      `insert into deliveries (round_id, member_id, state, channel_id, message_id, sent_at, answered_at)
       select r.id, m.member_id, 'sent', 'D' || m.k, '1700000000.' || lpad(m.k::text, 6, '0'), ro.opens_at,
              case when m.k < r.answered then ro.opens_at + interval '2 hours' end
       from bench_round_rank r join rounds ro on ro.id = r.id join bench_member_rank m on m.team_id = r.team_id`,
    );
    // The mood score of each respondent; one in four also left a comment.
    await client.query(
      `insert into responses (round_id, team_id, question_id, respondent_hash, score, comment)
       select r.id, r.team_id, 'mood',
              translate(rtrim(encode(sha256((r.id::text || m.member_id::text)::bytea), 'base64'), '='), '+/', '-_'),
              1 + (abs(hashtext(r.id::text || m.k::text)) % 10),
              case when m.k % 4 = 0 then (array['Too many meetings this week.', 'Great release, proud of the team.', 'Priorities keep changing.', 'Good focus time.'])[1 + (r.n + m.k) % 4] end
       from bench_round_rank r join bench_member_rank m on m.team_id = r.team_id
       where m.k < r.answered`,
    );
    if (shape.drivers) {
      // Each respondent answers the round's driver items (1–10) and, when asked, eNPS (0–10).
      await client.query(
        `insert into responses (round_id, team_id, question_id, respondent_hash, score)
         select r.id, r.team_id, q.id,
                translate(rtrim(encode(sha256((r.id::text || m.member_id::text)::bytea), 'base64'), '='), '+/', '-_'),
                case when q.id = 'enps' then abs(hashtext(q.id || r.id::text || m.k::text)) % 11
                     else 1 + (abs(hashtext(q.id || r.id::text || m.k::text)) % 10) end
         from bench_round_rank r join rounds ro on ro.id = r.id
         join bench_member_rank m on m.team_id = r.team_id
         cross join lateral unnest(ro.driver_items || case when ro.enps then array['enps'] else '{}'::text[] end) as q(id)
         where m.k < r.answered`,
      );
    }
    // A manager answered one comment in three (a quick acknowledgement): the summary counts the answered ones.
    await client.query(
      `insert into comment_replies (comment_id, team_id, position, from_author, manager_id, quick, request_key, state, sent_at)
       select comment_id, team_id, 1, false, 'UBENCHMGR', 'noted', 'bench-' || comment_id, 'sent', now()
       from responses where comment is not null and abs(hashtext(comment_id::text)) % 3 = 0`,
    );
    // Each closed round's tally, as its close writes it (the dashboard's heatmap reads these, not the answers).
    await client.query(
      `update rounds set tally = ${roundTallyExpression('rounds.id')}
       where status = 'closed' and team_id in (select id from teams where workspace_id = $1)`,
      [ws!.id],
    );
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  // A year-old table has long been vacuumed: do it now, so the timing sees steady state (visibility
  // map set, hint bits written) and not an autovacuum that a bulk load of this size sets off.
  await pool.query(
    'vacuum (analyze) workspaces, teams, members, team_members, rounds, deliveries, responses, comment_replies',
  );
  // And its pages long written out: the load's dirty buffers are flushed now, so the checkpoint they would
  // set off does not land inside the timing (the bench connects as a superuser on its own database).
  await pool.query('checkpoint');
  const {
    rows: [counts],
  } = await pool.query<{ responses: number; driverAnswers: number; deliveries: number; rounds: number }>(
    `with bench_rounds as (select r.id from rounds r join teams t on t.id = r.team_id join workspaces w on w.id = t.workspace_id where w.external_id = 'TSUMMARYBENCH')
     select (select count(*)::int from responses where round_id in (select id from bench_rounds) and question_id = 'mood') as responses,
            (select count(*)::int from responses where round_id in (select id from bench_rounds) and question_id <> 'mood') as "driverAnswers",
            (select count(*)::int from deliveries where round_id in (select id from bench_rounds)) as deliveries,
            (select count(*)::int from bench_rounds) as rounds`,
  );
  const { rows: teamRows } = await pool.query<{ id: string }>(
    `select t.id from teams t join workspaces w on w.id = t.workspace_id where w.external_id = 'TSUMMARYBENCH' order by t.channel_id`,
  );
  return { seconds: (Date.now() - started) / 1000, ...counts!, teamIds: teamRows.map((r) => r.id) };
}

export interface QueryPlan {
  usage: string;
  sql: string;
  plan: string;
  indexes: string[];
  seqScans: string[];
}
export interface SummaryTimings {
  summary: Percentiles;
  trend: Percentiles;
  runs: number;
  plans: QueryPlan[];
  queries: { summary: number; trend: number };
}

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};
/** Summaries read only; anything they tried to enqueue would be a bug the benchmark should see. */
const noQueue: JobQueue = {
  enqueue: async () => {
    throw new Error('summaries must not enqueue');
  },
  enqueueMany: async () => {
    throw new Error('summaries must not enqueue');
  },
};

/** Times `runs` summaries and `runs` 12-round trends over the teams (round robin), then EXPLAINs every distinct query. */
export async function timeSummaries(url: string, teamIds: string[], runs: number): Promise<SummaryTimings> {
  // Sized like the web process's pool (pg's default of 10).
  const pool = new Pool({ connectionString: url, max: 10, application_name: 'symmetry-bench-summary' });
  // The run ends by dropping the database WITH (FORCE): a client still closing must not crash it.
  pool.on('error', () => undefined);
  // The SQL and parameters of every distinct query, per usage (the trend asks for 12 rounds, the summary for 2).
  const captured = new Map<string, { usage: string; sql: string; params: unknown[] }>();
  let capture: 'summary' | 'trend' | null = null;
  const counted = { summary: 0, trend: 0 };
  const logQuery = (sql: string, params: unknown[]) => {
    if (capture) counted[capture as keyof typeof counted] += 1;
    if (!capture || captured.has(`${capture}\u0000${sql}`)) return;
    // The trend repeats the summary's per-round queries; only its 12-round listing differs (its limit).
    if (capture === 'trend' && captured.has(`summary\u0000${sql}`) && !/ limit /i.test(sql)) return;
    captured.set(`${capture}\u0000${sql}`, { usage: capture, sql, params });
  };
  const db = drizzle({ client: pool, schema, logger: { logQuery } });
  const deps: WebDeps = {
    repos: createRepositories(db),
    queue: noQueue,
    clock: systemClock,
    logger: silent,
    anonymitySecret: 'x'.repeat(32),
  };
  const teams: Team[] = [];
  for (const id of teamIds) teams.push((await deps.repos.teams.findById(id))!);

  // `/pulse summary` as its manager runs it: the last closed round's summary, the message it is shown as, the chart's trend.
  const summaryOnce = async (team: Team) => {
    const reply = await summaryReply(deps, team, 1, new Date(), { forManager: true });
    if (reply.messages.length !== 1) throw new Error('no summary');
  };
  // `/pulse symmetry 12`: the team's mood over its last 12 closed rounds (beside customer figures).
  const trendOnce = async (team: Team) => {
    const view = await loadSymmetry(deps, team, 12);
    if (view.rounds.length !== 12) throw new Error(`trend of ${view.rounds.length} rounds`);
  };
  // Warm-up: connections opened, plans cached, as in a web process that has been running.
  for (let i = 0; i < 20; i++) {
    await summaryOnce(teams[i % teams.length]!);
    await trendOnce(teams[i % teams.length]!);
  }
  // The bench process held the fake Slack's whole state before this: collect it now (npm run bench gives node
  // --expose-gc), so its garbage is not timed as the summary's; a web process never holds that state.
  (globalThis as { gc?: () => void }).gc?.();
  const summaryMs: number[] = [];
  const trendMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const team = teams[(i * 7) % teams.length]!;
    let t = performance.now();
    await summaryOnce(team);
    summaryMs.push(performance.now() - t);
    t = performance.now();
    await trendOnce(team);
    trendMs.push(performance.now() - t);
  }

  capture = 'summary';
  await summaryOnce(teams[0]!);
  capture = 'trend';
  await trendOnce(teams[0]!);
  capture = null;
  const plans: QueryPlan[] = [];
  for (const { usage, sql, params } of captured.values()) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${sql}`, params);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    plans.push({
      usage,
      sql,
      plan,
      indexes: [
        ...new Set(
          [...plan.matchAll(/(?:Index(?: Only)? Scan|Bitmap Index Scan)(?: Backward)? (?:using |on )(\w+)/g)].map(
            (m) => m[1]!,
          ),
        ),
      ],
      seqScans: [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))],
    });
  }
  await pool.end();
  return { summary: percentiles(summaryMs), trend: percentiles(trendMs), runs, plans, queries: counted };
}
