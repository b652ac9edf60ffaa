import '../i18n/index.ts';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CountingRule, DeadlineLine } from '#web/ui/DeadlineLine.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type OfficeNotice, useOfficeNotices, useOpenAtOffice, type ConsentRef } from '../api/office-notices';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';

const numberOrNull = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

/**
 * /counter/notices?citizenId=&consentId= — an operator opens a citizen's notice on their behalf,
 * after the citizen consented with a one-time code (consent purpose `notice-page`). Opening it
 * records the delivery through this office and charges the notice-page tariff.
 */
export function OfficeNoticePage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const [params, setParams] = useSearchParams();
  const fromUrl: ConsentRef | null = (() => {
    const citizenId = numberOrNull(params.get('citizenId'));
    const consentId = numberOrNull(params.get('consentId'));
    return citizenId && consentId ? { citizenId, consentId } : null;
  })();
  const [citizenId, setCitizenId] = useState<number | string>(fromUrl?.citizenId ?? '');
  const [consentId, setConsentId] = useState<number | string>(fromUrl?.consentId ?? '');
  const notices = useOfficeNotices(fromUrl);
  const open = useOpenAtOffice();

  const columns: DataColumn<OfficeNotice>[] = [
    {
      key: 'notice',
      header: t('notices.office.notice'),
      cell: (n) => (
        <>
          <Badge variant="light" me="xs">
            {t(`notices.kinds.${n.kind}`, { defaultValue: n.kind })}
          </Badge>
          {n.title}
        </>
      ),
    },
    {
      key: 'case',
      header: t('notices.office.case'),
      cell: (n) => (
        <>
          <RefNumber value={n.case.caseNumber} /> — {text(n.case.court.name)}
        </>
      ),
    },
    {
      key: 'issuedAt',
      header: t('notices.office.issuedAt'),
      cell: (n) => <JalaliDate value={n.issuedAt} />,
      sortValue: (n) => n.issuedAt,
      numeric: true,
    },
    {
      key: 'state',
      header: t('notices.office.state'),
      cell: (n) =>
        n.delivered ? (
          <>
            {t('notices.office.delivered')} <JalaliDate value={n.deliveredAt} />
          </>
        ) : (
          <Badge color="red" variant="light">
            {t('notices.office.notDelivered')}
          </Badge>
        ),
    },
    {
      key: 'action',
      header: t('notices.office.action'),
      cell: (n) => (
        <Button
          size="xs"
          onClick={() => fromUrl && open.mutate({ ...fromUrl, noticeId: n.id })}
          loading={open.isPending && open.variables?.noticeId === n.id}
          data-testid={`office-open-${n.id}`}
        >
          {t('notices.office.open')}
        </Button>
      ),
    },
  ];

  const lookup = (e: FormEvent) => {
    e.preventDefault();
    if (!citizenId || !consentId) return;
    open.reset();
    setParams({ citizenId: String(citizenId), consentId: String(consentId) });
  };

  const opened = open.data;
  return (
    <Stack>
      <PageTitle title={t('notices.office.title')} subtitle={t('notices.office.subtitle')} />
      <Card withBorder component="form" onSubmit={lookup} data-testid="office-consent-form">
        <Group align="flex-end">
          <NumberInput
            label={t('notices.office.citizenId')}
            value={citizenId}
            onChange={setCitizenId}
            min={1}
            allowDecimal={false}
            required
            data-testid="office-citizen-id"
          />
          <NumberInput
            label={t('notices.office.consentId')}
            description={t('notices.office.consentHint')}
            value={consentId}
            onChange={setConsentId}
            min={1}
            allowDecimal={false}
            required
            data-testid="office-consent-id"
          />
          <Button type="submit" data-testid="office-lookup">
            {t('notices.office.lookup')}
          </Button>
        </Group>
      </Card>
      <ProblemAlert error={notices.error} />
      {notices.data ? (
        <DataTable
          testId="office-notices"
          label={t('notices.office.caption')}
          columns={columns}
          rowKey={(n) => n.id}
          rows={notices.data.items}
          isFetching={notices.isFetching}
          pageSize="all"
          empty={t('notices.office.empty')}
          minWidth={640}
          rowProps={() => ({ 'data-testid': 'office-notice-row' })}
        />
      ) : null}
      <ProblemAlert error={open.error} />
      {opened ? (
        <Card withBorder data-testid="office-opened">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {opened.notice.title}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{opened.notice.body}</Text>
            {opened.notice.hearingAt ? (
              <Text fw={600}>
                {t('notices.office.hearingAt')}: <JalaliDate value={opened.notice.hearingAt} withTime />
              </Text>
            ) : null}
            {opened.notice.deadline ? (
              <Alert
                color="blue"
                data-testid="office-deadline"
                title={t('notices.office.deadline', {
                  days: digits(opened.notice.deadline.days),
                  left: digits(opened.notice.deadline.daysLeft),
                })}
              >
                <Stack gap={4}>
                  <DeadlineLine lastDay={opened.notice.deadline.lastDay} moved={opened.notice.deadline.moved} />
                  <CountingRule />
                </Stack>
              </Alert>
            ) : null}
            <Group>
              <Text>
                {t('notices.office.fee')}: <Money rials={opened.amountRials} />
              </Text>
              {opened.payment ? (
                <Anchor href={opened.payment.redirectUrl} data-testid="office-pay">
                  {t('notices.office.pay')}
                </Anchor>
              ) : null}
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
