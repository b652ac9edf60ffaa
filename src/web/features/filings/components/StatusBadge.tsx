import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilingStatus } from '../api/get-filing';

const COLORS: Record<FilingStatus, string> = {
  draft: 'gray',
  confirmed: 'blue',
  paid: 'cyan',
  submitted: 'indigo',
  accepted: 'teal',
  returned: 'orange',
};

export function StatusBadge({ status }: { status: FilingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="filing-status">
      {t(`filings.status.${status}`)}
    </Badge>
  );
}
