import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '#web/app/i18n/index.ts';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { Filing } from '../api/get-filing';

/**
 * The itemised quote: the office's fees from the tariff, then — as lines of their own — the court
 * costs collected with the same payment for the judiciary, and the total to pay.
 */
export function QuoteTable({ quote }: { quote: NonNullable<Filing['quote']> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const court = quote.courtCosts;
  return (
    <>
      <Table withTableBorder data-testid="quote-table">
        <Table.Caption>
          {t('filings.quote.schedule', { title: lang === 'fa' ? quote.schedule.titleFa : quote.schedule.titleEn })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('filings.quote.item')}</Table.Th>
            <Table.Th>{t('filings.quote.quantity')}</Table.Th>
            <Table.Th>{t('filings.quote.unit')}</Table.Th>
            <Table.Th>{t('filings.quote.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {court.lines.length ? (
            <Table.Tr>
              <Table.Th colSpan={4}>{t('filings.quote.officeFees')}</Table.Th>
            </Table.Tr>
          ) : null}
          {quote.lines.map((l) => (
            <Table.Tr key={l.code}>
              <Table.Td>{lang === 'fa' ? l.titleFa : l.titleEn}</Table.Td>
              <Table.Td>{digits(l.quantity)}</Table.Td>
              <Table.Td>
                <Money rials={l.unitRials} />
              </Table.Td>
              <Table.Td>
                <Money rials={l.amountRials} />
              </Table.Td>
            </Table.Tr>
          ))}
          {court.lines.length ? (
            <>
              <Table.Tr fw={600}>
                <Table.Td colSpan={3}>{t('filings.quote.officeTotal')}</Table.Td>
                <Table.Td data-testid="quote-office-total">
                  <Money rials={quote.officeRials} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th colSpan={4}>{t('filings.quote.courtCosts')}</Table.Th>
              </Table.Tr>
              {court.lines.map((l) => (
                <Table.Tr key={`court-${l.ruleId}`} data-testid="quote-court-line">
                  <Table.Td>{lang === 'fa' ? l.titleFa : l.titleEn}</Table.Td>
                  <Table.Td>{digits(1)}</Table.Td>
                  <Table.Td>
                    <Money rials={l.amountRials} />
                  </Table.Td>
                  <Table.Td>
                    <Money rials={l.amountRials} />
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={600}>
                <Table.Td colSpan={3}>{t('filings.quote.courtTotal')}</Table.Td>
                <Table.Td data-testid="quote-court-total">
                  <Money rials={court.totalRials} />
                </Table.Td>
              </Table.Tr>
            </>
          ) : null}
          <Table.Tr fw={700}>
            <Table.Td colSpan={3}>{t('filings.quote.total')}</Table.Td>
            <Table.Td data-testid="quote-total">
              <Money rials={quote.totalRials} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {!court.configured ? (
        <Text size="sm" c="dimmed" data-testid="quote-no-court-costs">
          {t('filings.quote.noCourtCosts')}
        </Text>
      ) : null}
    </>
  );
}
