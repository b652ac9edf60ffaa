/**
 * /quality/offices/:id — one office's quality for a Jalali month: its score with how sure it is, its
 * rank, what pulled it down and its trend; each measured figure with its count, the court's reasons
 * for its returns, and each operator's part. The province's inspector and association record an
 * inspection here.
 */
import '../i18n/index.ts';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PERMISSIONS } from '#server/platform/auth/permissions';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type OfficeQualityFacts, useOfficeQualityFacts } from '../api/quality-facts';
import { useOfficeQualityScore } from '../api/quality-scores';
import { factColumns } from '../components/fact-columns';
import { formatOutOfFive, formatPercent } from '../components/figures';
import { InspectionForm } from '../components/InspectionForm';
import { MonthSelect, thisJalaliMonth } from '../components/MonthSelect';
import { ScorePanel } from '../components/ScorePanel';

type OperatorRow = OfficeQualityFacts['operators'][number];
type ReasonRow = OfficeQualityFacts['facts']['returned']['reasons'][number];

function Headline({ label, value, n, testId }: { label: string; value: string; n: string; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" data-testid={`${testId}-count`}>
        {n}
      </Text>
    </Card>
  );
}

export function OfficeQualityPage() {
  const { t } = useTranslation();
  const digits = useDigits();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? thisJalaliMonth();
  const query = useOfficeQualityFacts(id, month);
  const score = useOfficeQualityScore(id, month);
  const data = query.data;
  const { hasRole } = useAuth();
  // The server decides whose province it is; the button is only offered to the roles that may inspect.
  const mayInspect = hasRole(...PERMISSIONS['quality.inspections.record']);
  const [inspecting, setInspecting] = useState(false);
  const minutes = (m: number | null) => (m == null ? '—' : t('quality.minutes', { n: digits.count(m) }));
  const percent = (p: number | null) => (p == null ? '—' : formatPercent(p, digits.lang));
  const on = (n: number) => t('quality.measuredOn', { count: n, n: digits.count(n) });

  const operatorColumns: DataColumn<OperatorRow>[] = [
    { key: 'name', header: t('quality.operator'), cell: (o) => o.name, sortValue: (o) => o.name, rowHeader: true },
    ...factColumns<OperatorRow>((o) => o.facts, t, digits),
  ];
  const reasonColumns: DataColumn<ReasonRow>[] = [
    {
      key: 'reasons',
      header: t('quality.reasons'),
      cell: (r) => r.reasons,
      sortValue: (r) => r.reasons,
      rowHeader: true,
    },
    {
      key: 'count',
      header: t('quality.times'),
      cell: (r) => digits.count(r.count),
      sortValue: (r) => r.count,
      numeric: true,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={data ? digits.text(data.office.name) : t('quality.officeTitle')}
        subtitle={t('quality.officeSubtitle')}
        actions={
          <Group>
            {mayInspect && !inspecting ? (
              <Button variant="light" onClick={() => setInspecting(true)} data-testid="inspection-open">
                {t('quality.inspection.open')}
              </Button>
            ) : null}
            <Anchor component={Link} to={`/quality?month=${month}`} data-testid="quality-back">
              {t('quality.back')}
            </Anchor>
          </Group>
        }
      />
      <MonthSelect value={month} onChange={(m) => setParams({ month: m }, { replace: true })} />
      <ProblemAlert error={query.error} />
      {inspecting ? <InspectionForm officeId={id} onDone={() => setInspecting(false)} /> : null}
      {score.data ? <ScorePanel data={score.data} /> : null}
      {data ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            <Headline
              testId="headline-waiting"
              label={t('quality.facts.waiting')}
              value={minutes(data.facts.waiting.medianMinutes)}
              n={on(data.facts.waiting.count)}
            />
            <Headline
              testId="headline-service"
              label={t('quality.facts.service')}
              value={minutes(data.facts.service.medianMinutes)}
              n={on(data.facts.service.count)}
            />
            <Headline
              testId="headline-returned"
              label={t('quality.facts.returned')}
              value={percent(data.facts.returned.percent)}
              n={on(data.facts.returned.count)}
            />
            <Headline
              testId="headline-same-day"
              label={t('quality.facts.sameDay')}
              value={percent(data.facts.sameDay.percent)}
              n={on(data.facts.sameDay.count)}
            />
            <Headline
              testId="headline-notices"
              label={t('quality.facts.notices')}
              value={digits.count(data.facts.noticesAtOffice.count)}
              n={t('quality.noticesNote')}
            />
            <Headline
              testId="headline-payments"
              label={t('quality.facts.paymentsCancelled')}
              value={percent(data.facts.paymentsCancelled.percent)}
              n={on(data.facts.paymentsCancelled.count)}
            />
            <Headline
              testId="headline-feedback"
              label={t('quality.facts.feedback')}
              value={formatOutOfFive(data.facts.feedback.meanSatisfaction, digits.lang, t)}
              n={t('quality.feedbackNote', {
                n: digits.count(data.facts.feedback.count),
                back: percent(data.facts.feedback.wouldReturn.percent),
              })}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('quality.waitingNote', {
              p90: minutes(data.facts.waiting.p90Minutes),
              cancelled: digits.count(data.facts.ticketsCancelled.part),
              tickets: digits.count(data.facts.ticketsCancelled.count),
            })}
          </Text>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('quality.reasonsTitle')}
            </Title>
            <DataTable
              testId="quality-reasons"
              label={t('quality.reasonsTitle')}
              columns={reasonColumns}
              rowKey={(r) => r.reasons}
              rows={data.facts.returned.reasons}
              pageSize="all"
              empty={t('quality.noReturns')}
              rowProps={() => ({ 'data-testid': 'quality-reason-row' })}
            />
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('quality.operatorsTitle')}
            </Title>
            <DataTable
              testId="quality-operators"
              label={t('quality.operatorsTitle')}
              columns={operatorColumns}
              rowKey={(o) => o.userId}
              rows={data.operators}
              isFetching={query.isFetching}
              pageSize="all"
              minWidth={900}
              empty={t('quality.noOperators')}
              csvFileName={`quality-${data.office.code}-${month}.csv`}
              rowProps={(o) => ({ 'data-testid': 'quality-operator-row', 'data-user': o.userId })}
            />
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
