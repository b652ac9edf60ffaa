/** An applied import: the figures it replaced and the levels that now disagree (nothing is rescaled). */
import { Alert, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { ImportResult } from '../api/geography';

export function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const { text, count, digits } = useDigits();
  return (
    <Stack gap="xs" data-testid="import-result">
      <Alert
        color="green"
        variant="light"
        title={t('geography.import.applied', { n: count(result.changes.length), id: digits(result.import.id) })}
      >
        <ScrollArea.Autosize mah={260} viewportProps={{ tabIndex: 0 }}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('geography.place')}</Table.Th>
                <Table.Th>{t('geography.import.before')}</Table.Th>
                <Table.Th>{t('geography.import.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.changes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{text(c.name)}</Table.Td>
                  <Table.Td>{c.before === null ? '—' : count(c.before)}</Table.Td>
                  <Table.Td>{count(c.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Alert>
      {result.warnings.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          title={t('geography.import.warningsTitle')}
          data-testid="import-warnings"
        >
          <Text size="sm">{t('geography.import.warningsHint')}</Text>
          <List size="sm" mt="xs">
            {result.warnings.map((w) => (
              <List.Item key={`${w.code}-${w.id}`}>
                {t(`geography.import.warning.${w.code}`, {
                  name: text(w.name),
                  population: count(w.population),
                  parts: count(w.partsPopulation),
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
