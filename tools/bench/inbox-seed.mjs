// The full inbox that bench:inbox and bench:web measure: cases written by SQL straight into case-core's table,
// and one case with a timeline of entries registered through the gateway (the case card's case).

export const INBOX = 'kundtjanst';
export const SCHEMA = 'case_core';

/**
 * The cases, written in chunks by one statement each: priorities, statuses and handlers spread as in a real inbox;
 * the first `cases` in `inbox`, `otherCases` more in nine other inboxes (so that the table is not one inbox alone:
 * the planner sees that).
 */
export async function seedInboxCases(db, { cases, otherCases, inbox = INBOX }) {
  await db.query(`SET synchronous_commit = off`);
  await db.query(`CREATE OR REPLACE FUNCTION public.bench_uid(text) RETURNS uuid IMMUTABLE LANGUAGE sql AS
    $$ SELECT (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18))::uuid $$`);
  const CHUNK = 25_000;
  const all = cases + otherCases;
  for (let from = 1; from <= all; from += CHUNK) {
    const to = Math.min(all, from + CHUNK - 1);
    await db.query(
      `INSERT INTO ${SCHEMA}."case" (id, number, version, title, description, status, priority, priority_rank,
         channel, inbox_id, service_point_id, assignee_id, assignee_name, customer_wants_answer, registered_at,
         updated_at, closed_at, registered_by)
       SELECT public.bench_uid('inbox-case' || i), '2025-' || lpad(i::text, 6, '0'), 1,
              'Ärende ' || i || ': fråga om sophämtning', 'Kunden undrar när kärlet töms.',
              st.status, pr.priority, pr.rank, (ARRAY['phone', 'email', 'sms'])[1 + i % 3], ib.inbox, ib.inbox,
              CASE WHEN i % 10 < 3 THEN NULL ELSE 'handlaggare-' || (i % 40) END,
              CASE WHEN i % 10 < 3 THEN NULL ELSE 'Handläggare ' || (i % 40) END,
              i % 2 = 0, r.at, r.at + make_interval(secs => (i * 7919) % 86400), 
              CASE WHEN st.status = 'closed' THEN r.at + interval '1 day' END, 'bench'
         FROM generate_series($1::int, $2::int) AS i,
              LATERAL (SELECT CASE WHEN i <= $3::int THEN $4 ELSE 'inkorg-' || (i % 9) END AS inbox) ib,
              LATERAL (SELECT (i::bigint * 2654435761) % 100 AS p, (i::bigint * 40503) % 100 AS s) h,
              LATERAL (SELECT CASE WHEN h.p < 5 THEN 'urgent' WHEN h.p < 20 THEN 'prioritised' ELSE 'normal' END AS priority,
                              CASE WHEN h.p < 5 THEN 0 WHEN h.p < 20 THEN 1 ELSE 2 END AS rank) pr,
              LATERAL (SELECT CASE WHEN h.s < 10 THEN 'closed' WHEN h.s < 40 THEN 'new' WHEN h.s < 70 THEN 'open'
                                   WHEN h.s < 80 THEN 'waiting_for_customer' WHEN h.s < 90 THEN 'with_external'
                                   ELSE 'reopened' END AS status) st,
              LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + i * interval '311.017 seconds' AS at) r`,
      [from, to, cases, inbox],
    );
  }
  // As autovacuum leaves a settled table: statistics, and the visibility map that lets counts read the index alone.
  await db.query(`VACUUM (ANALYZE) ${SCHEMA}."case"`);
}

/** How many cases of the inbox are not closed: what it lists by default. */
export async function openCases(db, inbox = INBOX) {
  const [{ open }] = (
    await db.query(`SELECT count(*)::int AS open FROM ${SCHEMA}."case" WHERE inbox_id = $1 AND status <> 'closed'`, [
      inbox,
    ])
  ).rows;
  return open;
}

/**
 * The case card's case: registered and written to through the gateway (over an undici pool, with a token), so
 * that its timeline of `entries` phone notes is real. Returns the case.
 */
export async function registerCardCase(pool, token, { inbox = INBOX, entries = 30 } = {}) {
  const registered = await pool.request({
    method: 'POST',
    path: '/api/v1/cases',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Sophämtningen har uteblivit', channel: 'phone', inboxId: inbox }),
  });
  const card = JSON.parse(await registered.body.text());
  if (registered.statusCode !== 201) throw new Error(`register: HTTP ${registered.statusCode}`);
  for (let i = 0; i < entries; i++) {
    const added = await pool.request({
      method: 'POST',
      path: `/api/v1/cases/${card.number}/entries`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'phone_note', text: `Samtal ${i + 1}: kunden ringde om sophämtningen.` }),
    });
    await added.body.text();
    if (added.statusCode !== 201) throw new Error(`entry: HTTP ${added.statusCode}`);
  }
  return card;
}
