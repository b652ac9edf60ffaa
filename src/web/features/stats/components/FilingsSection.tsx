/**
 * Filings at the place shown: submitted, accepted and returned by the court with its mean time to
 * decide, and those awaiting the court by how long they have waited.
 */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatJalali } from '#core/jalali';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type FilingsDashboard, useFilingsDashboard } from '../api/get-filings';
import type { ServicesQuery } from '../api/get-services';

type Band = FilingsDashboard['pending']['bands'][number];

export function FilingsSection({ view }: { view: ServicesQuery }) {
  const { t } = useTranslation();
  const { lang, count, digits } = useDigits();
  const filings = useFilingsDashboard(view);
  const data = filings.data;
  const hours = (h: number | null) => (h == null ? '—' : t('stats.filings.hours', { hours: digits(h) }));
  const figures = data
    ? [
        { key: 'submitted', value: count(data.totals.submitted) },
        { key: 'accepted', value: count(data.totals.accepted) },
        { key: 'returned', value: count(data.totals.returned) },
        { key: 'meanResponse', value: hours(data.totals.meanResponseHours) },
      ]
    : [];
  const columns: DataColumn<Band>[] = [
    { key: 'band', header: t('stats.filings.band'), cell: (b) => t(`stats.filings.bands.${b.band}`), rowHeader: true },
    { key: 'filings', header: t('stats.filings.awaiting'), cell: (b) => count(b.filings), numeric: true },
  ];
  if (filings.error) return null;
  return (
    <Card withBorder data-testid="stats-filings">
      <Title order={2} size="h4" mb="sm">
        {t('stats.filings.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SimpleGrid cols={2}>
          {figures.map((f) => (
            <Stack key={f.key} gap={0} data-testid={`filings-${f.key}`}>
              <Text size="sm" c="dimmed">
                {t(`stats.filings.${f.key}`)}
              </Text>
              <Text fz={22} fw={700}>
                {f.value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Stack gap="xs">
          <DataTable
            testId="stats-pending"
            label={t('stats.filings.pendingTitle')}
            columns={columns}
            rowKey={(b) => b.band}
            rows={data?.pending.bands}
            isPending={filings.isPending}
            pageSize="all"
            minWidth={280}
          />
          <Text size="xs" c="dimmed">
            {data?.pending.asOf
              ? t('stats.filings.asOf', { at: formatJalali(data.pending.asOf, lang, true) })
              : t('stats.filings.noneAwaiting')}
          </Text>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
