/** The 31 provinces with their population and its origin; a click opens the province's counties and cities. */
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import type { ProvinceRow } from '../api/geography';
import { PopulationSource, populationSourceText } from './PopulationSource';

export function ProvincesTable({
  provinces,
  isPending,
  error,
  selected,
  onSelect,
}: {
  provinces: ProvinceRow[] | undefined;
  isPending: boolean;
  error: unknown;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const columns: DataColumn<ProvinceRow>[] = [
    {
      key: 'province',
      header: t('geography.province'),
      cell: (p) => text(p.name),
      sortValue: (p) => text(p.name),
      rowHeader: true,
    },
    {
      key: 'population',
      header: t('geography.population'),
      cell: (p) => (p.population === null ? '—' : <Count value={p.population} />),
      sortValue: (p) => p.population,
      numeric: true,
      cellProps: (p) => ({ 'data-testid': `province-${p.id}-population` }),
    },
    {
      key: 'source',
      header: t('geography.source.title'),
      cell: (p) => <PopulationSource source={p.populationSource} year={p.populationYear} />,
      csv: (p) => populationSourceText(p.populationSource, p.populationYear, t),
    },
  ];
  return (
    <DataTable
      testId="provinces-table"
      label={t('geography.provincesTitle')}
      columns={columns}
      rowKey={(p) => p.id}
      rows={provinces}
      isPending={isPending}
      error={error}
      pageSize="all"
      maxHeight={420}
      minWidth={480}
      csvFileName="provinces-population.csv"
      onRowClick={(p) => onSelect(p.id)}
      isSelected={(p) => p.id === selected}
      rowProps={(p) => ({ 'data-testid': `province-${p.id}` })}
    />
  );
}
