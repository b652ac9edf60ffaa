/**
 * The board's monthly reports, for national oversight: each month's headline figures with its
 * print view and PDF; the regulator also makes a finished month's report on demand (the job makes
 * the last month's on the first of each Jalali month).
 */
import { Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addJalaliMonths, formatJalali, formatJalaliMonth } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type BoardReportSummary, boardReportUrls, useBoardReports, useMakeBoardReport } from '../api/board-reports';

export function BoardReportsSection({ canMake }: { canMake: boolean }) {
  const { t } = useTranslation();
  const { lang, count } = useDigits();
  const reports = useBoardReports();
  const make = useMakeBoardReport();
  const last = reports.data?.lastFinishedMonth;
  const [month, setMonth] = useState<string | null>(null);
  const options = useMemo(
    () =>
      last
        ? Array.from({ length: 24 }, (_, i) => addJalaliMonths(last, -i)).map((m) => ({
            value: m,
            label: formatJalaliMonth(m, lang),
          }))
        : [],
    [last, lang],
  );
  const chosen = month ?? last ?? null;
  const fieldErrors = fieldErrorsOf(make.error, lang);

  const columns: DataColumn<BoardReportSummary>[] = [
    {
      key: 'month',
      header: t('stats.board.month'),
      cell: (r) => formatJalaliMonth(r.month, lang),
      rowHeader: true,
    },
    { key: 'services', header: t('stats.board.services'), cell: (r) => count(r.services), numeric: true },
    { key: 'amount', header: t('stats.board.amount'), cell: (r) => <Money rials={r.amountRials} />, numeric: true },
    { key: 'filings', header: t('stats.board.filings'), cell: (r) => count(r.filingsSubmitted), numeric: true },
    {
      key: 'made',
      header: t('stats.board.made'),
      cell: (r) =>
        `${formatJalali(r.generatedAt, lang, true)} — ${r.byJob ? t('stats.board.byJob') : t('stats.board.onDemand')}`,
    },
    {
      key: 'open',
      header: t('stats.board.open'),
      cell: (r) => (
        <Group gap="sm" wrap="nowrap">
          <Anchor href={boardReportUrls(r.month).pdf} target="_blank" data-testid={`board-pdf-${r.month}`}>
            {t('stats.board.pdf')}
          </Anchor>
          <Anchor href={boardReportUrls(r.month).html} target="_blank" data-testid={`board-html-${r.month}`}>
            {t('stats.board.html')}
          </Anchor>
        </Group>
      ),
    },
  ];

  if (reports.error) return null;
  return (
    <Card withBorder data-testid="board-reports">
      <Title order={2} size="h4" mb={4}>
        {t('stats.board.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('stats.board.subtitle')}
      </Text>
      <Stack gap="sm">
        {canMake && (
          <Group align="flex-start">
            <Select
              label={t('stats.board.makeMonth')}
              data={options}
              value={chosen}
              onChange={setMonth}
              allowDeselect={false}
              error={fieldErrors.month}
              comboboxProps={{ withinPortal: true }}
              data-testid="board-month"
            />
            <Button
              mt={25}
              loading={make.isPending}
              disabled={!chosen}
              onClick={() => chosen && make.mutate(chosen)}
              data-testid="board-make"
            >
              {t('stats.board.make')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={make.error} shownFields={['month']} />
        <DataTable
          testId="board-list"
          label={t('stats.board.title')}
          columns={columns}
          rowKey={(r) => r.month}
          rows={reports.data?.items}
          isPending={reports.isPending}
          pageSize={12}
          empty={t('stats.board.none')}
        />
      </Stack>
    </Card>
  );
}
