/**
 * /network/siting — where new offices should go. The association (national or its province) and
 * the regulator run the optimizer for a province (national roles also for the whole country); the
 * proposal is drawn on the map with its figures beside it. Candidate sites of the chosen province
 * are kept below; saved runs reopen with `?run=<id>`.
 */
import '../i18n/index.ts';
import { Grid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useCandidates, useRunSiting, useSavedRun } from '../api/siting';
import { CandidateSites } from '../components/CandidateSites';
import { ProposalFigures } from '../components/ProposalFigures';
import { ProposalMap } from '../components/ProposalMap';
import { SavedRuns } from '../components/SavedRuns';
import { SitingForm } from '../components/SitingForm';

const RUNNERS = ['association_admin', 'regulator_admin'];

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function SitingPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const runId = positive(params.get('run'));
  const run = useRunSiting();
  const saved = useSavedRun(runId);

  const grants = (user?.roles ?? []).filter((r) => RUNNERS.includes(r.role));
  const national = grants.some((r) => r.scope.kind === 'nation');
  const provinceGrant = grants.find((r) => r.scope.kind === 'province' && r.scope.provinceId != null);
  const fixedProvinceId = !national && provinceGrant ? Number(provinceGrant.scope.provinceId) : null;
  const [provinceId, setProvinceId] = useState<number | null>(fixedProvinceId);
  const [picked, setPicked] = useState<{ lat: number; lon: number } | null>(null);
  const candidates = useCandidates(provinceId);

  const open = (id: number) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('run', String(id));
      return next;
    });
  const result = run.data && (runId == null || run.data.id === runId) ? run.data : (saved.data ?? null);

  return (
    <Stack>
      <PageTitle title={t('siting.title')} subtitle={t('siting.subtitle')} />
      <SitingForm
        fixedProvinceId={fixedProvinceId}
        provinceId={provinceId}
        onProvince={setProvinceId}
        running={run.isPending}
        error={run.error}
        onRun={(input) => run.mutate(input, { onSuccess: (r) => open(r.id) })}
      />
      {run.isPending ? <Text role="status">{t('siting.running')}</Text> : null}
      <ProblemAlert error={saved.error} data-testid="siting-saved-problem" />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ProposalMap
            run={result}
            provinceId={provinceId}
            sites={candidates.data?.items ?? []}
            picked={picked}
            onPick={setPicked}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {result ? (
            <ProposalFigures run={result} />
          ) : (
            <Text c="dimmed" data-testid="siting-no-run">
              {t('siting.result.none')}
            </Text>
          )}
        </Grid.Col>
      </Grid>
      {provinceId != null ? (
        <CandidateSites
          provinceId={provinceId}
          candidates={candidates.data?.items ?? []}
          picked={picked}
          onAdded={() => setPicked(null)}
        />
      ) : (
        <Text c="dimmed" size="sm">
          {t('siting.sites.chooseProvince')}
        </Text>
      )}
      <SavedRuns openId={result?.id ?? runId} onOpen={open} />
    </Stack>
  );
}
