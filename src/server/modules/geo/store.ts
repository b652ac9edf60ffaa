import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/transaction';
import { provinces } from './tables';

export async function listProvinces(db: Executor) {
  const rows = await db.select().from(provinces).orderBy(asc(provinces.id));
  return rows.map((p) => ({ id: p.id, code: p.code, name: { fa: p.nameFa, en: p.nameEn }, population: p.population }));
}
