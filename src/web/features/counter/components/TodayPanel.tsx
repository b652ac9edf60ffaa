import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '#web/app/api-client.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { Money } from '#web/ui/Money.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useToday } from '../api/today';
import { UnsentFilingsAlert } from './UnsentFilingsAlert';

function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz="xl">
        {value}
      </Text>
    </Card>
  );
}

type Today = CallResult<'counter.today'>;

/**
 * Today's work of the office at a glance. "Waiting" is the server's one count of tickets taken and
 * not called yet — the figure the queue shows too.
 */
export function TodayPanel() {
  const { t } = useTranslation();
  const { digits, text } = useDigits();
  const today = useToday();
  const d = today.data;
  const serviceColumns: DataColumn<Today['services'][number]>[] = [
    {
      key: 'service',
      header: t('counter.today.service'),
      rowHeader: true,
      cell: (s) => text(s.title),
      footer: t('counter.today.total'),
    },
    { key: 'count', header: t('counter.today.count'), numeric: true, cell: (s) => digits(s.count), footer: '' },
    {
      key: 'amount',
      header: t('counter.today.amount'),
      numeric: true,
      cell: (s) => <Money rials={s.amountRials} />,
      footer: d ? <Money rials={d.servicesTotalRials} /> : null,
    },
  ];
  const filingColumns: DataColumn<Today['filings'][number]>[] = [
    {
      key: 'status',
      header: t('counter.today.filingStatus'),
      rowHeader: true,
      cell: (f) => <FilingStatusBadge status={f.status} />,
    },
    { key: 'count', header: t('counter.today.count'), numeric: true, cell: (f) => digits(f.count) },
  ];
  return (
    <Card withBorder padding="lg" data-testid="today-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('counter.today.title')}
          </Title>
          {d ? (
            <Text c="dimmed" size="sm">
              {digits(d.dayJalali.replace(/-/g, '/'))}
            </Text>
          ) : null}
        </Group>
        <UnsentFilingsAlert />
        <ProblemAlert error={today.error} />
        {d ? (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat label={t('counter.today.waiting')} value={digits(d.tickets.waiting)} testId="today-waiting" />
              <Stat label={t('counter.today.served')} value={digits(d.tickets.done)} testId="today-served" />
              <Stat
                label={t('counter.today.services')}
                value={digits(d.services.reduce((s, x) => s + x.count, 0))}
                testId="today-services"
              />
              <Stat
                label={t('counter.today.revenue')}
                value={<Money rials={d.revenueRials} />}
                testId="today-revenue"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div>
                <DataTable
                  testId="today-services-table"
                  caption={t('counter.today.servicesCaption')}
                  columns={serviceColumns}
                  rowKey={(s) => s.code}
                  rows={d.services}
                  empty={t('counter.today.noServices')}
                  pageSize="all"
                  minWidth={0}
                />
              </div>
              <div>
                <DataTable
                  testId="today-filings-table"
                  caption={t('counter.today.filingsCaption')}
                  columns={filingColumns}
                  rowKey={(f) => f.status}
                  rows={d.filings}
                  empty={t('counter.today.noFilings')}
                  pageSize="all"
                  minWidth={0}
                />
              </div>
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
