/**
 * The submission slip the applicant takes home: the tracking code (large, in a left-to-right
 * isolate so it never scrambles in right-to-left text) with its QR code, the court, the applicant,
 * the service, the fees paid line by line (folded to two columns on a phone), the date and time it
 * was sent in Jalali, and the office.
 * Printing the page prints the slip alone (submission-slip.css).
 */
import './submission-slip.css';
import { Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '#core/persian-digits';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import type { Filing } from '../api/get-filing';
import { QuoteTable } from './QuoteTable';

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

export function SubmissionSlip({ filing }: { filing: Filing & { trackingCode: string } }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  // On a phone the fee lines fold into two columns, so none is cut off; the printed slip keeps the full table.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const f = filing;
  return (
    <Card withBorder padding="lg" className="daftar-slip" data-testid="submission-slip">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {t('filings.slip.title')}
            </Title>
            <Text size="sm" data-testid="slip-office">
              {f.office ? (
                <>
                  {f.office.name[lang]} (<RefNumber value={f.office.code} />)
                </>
              ) : (
                t('filings.channel.online')
              )}
            </Text>
            {f.office ? (
              <Text size="xs" c="dimmed">
                {f.office.address}
              </Text>
            ) : null}
          </Stack>
          <QRCodeSVG
            value={toLatinDigits(f.trackingCode)}
            size={112}
            level="M"
            marginSize={2}
            title={t('filings.slip.qr')}
            role="img"
            aria-label={t('filings.slip.qr')}
            data-testid="slip-qr"
          />
        </Group>
        <Stack gap={0} align="center">
          <Text size="sm" c="dimmed">
            {t('filings.trackingCode')}
          </Text>
          <Text fz={34} fw={800} style={{ letterSpacing: 3 }}>
            <RefNumber value={f.trackingCode} data-testid="slip-tracking-code" />
          </Text>
          <Text size="xs" c="dimmed">
            {t('filings.trackingHint')}
          </Text>
        </Stack>
        <Divider />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Field label={t('filings.slip.service')} testId="slip-service">
            {f.service.title[lang]}
          </Field>
          <Field label={t('filings.slip.submittedAt')} testId="slip-submitted-at">
            <JalaliDate value={f.submittedAt} withTime />
          </Field>
          <Field label={t('filings.fields.applicant')} testId="slip-applicant">
            <bdi>{f.applicant.name}</bdi> — <bdi dir="ltr">{digits(f.applicant.nationalId)}</bdi>
          </Field>
          <Field label={t('filings.fields.court')} testId="slip-court">
            {f.court
              ? `${f.court.name[lang]}${f.branch ? ` — ${t('filings.court.branchN', { n: digits(f.branch) })}` : ''}`
              : '—'}
          </Field>
          <Field label={t('filings.fields.subject')} testId="slip-subject">
            {f.subject}
          </Field>
          <Field label={t('filings.slip.paid')} testId="slip-paid">
            <Money rials={f.payment.paidRials} />
          </Field>
        </SimpleGrid>
        {f.quote ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('filings.slip.fees')}
            </Text>
            <QuoteTable quote={f.quote} compact={phone} />
          </Stack>
        ) : null}
        <Group justify="flex-end" className="daftar-slip-noprint">
          <Button onClick={() => window.print()} data-testid="slip-print">
            {t('filings.slip.print')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
