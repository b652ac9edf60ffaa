/**
 * The server as a runtime role that does not own the tables (issue #14, finding 4a): migrations
 * and grants run as the owner (DAFTAR_OWNER_DATABASE_URL), requests as DATABASE_URL's role, which
 * may read and write but only append to the audit log and cannot switch its triggers off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '#server/db/client';
import { grantRuntimeRole, RoleError } from '#server/db/roles';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { clockStartingAt } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { startServer, type RunningServer } from '#server/server';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { staffBody } from '../support/fixtures';
import { cloneTemplate, type ClonedDatabase } from '../support/databases';
import { describePostgres, postgresUrl } from '../support/postgres';
import { Client } from '../support/test-server';
import { TEST_NOW } from '../support/test-clock';

describePostgres('the server runs as a role that may only append to the audit log', () => {
  const role = `daftar_runtime_${process.pid}_${randomBytes(3).toString('hex')}`;
  let clone: ClonedDatabase;
  let runtime: Database;
  let server: RunningServer;
  let auditDir: string;

  const asRuntime = (text: string, values?: unknown[]) => runtime.pool.query(text, values);

  beforeAll(async () => {
    clone = await cloneTemplate({ poolSize: 2 });
    const admin = new pg.Client({ connectionString: postgresUrl()! });
    await admin.connect();
    await admin.query(`create role ${role} login`);
    await admin.end();
    const runtimeUrl = new URL(clone.url!);
    runtimeUrl.username = role;
    runtime = await openDatabase({ databaseUrl: runtimeUrl.toString(), poolSize: 4 });
    auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-audit-'));
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: runtimeUrl.toString(),
      DAFTAR_OWNER_DATABASE_URL: clone.url!,
      LOG_LEVEL: 'silent',
      DAFTAR_NOTIFIER_CONSOLE: '0',
      DAFTAR_SEED_DEMO: '0',
      DAFTAR_SIGN_IN_RATE_PER_MINUTE: '100000',
      DAFTAR_WEB_DIST: path.join(os.tmpdir(), 'daftar-int-no-web'),
      DAFTAR_AUDIT_DIR: auditDir,
    });
    server = await startServer(config, { database: runtime, listen: false, clock: clockStartingAt(TEST_NOW) });
  });

  afterAll(async () => {
    await server?.stop();
    await runtime?.close();
    await clone?.drop();
    const admin = new pg.Client({ connectionString: postgresUrl()! });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
    if (auditDir) fs.rmSync(auditDir, { recursive: true, force: true });
  });

  it('the server connected as the runtime role, not as the owner', async () => {
    const { rows } = await asRuntime(
      "select current_user as me, (select tableowner from pg_tables where tablename = 'audit_events') as owner",
    );
    expect(rows[0].me).toBe(role);
    expect(rows[0].owner).not.toBe(role);
  });

  it('UPDATE, DELETE and TRUNCATE of audit events are refused by privilege, not only by the trigger', async () => {
    await expect(asRuntime(`update audit_events set data = '{"forged": true}' where seq = 1`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asRuntime('delete from audit_events where seq = 1')).rejects.toThrow(/permission denied/);
    await expect(asRuntime('truncate audit_events')).rejects.toThrow(/permission denied/);
  });

  it('the runtime role cannot switch the append-only triggers off, drop them or the table', async () => {
    await expect(asRuntime('alter table audit_events disable trigger user')).rejects.toThrow(/must be owner/);
    await expect(asRuntime('alter table audit_chain_head disable trigger all')).rejects.toThrow(/must be owner/);
    await expect(asRuntime('drop trigger audit_events_append_only on audit_events')).rejects.toThrow(/must be owner/);
    await expect(asRuntime('drop table audit_events')).rejects.toThrow(/must be owner/);
    await expect(asRuntime('create table public.evil (x int)')).rejects.toThrow(/permission denied/);
  });

  it('the chain head cannot be moved back or removed by the runtime role', async () => {
    await expect(asRuntime('update audit_chain_head set seq = seq - 1 where id = 1')).rejects.toThrow(/forward/);
    await expect(asRuntime('delete from audit_chain_head')).rejects.toThrow(/permission denied/);
  });

  it('the app works under the runtime role: a change that writes an audit event succeeds and the chain verifies', async () => {
    const regulator = new Client(server, 'regulator');
    const signIn = await regulator.post('/api/v1/auth/staff/login', { username: 'regulator', password: DEMO_PASSWORD });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const before = Number((await asRuntime('select count(*) from audit_events')).rows[0].count);
    const res = await regulator.post('/api/v1/users', staffBody('runtime.role', { role: 'operator', officeId: 4 }));
    expect(res.statusCode, res.body).toBe(201);
    expect(Number((await asRuntime('select count(*) from audit_events')).rows[0].count)).toBe(before + 1);
    expect(await verifyAuditChain(runtime.db)).toEqual({ ok: true, checked: before + 1 });
    const checkpoint = await regulator.post('/api/v1/audit/checkpoints');
    expect(checkpoint.statusCode, checkpoint.body).toBe(201);
    expect(checkpoint.json()).toMatchObject({ seq: before + 1 });
  });

  it('the runtime rights are refused to the owner itself and to a superuser', async () => {
    await expect(grantRuntimeRole(clone.database, 'postgres')).rejects.toThrow(RoleError);
    await expect(grantRuntimeRole(clone.database, `${role}_missing`)).rejects.toThrow(/does not exist/);
  });
});
