import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';

/** The expiry in Jalali with the days left (or past) beside it, in the reader's digits. */
export function ExpiryWithDaysLeft({ expiresOn, daysLeft }: { expiresOn: string; daysLeft: number }) {
  const { t } = useTranslation();
  const { count } = useDigits();
  return (
    <span>
      <JalaliDate value={expiresOn} />{' '}
      <Text span size="sm" c={daysLeft < 0 ? 'red.9' : daysLeft <= 30 ? '#8a3a00' : 'gray.8'}>
        (
        {daysLeft >= 0
          ? t('licences.daysLeft', { count: daysLeft, formatted: count(daysLeft) })
          : t('licences.daysAgo', { count: -daysLeft, formatted: count(-daysLeft) })}
        )
      </Text>
    </span>
  );
}
