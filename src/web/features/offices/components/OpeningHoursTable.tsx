import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sortedOpeningHours } from '#core/office-hours';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { OpeningPeriod } from '../api/get-offices';

const WEEK = [0, 1, 2, 3, 4, 5, 6];

/** The office's week, Saturday first, each day's periods or «closed». */
export function OpeningHoursTable({ hours }: { hours: OpeningPeriod[] }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const sorted = sortedOpeningHours(hours);
  return (
    <Table withTableBorder data-testid="office-hours" maw={460}>
      <Table.Caption>{t('offices.detail.hoursCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('offices.hours.day')}</Table.Th>
          <Table.Th scope="col">{t('offices.hours.periods')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {WEEK.map((day) => {
          const periods = sorted.filter((p) => p.day === day);
          return (
            <Table.Tr key={day}>
              <Table.Th scope="row" fw={500}>
                {t(`offices.days.${day}`)}
              </Table.Th>
              <Table.Td>
                {periods.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('offices.hours.closed')}
                  </Text>
                ) : (
                  periods.map((p) => (
                    <bdi key={p.opens} dir="ltr" style={{ marginInlineEnd: 12 }}>
                      {digits(`${p.opens}–${p.closes}`)}
                    </bdi>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
