/**
 * The result of a payment, where the bank's callback sends the browser (/payments/:id): paid,
 * failed, cancelled, expired or still pending, with the receipt number (check digit last) and
 * links to the printable receipt and its PDF.
 */
import '../i18n/index.ts';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { receiptPdfUrl, receiptUrl, usePayment } from '../api/get-payment';
import { PaymentStatusBadge, STATUS_COLOR } from '../components/PaymentStatusBadge';
import { RefNumber } from '#web/ui/RefNumber.tsx';

/** «1405 00000 0012 3» — groups to read aloud; the last digit is the check digit. */
export function groupReceiptNumber(n: string): string {
  return `${n.slice(0, 4)} ${n.slice(4, -1).replace(/(\d{5})(?=\d)/g, '$1 ')} ${n.slice(-1)}`
    .replace(/\s+/g, ' ')
    .trim();
}

export function PaymentPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const id = Number(useParams().id);
  const query = usePayment(Number.isInteger(id) ? id : null);
  const p = query.data;
  if (query.error) return <ProblemAlert error={query.error} data-testid="payment-error" />;
  if (!p) return <Text c="dimmed">{t('common.loading')}</Text>;
  // The lines have no identity of their own: their place in the payment keys them.
  const lines = p.lines.map((l, i) => ({ ...l, key: `${l.code}-${i}` }));
  const lineColumns: DataColumn<(typeof lines)[number]>[] = [
    {
      key: 'line',
      header: t('payments.fields.line'),
      cell: (l) => (
        <>
          {lang === 'fa' ? l.titleFa : l.titleEn}
          {l.kind === 'court-cost' ? (
            <Badge ms="xs" variant="light" color="grape">
              {t('payments.fields.courtCostTag')}
            </Badge>
          ) : null}
        </>
      ),
      footer: t('payments.fields.total'),
    },
    {
      key: 'quantity',
      header: t('payments.fields.quantity'),
      cell: (l) => digits(l.quantity),
      numeric: true,
      footer: '',
    },
    {
      key: 'amount',
      header: t('payments.fields.amount'),
      cell: (l) => <Money rials={l.amountRials} />,
      numeric: true,
      footer: <Money rials={p.amountRials} />,
    },
  ];
  return (
    <Stack maw={860}>
      <PageTitle title={t('payments.page.title')} subtitle={<PaymentStatusBadge status={p.status} />} />
      <Alert
        color={STATUS_COLOR[p.status]}
        title={t(`payments.result.${p.status}.title`)}
        data-testid="payment-result"
        data-status={p.status}
      >
        <Text size="sm">{t(`payments.result.${p.status}.body`)}</Text>
        {p.payUrl ? (
          <Button component="a" href={p.payUrl} mt="sm" data-testid="payment-continue">
            {t('payments.page.continueAtBank')}
          </Button>
        ) : null}
      </Alert>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <div>
            <Text size="sm" c="dimmed">
              {t('payments.fields.receiptNumber')}
            </Text>
            <Text fw={700} size="xl" data-testid="payment-receipt-number" style={{ letterSpacing: 1 }}>
              <RefNumber value={groupReceiptNumber(p.receiptNumber)} />
            </Text>
            <Text size="xs" c="dimmed">
              {t('payments.page.checkDigitHint')}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('payments.fields.amount')}
            </Text>
            <Text fw={700} size="xl" data-testid="payment-amount">
              <Money rials={p.amountRials} />
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('payments.fields.office')}
            </Text>
            <Text>{p.office ? p.office.name[lang] : t('payments.fields.online')}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('payments.fields.purpose')}
            </Text>
            <Text>
              {p.purpose === 'filing' && p.filingId != null ? (
                <Anchor component={Link} to={`/filings/${p.filingId}`}>
                  {t('payments.purpose.filing', { id: digits(p.filingId) })}
                </Anchor>
              ) : p.purpose === 'arbitration' && p.returnPath ? (
                <Anchor component={Link} to={p.returnPath}>
                  {t('payments.purpose.arbitration')}
                </Anchor>
              ) : (
                t('payments.purpose.service')
              )}
            </Text>
          </div>
          {p.payer ? (
            <div>
              <Text size="sm" c="dimmed">
                {t('payments.fields.payer')}
              </Text>
              <Text>{p.payer.name}</Text>
            </div>
          ) : null}
          <div>
            <Text size="sm" c="dimmed">
              {p.paidAt ? t('payments.fields.paidAt') : t('payments.fields.createdAt')}
            </Text>
            <Text data-testid="payment-date">
              <JalaliDate value={p.paidAt ?? p.createdAt} withTime />
            </Text>
          </div>
          {p.bankReference ? (
            <div>
              <Text size="sm" c="dimmed">
                {t('payments.fields.bankReference')}
              </Text>
              <Text>
                <bdi dir="ltr">{digits(p.bankReference)}</bdi>
              </Text>
            </div>
          ) : null}
          {p.status === 'pending' ? (
            <div>
              <Text size="sm" c="dimmed">
                {t('payments.fields.expiresAt')}
              </Text>
              <Text>
                <JalaliDate value={p.expiresAt} withTime />
              </Text>
            </div>
          ) : null}
        </SimpleGrid>
      </Card>
      <Title order={2} size="h4">
        {t('payments.page.lines')}
      </Title>
      <DataTable
        testId="payment-lines"
        label={t('payments.page.lines')}
        columns={lineColumns}
        rowKey={(l) => l.key}
        rows={lines}
        pageSize="all"
        minWidth={400}
        rowProps={(l) => ({ 'data-kind': l.kind })}
      />
      <Group>
        <Button component="a" href={receiptUrl(p.id)} target="_blank" rel="noopener" data-testid="payment-print">
          {t('payments.page.print')}
        </Button>
        <Button
          component="a"
          href={receiptPdfUrl(p.id)}
          target="_blank"
          rel="noopener"
          variant="light"
          data-testid="payment-pdf"
        >
          {t('payments.page.pdf')}
        </Button>
        {p.returnPath ? (
          <Button component={Link} to={p.returnPath} variant="subtle" data-testid="payment-return">
            {t('payments.page.return')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
