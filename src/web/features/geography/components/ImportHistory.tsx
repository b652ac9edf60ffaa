/** Past imports, newest first. */
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type PopulationImport, usePopulationImports } from '../api/geography';

export function ImportHistory() {
  const { t } = useTranslation();
  const { digits, count } = useDigits();
  const imports = usePopulationImports();
  const columns: DataColumn<PopulationImport>[] = [
    {
      key: 'number',
      header: t('geography.history.number'),
      cell: (i) => digits(i.id),
      sortValue: (i) => i.id,
      numeric: true,
    },
    {
      key: 'level',
      header: t('geography.import.level'),
      cell: (i) => t(`geography.level.${i.level}`),
      sortValue: (i) => t(`geography.level.${i.level}`),
    },
    { key: 'source', header: t('geography.import.source'), cell: (i) => i.source, sortValue: (i) => i.source },
    {
      key: 'year',
      header: t('geography.import.year'),
      cell: (i) => digits(i.year),
      sortValue: (i) => i.year,
      numeric: true,
    },
    {
      key: 'rows',
      header: t('geography.history.rows'),
      cell: (i) => count(i.rowCount),
      sortValue: (i) => i.rowCount,
      numeric: true,
    },
    { key: 'file', header: t('geography.history.file'), cell: (i) => <bdi>{i.fileName}</bdi>, csv: (i) => i.fileName },
    {
      key: 'when',
      header: t('geography.history.when'),
      cell: (i) => <JalaliDate value={i.importedAt} withTime />,
      sortValue: (i) => i.importedAt,
      numeric: true,
    },
  ];
  return (
    <DataTable
      testId="import-history"
      label={t('geography.history.title')}
      columns={columns}
      rowKey={(i) => i.id}
      rows={imports.data?.items}
      isPending={imports.isPending}
      error={imports.error}
      empty={t('geography.history.none')}
      minWidth={760}
      csvFileName="population-imports.csv"
    />
  );
}
