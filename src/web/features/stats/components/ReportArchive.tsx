/**
 * A card of the board's reports kept so far (monthly or annual): the regulator's picker of a
 * finished period to make on demand, the refusal next to it, and the list with when and how each
 * report was made and its PDF and print view. The monthly and annual sections differ only in their
 * period, their figures and their words.
 */
import { Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatJalali } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import type { PageSize } from '#web/ui/data-table-rows.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';

interface Made {
  generatedAt: string;
  byJob: boolean;
}

/** When a report was made, and whether by the monthly job or on demand. */
export function madeColumn<R extends Made>(t: TFunction, lang: 'fa' | 'en'): DataColumn<R> {
  return {
    key: 'made',
    header: t('stats.board.made'),
    cell: (r) =>
      `${formatJalali(r.generatedAt, lang, true)} — ${r.byJob ? t('stats.board.byJob') : t('stats.board.onDemand')}`,
  };
}

/** The report's PDF and print view, with test ids `<prefix>-pdf-<period>` and `<prefix>-html-<period>`. */
export function openColumn<R>(
  t: TFunction,
  prefix: string,
  periodOf: (r: R) => string | number,
  urlsOf: (r: R) => { pdf: string; html: string },
): DataColumn<R> {
  return {
    key: 'open',
    header: t('stats.board.open'),
    cell: (r) => {
      const period = periodOf(r);
      const { pdf, html } = urlsOf(r);
      return (
        <Group gap="sm" wrap="nowrap">
          <Anchor href={pdf} target="_blank" data-testid={`${prefix}-pdf-${period}`}>
            {t('stats.board.pdf')}
          </Anchor>
          <Anchor href={html} target="_blank" data-testid={`${prefix}-html-${period}`}>
            {t('stats.board.html')}
          </Anchor>
        </Group>
      );
    },
  };
}

interface ReportArchiveProps<R> {
  /** `board` or `annual`: the prefix of the card's test ids. */
  prefix: string;
  title: string;
  subtitle: string;
  canMake: boolean;
  /** The period picker: its label, options and choice, and the request's field it answers for. */
  picker: {
    label: string;
    field: string;
    testId: string;
    options: { value: string; label: string }[];
    value: string | null;
    onChange: (value: string | null) => void;
  };
  makeLabel: string;
  make: { isPending: boolean; error: unknown; mutate: () => void };
  columns: DataColumn<R>[];
  rowKey: (row: R) => string;
  rows: R[] | undefined;
  isPending: boolean;
  pageSize: PageSize;
  empty: string;
}

export function ReportArchive<R>(p: ReportArchiveProps<R>) {
  const { lang } = useDigits();
  const fieldErrors = fieldErrorsOf(p.make.error, lang);
  return (
    <Card withBorder data-testid={`${p.prefix}-reports`}>
      <Title order={2} size="h4" mb={4}>
        {p.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {p.subtitle}
      </Text>
      <Stack gap="sm">
        {p.canMake && (
          <Group align="flex-start">
            <Select
              label={p.picker.label}
              data={p.picker.options}
              value={p.picker.value}
              onChange={p.picker.onChange}
              allowDeselect={false}
              error={fieldErrors[p.picker.field]}
              comboboxProps={{ withinPortal: true }}
              data-testid={p.picker.testId}
            />
            <Button
              mt={25}
              loading={p.make.isPending}
              disabled={!p.picker.value}
              onClick={() => p.picker.value && p.make.mutate()}
              data-testid={`${p.prefix}-make`}
            >
              {p.makeLabel}
            </Button>
          </Group>
        )}
        <ProblemAlert error={p.make.error} shownFields={[p.picker.field]} />
        <DataTable
          testId={`${p.prefix}-list`}
          label={p.title}
          columns={p.columns}
          rowKey={p.rowKey}
          rows={p.rows}
          isPending={p.isPending}
          pageSize={p.pageSize}
          empty={p.empty}
        />
      </Stack>
    </Card>
  );
}
