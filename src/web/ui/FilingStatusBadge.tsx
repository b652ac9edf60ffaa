/**
 * A filing's status as everyone reads it — the citizen on their desk, the office and the court —
 * one label per status, each a state («ارسال‌شده به دادگاه», not «ارسال به دادگاه»). The labels
 * are the shell's (`filingStatus.*`), so no page words them differently.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type FilingStatus = 'draft' | 'confirmed' | 'paid' | 'submitted' | 'accepted' | 'returned';

const COLORS: Record<FilingStatus, string> = {
  draft: 'gray',
  confirmed: 'blue',
  paid: 'cyan',
  submitted: 'indigo',
  accepted: 'teal',
  returned: 'orange',
};

/** A status this build does not know yet is shown as the server names it. */
export function FilingStatusBadge({ status }: { status: FilingStatus | (string & {}) }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status as FilingStatus] ?? 'gray'} variant="light" data-testid="filing-status">
      {t(`filingStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
