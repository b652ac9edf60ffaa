/**
 * The board's annual reports, for national oversight: each Jalali year's headline figures and how
 * many offices were below break-even and below the quality threshold, with its print view and PDF;
 * the regulator also makes a finished year's report on demand (the job makes the year just ended
 * on 1 Farvardin).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataColumn } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import {
  type AnnualReportSummary,
  annualReportUrls,
  useAnnualReports,
  useMakeAnnualReport,
} from '../api/board-reports';
import { madeColumn, openColumn, ReportArchive } from './ReportArchive';

export function AnnualReportsSection({ canMake }: { canMake: boolean }) {
  const { t } = useTranslation();
  const { lang, count, digits } = useDigits();
  const reports = useAnnualReports();
  const make = useMakeAnnualReport();
  const last = reports.data?.lastFinishedYear;
  const [year, setYear] = useState<string | null>(null);
  const options = useMemo(
    () =>
      last ? Array.from({ length: 5 }, (_, i) => last - i).map((y) => ({ value: String(y), label: digits(y) })) : [],
    [last, digits],
  );
  const chosen = year ?? (last != null ? String(last) : null);

  const columns: DataColumn<AnnualReportSummary>[] = [
    { key: 'year', header: t('stats.annual.year'), cell: (r) => digits(r.year), rowHeader: true },
    { key: 'services', header: t('stats.board.services'), cell: (r) => count(r.services), numeric: true },
    { key: 'amount', header: t('stats.board.amount'), cell: (r) => <Money rials={r.amountRials} />, numeric: true },
    {
      key: 'breakEven',
      header: t('stats.annual.belowBreakEven'),
      cell: (r) => (r.officesBelowBreakEven == null ? '—' : count(r.officesBelowBreakEven)),
      numeric: true,
    },
    {
      key: 'quality',
      header: t('stats.annual.belowQuality'),
      cell: (r) => count(r.officesBelowQuality),
      numeric: true,
    },
    madeColumn(t, lang),
    openColumn(
      t,
      'annual',
      (r) => r.year,
      (r) => annualReportUrls(r.year),
    ),
  ];

  if (reports.error) return null;
  return (
    <ReportArchive
      prefix="annual"
      title={t('stats.annual.title')}
      subtitle={t('stats.annual.subtitle')}
      canMake={canMake}
      picker={{
        label: t('stats.annual.makeYear'),
        field: 'year',
        testId: 'annual-year',
        options,
        value: chosen,
        onChange: setYear,
      }}
      makeLabel={t('stats.annual.make')}
      make={{ isPending: make.isPending, error: make.error, mutate: () => chosen && make.mutate(Number(chosen)) }}
      columns={columns}
      rowKey={(r) => String(r.year)}
      rows={reports.data?.items}
      isPending={reports.isPending}
      pageSize={10}
      empty={t('stats.annual.none')}
    />
  );
}
