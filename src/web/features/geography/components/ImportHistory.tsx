/** Past imports, newest first. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { usePopulationImports } from '../api/geography';

export function ImportHistory() {
  const { t } = useTranslation();
  const { digits, count } = useDigits();
  const imports = usePopulationImports();
  if (!imports.data) return null;
  if (imports.data.items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('geography.history.none')}
      </Text>
    );
  return (
    <Table data-testid="import-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('geography.history.number')}</Table.Th>
          <Table.Th>{t('geography.import.level')}</Table.Th>
          <Table.Th>{t('geography.import.source')}</Table.Th>
          <Table.Th>{t('geography.import.year')}</Table.Th>
          <Table.Th>{t('geography.history.rows')}</Table.Th>
          <Table.Th>{t('geography.history.file')}</Table.Th>
          <Table.Th>{t('geography.history.when')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {imports.data.items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{digits(i.id)}</Table.Td>
            <Table.Td>{t(`geography.level.${i.level}`)}</Table.Td>
            <Table.Td>{i.source}</Table.Td>
            <Table.Td>{digits(i.year)}</Table.Td>
            <Table.Td>{count(i.rowCount)}</Table.Td>
            <Table.Td>
              <bdi>{i.fileName}</bdi>
            </Table.Td>
            <Table.Td>
              <JalaliDate value={i.importedAt} withTime />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
