/** Queries of channel policy and channel share: the catalog's policies and the monthly volume rollup. */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { catalogServices } from '#server/modules/catalog/tables';
import { provinces } from '#server/modules/geo/tables';
import { serviceVolumeMonthly } from '#server/modules/tariffs/tables';

export type ChannelPolicy = (typeof catalogServices.$inferSelect)['channels'];

/** Active catalog services in catalog order. */
export async function activeServices(db: Executor) {
  return db
    .select({
      code: catalogServices.code,
      titleFa: catalogServices.titleFa,
      titleEn: catalogServices.titleEn,
      kind: catalogServices.kind,
      channels: catalogServices.channels,
    })
    .from(catalogServices)
    .where(eq(catalogServices.active, true))
    .orderBy(asc(catalogServices.sortOrder), asc(catalogServices.code));
}

/** The service's row, locked until the transaction ends so concurrent changes apply one after the other. */
export async function serviceForUpdate(tx: Executor, code: string) {
  const [row] = await tx.select().from(catalogServices).where(eq(catalogServices.code, code)).for('update');
  return row ?? null;
}

export async function setChannels(tx: Executor, code: string, channels: ChannelPolicy) {
  await tx.update(catalogServices).set({ channels }).where(eq(catalogServices.code, code));
}

export async function provinceNames(db: Executor, ids: number[] | null) {
  return db
    .select({ id: provinces.id, nameFa: provinces.nameFa, nameEn: provinces.nameEn })
    .from(provinces)
    .where(ids ? inArray(provinces.id, ids) : undefined)
    .orderBy(asc(provinces.id));
}

export interface VolumeFilter {
  /** ISO first days of the first and last month (both included). */
  fromIso: string;
  toIso: string;
  /** null: every province. */
  provinceIds: number[] | null;
  service: string | null;
}

function volumeWhere(f: VolumeFilter) {
  return and(
    gte(serviceVolumeMonthly.month, f.fromIso),
    lte(serviceVolumeMonthly.month, f.toIso),
    f.provinceIds ? inArray(serviceVolumeMonthly.provinceId, f.provinceIds) : undefined,
    f.service ? eq(serviceVolumeMonthly.serviceCode, f.service) : undefined,
  );
}

const recordsSum = sql<number>`sum(${serviceVolumeMonthly.records})::bigint`.mapWith(Number);

/** Records per month, service and channel (the month as its ISO first day). */
export async function volumeByServiceMonth(db: Executor, f: VolumeFilter) {
  return db
    .select({
      month: serviceVolumeMonthly.month,
      service: serviceVolumeMonthly.serviceCode,
      channel: serviceVolumeMonthly.channel,
      records: recordsSum,
    })
    .from(serviceVolumeMonthly)
    .where(volumeWhere(f))
    .groupBy(serviceVolumeMonthly.month, serviceVolumeMonthly.serviceCode, serviceVolumeMonthly.channel);
}

/** Records per province and channel over the whole period. */
export async function volumeByProvince(db: Executor, f: VolumeFilter) {
  return db
    .select({ provinceId: serviceVolumeMonthly.provinceId, channel: serviceVolumeMonthly.channel, records: recordsSum })
    .from(serviceVolumeMonthly)
    .where(volumeWhere(f))
    .groupBy(serviceVolumeMonthly.provinceId, serviceVolumeMonthly.channel);
}
