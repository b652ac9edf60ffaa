/**
 * The proposal's figures beside the map: population newly covered (and as a share of the
 * province), coverage before and after, each new office's expected demand against its break-even,
 * the existing offices that lose demand, and what the solver did.
 */
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { SitingRun } from '../api/siting';

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
        <Table striped withTableBorder data-testid="siting-proposal">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('siting.result.rank')}</Table.Th>
              <Table.Th>{t('siting.result.place')}</Table.Th>
              <Table.Th>{t('siting.result.demand')}</Table.Th>
              <Table.Th>{t('siting.result.breakEven')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.proposal.map((p) => (
              <Table.Tr key={p.candidateId} data-testid="siting-proposal-row">
                <Table.Td>{digits(p.rank)}</Table.Td>
                <Table.Td>
                  {text(p.name)}{' '}
                  {p.kind === 'site' ? (
                    <Badge size="xs" variant="outline">
                      {t('siting.kind.site')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{round(p.demand)}</Table.Td>
                <Table.Td>{round(p.breakEven)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3} size="h5">
        {t('siting.result.losses')}
      </Title>
      {run.existingLosses.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="siting-no-losses">
          {t('siting.result.noLosses')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="siting-losses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('siting.result.office')}</Table.Th>
              <Table.Th>{t('siting.result.beforeAfter')}</Table.Th>
              <Table.Th>{t('siting.result.breakEven')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.existingLosses.map((l) => (
              <Table.Tr key={l.officeId} data-testid="siting-loss-row">
                <Table.Td>
                  <bdi>{digits(l.code)}</bdi> {text(l.name)}
                </Table.Td>
                <Table.Td>
                  {round(l.before)} {t('siting.result.arrow')} {round(l.after)}
                </Table.Td>
                <Table.Td>{round(l.breakEven)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
