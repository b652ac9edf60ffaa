/** The saved siting runs within the reader's scope, newest first; opening one draws it again. */
import { useTranslation } from 'react-i18next';
import type { DataColumn } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { SavedRunsTable } from '#web/ui/SavedRunsTable.tsx';
import { type SitingRunListItem, useSavedRuns } from '../api/siting';

export function SavedRuns({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { count, digits, text, lang } = useDigits();
  const pct = (v: number) =>
    digits(new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(v)) +
    (lang === 'fa' ? '٪' : '%');
  const where = (r: SitingRunListItem) => (r.provinceName ? text(r.provinceName) : t('siting.form.wholeCountry'));
  const columns: DataColumn<SitingRunListItem>[] = [
    { key: 'where', header: t('siting.saved.where'), cell: where, csv: where },
    {
      key: 'params',
      header: t('siting.saved.params'),
      cell: (r) =>
        t('siting.saved.paramsValue', {
          radius: digits(r.radiusKm),
          k: digits(r.k),
          solver: t(`siting.solver.${r.solver}`),
        }),
      csv: (r) => t('siting.saved.paramsValue', { radius: r.radiusKm, k: r.k, solver: t(`siting.solver.${r.solver}`) }),
    },
    {
      key: 'chosen',
      header: t('siting.saved.chosen'),
      cell: (r) => count(r.chosen),
      csv: (r) => r.chosen,
      numeric: true,
    },
    {
      key: 'gain',
      header: t('siting.saved.gain'),
      cell: (r) => `${count(r.newlyCovered)} (${pct(r.gainPercent)})`,
      csv: (r) => r.newlyCovered,
      numeric: true,
    },
  ];
  return (
    <SavedRunsTable
      useRuns={useSavedRuns}
      columns={columns}
      labels="siting.saved"
      testIds={{ table: 'siting-saved-runs', row: 'siting-saved-run', open: 'siting-saved-open' }}
      csvFileName="saved-siting-runs.csv"
      minWidth={760}
      openId={openId}
      onOpen={onOpen}
    />
  );
}
