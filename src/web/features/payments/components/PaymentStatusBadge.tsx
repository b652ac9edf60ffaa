import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../api/get-payment';

export const STATUS_COLOR: Record<PaymentStatus, string> = {
  pending: 'yellow',
  paid: 'green',
  failed: 'red',
  cancelled: 'gray',
  expired: 'orange',
  refunded: 'blue',
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="payment-status-badge" data-status={status}>
      {t(`payments.status.${status}`)}
    </Badge>
  );
}
