/**
 * The board's monthly reports, for national oversight: each month's headline figures with its
 * print view and PDF; the regulator also makes a finished month's report on demand (the job makes
 * the last month's on the first of each Jalali month).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addJalaliMonths, formatJalaliMonth } from '#core/jalali';
import type { DataColumn } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type BoardReportSummary, boardReportUrls, useBoardReports, useMakeBoardReport } from '../api/board-reports';
import { madeColumn, openColumn, ReportArchive } from './ReportArchive';

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
    madeColumn(t, lang),
    openColumn(
      t,
      'board',
      (r) => r.month,
      (r) => boardReportUrls(r.month),
    ),
  ];

  if (reports.error) return null;
  return (
    <ReportArchive
      prefix="board"
      title={t('stats.board.title')}
      subtitle={t('stats.board.subtitle')}
      canMake={canMake}
      picker={{
        label: t('stats.board.makeMonth'),
        field: 'month',
        testId: 'board-month',
        options,
        value: chosen,
        onChange: setMonth,
      }}
      makeLabel={t('stats.board.make')}
      make={{ isPending: make.isPending, error: make.error, mutate: () => chosen && make.mutate(chosen) }}
      columns={columns}
      rowKey={(r) => r.month}
      rows={reports.data?.items}
      isPending={reports.isPending}
      pageSize={12}
      empty={t('stats.board.none')}
    />
  );
}
