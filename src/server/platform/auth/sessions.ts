/** Sessions and the actor behind them. */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/transaction';
import { roleGrants, users } from '../../modules/identity/tables';
import type { Actor, Grant } from './actor';
import { sessions } from './tables';
import { randomToken, sha256 } from './tokens';

export interface NewSession { token: string; csrfToken: string; expiresAt: Date }

export async function createSession(db: Executor, userId: number, ttlHours: number, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) });
  // Expired sessions of this user go when a new one starts; a job is not needed for that.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function loadGrants(db: Executor, userId: number): Promise<Grant[]> {
  const rows = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId)).orderBy(roleGrants.id);
  return rows.map((g) => ({ role: g.role, scope: { kind: g.scopeKind, provinceId: g.provinceId, officeId: g.officeId, courtId: g.courtId } }));
}

export interface ResolvedSession { actor: Actor; csrfToken: string }

/** The actor for a session token, or null when it is unknown, expired or the user is disabled. */
export async function resolveSession(db: Executor, token: string): Promise<ResolvedSession | null> {
  const [row] = await db.select({
    csrfToken: sessions.csrfToken, userId: users.id, kind: users.kind, firstName: users.firstName,
    lastName: users.lastName, citizenId: users.citizenId, disabled: users.disabled,
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabled) return null;
  return {
    csrfToken: row.csrfToken,
    actor: {
      userId: row.userId, kind: row.kind, displayName: `${row.firstName} ${row.lastName}`,
      citizenId: row.citizenId, grants: await loadGrants(db, row.userId),
    },
  };
}
