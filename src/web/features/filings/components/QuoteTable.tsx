import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { Filing } from '../api/get-filing';

type Quote = NonNullable<Filing['quote']>;

/** One line of the quote: an office fee from the tariff, or a court cost collected for the judiciary. */
interface QuoteRow {
  key: string;
  kind: 'office' | 'court';
  titleFa: string;
  titleEn: string;
  quantity: number;
  unitRials: number;
  amountRials: number;
}

function rowsOf(quote: Quote): QuoteRow[] {
  return [
    ...quote.lines.map((l) => ({ ...l, key: l.code, kind: 'office' as const })),
    ...quote.courtCosts.lines.map((l) => ({
      key: `court-${l.ruleId}`,
      kind: 'court' as const,
      titleFa: l.titleFa,
      titleEn: l.titleEn,
      quantity: 1,
      unitRials: l.amountRials,
      amountRials: l.amountRials,
    })),
  ];
}

/**
 * The itemised quote: the office's fees from the tariff, then — as lines of their own, marked as
 * such — the court costs collected with the same payment for the judiciary, and the total to pay.
 * `compact` (the submission slip, read on a 360 px phone and printed on A5) keeps two columns: each
 * line's title, with its kind and «quantity × unit» under it, and its amount — nothing scrolls sideways.
 */
export function QuoteTable({ quote, compact = false }: { quote: Quote; compact?: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const court = quote.courtCosts;
  const withCourt = court.lines.length > 0;
  const title = (r: QuoteRow) => (lang === 'fa' ? r.titleFa : r.titleEn);
  const amount: DataColumn<QuoteRow> = {
    key: 'amount',
    header: t('filings.quote.amount'),
    numeric: true,
    cell: (r) => <Money rials={r.amountRials} />,
    footer: (
      <span data-testid="quote-total">
        <Money rials={quote.totalRials} />
      </span>
    ),
  };
  const columns: DataColumn<QuoteRow>[] = compact
    ? [
        {
          key: 'item',
          header: t('filings.quote.item'),
          rowHeader: true,
          cell: (r) => (
            <Stack gap={0}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {title(r)}
              </Text>
              <Text size="xs" c="dimmed" data-testid="quote-line-detail">
                {withCourt
                  ? `${r.kind === 'office' ? t('filings.quote.officeFees') : t('filings.quote.courtCosts')} — `
                  : ''}
                {digits(r.quantity)} × <Money rials={r.unitRials} />
              </Text>
            </Stack>
          ),
          footer: t('filings.quote.total'),
        },
        amount,
      ]
    : [
        {
          key: 'item',
          header: t('filings.quote.item'),
          rowHeader: true,
          cell: title,
          footer: t('filings.quote.total'),
        },
        ...(withCourt
          ? [
              {
                key: 'kind',
                header: t('filings.quote.kind'),
                cell: (r: QuoteRow) =>
                  r.kind === 'office' ? t('filings.quote.officeFees') : t('filings.quote.courtCosts'),
              },
            ]
          : []),
        { key: 'quantity', header: t('filings.quote.quantity'), numeric: true, cell: (r) => digits(r.quantity) },
        { key: 'unit', header: t('filings.quote.unit'), numeric: true, cell: (r) => <Money rials={r.unitRials} /> },
        amount,
      ];
  return (
    <Stack gap="xs">
      <DataTable
        testId="quote-table"
        caption={t('filings.quote.schedule', {
          title: lang === 'fa' ? quote.schedule.titleFa : quote.schedule.titleEn,
        })}
        columns={columns}
        rowKey={(r) => r.key}
        rows={rowsOf(quote)}
        pageSize="all"
        minWidth={compact ? 0 : withCourt ? 480 : 300}
        rowProps={(r) => (r.kind === 'court' ? { 'data-testid': 'quote-court-line' } : {})}
      />
      {withCourt ? (
        <Group gap={compact ? 'xs' : 'xl'}>
          <Text size="sm" fw={600}>
            {t('filings.quote.officeTotal')}:{' '}
            <span data-testid="quote-office-total">
              <Money rials={quote.officeRials} />
            </span>
          </Text>
          <Text size="sm" fw={600}>
            {t('filings.quote.courtTotal')}:{' '}
            <span data-testid="quote-court-total">
              <Money rials={court.totalRials} />
            </span>
          </Text>
        </Group>
      ) : null}
      {!court.configured ? (
        <Text size="sm" c="dimmed" data-testid="quote-no-court-costs">
          {t('filings.quote.noCourtCosts')}
        </Text>
      ) : null}
    </Stack>
  );
}
