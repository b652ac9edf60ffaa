import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sortedOpeningHours } from '#core/office-hours';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { OpeningPeriod } from '../api/get-offices';

const WEEK = [0, 1, 2, 3, 4, 5, 6];

/** The office's week, Saturday first, each day's periods or «closed». */
export function OpeningHoursTable({ hours }: { hours: OpeningPeriod[] }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const sorted = sortedOpeningHours(hours);
  const columns: DataColumn<number>[] = [
    { key: 'day', header: t('offices.hours.day'), cell: (day) => t(`offices.days.${day}`), rowHeader: true },
    {
      key: 'periods',
      header: t('offices.hours.periods'),
      cell: (day) => {
        const periods = sorted.filter((p) => p.day === day);
        return periods.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('offices.hours.closed')}
          </Text>
        ) : (
          periods.map((p) => (
            <bdi key={p.opens} dir="ltr" style={{ marginInlineEnd: 12 }}>
              {digits(`${p.opens}–${p.closes}`)}
            </bdi>
          ))
        );
      },
    },
  ];
  return (
    <Box maw={460}>
      <DataTable
        testId="office-hours"
        caption={t('offices.detail.hoursCaption')}
        columns={columns}
        rowKey={(day) => day}
        rows={WEEK}
        pageSize="all"
        minWidth={260}
      />
    </Box>
  );
}
