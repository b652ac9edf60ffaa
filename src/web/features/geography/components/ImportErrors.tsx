/** A refused file's errors: line and column as a spreadsheet numbers them, in the reader's digits. */
import { Alert, ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { CsvError } from '../api/geography';

export function ImportErrors({ errors }: { errors: CsvError[] }) {
  const { t } = useTranslation();
  const { digits, lang, count } = useDigits();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('geography.import.refused', { n: count(errors.length) })}
      data-testid="import-errors"
    >
      <ScrollArea.Autosize mah={320} viewportProps={{ tabIndex: 0 }}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('geography.import.line')}</Table.Th>
              <Table.Th>{t('geography.import.column')}</Table.Th>
              <Table.Th>{t('geography.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
              <Table.Tr key={`${e.line}-${e.column ?? 0}-${i}`} data-testid="import-error">
                <Table.Td data-testid="import-error-line">{digits(e.line)}</Table.Td>
                <Table.Td data-testid="import-error-column">
                  {e.column !== null ? digits(e.column) : '—'}
                  {e.columnName ? ` («${e.columnName}»)` : ''}
                </Table.Td>
                <Table.Td>{lang === 'fa' ? e.fa : e.en}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Alert>
  );
}
