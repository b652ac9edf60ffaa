/**
 * /quality — each office's measured facts for a Jalali month, within the caller's scope: the
 * counter's waiting and service time, the court's returns, same-day submissions, notices opened
 * at the office and cancelled payments, each with the count it was measured on. An office opens
 * its own page with its operators and the court's reasons. Without a month asked, the page opens
 * on the latest month its offices recorded anything in (the server's answer says which).
 */
import '../i18n/index.ts';
import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { type QualityFactsList, useQualityFacts } from '../api/quality-facts';
import { useQualityScores, type ScoreRow } from '../api/quality-scores';
import { factColumns } from '../components/fact-columns';
import { MonthSelect, thisJalaliMonth } from '../components/MonthSelect';
import { formatScore } from '../components/ScorePanel';

type Row = QualityFactsList['offices'][number];

export function QualityPage() {
  const { t } = useTranslation();
  const digits = useDigits();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month') ?? undefined;
  const setMonth = (m: string) => setParams({ month: m }, { replace: true });
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const national = (user?.roles ?? []).some(
    (g) =>
      g.scope.kind === 'nation' &&
      (g.role === 'association_admin' || g.role === 'regulator_admin' || g.role === 'inspector'),
  );
  const facts = useQualityFacts({ month: asked, provinceId: provinceId ? Number(provinceId) : undefined });
  const scores = useQualityScores({ month: asked, provinceId: provinceId ? Number(provinceId) : undefined });
  const month = asked ?? facts.data?.month ?? scores.data?.month ?? thisJalaliMonth();
  const scoreOf = new Map<number, ScoreRow>((scores.data?.offices ?? []).map((s) => [s.office.id, s]));
  const columns: DataColumn<Row>[] = [
    {
      key: 'office',
      header: t('quality.office'),
      cell: (r) => (
        <Anchor
          component={Link}
          to={`/quality/offices/${r.office.id}?month=${month}`}
          data-testid="quality-office-link"
        >
          {digits.text(r.office.name)}
        </Anchor>
      ),
      sortValue: (r) => r.office.code,
      csv: (r) => r.office.code,
      rowHeader: true,
    },
    {
      key: 'score',
      header: t('quality.score.column'),
      cell: (r) => {
        const s = scoreOf.get(r.office.id);
        if (!s || s.score == null) return '—';
        return (
          <Stack gap={0} data-testid="office-score" data-certainty={s.certainty}>
            <Text size="sm" fw={600}>
              {formatScore(s.score, digits.lang)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`quality.score.certaintyShort.${s.certainty}`)}
            </Text>
          </Stack>
        );
      },
      sortValue: (r) => scoreOf.get(r.office.id)?.score ?? -1,
      csv: (r) => String(scoreOf.get(r.office.id)?.score ?? ''),
      numeric: true,
    },
    {
      key: 'rank',
      header: t('quality.score.rankColumn'),
      cell: (r) => {
        const s = scoreOf.get(r.office.id);
        return s?.rank == null
          ? '—'
          : t('quality.score.rankShort', { rank: digits.count(s.rank), of: digits.count(s.ranked) });
      },
      sortValue: (r) => scoreOf.get(r.office.id)?.rank ?? Number.MAX_SAFE_INTEGER,
      csv: (r) => String(scoreOf.get(r.office.id)?.rank ?? ''),
      numeric: true,
    },
    ...factColumns<Row>((r) => r.facts, t, digits),
  ];
  return (
    <Stack>
      <PageTitle
        title={t('quality.title')}
        subtitle={t('quality.subtitle')}
        actions={
          <Anchor component={Link} to="/quality/weights" data-testid="quality-weights-link">
            {t('quality.weights.link')}
          </Anchor>
        }
      />
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MonthSelect value={month} onChange={setMonth} />
            {national ? (
              <ProvinceSelect value={provinceId} onChange={setProvinceId} data-testid="quality-province" />
            ) : null}
          </SimpleGrid>
          <ProblemAlert error={facts.error} />
          <DataTable
            testId="quality-offices"
            caption={t('quality.caption')}
            columns={columns}
            rowKey={(r) => r.office.id}
            rows={facts.data?.offices}
            isPending={facts.isPending}
            isFetching={facts.isFetching}
            pageSize={25}
            minWidth={900}
            csvFileName={`quality-facts-${month}.csv`}
            rowProps={(r) => ({ 'data-testid': 'quality-office-row', 'data-office': r.office.code })}
          />
        </Stack>
      </Card>
    </Stack>
  );
}
