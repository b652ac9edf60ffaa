import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/transaction';
import { courts } from './tables';

export async function listCourts(db: Executor, provinceId?: number) {
  const rows = await db.select().from(courts).where(provinceId ? eq(courts.provinceId, provinceId) : undefined).orderBy(asc(courts.id)).limit(1000);
  return rows.map((c) => ({ id: c.id, code: c.code, name: { fa: c.nameFa, en: c.nameEn }, kind: c.kind, provinceId: c.provinceId, branches: c.branches }));
}
