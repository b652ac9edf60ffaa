/**
 * Recording a service performed for a citizen. Every area that performs a priced service (a filing
 * submitted, a notice page opened at an office, a status report) calls this in its transaction;
 * these rows are the volume behind revenue, channel share and quality statistics, and each one is
 * added to the monthly volume rollup in the same transaction.
 */
import { sql } from 'drizzle-orm';
import { tehranIsoDate } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { assertMayPerform, provesMayPerform, type LicenceCheck } from '#server/modules/operators/licences/may-perform';
import { serviceVolumeUpsert } from './volume';
import { serviceRecords } from './tables';

export interface ServiceRecordInput {
  serviceCode: string;
  channel: 'office' | 'online';
  officeId: number | null;
  provinceId: number;
  operatorUserId: number | null;
  citizenId: number | null;
  filingId?: number | null;
  ticketId?: number | null;
  scheduleId: number | null;
  amountRials: number;
  paymentId?: number | null;
  /** Parties and pages charged beyond what the base fee covers (`extrasOf(quote)`); 0 when absent. */
  extraParties?: number;
  extraPages?: number;
}

/**
 * Records the service performed at `at` (the clock's instant), refusing it first when an operator performs it at an office without a
 * valid licence for it or at an office without the competency: the refusal rolls the caller's
 * whole transaction back, so no service action can skip the check (docs/decisions/0014). A caller
 * that made the check earlier in the same transaction hands over its proof (`licence`), which
 * counts only for exactly this person, office, service and day; otherwise the check runs here.
 */
export async function recordService(
  tx: Executor,
  input: ServiceRecordInput,
  at: Date,
  licence?: LicenceCheck,
): Promise<number> {
  if (input.channel === 'office' && input.operatorUserId != null && input.officeId != null) {
    const check = {
      officeId: input.officeId,
      userId: input.operatorUserId,
      serviceCode: input.serviceCode,
      day: tehranIsoDate(at),
    };
    if (!provesMayPerform(licence, check)) await assertMayPerform(tx, check);
  }
  const extraParties = input.extraParties ?? 0;
  const extraPages = input.extraPages ?? 0;
  // One statement writes the record and adds it to its month's volume: a round trip less per service.
  const record = tx
    .insert(serviceRecords)
    .values({ ...input, extraParties, extraPages, createdAt: at })
    .returning({ id: serviceRecords.id });
  const {
    rows: [row],
  } = await tx.execute<{ id: number }>(sql`
    with record as (${record.getSQL()}), volume as (${serviceVolumeUpsert(tx, {
      at,
      provinceId: input.provinceId,
      officeId: input.channel === 'online' ? null : input.officeId,
      serviceCode: input.serviceCode,
      channel: input.channel,
      extraParties,
      extraPages,
      amountRials: input.amountRials,
    }).getSQL()})
    select id from record`);
  return Number(row.id);
}
