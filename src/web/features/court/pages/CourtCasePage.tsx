import '../i18n/index.ts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { useAuth } from '#web/app/auth.tsx';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { type CourtCase, useCase } from '../api/get-cases';
import { DecisionDocument } from '../components/DecisionDocument';
import { IssueNoticeForm } from '../components/IssueNoticeForm';
import { PaperServicePanel } from '../components/PaperServicePanel';

type Party = CourtCase['parties'][number];
type Delivery = CourtCase['notices'][number]['deliveries'][number];

/**
 * /court/cases/:id — a case: parties, the notices issued with each party's delivery (electronic,
 * or on paper by the court's bailiff for a party without an e-account), the signed decision, and
 * the issue-notice form.
 */
export function CourtCasePage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { user } = useAuth();
  const { id = '' } = useParams();
  const kase = useCase(Number(id));
  const c = kase.data;
  const recipients = c ? c.parties.filter((p) => p.hasEAccount).length : 0;
  const onPaper = c ? c.parties.length - recipients : 0;
  const may = (action: 'notices.serve-paper' | 'notices.attach-document') =>
    !!user?.roles.some((g) => (PERMISSIONS[action] as readonly string[]).includes(g.role));

  const partyColumns: DataColumn<Party>[] = [
    { key: 'role', header: t('court.fields.role'), cell: (p) => t(`court.roles.${p.role}`, { defaultValue: p.role }) },
    { key: 'name', header: t('court.fields.name'), rowHeader: true, cell: (p) => p.name },
    {
      key: 'eAccount',
      header: t('court.fields.eAccount'),
      cell: (p) => (p.hasEAccount ? t('court.yes') : t('court.noEAccount')),
    },
  ];
  const deliveryColumns: DataColumn<Delivery>[] = [
    { key: 'name', header: t('court.paper.party'), rowHeader: true, cell: (d) => d.name },
    {
      key: 'delivered',
      header: t('court.paper.status'),
      cell: (d) =>
        d.deliveredAt ? (
          <>
            {t('court.case.delivered', { channel: t(`court.deliveryChannel.${d.channel ?? 'online'}`) })}{' '}
            <JalaliDate value={d.deliveredAt} withTime />
          </>
        ) : (
          <Text span c="dimmed">
            {t('court.case.notDelivered')}
          </Text>
        ),
    },
    {
      key: 'deadline',
      header: t('court.case.deadlineHeader'),
      cell: (d) =>
        d.deadlineDate ? (
          <>
            {t('court.case.deadline', { days: digits(d.deadlineDays ?? 0) })} <JalaliDate value={d.deadlineDate} />
          </>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('court.case.title')}
        subtitle={c ? <RefNumber value={c.caseNumber} /> : undefined}
        actions={
          <Anchor component={Link} to="/court/cases">
            {t('court.case.back')}
          </Anchor>
        }
      />
      <ProblemAlert error={kase.error} />
      {c ? (
        <>
          <Card withBorder data-testid="court-case">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text>
                <b>{t('court.fields.caseNumber')}:</b> <RefNumber value={c.caseNumber} />
              </Text>
              <Text>
                <b>{t('court.fields.court')}:</b> {text(c.court.name)} — {t('court.branchN', { n: digits(c.branch) })}
              </Text>
              <Text>
                <b>{t('court.fields.subject')}:</b> {c.subject}
              </Text>
              <Text>
                <b>{t('court.fields.openedAt')}:</b> <JalaliDate value={c.openedAt} />
              </Text>
            </SimpleGrid>
          </Card>

          <Title order={2} size="h4">
            {t('court.fields.parties')}
          </Title>
          <DataTable
            testId="case-parties"
            label={t('court.fields.parties')}
            columns={partyColumns}
            rowKey={(p) => p.id}
            rows={c.parties}
            pageSize="all"
            minWidth={480}
          />

          <Title order={2} size="h4">
            {t('court.case.notices')}
          </Title>
          <Stack data-testid="case-notices">
            {c.notices.length === 0 ? <Text c="dimmed">{t('court.case.noNotices')}</Text> : null}
            {c.notices.map((n) => (
              <Card withBorder key={n.id} data-testid="case-notice" data-notice={n.id}>
                <Group justify="space-between">
                  <Group gap="xs">
                    <Badge variant="light">{t(`court.kinds.${n.kind}`)}</Badge>
                    <Text fw={600}>{n.title}</Text>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('court.case.issuedAt')}: <JalaliDate value={n.issuedAt} withTime />
                  </Text>
                </Group>
                {n.hearingAt ? (
                  <Text size="sm" mt={4}>
                    {t('court.case.hearingAt')}: <JalaliDate value={n.hearingAt} withTime />
                  </Text>
                ) : null}
                {n.deliveries.length ? (
                  <Stack gap="xs" mt="xs">
                    <DataTable
                      testId="notice-deliveries"
                      label={t('court.case.deliveries')}
                      columns={deliveryColumns}
                      rowKey={(d) => d.citizenId}
                      rows={n.deliveries}
                      pageSize="all"
                      minWidth={560}
                    />
                  </Stack>
                ) : null}
                <PaperServicePanel
                  caseId={c.id}
                  notice={n}
                  parties={c.parties}
                  mayRecord={may('notices.serve-paper')}
                />
                <DecisionDocument notice={n} mayAttach={may('notices.attach-document')} />
              </Card>
            ))}
          </Stack>

          {user?.roles.some((g) => (PERMISSIONS['hearings.schedule'] as readonly string[]).includes(g.role)) ? (
            <Group>
              <Anchor component={Link} to={`/hearings/new?case=${c.id}`} data-testid="schedule-hearing-link">
                {t('court.case.scheduleHearing')}
              </Anchor>
            </Group>
          ) : null}
          <IssueNoticeForm caseId={c.id} recipients={recipients} onPaper={onPaper} />
        </>
      ) : kase.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
