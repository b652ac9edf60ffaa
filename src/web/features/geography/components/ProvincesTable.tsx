/** The 31 provinces with their population and its origin; a click opens the province's counties and cities. */
import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import type { ProvinceRow } from '../api/geography';
import { PopulationSource } from './PopulationSource';

export function ProvincesTable({
  provinces,
  selected,
  onSelect,
}: {
  provinces: ProvinceRow[];
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { text } = useDigits();
  return (
    <ScrollArea h={420} viewportProps={{ tabIndex: 0, 'aria-label': t('geography.provincesTitle') }}>
      <Table highlightOnHover stickyHeader data-testid="provinces-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('geography.province')}</Table.Th>
            <Table.Th>{t('geography.population')}</Table.Th>
            <Table.Th>{t('geography.source.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {provinces.map((p) => (
            <Table.Tr
              key={p.id}
              data-testid={`province-${p.id}`}
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(p.id)}
              bg={selected === p.id ? 'var(--mantine-color-blue-light)' : undefined}
              aria-selected={selected === p.id}
            >
              <Table.Td>{text(p.name)}</Table.Td>
              <Table.Td data-testid={`province-${p.id}-population`}>
                {p.population === null ? '—' : <Count value={p.population} />}
              </Table.Td>
              <Table.Td>
                <PopulationSource source={p.populationSource} year={p.populationYear} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
