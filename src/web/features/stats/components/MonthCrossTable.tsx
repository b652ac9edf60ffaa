/**
 * Open data as a cross-tabulation: a line per place and what is counted (a channel, a notices'
 * measure), a column per Jalali month, a suppressed cell said as suppressed ("fewer than 5"). The
 * services and the notices tables of the open data page differ only in their lines and cells.
 */
import { Card, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { SMALL_COUNT_THRESHOLD } from '#core/small-counts';
import { useDigits } from '#web/ui/PersianDigits.tsx';

/** Rows grouped into lines by a key, each with its row per month. */
export function linesByKey<R extends { month: string }>(rows: readonly R[], keyOf: (row: R) => string) {
  const lines = new Map<string, { key: string; row: R; cells: Map<string, R> }>();
  for (const r of rows) {
    const key = keyOf(r);
    if (!lines.has(key)) lines.set(key, { key, row: r, cells: new Map() });
    lines.get(key)!.cells.set(r.month, r);
  }
  return [...lines.values()];
}

export interface CrossLine {
  key: string;
  testId: string;
  /** The place, a row header; bold for a total line. */
  place: ReactNode;
  bold: boolean;
  /** What the line counts (a channel, a measure). */
  what: ReactNode;
  /** A month's cell: suppressed, or what it shows. */
  cell: (month: string) => { suppressed: true } | { suppressed: false; shown: ReactNode };
}

export function MonthCrossTable(props: {
  testId: string;
  label: string;
  headers: [place: string, what: string];
  /** The width of the two heading columns, before the months' own. */
  headWidth: number;
  months: string[];
  lines: CrossLine[];
}) {
  const { t } = useTranslation();
  const { lang, digits } = useDigits();
  return (
    <Card withBorder p={0}>
      <Table.ScrollContainer
        minWidth={props.headWidth + props.months.length * 90}
        maxHeight={560}
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': props.label } }}
      >
        <Table striped stickyHeader data-testid={props.testId} aria-label={props.label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{props.headers[0]}</Table.Th>
              <Table.Th>{props.headers[1]}</Table.Th>
              {props.months.map((m) => (
                <Table.Th key={m} style={{ whiteSpace: 'nowrap' }}>
                  {formatJalaliMonth(m, lang)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.lines.map((l) => (
              <Table.Tr key={l.key} data-testid={l.testId}>
                <Table.Th scope="row" fw={l.bold ? 700 : 400}>
                  {l.place}
                </Table.Th>
                <Table.Td>{l.what}</Table.Td>
                {props.months.map((m) => {
                  const c = l.cell(m);
                  return (
                    <Table.Td key={m} style={{ whiteSpace: 'nowrap' }}>
                      {c.suppressed ? (
                        <Text span c="dimmed" title={t('stats.open.suppressedTitle')} data-testid="suppressed">
                          {t('stats.open.suppressedCell', { threshold: digits(SMALL_COUNT_THRESHOLD) })}
                        </Text>
                      ) : (
                        c.shown
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
