/**
 * The ports: what the server reaches outside itself (a bank, a court) and what a lower area calls
 * when something it owns happens and a higher area must act (a payment credited → a filing paid).
 * They are members of `AppContext`, filled in one place at start-up (src/server/composition.ts);
 * a test replaces one by building its context with other ports — there are no module-level
 * registries filled by imports.
 */
import type { ClosedDays } from '#core/holiday-calendar';
import type { Executor } from '#server/db/transaction';
import type { CourtGateway } from './court-gateway';
import type { DeliveredDecisionLookup } from './delivered-decision';
import type { CreditHandlers } from './payment-credit';
import type { PaymentGateway } from './payment-gateway';
import type { TicketServedHandler } from './ticket-served';

/** The payment gateways a payment may name, and the one new payments use. */
export interface PaymentGateways {
  /** New payments start here. */
  readonly default: PaymentGateway;
  /** Every gateway by its name (stored on each payment), the default included. */
  named(name: string): PaymentGateway | undefined;
}

export function paymentGateways(defaultGateway: PaymentGateway, ...others: PaymentGateway[]): PaymentGateways {
  const byName = new Map([defaultGateway, ...others].map((g) => [g.name, g]));
  return { default: defaultGateway, named: (name) => byName.get(name) };
}

export interface Ports {
  paymentGateways: PaymentGateways;
  /** Where a submitted filing goes. */
  court: CourtGateway;
  /** What a credited payment pays for, by purpose, run in the crediting transaction. */
  onPaymentCredited: CreditHandlers;
  /**
   * The holiday calendar (Fridays, the law's holidays and the admins' decisions) from one ISO day
   * to another, for areas below the notices area that keeps it (the counter's end-of-day warning).
   */
  holidayCalendar(db: Executor, fromIso: string, toIso: string): Promise<ClosedDays>;
  /** A visitor served at the counter (the quality area's survey invitation), run in the serving transaction. */
  onTicketServed: TicketServedHandler;
  /** A decision as delivered to a citizen, for the filings area's appeal that names it (the notices area keeps it). */
  deliveredDecision: DeliveredDecisionLookup;
}
