/** The side panel: the figures of the whole scope, of a selected province with its counties, or of one county. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { CountyFigures, Distribution, ProvinceDetail } from '../api/network';

// Dark shades: the badge's white text stays readable (WCAG AA) on each.
const SATURATION_COLOURS = { 'under-served': '#9c3d00', balanced: '#2a6a1f', saturated: '#5f3dc4' } as const;

export function useFigureFormat() {
  const { lang, count } = useDigits();
  const nf = (digits: number) =>
    new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: digits });
  return {
    count,
    decimal: (v: number | null | undefined, digits = 1) => (v == null ? '—' : nf(digits).format(v)),
    percent: (v: number | null | undefined) =>
      v == null
        ? '—'
        : new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
            style: 'percent',
            maximumFractionDigits: 1,
          }).format(v),
  };
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}

type Figures = Pick<
  Distribution['totals'],
  'population' | 'offices' | 'officesPer100k' | 'demandMonthly' | 'demandPerOffice' | 'farShare' | 'belowBreakEven'
>;

export function FiguresList({ figures, distanceKm }: { figures: Figures; distanceKm: number }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <Stack gap={4}>
      <Row label={t('networkMap.figures.population')} testId="figure-population">
        {f.count(figures.population ?? 0)}
      </Row>
      <Row label={t('networkMap.figures.offices')} testId="figure-offices">
        {f.count(figures.offices)}
      </Row>
      <Row label={t('networkMap.figures.per100k')} testId="figure-per100k">
        {f.decimal(figures.officesPer100k, 2)}
      </Row>
      <Row label={t('networkMap.figures.demand')}>{f.decimal(figures.demandMonthly, 0)}</Row>
      <Row label={t('networkMap.figures.demandPerOffice')}>{f.decimal(figures.demandPerOffice, 0)}</Row>
      <Row label={t('networkMap.figures.farShare', { km: f.decimal(distanceKm, 0) })} testId="figure-far-share">
        {f.percent(figures.farShare)}
      </Row>
      <Row label={t('networkMap.figures.below')}>{f.count(figures.belowBreakEven)}</Row>
    </Stack>
  );
}

function SaturationBadge({ status }: { status: CountyFigures['saturationStatus'] }) {
  const { t } = useTranslation();
  if (!status)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Badge color={SATURATION_COLOURS[status]} variant="filled" size="sm">
      {t(`networkMap.saturationStatus.${status}`)}
    </Badge>
  );
}

export function CountyCard({
  county,
  distanceKm,
  onBack,
}: {
  county: CountyFigures;
  distanceKm: number;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const f = useFigureFormat();
  return (
    <Card withBorder data-testid="county-panel">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('networkMap.county')} {text(county.name)}
          </Title>
          <SaturationBadge status={county.saturationStatus} />
        </Group>
        <Row label={t('networkMap.figures.population')}>{f.count(county.population ?? 0)}</Row>
        <Row label={t('networkMap.figures.offices')}>{f.count(county.offices)}</Row>
        <Row label={t('networkMap.figures.demand')}>{f.decimal(county.demandMonthly, 0)}</Row>
        <Row label={t('networkMap.figures.expectedDemand')}>{f.decimal(county.expectedDemandMonthly, 0)}</Row>
        <Row label={t('networkMap.figures.demandPerOffice')}>{f.decimal(county.demandPerOffice, 0)}</Row>
        <Row label={t('networkMap.figures.farShare', { km: f.decimal(distanceKm, 0) })}>
          {f.percent(county.farShare)}
        </Row>
        <Row label={t('networkMap.figures.saturation')}>{f.decimal(county.saturation, 2)}</Row>
        <Button variant="subtle" size="xs" onClick={onBack}>
          {t('networkMap.closeCounty')}
        </Button>
      </Stack>
    </Card>
  );
}

export function ProvincePanel({ detail, onCounty }: { detail: ProvinceDetail; onCounty: (id: number) => void }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  const f = useFigureFormat();
  const columns: DataColumn<CountyFigures>[] = [
    {
      key: 'county',
      header: t('networkMap.county'),
      cell: (c) => text(c.name),
      sortValue: (c) => text(c.name),
      rowHeader: true,
    },
    {
      key: 'population',
      header: t('networkMap.figures.population'),
      cell: (c) => f.count(c.population ?? 0),
      sortValue: (c) => c.population ?? 0,
      numeric: true,
    },
    {
      key: 'offices',
      header: t('networkMap.figures.offices'),
      cell: (c) => f.count(c.offices),
      sortValue: (c) => c.offices,
      numeric: true,
    },
    {
      key: 'saturation',
      header: t('networkMap.figures.saturation'),
      cell: (c) => <SaturationBadge status={c.saturationStatus} />,
      sortValue: (c) => c.saturation,
      numeric: true,
    },
  ];
  return (
    <Card withBorder data-testid="province-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" data-testid="province-name">
          {text(detail.province.name)}
        </Title>
        <FiguresList
          figures={{ ...detail.province, population: detail.province.population ?? 0 }}
          distanceKm={detail.distanceKm}
        />
        <Row label={t('networkMap.figures.typicalBreakEven')}>{f.decimal(detail.typicalBreakEvenVolume, 0)}</Row>
        <Title order={3} size="h5">
          {t('networkMap.counties')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('networkMap.saturationHelp')}
        </Text>
        <DataTable
          testId="county-table"
          label={t('networkMap.counties')}
          columns={columns}
          rowKey={(c) => c.countyId}
          rows={detail.counties}
          sort={{ key: 'population', dir: 'desc' }}
          pageSize="all"
          minWidth={0}
          onRowClick={(c) => onCounty(c.countyId)}
        />
      </Stack>
    </Card>
  );
}
