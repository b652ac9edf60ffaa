/**
 * Two roles on PostgreSQL (decision 0033): the owner, which migrates and owns every table, and the
 * runtime role the server answers requests as. The runtime role reads and writes the tables it
 * needs, but may only append to the audit log: no UPDATE, DELETE or TRUNCATE of `audit_events`,
 * the chain head only moved forward (its trigger), and — not owning the tables — it can neither
 * disable their triggers nor alter or drop them. Re-run after every migration (the server does
 * when DAFTAR_OWNER_DATABASE_URL is set; `daftar db grant-runtime ROLE` does it by hand).
 */
import type { Database } from './client';

/** Tables the runtime role may only read and insert into. */
const APPEND_ONLY = ['audit_events'];
/** The chain head: inserted once and moved forward (its trigger refuses anything else), never deleted. */
const FORWARD_ONLY = ['audit_chain_head'];

const GRANT_LOCK = 7_240_003;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class RoleError extends Error {}

/** Grants `role` the runtime rights on the database `owner` is connected to (as the tables' owner). */
export async function grantRuntimeRole(owner: Database, role: string): Promise<void> {
  if (owner.kind !== 'postgres') throw new RoleError('separate database roles exist on PostgreSQL only');
  const client = await owner.pool.connect();
  try {
    const {
      rows: [facts],
    } = await client.query<{ exists: boolean; superuser: boolean; owns: boolean; me: string; db: string }>(
      `select exists (select 1 from pg_roles where rolname = $1) as exists,
              coalesce((select rolsuper from pg_roles where rolname = $1), false) as superuser,
              coalesce((select pg_has_role($1, c.relowner, 'MEMBER') from pg_class c
                        where c.oid = to_regclass('public.audit_events')), false) as owns,
              current_user as me, current_database() as db`,
      [role],
    );
    if (!facts.exists)
      throw new RoleError(`the role ${role} does not exist (create it first: CREATE ROLE ${role} LOGIN PASSWORD …)`);
    if (facts.superuser)
      throw new RoleError(`the role ${role} is a superuser: the runtime role must be an ordinary one`);
    if (facts.owns || role === facts.me)
      throw new RoleError(
        `the role ${role} owns the tables (or is a member of their owner): use another role at run time`,
      );
    const r = ident(role);
    const { rows: schemas } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname in ('public', 'drizzle', 'pgboss')",
    );
    const has = new Set(schemas.map((s) => s.name));
    await client.query('begin');
    const statements = [
      `grant connect on database ${ident(facts.db)} to ${r}`,
      `revoke create on schema public from ${r}`,
      `grant usage on schema public to ${r}`,
      `grant select, insert, update, delete on all tables in schema public to ${r}`,
      `revoke truncate, references, trigger on all tables in schema public from ${r}`,
      `grant usage, select, update on all sequences in schema public to ${r}`,
      ...APPEND_ONLY.flatMap((t) => [
        `revoke all on ${ident(t)} from ${r}`,
        `grant select, insert on ${ident(t)} to ${r}`,
      ]),
      ...FORWARD_ONLY.flatMap((t) => [
        `revoke all on ${ident(t)} from ${r}`,
        `grant select, insert, update on ${ident(t)} to ${r}`,
      ]),
      // The migrations' record: read at start to see that nothing is pending.
      ...(has.has('drizzle')
        ? [`grant usage on schema drizzle to ${r}`, `grant select on all tables in schema drizzle to ${r}`]
        : []),
      // The job queue works its own tables; its schema is installed and upgraded by the owner.
      ...(has.has('pgboss')
        ? [
            `grant usage on schema pgboss to ${r}`,
            `grant select, insert, update, delete on all tables in schema pgboss to ${r}`,
            `grant usage, select, update on all sequences in schema pgboss to ${r}`,
            `grant execute on all functions in schema pgboss to ${r}`,
          ]
        : []),
    ];
    try {
      // Processes starting together would grant on the same rows at once ("tuple concurrently updated").
      await client.query('select pg_advisory_xact_lock($1)', [GRANT_LOCK]);
      for (const statement of statements) await client.query(statement);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  } finally {
    client.release();
  }
}

/** The role a connection acts as. */
export async function currentRole(database: Database): Promise<string> {
  const { rows } = await database.pool.query<{ role: string }>('select current_user as role');
  return rows[0].role;
}
