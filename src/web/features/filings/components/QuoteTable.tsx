import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '#web/app/i18n/index.ts';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { Filing } from '../api/types';

export function QuoteTable({ quote }: { quote: NonNullable<Filing['quote']> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  return (
    <Table withTableBorder data-testid="quote-table">
      <Table.Caption>{t('filings.quote.schedule', { title: lang === 'fa' ? quote.schedule.titleFa : quote.schedule.titleEn })}</Table.Caption>
      <Table.Thead>
        <Table.Tr><Table.Th>{t('filings.quote.item')}</Table.Th><Table.Th>{t('filings.quote.quantity')}</Table.Th><Table.Th>{t('filings.quote.unit')}</Table.Th><Table.Th>{t('filings.quote.amount')}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {quote.lines.map((l) => (
          <Table.Tr key={l.code}>
            <Table.Td>{lang === 'fa' ? l.titleFa : l.titleEn}</Table.Td><Table.Td>{digits(l.quantity)}</Table.Td>
            <Table.Td><Money rials={l.unitRials} /></Table.Td><Table.Td><Money rials={l.amountRials} /></Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}><Table.Td colSpan={3}>{t('filings.quote.total')}</Table.Td><Table.Td data-testid="quote-total"><Money rials={quote.totalRials} /></Table.Td></Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
