/** The payments area's value lists: payment statuses (pure; tables, contracts and the web import them). */

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'cancelled', 'expired', 'refunded'] as const;
