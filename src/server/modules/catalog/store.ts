import { asc, eq } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { catalogServices } from './tables';

export async function listServices(db: Executor) {
  const rows = await db
    .select()
    .from(catalogServices)
    .where(eq(catalogServices.active, true))
    .orderBy(asc(catalogServices.sortOrder));
  return rows.map((s) => ({
    code: s.code,
    title: { fa: s.titleFa, en: s.titleEn },
    kind: s.kind,
    channels: s.channels,
    inputs: s.inputs,
  }));
}

export async function findService(db: Executor, code: string) {
  const [row] = await db.select().from(catalogServices).where(eq(catalogServices.code, code));
  return row ?? null;
}
