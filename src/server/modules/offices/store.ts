import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/transaction';
import { cities, provinces } from '../geo/tables';
import { offices } from './tables';

const officeColumns = {
  office: offices, provinceFa: provinces.nameFa, provinceEn: provinces.nameEn, cityFa: cities.nameFa, cityEn: cities.nameEn,
};

type OfficeRow = { office: typeof offices.$inferSelect; provinceFa: string; provinceEn: string; cityFa: string; cityEn: string };

export function toOffice(r: OfficeRow) {
  const o = r.office;
  return {
    id: o.id, code: o.code, name: { fa: o.nameFa, en: o.nameEn },
    province: { id: o.provinceId, name: { fa: r.provinceFa, en: r.provinceEn } },
    city: { id: o.cityId, name: { fa: r.cityFa, en: r.cityEn } },
    address: o.address, phone: o.phone, status: o.status,
    location: o.lat != null && o.lon != null ? { lat: o.lat, lon: o.lon } : null,
  };
}

export async function searchOffices(db: Executor, search: { provinceId?: number; q?: string; page: number; pageSize: number }) {
  const where = and(
    search.provinceId ? eq(offices.provinceId, search.provinceId) : undefined,
    search.q ? or(ilike(offices.nameFa, `%${search.q}%`), ilike(offices.nameEn, `%${search.q}%`), eq(offices.code, search.q)) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(offices).where(where);
  const rows = await db.select(officeColumns).from(offices)
    .innerJoin(provinces, eq(provinces.id, offices.provinceId)).innerJoin(cities, eq(cities.id, offices.cityId))
    .where(where).orderBy(asc(offices.provinceId), asc(offices.code)).limit(search.pageSize).offset((search.page - 1) * search.pageSize);
  return { rows, total };
}

export async function findOffice(db: Executor, id: number) {
  const [row] = await db.select(officeColumns).from(offices)
    .innerJoin(provinces, eq(provinces.id, offices.provinceId)).innerJoin(cities, eq(cities.id, offices.cityId))
    .where(eq(offices.id, id));
  return row ?? null;
}
