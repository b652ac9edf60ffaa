/**
 * The proposal's figures beside the map: population newly covered (and as a share of the
 * province), coverage before and after, each new office's expected demand against its break-even,
 * the existing offices that lose demand, and what the solver did.
 */
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { SitingRun } from '../api/siting';
import { FromTo } from '#web/ui/Direction.tsx';
import { fromToText } from '#web/ui/reading-direction.ts';

type Proposed = SitingRun['proposal'][number];
type Loss = SitingRun['existingLosses'][number];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

export function ProposalFigures({ run }: { run: SitingRun }) {
  const { t } = useTranslation();
  const { count, digits, text, lang } = useDigits();
  const pct = (v: number) =>
    digits(new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 1 }).format(v)) +
    (lang === 'fa' ? '٪' : '%');
  const round = (v: number) => count(Math.round(v));
  const where = run.provinceName ? text(run.provinceName) : t('siting.form.wholeCountry');
  const c = run.coverage;

  const proposalColumns: DataColumn<Proposed>[] = [
    {
      key: 'rank',
      header: t('siting.result.rank'),
      cell: (p) => digits(p.rank),
      sortValue: (p) => p.rank,
      numeric: true,
    },
    {
      key: 'place',
      header: t('siting.result.place'),
      cell: (p) => (
        <>
          {text(p.name)}{' '}
          {p.kind === 'site' ? (
            <Badge size="xs" variant="outline">
              {t('siting.kind.site')}
            </Badge>
          ) : null}
        </>
      ),
      sortValue: (p) => text(p.name),
    },
    {
      key: 'demand',
      header: t('siting.result.demand'),
      cell: (p) => round(p.demand),
      sortValue: (p) => p.demand,
      csv: (p) => Math.round(p.demand),
      numeric: true,
    },
    {
      key: 'breakEven',
      header: t('siting.result.breakEven'),
      cell: (p) => round(p.breakEven),
      sortValue: (p) => p.breakEven,
      csv: (p) => Math.round(p.breakEven),
      numeric: true,
    },
  ];
  const lossColumns: DataColumn<Loss>[] = [
    {
      key: 'office',
      header: t('siting.result.office'),
      cell: (l) => (
        <>
          <bdi>{digits(l.code)}</bdi> {text(l.name)}
        </>
      ),
      sortValue: (l) => l.code,
      csv: (l) => `${l.code} ${text(l.name)}`,
    },
    {
      key: 'loss',
      header: t('siting.result.beforeAfter'),
      cell: (l) => <FromTo from={round(l.before)} to={round(l.after)} />,
      sortValue: (l) => l.before - l.after,
      csv: (l) => fromToText(Math.round(l.before), Math.round(l.after), lang),
      numeric: true,
    },
    {
      key: 'breakEven',
      header: t('siting.result.breakEven'),
      cell: (l) => round(l.breakEven),
      sortValue: (l) => l.breakEven,
      csv: (l) => Math.round(l.breakEven),
      numeric: true,
    },
  ];

  return (
    <Stack gap="sm" data-testid="siting-figures">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          {t('siting.result.title', { where })}
        </Title>
        <Badge variant="light" color={run.solver.optimal ? 'green' : 'gray'} data-testid="siting-solver-badge">
          {t(`siting.solver.${run.solver.name}`)}
          {run.solver.optimal ? ` · ${t('siting.result.optimal')}` : ''} ·{' '}
          {t('siting.result.millis', { ms: count(run.solver.millis) })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Figure
          label={t('siting.result.newlyCovered')}
          value={`${count(c.newlyCovered)} (${pct(c.gainPercent)})`}
          testId="siting-newly-covered"
        />
        <Figure label={t('siting.result.newOffices')} value={count(run.proposal.length)} testId="siting-new-offices" />
        <Figure
          label={t('siting.result.coveredBefore')}
          value={`${count(c.coveredBefore)} (${pct(c.beforePercent)})`}
          testId="siting-covered-before"
        />
        <Figure
          label={t('siting.result.coveredAfter')}
          value={`${count(c.coveredAfter)} (${pct(c.afterPercent)})`}
          testId="siting-covered-after"
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('siting.result.assumptions', {
          radius: digits(run.params.radiusKm),
          population: count(c.totalPopulation),
          breakEven: round(run.assumptions.newOfficeBreakEven),
          source: t(`siting.breakEvenSource.${run.assumptions.breakEvenSource}`),
          rate: digits(run.assumptions.demandPerPerson.toFixed(4)),
        })}
      </Text>

      {run.emptyReason ? (
        <Alert color="yellow" variant="light" data-testid="siting-empty">
          {t(`siting.result.empty.${run.emptyReason}`)}
        </Alert>
      ) : (
        <DataTable
          testId="siting-proposal"
          label={t('siting.result.title', { where })}
          columns={proposalColumns}
          rowKey={(p) => p.candidateId}
          rows={run.proposal}
          pageSize="all"
          minWidth={480}
          csvFileName="siting-proposal.csv"
          rowProps={() => ({ 'data-testid': 'siting-proposal-row' })}
        />
      )}

      <Title order={3} size="h5">
        {t('siting.result.losses')}
      </Title>
      <DataTable
        testId="siting-losses"
        label={t('siting.result.losses')}
        columns={lossColumns}
        rowKey={(l) => l.officeId}
        rows={run.existingLosses}
        sort={{ key: 'loss', dir: 'desc' }}
        empty={<span data-testid="siting-no-losses">{t('siting.result.noLosses')}</span>}
        minWidth={480}
        csvFileName="siting-losses.csv"
        rowProps={() => ({ 'data-testid': 'siting-loss-row' })}
      />
    </Stack>
  );
}
