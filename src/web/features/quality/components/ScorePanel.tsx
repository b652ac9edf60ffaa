/**
 * An office's quality score for the month: the figure out of 100 with how sure it is, its rank in
 * the province, what pulled it down in words (each failed inspection of the month, then each
 * component against the province's mean, in points) with the month's inspections, and the twelve months to it as a line beside the province's mean.
 */
import { Badge, Box, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalali } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { Chart, type ChartOption } from '#web/ui/Chart.tsx';
import { monthAxisBottom, monthAxisLabels, monthLabelRotation } from '#web/ui/month-axis.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { OfficeQualityScore } from '../api/quality-scores';
import { formatDecimal, formatPercent } from './figures';
import { InspectionList } from './InspectionList';

type Component = OfficeQualityScore['components'][number];
type FailedInspection = Extract<OfficeQualityScore['reasons'][number], { kind: 'inspectionFailed' }>;

const CERTAINTY_COLOR = { high: 'green', medium: 'yellow', low: 'gray' } as const;

/** «۸۶٫۳» in fa, "86.3" in en. */
export function formatScore(value: number | null, lang: 'fa' | 'en'): string {
  return value == null ? '—' : formatDecimal(value, lang);
}

function CertaintyBadge({ certainty, reliability }: { certainty: 'high' | 'medium' | 'low'; reliability: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Badge color={CERTAINTY_COLOR[certainty]} variant="light" data-testid="score-certainty" data-certainty={certainty}>
      {t(`quality.score.certainty.${certainty}`, { share: formatPercent(Math.round(reliability * 100), lang) })}
    </Badge>
  );
}

function Reason({ c }: { c: Component }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const d = useDigits();
  const pct = (x: number | null) => (x == null ? '—' : formatPercent(Math.round(x * 1000) / 10, lang));
  return (
    <List.Item data-testid="score-reason" data-kind="component" data-component={c.component}>
      {t(`quality.score.reason.${c.component}`, {
        office: pct(c.raw),
        province: pct(c.provinceMean),
        n: d.count(c.n),
        points: formatScore(Math.abs(c.points), lang),
      })}
    </List.Item>
  );
}

/** A failed inspection named in words: its day, its result and the items the office failed. */
function FailedInspectionReason({ r }: { r: FailedInspection }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const d = useDigits();
  return (
    <List.Item data-testid="score-reason" data-kind="inspectionFailed" data-result={r.result}>
      {t('quality.score.reason.inspectionFailed', {
        day: formatJalali(r.inspectedOn, lang),
        result: d.count(r.result),
        items: r.failedItems.map((k) => t(`quality.inspection.item.${k}`)).join(lang === 'fa' ? '؛ ' : '; '),
      })}
    </List.Item>
  );
}

/** The chart's grid margins beside the plot (the score axis), pixels. */
const GRID_SIDE = 48;

function TrendChart({ trend }: { trend: OfficeQualityScore['trend'] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rtl = lang === 'fa';
  // Twelve short month names, turned as the width requires: flat at a desk, standing on a phone.
  const { ref, width } = useElementSize();
  const rotate = monthLabelRotation(width - 2 * GRID_SIDE, trend.length);
  const option = useMemo<ChartOption>(
    () => ({
      // Drawn at once: a year of twelve points needs no growing line, and a resize redraws it whole.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, align: rtl ? 'right' : 'left', itemGap: 24 },
      grid: { left: GRID_SIDE, right: GRID_SIDE, top: 48, bottom: monthAxisBottom(rotate) },
      xAxis: {
        type: 'category',
        data: monthAxisLabels(
          trend.map((m) => m.month),
          lang,
        ),
        axisLabel: { interval: 0, rotate, hideOverlap: true, fontSize: 12 },
      },
      yAxis: { type: 'value', min: 0, max: 100, position: rtl ? 'right' : 'left' },
      series: [
        {
          name: t('quality.score.office'),
          type: 'line',
          data: trend.map((m) => m.score),
          connectNulls: false,
          symbolSize: 7,
          itemStyle: { color: '#228be6' },
        },
        {
          name: t('quality.score.provinceMean'),
          type: 'line',
          data: trend.map((m) => m.provinceScore),
          symbolSize: 5,
          itemStyle: { color: '#868e96' },
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [trend, lang, rtl, rotate, t],
  );
  return (
    <Box ref={ref} role="img" aria-label={t('quality.score.trendLabel')} data-testid="score-trend">
      <Chart option={option} height={280} />
    </Box>
  );
}

export function ScorePanel({ data }: { data: OfficeQualityScore }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const d = useDigits();
  return (
    <Card withBorder data-testid="score-panel">
      <Stack>
        <Title order={2} size="h4">
          {t('quality.score.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Group gap="xs" align="baseline">
              <Text fz={40} fw={700} lh={1} data-testid="score-value">
                {formatScore(data.score, lang)}
              </Text>
              <Text c="dimmed">{t('quality.score.outOf100')}</Text>
            </Group>
            {data.score == null ? (
              <Text size="sm" c="dimmed">
                {t('quality.score.none')}
              </Text>
            ) : (
              <>
                <Group gap="xs">
                  <CertaintyBadge certainty={data.certainty} reliability={data.reliability} />
                </Group>
                <Text size="sm" data-testid="score-rank">
                  {t('quality.score.rank', {
                    rank: d.count(data.rank ?? 0),
                    of: d.count(data.ranked),
                    province: formatScore(data.provinceScore, lang),
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`quality.score.certaintyNote.${data.certainty}`)}
                </Text>
              </>
            )}
          </Stack>
          <Stack gap={4}>
            <Text fw={500}>{t('quality.score.pulledDown')}</Text>
            {data.reasons.length ? (
              <List size="sm" spacing={4} data-testid="score-reasons">
                {data.reasons.map((r) =>
                  r.kind === 'inspectionFailed' ? (
                    <FailedInspectionReason key={`inspection-${r.inspectionId}`} r={r} />
                  ) : (
                    <Reason key={r.component} c={data.pulledDown.find((c) => c.component === r.component)!} />
                  ),
                )}
              </List>
            ) : (
              <Text size="sm" c="dimmed" data-testid="score-no-reasons">
                {t('quality.score.nothingPulled')}
              </Text>
            )}
            <InspectionList inspections={data.inspections} />
          </Stack>
        </SimpleGrid>
        <TrendChart trend={data.trend} />
      </Stack>
    </Card>
  );
}
