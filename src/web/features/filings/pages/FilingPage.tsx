/** One filing: its state, tracking code, parties, attachments, quote, payment and the timeline, with the next step's button. */
import '../i18n/index.ts';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useConfirmFiling, usePayFiling } from '../api/filing-steps';
import { type Filing, useFiling } from '../api/get-filing';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { QuoteTable } from '../components/QuoteTable';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { isolatedRefNumber } from '#web/ui/ref-number.ts';
import { FromTo, NameWithNumber } from '#web/ui/Direction.tsx';

export function FilingPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const id = Number(useParams().id);
  const query = useFiling(id);
  const confirm = useConfirmFiling(id);
  const pay = usePayFiling(id);
  const f = query.data;
  if (query.error) return <ProblemAlert error={query.error} />;
  if (!f) return <Text>{t('common.loading')}</Text>;
  const partyColumns: DataColumn<Filing['parties'][number]>[] = [
    { key: 'role', header: t('filings.party.role'), cell: (p) => t(`filings.role.${p.role}`) },
    { key: 'name', header: t('filings.party.name'), rowHeader: true, cell: (p) => p.name },
    {
      key: 'nationalId',
      header: t('filings.party.nationalId'),
      cell: (p) => (p.nationalId ? <bdi dir="ltr">{digits(p.nationalId)}</bdi> : '—'),
    },
  ];
  return (
    <Stack data-testid="filing-page">
      <PageTitle
        title={`${f.service.title[lang]} — ${digits(f.id)}`}
        subtitle={f.subject}
        actions={<FilingStatusBadge status={f.status} />}
      />
      {f.trackingCode ? (
        <Card withBorder data-testid="tracking-code-card">
          <Text size="sm" c="dimmed">
            {t('filings.trackingCode')}
          </Text>
          <Text fz={36} fw={800} style={{ letterSpacing: 4 }} ta="center">
            <RefNumber value={f.trackingCode} data-testid="tracking-code" />
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            {t('filings.trackingHint')}
          </Text>
          <Group justify="center" mt="xs">
            <Button component={Link} to={`/filings/${f.id}/slip`} variant="light" data-testid="action-slip">
              {t('filings.actions.slip')}
            </Button>
          </Group>
        </Card>
      ) : null}
      {f.status === 'returned' && f.returnReasons ? (
        <Alert color="orange" title={t('filings.returnedTitle')} data-testid="return-reasons">
          {f.returnReasons}
        </Alert>
      ) : null}
      {f.status === 'accepted' ? (
        <Alert color="teal" data-testid="accepted-info">
          {t('filings.acceptedInfo', {
            caseNumber: isolatedRefNumber(f.caseNumber ?? '', lang),
            branch: digits(f.branch ?? 0),
          })}
        </Alert>
      ) : null}
      <Group data-testid="filing-actions">
        {f.actions.includes('edit') ? (
          <Button component={Link} to={`/filings/new?id=${f.id}`} variant="default" data-testid="action-edit">
            {t('filings.actions.edit')}
          </Button>
        ) : null}
        <Button
          component="a"
          href={`/api/v1/filings/${f.id}/print`}
          target="_blank"
          variant="default"
          data-testid="action-print"
        >
          {t('filings.actions.print')}
        </Button>
        {f.actions.includes('confirm') ? (
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending} data-testid="action-confirm">
            {t('filings.actions.confirm')}
          </Button>
        ) : null}
        {f.actions.includes('pay') ? (
          <Button
            color="teal"
            onClick={() => pay.mutate(undefined, { onSuccess: (p) => window.location.assign(p.redirectUrl) })}
            loading={pay.isPending}
            data-testid="action-pay"
          >
            {t('filings.actions.pay')}
          </Button>
        ) : null}
        {f.actions.includes('submit') ? (
          // Sent from the wizard's last step, after its confirmation, where the slip is printed.
          <Button color="indigo" component={Link} to={`/filings/new?id=${f.id}`} data-testid="action-submit">
            {t('filings.actions.send')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={confirm.error ?? pay.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('filings.details')}
          </Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('filings.fields.applicant')}</Table.Th>
                <Table.Td>
                  <NameWithNumber name={f.applicant.name} number={f.applicant.nationalId} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('filings.fields.channel')}</Table.Th>
                <Table.Td>{t(`filings.channel.${f.channel}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('filings.fields.court')}</Table.Th>
                <Table.Td>
                  {f.court
                    ? `${f.court.name[lang]}${f.branch ? ` — ${t('filings.court.branchN', { n: digits(f.branch) })}` : ''}`
                    : '—'}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('filings.fields.createdAt')}</Table.Th>
                <Table.Td>
                  <JalaliDate value={f.createdAt} withTime />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('filings.payment.paid')}</Table.Th>
                <Table.Td data-testid="paid-rials">
                  <Money rials={f.payment.paidRials} />
                </Table.Td>
              </Table.Tr>
              {f.payment.dueRials ? (
                <Table.Tr>
                  <Table.Th>{t('filings.payment.due')}</Table.Th>
                  <Table.Td>
                    <Money rials={f.payment.dueRials} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h6" mt="md" mb="xs">
            {t('filings.parties')}
          </Title>
          <DataTable
            testId="parties-table"
            label={t('filings.parties')}
            columns={partyColumns}
            rowKey={(p) => p.id}
            rows={f.parties}
            pageSize="all"
            minWidth={360}
          />
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('filings.timeline')}
          </Title>
          <Timeline active={f.events.length - 1} bulletSize={14} data-testid="timeline">
            {f.events.map((e) => (
              <Timeline.Item key={e.id} title={t(`filings.event.${e.action}`, { defaultValue: e.action })}>
                <Text size="xs" c="dimmed">
                  <JalaliDate value={e.at} withTime /> — {t(`filings.channel.${e.channel}`)}
                  {e.actor.name ? (
                    <>
                      {' — '}
                      <bdi>{e.actor.name}</bdi>
                    </>
                  ) : null}
                </Text>
                {e.fromStatus !== e.toStatus && e.toStatus ? (
                  <Text size="xs">
                    <FromTo
                      from={e.fromStatus ? t(`filingStatus.${e.fromStatus}`) : null}
                      to={t(`filingStatus.${e.toStatus}`)}
                    />
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs">
          {t('filings.wizard.attachments')}
        </Title>
        <AttachmentsPanel filing={f} editable={false} />
      </Card>
      {f.quote ? (
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('filings.wizard.quote')}
          </Title>
          <QuoteTable quote={f.quote} />
        </Card>
      ) : null}
    </Stack>
  );
}
