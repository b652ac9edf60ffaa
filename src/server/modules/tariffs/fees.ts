/** Quoting fees from the schedule in force on a (Jalali) day. */
import { quoteService, scheduleInForce, type Quote, type QuoteRequest } from '#core/fees';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import type { Executor } from '#server/db/transaction';
import { AppError, invalidField } from '#server/platform/errors/app-error';
import { approvedSchedules } from './store';

/** A quote on `isoDate` (today by the server's clock, for a service performed now), or the AppError a client should see (unknown service, impossible counts, no schedule). */
export async function quoteFees(db: Executor, request: QuoteRequest & { isoDate: string }): Promise<Quote> {
  const day = request.isoDate;
  const result = quoteService(scheduleInForce(await approvedSchedules(db), day), request);
  if (result.ok) return result.quote;
  switch (result.problem.kind) {
    case 'no_schedule_in_force':
      throw new AppError('no_tariff_in_force', { extra: { date: formatJalaliIso(isoToJalali(day)) } });
    case 'unknown_service':
      throw new AppError('unknown_service', {
        fields: [
          {
            field: 'service',
            code: 'unknown_service',
            message: { fa: 'چنین خدمتی در فهرست خدمات نیست.', en: 'There is no such service in the catalog.' },
          },
        ],
      });
    case 'invalid_quantity':
      throw invalidField(result.problem.field, 'invalid_quantity');
  }
}
