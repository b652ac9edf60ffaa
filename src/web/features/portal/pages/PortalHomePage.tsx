import '../i18n/index.ts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOverview } from '../api/get-overview';
import { DeadlineInfo } from '../components/DeadlineInfo';
import { RefNumber } from '#web/ui/RefNumber.tsx';

const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  confirmed: 'blue',
  paid: 'blue',
  submitted: 'indigo',
  accepted: 'teal',
  returned: 'orange',
};

/** /me — the citizen's own desk: notices with their deadlines, filings and cases. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const { text, digits, count } = useDigits();
  const overview = useOverview();
  const o = overview.data;

  return (
    <Stack>
      <PageTitle title={t('portal.home.title')} subtitle={t('portal.home.subtitle')} />
      <ProblemAlert error={overview.error} />
      {o ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder data-testid="portal-count-notices">
              <Text c="dimmed" size="sm">
                {t('portal.home.notices')}
              </Text>
              <Text fw={700} size="xl">
                {count(o.totals.notices)}
              </Text>
              {o.totals.undeliveredNotices > 0 ? (
                <Badge color="red" variant="light">
                  {t('portal.home.unread', { n: digits(o.totals.undeliveredNotices) })}
                </Badge>
              ) : null}
            </Card>
            <Card withBorder data-testid="portal-count-filings">
              <Text c="dimmed" size="sm">
                {t('portal.home.filings')}
              </Text>
              <Text fw={700} size="xl">
                {count(o.totals.filings)}
              </Text>
            </Card>
            <Card withBorder data-testid="portal-count-cases">
              <Text c="dimmed" size="sm">
                {t('portal.home.cases')}
              </Text>
              <Text fw={700} size="xl">
                {count(o.totals.cases)}
              </Text>
            </Card>
          </SimpleGrid>

          <Title order={2} size="h3">
            {t('portal.home.notices')}
          </Title>
          <Stack data-testid="portal-notices">
            {o.notices.length === 0 ? <Text c="dimmed">{t('portal.home.noNotices')}</Text> : null}
            {o.notices.map((n) => (
              <Card withBorder key={n.id} data-testid="portal-notice" data-delivered={n.delivered}>
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Badge variant="light">{t(`portal.kinds.${n.kind}`)}</Badge>
                      {!n.delivered ? <Badge color="red">{t('portal.notice.new')}</Badge> : null}
                      <Anchor
                        component={Link}
                        to={`/me/notices/${n.id}`}
                        fw={600}
                        data-testid={`portal-open-notice-${n.id}`}
                      >
                        {n.title}
                      </Anchor>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {text(n.case.court.name)} — {t('portal.branchN', { n: digits(n.case.branch) })} —{' '}
                      {t('portal.caseNumber')} <RefNumber value={n.case.caseNumber} />
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('portal.notice.issuedAt')}: <JalaliDate value={n.issuedAt} />
                      {n.hearingAt ? (
                        <>
                          {' — '}
                          {t('portal.notice.hearingAt')}: <JalaliDate value={n.hearingAt} withTime />
                        </>
                      ) : null}
                    </Text>
                  </Stack>
                  {n.deadline ? (
                    <DeadlineInfo deadline={n.deadline} compact />
                  ) : !n.delivered ? (
                    <Text size="sm" c="dimmed" maw={280}>
                      {t('portal.notice.openToStart')}
                    </Text>
                  ) : null}
                </Group>
              </Card>
            ))}
          </Stack>

          <Title order={2} size="h3">
            {t('portal.home.filings')}
          </Title>
          <Table.ScrollContainer minWidth={700}>
            <Table striped withTableBorder data-testid="portal-filings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portal.filing.trackingCode')}</Table.Th>
                  <Table.Th scope="col">{t('portal.filing.subject')}</Table.Th>
                  <Table.Th scope="col">{t('portal.filing.status')}</Table.Th>
                  <Table.Th scope="col">{t('portal.filing.court')}</Table.Th>
                  <Table.Th scope="col">{t('portal.filing.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.filings.map((f) => (
                  <Table.Tr key={f.id} data-testid="portal-filing">
                    <Table.Td>{f.trackingCode ? <RefNumber value={f.trackingCode} /> : '—'}</Table.Td>
                    <Table.Td>{f.subject}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[f.status] ?? 'gray'}>
                        {t(`portal.status.${f.status}`, { defaultValue: f.status })}
                      </Badge>
                      {f.caseNumber ? (
                        <Text size="xs">
                          {t('portal.caseNumber')} <RefNumber value={f.caseNumber} />
                        </Text>
                      ) : null}
                      {f.returnReasons ? (
                        <Text size="xs" c="orange.9">
                          {f.returnReasons}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{f.court ? text(f.court.name) : '—'}</Table.Td>
                    <Table.Td>
                      <JalaliDate value={f.submittedAt ?? f.createdAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {o.filings.length === 0 ? <Text c="dimmed">{t('portal.home.noFilings')}</Text> : null}

          <Title order={2} size="h3">
            {t('portal.home.cases')}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table striped withTableBorder data-testid="portal-cases">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portal.caseNumber')}</Table.Th>
                  <Table.Th scope="col">{t('portal.filing.subject')}</Table.Th>
                  <Table.Th scope="col">{t('portal.filing.court')}</Table.Th>
                  <Table.Th scope="col">{t('portal.case.role')}</Table.Th>
                  <Table.Th scope="col">{t('portal.case.openedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.cases.map((c) => (
                  <Table.Tr key={`${c.id}-${c.role}`} data-testid="portal-case">
                    <Table.Td>
                      <RefNumber value={c.caseNumber} />
                    </Table.Td>
                    <Table.Td>{c.subject}</Table.Td>
                    <Table.Td>
                      {text(c.court.name)} — {t('portal.branchN', { n: digits(c.branch) })}
                    </Table.Td>
                    <Table.Td>{t(`portal.roles.${c.role}`, { defaultValue: c.role })}</Table.Td>
                    <Table.Td>
                      <JalaliDate value={c.openedAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {o.cases.length === 0 ? <Text c="dimmed">{t('portal.home.noCases')}</Text> : null}
        </>
      ) : overview.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
