/** The saved tariff simulations within the reader's scope, newest first; opening one shows its result as computed. */
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import type { DataColumn } from '#web/ui/DataTable.tsx';
import { FromTo } from '#web/ui/Direction.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { fromToText } from '#web/ui/reading-direction.ts';
import { SavedRunsTable } from '#web/ui/SavedRunsTable.tsx';
import { type SavedRun, useSavedRuns } from '../api/simulator';

export function SavedRuns({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const period = (r: SavedRun) => `${formatJalaliMonth(r.fromMonth, lang)} – ${formatJalaliMonth(r.toMonth, lang)}`;
  const columns: DataColumn<SavedRun>[] = [
    {
      key: 'schedule',
      header: t('simulator.saved.schedule'),
      cell: (r) => <FromTo from={digits(r.scheduleCode)} to={digits(r.baselineCode)} />,
      csv: (r) => fromToText(r.scheduleCode, r.baselineCode, lang),
    },
    {
      key: 'period',
      header: t('simulator.saved.period'),
      cell: (r) => digits(period(r)),
      csv: (r) => `${r.fromMonth} – ${r.toMonth}`,
    },
    {
      key: 'costChange',
      header: t('simulator.saved.costChange'),
      cell: (r) => <Money rials={r.citizenCostChangeRials} />,
      csv: (r) => r.citizenCostChangeRials,
      numeric: true,
    },
    {
      key: 'revenueChange',
      header: t('simulator.saved.revenueChange'),
      cell: (r) => <Money rials={r.officeRevenueChangeRials} />,
      csv: (r) => r.officeRevenueChangeRials,
      numeric: true,
    },
    {
      key: 'below',
      header: t('simulator.saved.below'),
      cell: (r) => <FromTo from={digits(r.belowBreakEvenBefore)} to={digits(r.belowBreakEvenAfter)} />,
      csv: (r) => fromToText(r.belowBreakEvenBefore, r.belowBreakEvenAfter, lang),
    },
  ];
  return (
    <SavedRunsTable
      useRuns={useSavedRuns}
      columns={columns}
      labels="simulator.saved"
      testIds={{ table: 'saved-runs', row: 'saved-run', open: 'saved-run-open' }}
      csvFileName="saved-simulations.csv"
      minWidth={860}
      openId={openId}
      onOpen={onOpen}
    />
  );
}
