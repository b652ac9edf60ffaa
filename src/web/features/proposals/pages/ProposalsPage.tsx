/**
 * /proposals — the proposals for new office services with their clocks (the regulator's review
 * queue, the association's follow-up), oldest open first, and the board's figures for the year.
 */
import '../i18n/index.ts';
import { Anchor, Badge, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type Proposal, usePilotsDue, useProposalDashboard, useProposals } from '../api/proposals';
import { ClockText } from '../components/ClockText';
import { LimitsCard } from '../components/LimitsCard';

export const STATUS_COLOR: Record<Proposal['status'], string> = {
  received: 'blue',
  'in-review': 'indigo',
  approved: 'teal',
  'approved-with-changes': 'green',
  rejected: 'red',
};

/** The clock that runs now, or the last one that ran. */
export const currentClock = (p: Proposal) => p.clocks.decision ?? p.clocks.completeness;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const query = useProposalDashboard();
  const d = query.data;
  if (!d) return <ProblemAlert error={query.error} />;
  const n = (v: number | null) => (v == null ? '—' : digits(v));
  return (
    <Stack gap="xs" data-testid="proposal-dashboard">
      <Title order={2} size="h4">
        {t('proposals.dashboard.title', { year: digits(d.year) })}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('proposals.dashboard.received')} value={n(d.received)} testId="dash-received" />
        <Figure
          label={t('proposals.dashboard.toCompleteness')}
          value={n(d.averageDaysToCompleteness)}
          testId="dash-to-completeness"
        />
        <Figure
          label={t('proposals.dashboard.toDecision')}
          value={n(d.averageDaysToDecision)}
          testId="dash-to-decision"
        />
        <Figure
          label={t('proposals.dashboard.withinLimits')}
          value={d.withinLimitsShare == null ? '—' : `${digits(Math.round(d.withinLimitsShare * 100))}٪`}
          testId="dash-within"
        />
        <Figure label={t('proposals.dashboard.overdue')} value={n(d.overdue.count)} testId="dash-overdue" />
        <Figure
          label={t('proposals.dashboard.overdueDays')}
          value={n(d.overdue.averageDaysOver)}
          testId="dash-overdue-days"
        />
        <Figure label={t('proposals.dashboard.backlog')} value={n(d.backlog.open)} testId="dash-backlog" />
        <Figure
          label={t('proposals.dashboard.backlogAge')}
          value={n(d.backlog.averageAgeDays)}
          testId="dash-backlog-age"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Approved pilots whose end review is due: the regulator's to adopt, extend or end. */
function PilotsDue({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const query = usePilotsDue(enabled);
  const items = query.data?.items ?? [];
  if (!enabled || items.length === 0) return null;
  return (
    <Card withBorder data-testid="pilots-due">
      <Title order={2} size="h4" mb="xs">
        {t('proposals.pilot.dueTitle')}
      </Title>
      <Stack gap={4}>
        {items.map((p) => (
          <Group key={p.id} gap="xs" wrap="wrap" data-testid="pilot-due-row">
            <Anchor component={Link} to={`/proposals/${p.id}`}>
              {text(p.service.title)}
            </Anchor>
            <Badge variant="light" color={p.pilotReview?.state === 'lapsed' ? 'red' : 'orange'}>
              {t(`proposals.pilot.states.${p.pilotReview?.state ?? 'due'}`)}
            </Badge>
            <Text size="sm">
              {t('proposals.pilot.lastDay')}: {p.pilotReview ? <JalaliDate value={p.pilotReview.pilotUntil} /> : '—'}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export function ProposalsPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const { user } = useAuth();
  const [open, setOpen] = useState(true);
  const query = useProposals(open);
  const filer = (user?.roles ?? []).some((g) => g.role === 'association_admin' && g.scope.kind === 'nation');
  const regulator = (user?.roles ?? []).some((g) => g.role === 'regulator_admin');

  const columns: DataColumn<Proposal>[] = [
    {
      key: 'id',
      header: t('proposals.columns.id'),
      cell: (p) => <PersianDigits ltr>{p.id}</PersianDigits>,
      csv: (p) => p.id,
      numeric: true,
    },
    {
      key: 'service',
      header: t('proposals.columns.service'),
      cell: (p) => (
        <Anchor component={Link} to={`/proposals/${p.id}`} data-testid="proposal-link">
          {text(p.service.title)}
        </Anchor>
      ),
      csv: (p) => text(p.service.title),
      rowHeader: true,
    },
    {
      key: 'kind',
      header: t('proposals.columns.kind'),
      cell: (p) => t(`proposals.kinds.${p.kind}`),
      csv: (p) => t(`proposals.kinds.${p.kind}`),
    },
    {
      key: 'received',
      header: t('proposals.columns.received'),
      cell: (p) => <JalaliDate value={p.receivedOn} />,
      sortValue: (p) => p.receivedOn,
      numeric: true,
    },
    {
      key: 'status',
      header: t('proposals.columns.status'),
      cell: (p) => (
        <Badge variant="light" color={STATUS_COLOR[p.status]}>
          {t(`proposals.status.${p.status}`)}
        </Badge>
      ),
      csv: (p) => t(`proposals.status.${p.status}`),
    },
    {
      key: 'clock',
      header: t('proposals.columns.clock'),
      cell: (p) => <ClockText clock={currentClock(p)} testId="proposal-clock" />,
      csv: (p) => `${currentClock(p).elapsed}/${currentClock(p).limitDays}`,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('proposals.title')}
        subtitle={t('proposals.subtitle')}
        actions={
          <Group>
            {filer ? (
              <Anchor component={Link} to="/proposals/new" data-testid="proposal-new">
                {t('proposals.new')}
              </Anchor>
            ) : null}
            <Anchor component={Link} to="/proposals/in-review">
              {t('proposals.publicLink')}
            </Anchor>
          </Group>
        }
      />
      <Dashboard />
      <PilotsDue enabled={regulator} />
      <Checkbox
        label={t('proposals.openOnly')}
        checked={open}
        onChange={(e) => setOpen(e.currentTarget.checked)}
        data-testid="proposals-open-only"
      />
      <DataTable
        testId="proposals-table"
        caption={t('proposals.caption')}
        columns={columns}
        rowKey={(p) => p.id}
        rows={query.data?.items}
        isPending={query.isPending}
        isFetching={query.isFetching}
        error={query.error}
        minWidth={900}
        csvFileName="proposals.csv"
        rowProps={(p) => ({ 'data-testid': 'proposal-row', 'data-proposal-id': p.id })}
      />
      <LimitsCard editable={regulator} />
    </Stack>
  );
}
