/** /network/viability — each office's demand, revenue and break-even, and its viability. */
import '../i18n/index.ts';
import { Badge, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useAuth } from '#web/app/auth.tsx';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { viabilityQueryOptions, type OfficeViability } from '../api/network';
import { useFigureFormat } from '../components/ProvincePanel';

const STATUS_COLOURS = { viable: 'green.9', marginal: 'yellow', below: 'red.9' } as const;
type SortKey = 'office' | 'demand' | 'revenue' | 'cost' | 'breakEven' | 'status';
const STATUS_ORDER = { below: 0, marginal: 1, viable: 2 } as const;

const sortValue: Record<SortKey, (o: OfficeViability) => number | string> = {
  office: (o) => o.code,
  demand: (o) => o.demandMonthly,
  revenue: (o) => o.revenueMonthlyRials,
  cost: (o) => o.costMonthlyRials,
  breakEven: (o) => o.breakEvenVolume,
  status: (o) => STATUS_ORDER[o.viability],
};

export function StatusBadge({ status }: { status: OfficeViability['viability'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled" autoContrast data-testid={`status-${status}`}>
      {t(`networkMap.viability.status.${status}`)}
    </Badge>
  );
}

/** An office's monthly demand against the volume it needs to break even. */
function DemandChart({ office }: { office: OfficeViability }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      // Two bars need no entrance: drawn at once, the chart reads the same in print and in screenshots.
      animation: false,
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: [t('networkMap.viability.chartDemand'), t('networkMap.viability.chartBreakEven')],
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          barWidth: '40%',
          data: [
            { value: office.demandMonthly, itemStyle: { color: office.viability === 'below' ? '#e03131' : '#2f9e44' } },
            { value: office.breakEvenVolume, itemStyle: { color: '#868e96' } },
          ],
        },
      ],
    }),
    [office, t],
  );
  return <Chart option={option} height={260} testId="viability-chart" />;
}

export function ViabilityPage() {
  const { t } = useTranslation();
  const { lang, text } = useDigits();
  const f = useFigureFormat();
  const { user } = useAuth();
  const officeOnly = (user?.roles ?? []).every((g) => g.scope.kind === 'office');
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'status', desc: false });
  const query = useQuery(viabilityQueryOptions(provinceId));

  const items = useMemo(() => {
    const list = [...(query.data?.items ?? [])];
    const v = sortValue[sort.key];
    list.sort((a, b) => {
      const x = v(a),
        y = v(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.desc ? -c : c) || a.code.localeCompare(b.code);
    });
    return list;
  }, [query.data, sort]);

  const header = (key: SortKey) => (
    <Table.Th>
      <UnstyledButton
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}
        data-testid={`sort-${key}`}
        fw={600}
        fz="sm"
      >
        {t(`networkMap.viability.columns.${key}`)}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  const period = query.data?.period;
  const below = items.filter((o) => o.viability === 'below').length;
  return (
    <Stack>
      <PageTitle title={t('nav.viability')} />
      {period ? (
        <Text size="sm" c="dimmed">
          {t('networkMap.viability.intro', {
            from: formatJalaliMonth(period.fromMonth, lang),
            to: formatJalaliMonth(period.toMonth, lang),
          })}
        </Text>
      ) : null}
      {!officeOnly ? (
        <ProvinceSelect value={provinceId} onChange={setProvinceId} w={280} data-testid="viability-province" />
      ) : null}
      <ProblemAlert error={query.error} />
      {query.data ? (
        <Text size="sm" data-testid="viability-summary">
          {t('networkMap.viability.summary', { below: f.count(below), total: f.count(items.length) })}
        </Text>
      ) : null}
      {officeOnly && items.length === 1 ? (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('networkMap.viability.chartTitle')}
          </Text>
          <DemandChart office={items[0]} />
        </Card>
      ) : null}
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover data-testid="viability-table">
          <Table.Thead>
            <Table.Tr>
              {header('office')}
              {header('demand')}
              {header('revenue')}
              {header('cost')}
              {header('breakEven')}
              {header('status')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.officeId} data-testid={`viability-row-${o.code}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <PersianDigits ltr>{o.code}</PersianDigits>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {text(o.name).split('—').pop()?.trim()}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{f.decimal(o.demandMonthly, 0)}</Table.Td>
                <Table.Td>
                  <Money rials={o.revenueMonthlyRials} />
                </Table.Td>
                <Table.Td>
                  <Money rials={o.costMonthlyRials} />
                </Table.Td>
                <Table.Td>{f.count(o.breakEvenVolume)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={o.viability} />
                </Table.Td>
              </Table.Tr>
            ))}
            {query.data && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    {t('networkMap.viability.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
