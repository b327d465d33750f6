/**
 * The anonymity audit: every row of every table, and every log line, is read; a place that
 * holds both a person (platform id or member id) and that person's score or comment fails it.
 */
import type { Pool } from 'pg';

/** What one person answered, as the test knows it (the app must never be able to say it). */
export interface KnownAnswer {
  platformUserId: string;
  score: number;
  texts: string[];
}

/** The places (table rows or log lines) that pair someone with their own answer. */
export async function findLinks(pool: Pool, answers: KnownAnswer[], logText = ''): Promise<string[]> {
  const { rows: members } = await pool.query<{ id: string; platform_user_id: string }>(
    'select id, platform_user_id from members',
  );
  const ids = new Map(
    answers.map((a) => [
      a.platformUserId,
      [a.platformUserId, ...members.filter((m) => m.platform_user_id === a.platformUserId).map((m) => m.id)],
    ]),
  );
  const { rows: tables } = await pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public'",
  );
  const places: Array<{ where: string; text: string }> = [];
  for (const { name } of tables) {
    const { rows } = await pool.query<{ row: string }>(`select row_to_json(t)::text as row from "${name}" t`);
    for (const { row } of rows) places.push({ where: `table ${name}`, text: row });
  }
  logText.split('\n').forEach((line, i) => places.push({ where: `log line ${i + 1}`, text: line }));
  const links: string[] = [];
  for (const place of places) {
    for (const a of answers) {
      // Whole ids only: a short id like "UC" inside a random base64 hash ("nOUCQ…") names nobody.
      if (
        !ids
          .get(a.platformUserId)!
          .some((id) =>
            new RegExp(`(^|[^A-Za-z0-9_])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`).test(
              place.text,
            ),
          )
      )
        continue;
      const scored = new RegExp(`"score":\\s*${a.score}\\b|answered \\*?${a.score}\\b`).test(place.text);
      const said = a.texts.some((t) => place.text.includes(t.slice(0, 24)));
      if (scored || said) links.push(`${place.where}: ${place.text.slice(0, 300)}`);
    }
  }
  return links;
}

/** How many places were read: a scan that read nothing proves nothing. */
export async function countPlaces(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "select sum((xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', tablename), false, true, '')))[1]::text::int)::int as n from pg_tables where schemaname = 'public'",
  );
  return rows[0]?.n ?? 0;
}

/**
 * The sealed addresses and conversations read as a database dump would: each seal is distinct (a fresh
 * nonce, so two comments of one author are unrelated), carries no member id in the clear or in base64,
 * and no author's answer names its writer unless they chose to sign it. Returns what is wrong.
 */
export async function findSealProblems(pool: Pool): Promise<string[]> {
  const { rows: members } = await pool.query<{ id: string; platform_user_id: string }>(
    'select id, platform_user_id from members',
  );
  const ids = members.flatMap((m) => [m.id, m.platform_user_id]);
  // What a seal holds is a member id (a uuid); a short platform id ("UA") turns up by chance in random bytes, so only ids
  // of 4+ characters are looked for inside a seal (a 4-byte match in ~60 random bytes is a one-in-70-million event).
  const sealable = ids.filter((id) => id.length >= 4);
  const { rows: seals } = await pool.query<{ seal: string }>(
    'select author_seal as seal from responses where author_seal is not null',
  );
  const problems: string[] = [];
  if (seals.length === 0) problems.push('no sealed address to scan');
  const nonces = new Set<string>();
  for (const { seal } of seals) {
    const body = seal.replace(/^v1\./, '');
    const nonce = body.slice(0, 16);
    if (nonces.has(nonce)) problems.push(`two seals share a nonce: ${seal}`);
    nonces.add(nonce);
    const decoded = Buffer.from(body, 'base64url').toString('latin1');
    for (const id of sealable)
      if (seal.includes(id) || decoded.includes(id)) problems.push(`seal holds ${id} in the clear: ${seal}`);
  }
  // An author's answer may name them only in revealed_as, their explicit choice for that one answer.
  const { rows: answers } = await pool.query<{ row: string }>(
    "select (row_to_json(r)::jsonb - 'revealed_as')::text as row from comment_replies r where from_author",
  );
  for (const { row } of answers)
    for (const id of ids)
      if (new RegExp(`(^|[^A-Za-z0-9_])${id}($|[^A-Za-z0-9_])`).test(row))
        problems.push(`an author's answer names ${id}: ${row}`);
  return problems;
}

/** An author as a database dump could name them (every id the platform gives them), and the comments they wrote. */
export interface KnownAuthor {
  ids: string[];
  commentIds: string[];
}

/**
 * The rows that hold both an author (any of their ids: platform user id, directory id, 1:1 conversation
 * id, member id) and one of their comments or one message of its thread (by id): a dump would tell who
 * wrote it. The author's own signed answer (`revealed_as`, their explicit choice) is left out. Returns
 * the places and how many rows carried a comment's or a thread message's id (a scan that met none proves nothing).
 */
export async function findThreadLinks(
  pool: Pool,
  authors: KnownAuthor[],
): Promise<{ links: string[]; rowsWithThreadIds: number }> {
  const { rows: members } = await pool.query<{ id: string; platform_user_id: string }>(
    'select id, platform_user_id from members',
  );
  const { rows: replies } = await pool.query<{ id: string; comment_id: string }>(
    'select id, comment_id from comment_replies',
  );
  const { rows: tables } = await pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public'",
  );
  const whole = (id: string) =>
    new RegExp(`(^|[^A-Za-z0-9_])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`);
  const scans = authors.map((a) => {
    const ids = [...a.ids, ...members.filter((m) => a.ids.includes(m.platform_user_id)).map((m) => m.id)];
    const thread = [...a.commentIds, ...replies.filter((r) => a.commentIds.includes(r.comment_id)).map((r) => r.id)];
    return { ids: ids.filter(Boolean).map(whole), thread: thread.map(whole) };
  });
  const links: string[] = [];
  let rowsWithThreadIds = 0;
  for (const { name } of tables) {
    const row = name === 'comment_replies' ? `(row_to_json(t)::jsonb - 'revealed_as')::text` : 'row_to_json(t)::text';
    const { rows } = await pool.query<{ row: string }>(`select ${row} as row from "${name}" t`);
    for (const { row: text } of rows)
      for (const scan of scans) {
        if (!scan.thread.some((re) => re.test(text))) continue;
        rowsWithThreadIds += 1;
        if (scan.ids.some((re) => re.test(text))) links.push(`table ${name}: ${text.slice(0, 300)}`);
      }
  }
  return { links, rowsWithThreadIds };
}
