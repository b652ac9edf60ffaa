import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type ArbitrationCase, usePayFee } from '../api/arbitrations';

type Fee = NonNullable<ArbitrationCase['fee']>;
type Share = Fee['shares'][number];

const STATUS_COLOR = { owed: 'orange', pending: 'yellow', paid: 'teal' } as const;

/**
 * The arbitrators' fee (Art. 498): how it is set (as agreed, or by the official scale on the claim),
 * the amount fixed when the term started with each arbitrator's part, and each paying party's share
 * — owed, at the bank, or paid — with the caller's own payment and receipt. Owed is shown, never
 * enforced: the award does not wait for the fee.
 */
export function FeePanel({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const pay = usePayFee(kase.id);
  const fee = kase.fee;
  if (!fee) return null;
  const mine = fee.shares.find((s) => s.partyId === kase.viewer.partyId);
  const columns: DataColumn<Share>[] = [
    { key: 'name', header: t('arbitration.fee.payer'), cell: (s) => s.name },
    { key: 'amount', header: t('arbitration.fee.share'), cell: (s) => <Money rials={s.amountRials} /> },
    {
      key: 'status',
      header: t('arbitration.list.state'),
      cell: (s) => (
        <Group gap="xs" wrap="wrap">
          <Badge color={STATUS_COLOR[s.status]} variant="light" data-testid={`arbitration-fee-status-${s.partyId}`}>
            {t(`arbitration.fee.status.${s.status}`)}
          </Badge>
          {s.paidAt ? <JalaliDate value={s.paidAt} /> : null}
        </Group>
      ),
    },
    {
      key: 'receipt',
      header: t('arbitration.fee.receipt'),
      cell: (s) =>
        s.receiptNumber && s.paymentId ? (
          <Anchor component={Link} to={`/payments/${s.paymentId}`} data-testid="arbitration-fee-receipt">
            <bdi dir="ltr">{digits(s.receiptNumber)}</bdi>
          </Anchor>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card withBorder data-testid="arbitration-fee">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.fee.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" data-testid="arbitration-fee-basis">
          {fee.basis === 'agreed' && fee.agreedPerArbitratorRials != null ? (
            <>
              {t('arbitration.fee.agreed')}: <Money rials={fee.agreedPerArbitratorRials} /> {t('arbitration.fee.each')}
            </>
          ) : fee.claimRials != null ? (
            <>
              {t('arbitration.fee.byScaleClaim')}: <Money rials={fee.claimRials} />
            </>
          ) : (
            t('arbitration.fee.byScaleNonMonetary')
          )}
          {' — '}
          {t(`arbitration.fee.payers.${fee.payers}`)}
        </Text>
        {fee.totalRials == null ? (
          <Text size="sm" c="dimmed">
            {t('arbitration.fee.notFixed')}
          </Text>
        ) : (
          <>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t('arbitration.fee.total')}:</Text>
              <Text fw={700} data-testid="arbitration-fee-total">
                <Money rials={fee.totalRials} />
              </Text>
              <Text size="sm" c="dimmed">
                ({t('arbitration.fee.perArbitrator')}:{' '}
                {fee.perArbitratorRials
                  .map((r, i) => ({ r, slot: `arbitrator-${i}` }))
                  .map(({ r, slot }, i) => (
                    <span key={slot}>
                      {i ? '، ' : ''}
                      <Money rials={r} />
                    </span>
                  ))}
                )
              </Text>
            </Group>
            {fee.scale ? (
              <Text size="xs" c="dimmed">
                {t('arbitration.fee.scaleOf')}: {fee.scale.source} — {t('arbitration.fee.inForceFrom')}{' '}
                <JalaliDate value={fee.scale.validFrom.iso} />
              </Text>
            ) : null}
            <DataTable
              testId="arbitration-fee-shares"
              label={t('arbitration.fee.title')}
              columns={columns}
              rowKey={(s) => s.partyId}
              rows={fee.shares}
            />
            {mine && mine.status !== 'paid' ? (
              <Group justify="flex-end">
                <Button onClick={() => pay.mutate()} loading={pay.isPending} data-testid="arbitration-fee-pay">
                  {t('arbitration.fee.pay')}
                </Button>
              </Group>
            ) : null}
            <Alert color="gray" variant="light">
              {t('arbitration.fee.owedNote')}
            </Alert>
          </>
        )}
        <ProblemAlert error={pay.error} />
      </Stack>
    </Card>
  );
}
