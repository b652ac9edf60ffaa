/** A refused file's errors: line and column as a spreadsheet numbers them, in the reader's digits. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { CsvError } from '../api/geography';

export function ImportErrors({ errors }: { errors: CsvError[] }) {
  const { t } = useTranslation();
  const { digits, lang, count } = useDigits();
  const columns: DataColumn<CsvError & { at: number }>[] = [
    {
      key: 'line',
      header: t('geography.import.line'),
      cell: (e) => digits(e.line),
      sortValue: (e) => e.line,
      numeric: true,
      cellProps: () => ({ 'data-testid': 'import-error-line' }),
    },
    {
      key: 'column',
      header: t('geography.import.column'),
      cell: (e) => `${e.column !== null ? digits(e.column) : '—'}${e.columnName ? ` («${e.columnName}»)` : ''}`,
      sortValue: (e) => e.column,
      cellProps: () => ({ 'data-testid': 'import-error-column' }),
    },
    { key: 'problem', header: t('geography.import.problem'), cell: (e) => (lang === 'fa' ? e.fa : e.en) },
  ];
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('geography.import.refused', { n: count(errors.length) })}
      data-testid="import-errors"
    >
      <DataTable
        testId="import-errors-table"
        label={t('geography.import.refused', { n: count(errors.length) })}
        columns={columns}
        // The errors have no identity of their own; their place in the answer is the key.
        rows={errors.map((e, at) => ({ ...e, at }))}
        rowKey={(e) => e.at}
        pageSize="all"
        maxHeight={320}
        minWidth={420}
        rowProps={() => ({ 'data-testid': 'import-error' })}
      />
    </Alert>
  );
}
