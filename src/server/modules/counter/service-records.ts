/**
 * Recording a service performed for a citizen. Every area that performs a priced service (a filing
 * submitted, a notice page opened at an office, a status report) calls this in its transaction;
 * these rows are the volume behind revenue, channel share and quality statistics.
 */
import type { Executor } from '../../db/transaction';
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
}

export async function recordService(tx: Executor, input: ServiceRecordInput): Promise<number> {
  const [row] = await tx.insert(serviceRecords).values(input).returning({ id: serviceRecords.id });
  return row.id;
}
