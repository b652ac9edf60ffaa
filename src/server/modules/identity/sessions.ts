/** Sessions and the actor behind them. */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Executor } from '#server/db/transaction';
import type { Grant } from '#server/platform/auth/actor';
import { randomToken, sha256 } from '#server/platform/auth/tokens';
import type { ResolvedSession, SessionCookies } from '#server/platform/http/session-hook';
import { sessions } from '#server/modules/accounts/tables';

/** `maxAgeSeconds` is what the cookies carry: the browser judges a cookie by its own clock, not the server's. */
export interface NewSession extends SessionCookies {
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  userId: number,
  ttlHours: number,
  meta: { ip?: string; userAgent?: string },
  now: Date,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const maxAgeSeconds = Math.round(ttlHours * 3_600);
  const expiresAt = new Date(now.getTime() + maxAgeSeconds * 1000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
    createdAt: now,
  });
  // Expired sessions of this user go when a new one starts; a job is not needed for that.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, csrfToken, expiresAt, maxAgeSeconds };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/**
 * The session, its user and every role grant with a readable scope label, in one statement: this
 * runs on every signed-in request, so it is one round trip on primary keys and small joins.
 */
export const SESSION_ACTOR_SQL = `
  select s.csrf_token, u.id, u.kind, u.first_name, u.last_name, u.username, u.mobile, u.citizen_id, u.disabled,
         coalesce((select json_agg(json_build_object(
             'role', g.role, 'kind', g.scope_kind, 'provinceId', g.province_id, 'officeId', g.office_id, 'courtId', g.court_id,
             'fa', case g.scope_kind when 'nation' then 'کل کشور' when 'own' then 'پروندهٔ شخصی'
                     when 'office' then o.name_fa when 'court' then c.name_fa else 'استان ' || p.name_fa end,
             'en', case g.scope_kind when 'nation' then 'Nationwide' when 'own' then 'Own records'
                     when 'office' then o.name_en when 'court' then c.name_en else p.name_en || ' province' end
           ) order by g.id)
           from role_grants g
           left join provinces p on p.id = g.province_id
           left join offices o on o.id = g.office_id
           left join courts c on c.id = g.court_id
           where g.user_id = u.id), '[]'::json) as grants
    from sessions s join users u on u.id = s.user_id
   where s.token_hash = $1 and s.expires_at > $2`;

interface SessionActorRow {
  csrf_token: string;
  id: number;
  kind: 'staff' | 'citizen';
  first_name: string;
  last_name: string;
  username: string | null;
  mobile: string | null;
  citizen_id: number | null;
  disabled: boolean;
  grants: {
    role: Grant['role'];
    kind: Grant['scope']['kind'];
    provinceId: number | null;
    officeId: number | null;
    courtId: number | null;
    fa: string | null;
    en: string | null;
  }[];
}

function sessionActorQuery([tokenHash, now]: unknown[]) {
  const [before, rest] = SESSION_ACTOR_SQL.split('$1');
  const [middle, after] = rest.split('$2');
  return sql.join([sql.raw(before), sql`${tokenHash}`, sql.raw(middle), sql`${now}`, sql.raw(after)]);
}

/** The actor for a session token, or null when it is unknown, expired at `now` or the user is disabled. */
export async function resolveSession(db: Executor, token: string, now: Date): Promise<ResolvedSession | null> {
  const values = [sha256(token), now];
  // On the database itself (every request's case) the statement is a named one: each connection
  // parses and plans it once, and no query is built per request. In a transaction, through it.
  const pool = (db as { $client?: Pick<Pool, 'query'> }).$client;
  const result = pool
    ? await pool.query<SessionActorRow>({ name: 'session-actor', text: SESSION_ACTOR_SQL, values })
    : await db.execute(sessionActorQuery(values));
  const row = result.rows[0] as unknown as SessionActorRow | undefined;
  if (!row || row.disabled) return null;
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.id,
      kind: row.kind,
      displayName: `${row.first_name} ${row.last_name}`,
      username: row.username,
      mobile: row.mobile,
      citizenId: row.citizen_id,
      grants: row.grants.map((g) => ({
        role: g.role,
        scope: {
          kind: g.kind,
          provinceId: g.provinceId,
          officeId: g.officeId,
          courtId: g.courtId,
          label: { fa: g.fa ?? '', en: g.en ?? '' },
        },
      })),
    },
  };
}
