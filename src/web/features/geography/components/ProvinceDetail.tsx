/** A province's counties and cities with their population, side by side. */
import { Alert, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import { type CityRow, type CountyRow, useCities, useCounties } from '../api/geography';
import { PopulationSource, populationSourceText } from './PopulationSource';

export function ProvinceDetail({ provinceId }: { provinceId: number }) {
  const { t } = useTranslation();
  const { text, count } = useDigits();
  const counties = useCounties(provinceId);
  const cities = useCities(provinceId);

  const countyName = new Map((counties.data?.items ?? []).map((c) => [c.id, c.name]));
  const estimated = (counties.data?.items ?? []).some((c) => c.populationSource?.startsWith('estimate:'));
  const population = {
    key: 'population',
    header: t('geography.population'),
    cell: (c: CountyRow | CityRow) => (c.population === null ? '—' : <Count value={c.population} />),
    sortValue: (c: CountyRow | CityRow) => c.population,
    numeric: true,
  };
  const source = {
    key: 'source',
    header: t('geography.source.title'),
    cell: (c: CountyRow | CityRow) => <PopulationSource source={c.populationSource} year={c.populationYear} />,
    csv: (c: CountyRow | CityRow) => populationSourceText(c.populationSource, c.populationYear, t),
  };
  const countyColumns: DataColumn<CountyRow>[] = [
    {
      key: 'county',
      header: t('geography.county'),
      cell: (c) => text(c.name),
      sortValue: (c) => text(c.name),
      rowHeader: true,
    },
    population,
    source,
  ];
  const cityColumns: DataColumn<CityRow>[] = [
    {
      key: 'city',
      header: t('geography.city'),
      cell: (c) => text(c.name),
      sortValue: (c) => text(c.name),
      rowHeader: true,
    },
    {
      key: 'county',
      header: t('geography.county'),
      cell: (c) => (c.countyId !== null ? text(countyName.get(c.countyId)) : '—'),
      sortValue: (c) => (c.countyId !== null ? text(countyName.get(c.countyId)) : null),
    },
    population,
    source,
  ];

  return (
    <Stack gap="sm" data-testid="province-detail">
      {estimated ? (
        <Alert color="orange" variant="light">
          {t('geography.estimateNote')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Title order={4}>{t('geography.counties', { n: count(counties.data?.items.length ?? 0) })}</Title>
          <DataTable
            testId="counties-table"
            label={t('geography.counties', { n: '' })}
            columns={countyColumns}
            rowKey={(c) => c.id}
            rows={counties.data?.items}
            isPending={counties.isPending}
            error={counties.error}
            pageSize="all"
            maxHeight={360}
            minWidth={360}
            csvFileName={`counties-${provinceId}.csv`}
          />
        </Stack>
        <Stack gap={4}>
          <Title order={4}>{t('geography.cities', { n: count(cities.data?.items.length ?? 0) })}</Title>
          <DataTable
            testId="cities-table"
            label={t('geography.cities', { n: '' })}
            columns={cityColumns}
            rowKey={(c) => c.id}
            rows={cities.data?.items}
            isPending={cities.isPending}
            error={cities.error}
            pageSize="all"
            maxHeight={360}
            minWidth={440}
            csvFileName={`cities-${provinceId}.csv`}
          />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
