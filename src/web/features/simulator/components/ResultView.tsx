/**
 * A simulation's result: what was compared and assumed, the summary cards, the charts, the tables
 * per service, province and office, and the exports of the saved run.
 */
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { changePercent } from '#core/simulation-figures';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { Count, useDigits } from '#web/ui/PersianDigits.tsx';
import {
  exportUrls,
  type OfficeResult,
  type ProvinceResult,
  type ServiceResult,
  type SimulationResult,
} from '../api/simulator';
import { ResultCharts } from './ResultCharts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { FromTo } from '#web/ui/Direction.tsx';

function Percent({ value }: { value: number | null }) {
  const { lang } = useLang();
  if (value == null) return <>—</>;
  const text = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
  return (
    <bdi>
      {text}
      {lang === 'fa' ? '٪' : '%'}
    </bdi>
  );
}

function Change({ rials }: { rials: number }) {
  return (
    <Text span c={rials > 0 ? 'orange.9' : rials < 0 ? 'green.9' : undefined} inherit>
      {rials > 0 ? '+' : ''}
      <Money rials={rials} />
    </Text>
  );
}

function SummaryCard({
  label,
  before,
  after,
  money = true,
  testId,
  lowerIsBetter = true,
}: {
  label: string;
  before: number;
  after: number;
  money?: boolean;
  testId: string;
  lowerIsBetter?: boolean;
}) {
  const { t } = useTranslation();
  const change = after - before;
  const color = change === 0 ? 'gray' : change < 0 === lowerIsBetter ? 'green' : 'red';
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={`${testId}-after`}>
        {money ? <Money rials={after} /> : <Count value={after} />}
      </Text>
      <Text size="sm">
        {t('simulator.summary.before')}: {money ? <Money rials={before} /> : <Count value={before} />}
      </Text>
      <Group gap={6} mt={4}>
        <Badge color={color} variant="light">
          {change > 0 ? '+' : ''}
          {money ? <Money rials={change} /> : <Count value={change} />}
        </Badge>
        {money ? (
          <Text size="sm">
            <Percent value={changePercent(before, after)} />
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}

export function ResultView({ result }: { result: SimulationResult }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text, digits } = useDigits();
  const title = (s: { titleFa: string; titleEn: string }) => (lang === 'fa' ? s.titleFa : s.titleEn);
  const provinceName = new Map(result.provinces.map((p) => [p.provinceId, text(p.name)]));
  const totals = result.totals;
  const urls = result.id != null ? exportUrls(result.id) : null;

  const serviceColumns: DataColumn<ServiceResult>[] = [
    { key: 'service', header: t('simulator.columns.service'), sortValue: (s) => title(s), cell: (s) => title(s) },
    {
      key: 'records',
      header: t('simulator.columns.records'),
      sortValue: (s) => s.records,
      cell: (s) => <Count value={s.records} />,
      numeric: true,
    },
    {
      key: 'online',
      header: t('simulator.columns.online'),
      sortValue: (s) => s.onlineRecords,
      cell: (s) => <Count value={s.onlineRecords} />,
      numeric: true,
    },
    {
      key: 'unitBefore',
      header: t('simulator.columns.unitBefore'),
      sortValue: (s) => s.unitBeforeRials ?? -1,
      cell: (s) => (s.unitBeforeRials == null ? '—' : <Money rials={s.unitBeforeRials} />),
      numeric: true,
    },
    {
      key: 'unitAfter',
      header: t('simulator.columns.unitAfter'),
      sortValue: (s) => s.unitAfterRials ?? -1,
      cell: (s) => (s.unitAfterRials == null ? '—' : <Money rials={s.unitAfterRials} />),
      numeric: true,
    },
    {
      key: 'costBefore',
      header: t('simulator.columns.costBefore'),
      sortValue: (s) => s.citizenCostBeforeRials,
      cell: (s) => <Money rials={s.citizenCostBeforeRials} />,
      numeric: true,
    },
    {
      key: 'costAfter',
      header: t('simulator.columns.costAfter'),
      sortValue: (s) => s.citizenCostAfterRials,
      cell: (s) => <Money rials={s.citizenCostAfterRials} />,
      numeric: true,
    },
    {
      key: 'change',
      header: t('simulator.columns.change'),
      sortValue: (s) => s.changePercent ?? 0,
      cell: (s) => <Percent value={s.changePercent} />,
      numeric: true,
    },
  ];
  const provinceColumns: DataColumn<ProvinceResult>[] = [
    {
      key: 'province',
      header: t('simulator.columns.province'),
      sortValue: (p) => text(p.name),
      cell: (p) => text(p.name),
    },
    {
      key: 'offices',
      header: t('simulator.columns.offices'),
      sortValue: (p) => p.offices,
      cell: (p) => <Count value={p.offices} />,
      numeric: true,
    },
    {
      key: 'records',
      header: t('simulator.columns.records'),
      sortValue: (p) => p.records,
      cell: (p) => <Count value={p.records} />,
      numeric: true,
    },
    {
      key: 'costChange',
      header: t('simulator.columns.costChange'),
      sortValue: (p) => p.citizenCostAfterRials - p.citizenCostBeforeRials,
      cell: (p) => <Change rials={p.citizenCostAfterRials - p.citizenCostBeforeRials} />,
      numeric: true,
    },
    {
      key: 'revenueBefore',
      header: t('simulator.columns.revenueBefore'),
      sortValue: (p) => p.officeRevenueBeforeRials,
      cell: (p) => <Money rials={p.officeRevenueBeforeRials} />,
      numeric: true,
    },
    {
      key: 'revenueAfter',
      header: t('simulator.columns.revenueAfter'),
      sortValue: (p) => p.officeRevenueAfterRials,
      cell: (p) => <Money rials={p.officeRevenueAfterRials} />,
      numeric: true,
    },
    {
      key: 'below',
      header: t('simulator.columns.below'),
      sortValue: (p) => p.belowBreakEvenAfter,
      cell: (p) => <FromTo from={digits(p.belowBreakEvenBefore)} to={digits(p.belowBreakEvenAfter)} />,
      numeric: true,
    },
  ];
  const officeColumns: DataColumn<OfficeResult>[] = [
    {
      key: 'number',
      header: t('simulator.columns.officeNumber'),
      sortValue: (o) => o.officeNumber,
      cell: (o) => <bdi>{digits(o.officeNumber)}</bdi>,
    },
    { key: 'name', header: t('simulator.columns.officeName'), sortValue: (o) => o.name, cell: (o) => o.name },
    {
      key: 'province',
      header: t('simulator.columns.province'),
      sortValue: (o) => provinceName.get(o.provinceId) ?? '',
      cell: (o) => provinceName.get(o.provinceId) ?? '',
    },
    {
      key: 'revenueBefore',
      header: t('simulator.columns.revenueBefore'),
      sortValue: (o) => o.revenueBeforeRials,
      cell: (o) => <Money rials={o.revenueBeforeRials} />,
      numeric: true,
    },
    {
      key: 'revenueAfter',
      header: t('simulator.columns.revenueAfter'),
      sortValue: (o) => o.revenueAfterRials,
      cell: (o) => <Money rials={o.revenueAfterRials} />,
      numeric: true,
    },
    {
      key: 'revenueChange',
      header: t('simulator.columns.revenueChange'),
      sortValue: (o) => o.revenueChangeRials,
      cell: (o) => <Change rials={o.revenueChangeRials} />,
      numeric: true,
    },
    {
      key: 'cost',
      header: t('simulator.columns.cost'),
      sortValue: (o) => o.costRials,
      cell: (o) => <Money rials={o.costRials} />,
      numeric: true,
    },
    {
      key: 'viable',
      header: t('simulator.columns.viable'),
      sortValue: (o) => Number(o.viableAfter) * 2 + Number(o.viableBefore),
      cell: (o) => (
        <Badge color={o.viableAfter ? 'green' : o.viableBefore ? 'red' : 'orange'} variant="light">
          {t(
            o.viableAfter ? 'simulator.viable.yes' : o.viableBefore ? 'simulator.viable.falls' : 'simulator.viable.no',
          )}
        </Badge>
      ),
    },
  ];

  return (
    <Stack data-testid="simulator-result">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" data-testid="result-title">
              {title(result.schedule)}{' '}
              <Text span c="dimmed" inherit>
                {t('simulator.result.against', { baseline: title(result.baseline) })}
              </Text>
            </Title>
            <Text size="sm">
              {t('simulator.result.period', {
                from: formatJalaliMonth(result.fromMonth, lang),
                to: formatJalaliMonth(result.toMonth, lang),
                months: digits(result.months),
              })}
              {' · '}
              {result.provinceId == null
                ? t('simulator.result.nation')
                : t('simulator.result.province', {
                    name: provinceName.get(result.provinceId) ?? digits(result.provinceId),
                  })}
            </Text>
            {result.id != null ? (
              <Text size="xs" c="dimmed">
                {t('simulator.result.saved', { id: digits(result.id) })} ·{' '}
                <JalaliDate value={result.createdAt} withTime />
                {result.createdBy ? ` · ${result.createdBy.name}` : ''}
              </Text>
            ) : null}
          </Stack>
          {urls ? (
            <Group gap="xs" data-testid="result-exports">
              <Button component="a" href={urls.csv('office')} variant="light" size="xs" data-testid="export-csv-office">
                {t('simulator.exports.csvOffice')}
              </Button>
              <Button
                component="a"
                href={urls.csv('province')}
                variant="light"
                size="xs"
                data-testid="export-csv-province"
              >
                {t('simulator.exports.csvProvince')}
              </Button>
              <Button
                component="a"
                href={urls.csv('service')}
                variant="light"
                size="xs"
                data-testid="export-csv-service"
              >
                {t('simulator.exports.csvService')}
              </Button>
              <Button
                component="a"
                href={urls.pdf}
                target="_blank"
                rel="noopener"
                variant="light"
                size="xs"
                data-testid="export-pdf"
              >
                {t('simulator.exports.pdf')}
              </Button>
              <Button
                component="a"
                href={urls.report}
                target="_blank"
                rel="noopener"
                variant="subtle"
                size="xs"
                data-testid="export-report"
              >
                {t('simulator.exports.print')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Title order={3} size="h6" mt="sm">
          {t('simulator.result.assumptions')}
        </Title>
        <List size="sm" data-testid="result-assumptions">
          {result.assumptions.map((a) => (
            <List.Item key={a.key}>{digits(lang === 'fa' ? a.fa : a.en)}</List.Item>
          ))}
        </List>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="result-summary">
        <SummaryCard
          label={t('simulator.summary.citizenCost')}
          before={totals.citizenCostBeforeRials}
          after={totals.citizenCostAfterRials}
          testId="summary-citizen-cost"
        />
        <SummaryCard
          label={t('simulator.summary.officeRevenue')}
          before={totals.officeRevenueBeforeRials}
          after={totals.officeRevenueAfterRials}
          testId="summary-office-revenue"
          lowerIsBetter={false}
        />
        <SummaryCard
          label={t('simulator.summary.belowBreakEven', { offices: digits(totals.offices) })}
          before={totals.belowBreakEvenBefore}
          after={totals.belowBreakEvenAfter}
          money={false}
          testId="summary-below"
        />
      </SimpleGrid>

      <ResultCharts result={result} />

      <Tabs defaultValue="services" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="services" data-testid="tab-services">
            {t('simulator.tables.services')}
          </Tabs.Tab>
          <Tabs.Tab value="provinces" data-testid="tab-provinces">
            {t('simulator.tables.provinces')}
          </Tabs.Tab>
          <Tabs.Tab value="offices" data-testid="tab-offices">
            {t('simulator.tables.offices', { count: result.offices.length, formatted: digits(result.offices.length) })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" pt="sm">
          <DataTable
            rows={result.services}
            columns={serviceColumns}
            rowKey={(s) => s.service}
            sort={{ key: 'records', dir: 'desc' }}
            testId="table-services"
          />
        </Tabs.Panel>
        <Tabs.Panel value="provinces" pt="sm">
          <DataTable
            rows={result.provinces}
            columns={provinceColumns}
            rowKey={(p) => p.provinceId}
            testId="table-provinces"
          />
        </Tabs.Panel>
        <Tabs.Panel value="offices" pt="sm">
          <DataTable
            rows={result.offices}
            columns={officeColumns}
            rowKey={(o) => o.officeId}
            testId="table-offices"
            minWidth={1000}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
