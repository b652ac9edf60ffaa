/**
 * An existing database, upgraded: it was migrated up to 0011, its holiday table seeded the old way
 * (1403–1406 stored, computed lunar days marked by their title), an admin had deleted a seeded
 * day and added one of their own, and deadlines were fixed as delivery + limit (a day short).
 * Migrations 0012–0013 leave only the admin's day in the table and keep the deletion as a removal;
 * the recount at start then fixes every stored deadline under Art. 445 — once, audited, never
 * earlier than before. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialHolidays } from '#core/holidays';
import { openDatabase, type Database } from '#server/db/client';
import { MIGRATIONS_DIR, runMigrations } from '#server/db/migrate';
import { recountDeadlinesOnce } from '#server/modules/notices/recount';
import { recordAudit, verifyAuditChain } from '#server/platform/audit/audit-log';
import { frozenClock } from '#server/platform/clock/clock';
import { adminUrl, databaseUrlFor } from '../support/databases';

let database: Database;
let drop: () => Promise<void>;
let oldMigrations: string;

/** A copy of the migrations as they were before the holiday calendar (0000–0011). */
function migrationsUpTo(last: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= last);
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries)
    fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { database: db, drop: () => db.close() };
  }
  const name = `daftar_recount_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: databaseUrlFor(url, name), poolSize: 2 });
  return {
    database: db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl(url) });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const q = async <R>(text: string, values?: unknown[]) => (await database.pool.query(text, values)).rows as R[];

/** Delivered at 10:00 Tehran on an ISO day, with a 20-day limit and the deadline the old rule gave. */
async function delivered(day: string, oldDeadline: string | null): Promise<number> {
  const [n] = await q<{ id: number }>(
    "insert into notices (case_id, court_id, province_id, kind, title, body, issued_by) values (1, 1, 1, 'decision', 'دادنامه', 'متن', 1) returning id::int as id",
  );
  const [d] = await q<{ id: number }>(
    `insert into notice_deliveries (notice_id, citizen_id, province_id, delivered_at, delivered_channel, deadline_days, deadline_date)
     values ($1, 1, 1, $2, $3, $4, $5) returning id::int as id`,
    [
      n.id,
      oldDeadline ? `${day}T06:30:00Z` : null,
      oldDeadline ? 'online' : null,
      oldDeadline ? 20 : null,
      oldDeadline,
    ],
  );
  return d.id;
}
const deadlineOf = async (id: number) =>
  (
    await q<{ d: string | null }>(
      "select to_char(deadline_date, 'YYYY-MM-DD') as d from notice_deliveries where id = $1",
      [id],
    )
  )[0].d;

const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  oldMigrations = migrationsUpTo(11);
  await runMigrations(database, oldMigrations);
  // The old reference seed: every day of 1403–1406, computed lunar ones marked in their titles.
  for (const jy of [1403, 1404, 1405, 1406]) {
    for (const h of officialHolidays(jy)) {
      await q('insert into holidays (day, title_fa, title_en) values ($1, $2, $3)', [
        h.day,
        h.lunar ? `${h.titleFa} (محاسبه‌شده؛ با تقویم رسمی تطبیق دهید)` : h.titleFa,
        h.lunar ? `${h.titleEn} (computed; check against the official calendar)` : h.titleEn,
      ]);
    }
  }
  // An admin deleted the seeded Tasua of 1404 (Saturday 2025-07-05) and added a closure of their own.
  await database.db.transaction(async (tx) => {
    const [row] = (await tx.execute("delete from holidays where day = '2025-07-05' returning title_fa, title_en"))
      .rows as { title_fa: string; title_en: string }[];
    await recordAudit(
      tx,
      { userId: 1 },
      {
        action: 'holidays.remove',
        entityType: 'holiday',
        entityId: '2025-07-05',
        data: { jalali: '1404-04-14', titleFa: row.title_fa, titleEn: row.title_en },
      },
    );
  });
  await q(
    "insert into holidays (day, title_fa, title_en) values ('2025-05-31', 'تعطیلی اضطراری', 'Emergency closure')",
  );
  // Deadlines as the old rule fixed them: delivery + 20, then off Fridays and the table's holidays.
  ids.farvardin15 = await delivered('2025-04-04', '2025-04-26'); // +20 = 4 Ordibehesht (holiday) → Friday 5 → Saturday 6
  ids.farvardin17 = await delivered('2025-04-06', '2025-04-26'); // +20 = Saturday 6 Ordibehesht
  ids.tasua = await delivered('2025-06-14', '2025-07-05'); // +20 = Friday 2025-07-04 → Saturday 2025-07-05 (Tasua deleted)
  ids.undelivered = await delivered('2025-04-04', null);
}, 120_000);

afterAll(async () => {
  await drop?.();
  if (oldMigrations) fs.rmSync(oldMigrations, { recursive: true, force: true });
});

describe('upgrading a database to the computed holiday calendar and free limits', () => {
  it("the migrations keep only the days admins added, and an admin's deletion of a seeded day as a removal", async () => {
    const applied = await runMigrations(database);
    expect(applied).toEqual(expect.arrayContaining(['0012_holiday-calendar', '0013_holiday-calendar-data']));
    expect(await q("select to_char(day, 'YYYY-MM-DD') as day, title_en from holidays")).toEqual([
      { day: '2025-05-31', title_en: 'Emergency closure' },
    ]);
    expect(
      await q(
        "select to_char(day, 'YYYY-MM-DD') as day, title_fa, title_en, removed_by::int as by from holiday_removals",
      ),
    ).toEqual([{ day: '2025-07-05', title_fa: 'تاسوعای حسینی', title_en: 'Tasua', by: 1 }]);
    // Deadlines are stored: the recount is left to the next start.
    expect(await q('select rule from deadline_recounts')).toEqual([]);
  });

  it('the recount gives every stored deadline its Art. 445 last day — never an earlier one — once, with an audit event', async () => {
    const result = await recountDeadlinesOnce(database.db, frozenClock(new Date('2026-12-05T08:00:00Z')));
    // 15 Farvardin: 20 days are 16 Farvardin … 4 Ordibehesht, the act on Friday 5 Ordibehesht → Saturday 6: as before.
    expect(await deadlineOf(ids.farvardin15)).toBe('2025-04-26');
    // 17 Farvardin: the act on 7 Ordibehesht, Sunday 2025-04-27 — the old rule gave a day less.
    expect(await deadlineOf(ids.farvardin17)).toBe('2025-04-27');
    // 2025-06-14: the act on Saturday 2025-07-05, Tasua, which the admin had opened: it stays open.
    expect(await deadlineOf(ids.tasua)).toBe('2025-07-05');
    expect(await deadlineOf(ids.undelivered)).toBeNull();
    expect(result).toEqual({ changed: 1 });
    const events = await q<{ data: Record<string, unknown> }>(
      "select data from audit_events where action = 'notices.deadlines-recounted'",
    );
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ changed: 1, deliveredFrom: '2025-04-04', deliveredTo: '2025-06-14' });
    expect(await q('select rule, changed from deadline_recounts')).toEqual([
      { rule: 'art-445-free-limits', changed: 1 },
    ]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('runs only once: the next start finds its mark and changes nothing', async () => {
    await q("update notice_deliveries set deadline_date = '2025-04-26' where id = $1", [ids.farvardin17]);
    expect(await recountDeadlinesOnce(database.db, frozenClock(new Date('2026-12-06T08:00:00Z')))).toBeNull();
    expect(await deadlineOf(ids.farvardin17)).toBe('2025-04-26');
  });
});
