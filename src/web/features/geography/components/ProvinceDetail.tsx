/** A province's counties and cities with their population, side by side. */
import { Alert, Loader, ScrollArea, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import { useCities, useCounties } from '../api/geography';
import { PopulationSource } from './PopulationSource';

export function ProvinceDetail({ provinceId }: { provinceId: number }) {
  const { t } = useTranslation();
  const { text, count } = useDigits();
  const counties = useCounties(provinceId);
  const cities = useCities(provinceId);
  if (counties.isPending || cities.isPending) return <Loader size="sm" />;
  if (counties.error || cities.error) return <ProblemAlert error={counties.error ?? cities.error} />;
  const countyName = new Map(counties.data.items.map((c) => [c.id, c.name]));
  const estimated = counties.data.items.some((c) => c.populationSource?.startsWith('estimate:'));
  return (
    <Stack gap="sm" data-testid="province-detail">
      {estimated ? (
        <Alert color="orange" variant="light">
          {t('geography.estimateNote')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Title order={4}>{t('geography.counties', { n: count(counties.data.items.length) })}</Title>
          <ScrollArea h={360} viewportProps={{ tabIndex: 0, 'aria-label': t('geography.counties', { n: '' }) }}>
            <Table stickyHeader data-testid="counties-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('geography.county')}</Table.Th>
                  <Table.Th>{t('geography.population')}</Table.Th>
                  <Table.Th>{t('geography.source.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {counties.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{text(c.name)}</Table.Td>
                    <Table.Td>{c.population === null ? '—' : <Count value={c.population} />}</Table.Td>
                    <Table.Td>
                      <PopulationSource source={c.populationSource} year={c.populationYear} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
        <Stack gap={4}>
          <Title order={4}>{t('geography.cities', { n: count(cities.data.items.length) })}</Title>
          <ScrollArea h={360} viewportProps={{ tabIndex: 0, 'aria-label': t('geography.cities', { n: '' }) }}>
            <Table stickyHeader data-testid="cities-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('geography.city')}</Table.Th>
                  <Table.Th>{t('geography.county')}</Table.Th>
                  <Table.Th>{t('geography.population')}</Table.Th>
                  <Table.Th>{t('geography.source.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cities.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{text(c.name)}</Table.Td>
                    <Table.Td>{c.countyId !== null ? text(countyName.get(c.countyId)) : '—'}</Table.Td>
                    <Table.Td>{c.population === null ? '—' : <Count value={c.population} />}</Table.Td>
                    <Table.Td>
                      <PopulationSource source={c.populationSource} year={c.populationYear} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
