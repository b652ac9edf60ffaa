/** An applied import: the figures it replaced and the levels that now disagree (nothing is rescaled). */
import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { ImportResult } from '../api/geography';

type Change = ImportResult['changes'][number];

export function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const { text, count, digits } = useDigits();
  const columns: DataColumn<Change>[] = [
    {
      key: 'place',
      header: t('geography.place'),
      cell: (c) => text(c.name),
      sortValue: (c) => text(c.name),
      rowHeader: true,
    },
    {
      key: 'before',
      header: t('geography.import.before'),
      cell: (c) => (c.before === null ? '—' : count(c.before)),
      sortValue: (c) => c.before,
      numeric: true,
    },
    {
      key: 'after',
      header: t('geography.import.after'),
      cell: (c) => count(c.after),
      sortValue: (c) => c.after,
      numeric: true,
    },
  ];
  return (
    <Stack gap="xs" data-testid="import-result">
      <Alert
        color="green"
        variant="light"
        title={t('geography.import.applied', { n: count(result.changes.length), id: digits(result.import.id) })}
      >
        <DataTable
          testId="import-changes"
          label={t('geography.import.applied', { n: count(result.changes.length), id: digits(result.import.id) })}
          columns={columns}
          rowKey={(c) => c.id}
          rows={result.changes}
          pageSize="all"
          maxHeight={260}
          minWidth={420}
        />
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
