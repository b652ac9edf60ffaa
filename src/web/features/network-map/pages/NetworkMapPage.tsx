/** /network/map — offices over a province choropleth, with each province's and county's figures. */
import '../i18n/index.ts';
import { Anchor, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { Choices } from '#web/ui/Choices.tsx';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatJalaliMonth } from '#core/jalali';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import {
  distributionQueryOptions,
  officesMapQueryOptions,
  provinceDetailQueryOptions,
  type ProvinceFigures,
} from '../api/network';
import {
  binColour,
  binOf,
  classBreaks,
  legendLabels,
  NO_DATA_COLOUR,
  SHARE_CLASSES,
  type Classes,
} from '../components/choropleth';
import { NetworkMap, VIABILITY_COLOURS } from '../components/NetworkMap';
import { CountyCard, FiguresList, ProvincePanel, useFigureFormat } from '../components/ProvincePanel';
import { NumberInput } from '#web/ui/NumberInput.tsx';

type Metric = 'per100k' | 'demandPerOffice' | 'farShare';

const figureOf: Record<Metric, (p: ProvinceFigures) => number | null> = {
  per100k: (p) => p.officesPer100k,
  demandPerOffice: (p) => p.demandPerOffice,
  farShare: (p) => p.farShare,
};

/** Waits until the reader stops typing before asking the server again. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

function Legend({ metric, classes }: { metric: Metric; classes: Classes | null }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const show = (v: number) => (metric === 'farShare' ? f.percent(v) : f.decimal(v, metric === 'per100k' ? 2 : 0));
  const breaks = classes?.breaks ?? [];
  const labels = legendLabels(classes, show);
  return (
    <Card withBorder padding="xs" data-testid="map-legend">
      <Stack gap={4}>
        <Text size="xs" fw={600}>
          {t(`networkMap.metric.${metric}`)}
        </Text>
        {breaks.map((b, i) => (
          <Group key={b} gap={6} wrap="nowrap">
            <span
              style={{
                width: 14,
                height: 14,
                background: binColour(i, breaks.length),
                border: '1px solid #adb5bd',
                display: 'inline-block',
              }}
            />
            <Text size="xs">{labels[i]}</Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <span
            style={{
              width: 14,
              height: 14,
              background: NO_DATA_COLOUR,
              border: '1px solid #adb5bd',
              display: 'inline-block',
            }}
          />
          <Text size="xs">{t('networkMap.legend.noData')}</Text>
        </Group>
        <Text size="xs" fw={600} mt={4}>
          {t('networkMap.legend.offices')}
        </Text>
        {(['viable', 'marginal', 'below'] as const).map((v) => (
          <Group key={v} gap={6} wrap="nowrap">
            <span
              style={{
                width: 12,
                height: 12,
                borderRadius: 6,
                background: VIABILITY_COLOURS[v],
                display: 'inline-block',
              }}
            />
            <Text size="xs">{t(`networkMap.legend.${v}`)}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The distance to the nearest office beyond which the map counts people as far, at first. */
const DEFAULT_DISTANCE_KM = 20;

export function NetworkMapPage() {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const [metric, setMetric] = useState<Metric>('per100k');
  // What the box holds (blank or half-typed while one types) and the last distance it held: the
  // map keeps that one until a new number is typed, rather than snapping the box back to 20.
  const [distanceInput, setDistanceInput] = useState<number | string>(DEFAULT_DISTANCE_KM);
  const [lastDistance, setLastDistance] = useState(DEFAULT_DISTANCE_KM);
  const distanceKm = useSettled(Math.min(100, Math.max(5, lastDistance)));
  const [provinceId, setProvinceId] = useState<number | null>(null);
  const [countyId, setCountyId] = useState<number | null>(null);
  const { user } = useAuth();
  const national = user?.roles.some((g) => g.scope.kind === 'nation') ?? false;

  const distribution = useQuery({ ...distributionQueryOptions(distanceKm), placeholderData: (prev) => prev });
  const offices = useQuery(officesMapQueryOptions());
  const detail = useQuery({
    ...provinceDetailQueryOptions(provinceId, distanceKm),
    placeholderData: (prev) => (prev?.province.provinceId === provinceId ? prev : undefined),
  });

  const provinces = distribution.data?.provinces;
  const { colours, classes } = useMemo(() => {
    const list = provinces ?? [];
    const c = metric === 'farShare' ? SHARE_CLASSES : classBreaks(list.map(figureOf[metric]));
    const n = c?.breaks.length ?? 0;
    return {
      classes: c,
      colours: new Map(list.map((p) => [p.provinceId, binColour(binOf(figureOf[metric](p), c), n)])),
    };
  }, [provinces, metric]);

  const county = countyId != null ? detail.data?.counties.find((c) => c.countyId === countyId) : undefined;
  const period = distribution.data?.period;

  return (
    <Stack>
      <PageTitle title={t('nav.networkMap')} />
      {period ? (
        <Text size="sm" c="dimmed">
          {t('networkMap.intro', {
            from: formatJalaliMonth(period.fromMonth, lang),
            to: formatJalaliMonth(period.toMonth, lang),
          })}
        </Text>
      ) : null}
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('networkMap.metric.label')}
          </Text>
          <Choices
            data-testid="choropleth-switch"
            value={metric}
            onChange={(v) => setMetric(v as Metric)}
            data={(['per100k', 'demandPerOffice', 'farShare'] as const).map((m) => ({
              value: m,
              label: t(`networkMap.metric.${m}`),
            }))}
          />
        </Stack>
        <NumberInput
          label={t('networkMap.distance')}
          data-testid="distance-input"
          value={distanceInput}
          onChange={(v) => {
            setDistanceInput(v);
            if (typeof v === 'number' && v > 0) setLastDistance(v);
          }}
          min={5}
          max={100}
          step={5}
          w={150}
          disabled={metric !== 'farShare'}
        />
        <Anchor component={Link} to="/network/viability" data-testid="open-viability">
          {t('networkMap.openViability')}
        </Anchor>
      </Group>
      <ProblemAlert error={distribution.error ?? offices.error ?? detail.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <div style={{ position: 'relative' }}>
            <NetworkMap
              colours={colours}
              offices={offices.data?.items ?? []}
              counties={provinceId != null ? (detail.data?.counties ?? null) : null}
              selectedProvince={provinceId}
              onProvince={(id) => {
                setProvinceId(id);
                setCountyId(null);
              }}
              onCounty={setCountyId}
            />
            <div style={{ position: 'absolute', insetBlockEnd: 28, insetInlineStart: 8, maxWidth: 220 }}>
              <Legend metric={metric} classes={classes} />
            </div>
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {county ? <CountyCard county={county} distanceKm={distanceKm} onBack={() => setCountyId(null)} /> : null}
            {provinceId != null && detail.data ? (
              <ProvincePanel detail={detail.data} onCounty={setCountyId} />
            ) : (
              <Card withBorder data-testid="totals-panel">
                <Stack gap="xs">
                  <Text fw={600} data-testid="totals-title">
                    {provinces?.length === 1
                      ? t('networkMap.totalsOfProvince', { name: provinces[0].name[lang] })
                      : national
                        ? t('networkMap.totals')
                        : t('networkMap.totalsOfScope')}
                  </Text>
                  {distribution.data ? (
                    <FiguresList figures={distribution.data.totals} distanceKm={distanceKm} />
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {t('networkMap.pickProvince')}
                  </Text>
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
