/**
 * Notices at the place shown: every addressee's copy issued, opened at an office or online, not
 * opened yet, and the mean time from issue to opening on each channel, month by month.
 */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { ServicesQuery } from '../api/get-services';
import { type NoticesDashboard, useNoticesDashboard } from '../api/get-notices';

type ByMonth = NoticesDashboard['byMonth'][number];

export function NoticesSection({ view }: { view: ServicesQuery }) {
  const { t } = useTranslation();
  const { lang, count, digits } = useDigits();
  const notices = useNoticesDashboard(view);
  const data = notices.data;
  const hours = (h: number | null) => (h == null ? '—' : t('stats.filings.hours', { hours: digits(h) }));
  const figures = data
    ? [
        { key: 'issued', value: count(data.totals.issued) },
        { key: 'openedAtOffice', value: count(data.totals.openedAtOffice) },
        { key: 'openedOnline', value: count(data.totals.openedOnline) },
        { key: 'unopened', value: count(data.totals.unopened) },
        { key: 'officeDelay', value: hours(data.totals.meanOfficeDelayHours) },
        { key: 'onlineDelay', value: hours(data.totals.meanOnlineDelayHours) },
      ]
    : [];
  const columns: DataColumn<ByMonth>[] = [
    { key: 'month', header: t('stats.notices.month'), cell: (m) => formatJalaliMonth(m.month, lang), rowHeader: true },
    { key: 'issued', header: t('stats.notices.issued'), cell: (m) => count(m.issued), numeric: true },
    { key: 'atOffice', header: t('stats.notices.openedAtOffice'), cell: (m) => count(m.openedAtOffice), numeric: true },
    { key: 'online', header: t('stats.notices.openedOnline'), cell: (m) => count(m.openedOnline), numeric: true },
    { key: 'delay', header: t('stats.notices.meanDelay'), cell: (m) => hours(m.meanDelayHours), numeric: true },
  ];
  if (notices.error) return null;
  return (
    <Card withBorder data-testid="stats-notices">
      <Title order={2} size="h4" mb="sm">
        {t('stats.notices.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="xs">
          <SimpleGrid cols={2}>
            {figures.map((f) => (
              <Stack key={f.key} gap={0} data-testid={`notices-${f.key}`}>
                <Text size="sm" c="dimmed">
                  {t(`stats.notices.${f.key}`)}
                </Text>
                <Text fz={22} fw={700}>
                  {f.value}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('stats.notices.note')}
          </Text>
        </Stack>
        <DataTable
          testId="stats-notices-months"
          label={t('stats.notices.byMonth')}
          columns={columns}
          rowKey={(m) => m.month}
          rows={data?.byMonth}
          isPending={notices.isPending}
          pageSize={12}
          minWidth={360}
        />
      </SimpleGrid>
    </Card>
  );
}
