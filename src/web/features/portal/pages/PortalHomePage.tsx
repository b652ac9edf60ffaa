import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLang } from '#web/app/i18n/index.ts';
import { useOnlineFilingServices } from '#web/features/catalog/api/services.ts';
import type { CallResult } from '#web/app/api-client.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { FilingStatusBadge } from '#web/ui/FilingStatusBadge.tsx';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOverview } from '../api/get-overview';
import { DeadlineInfo } from '../components/DeadlineInfo';
import { RefNumber } from '#web/ui/RefNumber.tsx';

type Overview = CallResult<'notices.myOverview'>;
type OwnFiling = Overview['filings'][number];
type OwnCase = Overview['cases'][number];

/** Statuses of a filing the citizen can still change and send on. */
const UNFINISHED = ['draft', 'confirmed'];

/** The filings a citizen may start online, each opening the wizard on that service. */
function StartOnline() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const services = useOnlineFilingServices();
  if (!services.data?.length) return null;
  return (
    <Card withBorder data-testid="portal-start">
      <Text fw={600}>{t('portal.start.title')}</Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('portal.start.hint')}
      </Text>
      <Group gap="xs" wrap="wrap">
        {services.data.map((s) => (
          <Button
            key={s.code}
            component={Link}
            to={`/filings/new?service=${encodeURIComponent(s.code)}`}
            variant="light"
            data-testid={`portal-start-${s.code}`}
          >
            {s.title[lang]}
          </Button>
        ))}
      </Group>
    </Card>
  );
}

/** Filings the citizen began online and has not sent yet: each opens again where it was left. */
function MyDrafts({ filings }: { filings: OwnFiling[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const services = useOnlineFilingServices();
  const titleOf = (code: string) => services.data?.find((s) => s.code === code)?.title[lang] ?? code;
  const drafts = filings.filter((f) => f.channel === 'online' && UNFINISHED.includes(f.status));
  return (
    <Stack gap="xs" data-testid="portal-drafts">
      <Title order={2} size="h3">
        {t('portal.drafts.title')}
      </Title>
      {drafts.length === 0 ? <Text c="dimmed">{t('portal.drafts.none')}</Text> : null}
      {drafts.map((f) => (
        <Card withBorder key={f.id} data-testid="portal-draft" data-id={f.id}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{titleOf(f.serviceCode)}</Text>
                <FilingStatusBadge status={f.status} />
              </Group>
              {f.subject ? (
                <Text size="sm" dir="auto">
                  {f.subject}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('portal.drafts.startedAt')}: <JalaliDate value={f.createdAt} />
              </Text>
            </Stack>
            <Button
              component={Link}
              to={`/filings/new?id=${f.id}`}
              data-testid={`portal-draft-continue-${f.id}`}
              aria-label={t('portal.drafts.continueLabel', { subject: f.subject || titleOf(f.serviceCode) })}
            >
              {t('portal.drafts.continue')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** /me — the citizen's own desk: starting a filing online, drafts left to finish, notices with their deadlines, filings and cases. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const { text, digits, count } = useDigits();
  const overview = useOverview();
  const o = overview.data;

  const filingColumns: DataColumn<OwnFiling>[] = [
    {
      key: 'trackingCode',
      header: t('portal.filing.trackingCode'),
      cell: (f) => (f.trackingCode ? <RefNumber value={f.trackingCode} /> : '—'),
    },
    {
      key: 'subject',
      header: t('portal.filing.subject'),
      cell: (f) => (
        <Anchor component={Link} to={`/filings/${f.id}`} dir="auto" data-testid={`portal-filing-open-${f.id}`}>
          {f.subject || t('portal.filing.untitled')}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('portal.filing.status'),
      cell: (f) => (
        <>
          <FilingStatusBadge status={f.status} />
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
        </>
      ),
    },
    { key: 'court', header: t('portal.filing.court'), cell: (f) => (f.court ? text(f.court.name) : '—') },
    {
      key: 'date',
      header: t('portal.filing.date'),
      cell: (f) => <JalaliDate value={f.submittedAt ?? f.createdAt} />,
      sortValue: (f) => f.submittedAt ?? f.createdAt,
      numeric: true,
    },
  ];
  const caseColumns: DataColumn<OwnCase>[] = [
    { key: 'caseNumber', header: t('portal.caseNumber'), cell: (c) => <RefNumber value={c.caseNumber} /> },
    { key: 'subject', header: t('portal.filing.subject'), cell: (c) => c.subject },
    {
      key: 'court',
      header: t('portal.filing.court'),
      cell: (c) => `${text(c.court.name)} — ${t('portal.branchN', { n: digits(c.branch) })}`,
    },
    { key: 'role', header: t('portal.case.role'), cell: (c) => t(`portal.roles.${c.role}`, { defaultValue: c.role }) },
    {
      key: 'openedAt',
      header: t('portal.case.openedAt'),
      cell: (c) => <JalaliDate value={c.openedAt} />,
      sortValue: (c) => c.openedAt,
      numeric: true,
    },
  ];

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

          <StartOnline />
          <MyDrafts filings={o.filings} />

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
          <DataTable
            testId="portal-filings"
            label={t('portal.home.filings')}
            columns={filingColumns}
            rowKey={(f) => f.id}
            rows={o.filings}
            minWidth={640}
            empty={t('portal.home.noFilings')}
            rowProps={() => ({ 'data-testid': 'portal-filing' })}
          />

          <Title order={2} size="h3">
            {t('portal.home.cases')}
          </Title>
          <DataTable
            testId="portal-cases"
            label={t('portal.home.cases')}
            columns={caseColumns}
            rowKey={(c) => `${c.id}-${c.role}`}
            rows={o.cases}
            minWidth={560}
            empty={t('portal.home.noCases')}
            rowProps={() => ({ 'data-testid': 'portal-case' })}
          />
        </>
      ) : overview.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
