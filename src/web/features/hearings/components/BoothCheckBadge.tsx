import '../i18n/index.ts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoothCheck } from '../api/hearings';

/** The office's latest check of a booth's device that speaks for the day: passed, or which checks failed. */
export function BoothCheckBadge({ check }: { check: BoothCheck | null | undefined }) {
  const { t } = useTranslation();
  if (!check)
    return (
      <Badge color="gray" variant="light" data-testid="booth-check" data-passed="none">
        {t('hearings.boothCheck.none')}
      </Badge>
    );
  return (
    <Badge color={check.passed ? 'green' : 'red'} variant="light" data-testid="booth-check" data-passed={check.passed}>
      {check.passed
        ? t('hearings.boothCheck.passed')
        : t('hearings.boothCheck.failed', {
            checks: check.failed.map((c) => t(`hearings.selfTest.${c}`)).join(t('hearings.boothCheck.and')),
          })}
    </Badge>
  );
}
