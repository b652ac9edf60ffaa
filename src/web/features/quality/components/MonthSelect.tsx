/** The Jalali month a quality page shows: this month and the 23 before it. */
import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { recentMonths } from './figures';

export const thisJalaliMonth = () => jalaliMonthOfIso(tehranIsoDate());

export function MonthSelect({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const data = useMemo(
    () =>
      recentMonths(thisJalaliMonth(), addJalaliMonths).map((m) => ({ value: m, label: formatJalaliMonth(m, lang) })),
    [lang],
  );
  return (
    <Select
      label={t('quality.month')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid="quality-month"
      maw={240}
    />
  );
}
