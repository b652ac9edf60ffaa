import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EffectiveStatus } from '../api/licences';

const COLOURS: Record<EffectiveStatus, string> = {
  active: 'teal',
  expiring: 'yellow',
  expired: 'gray',
  suspended: 'orange',
  revoked: 'red',
};

/** A licence's effective status today, in words and colour (the words carry the meaning; colour only helps). */
export function LicenceStatusBadge({ status }: { status: EffectiveStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light" data-testid="licence-status" data-status={status}>
      {t(`licences.status.${status}`)}
    </Badge>
  );
}
