/**
 * /tariffs/simulator — the revision simulator. The association (national or its province) and the
 * regulator run a schedule against recorded volume; inspectors read saved runs. A run opened from
 * the list (or just made) is shown with its charts, tables and exports; `?run=<id>` keeps it in
 * the address, `?schedule=<id>` preselects the schedule to simulate and `?move=<service>` starts a
 * move of that service online.
 */
import '../i18n/index.ts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useRunSimulation, useSavedRun } from '../api/simulator';
import { ResultView } from '../components/ResultView';
import { SavedRuns } from '../components/SavedRuns';
import { SimulationForm } from '../components/SimulationForm';

const RUNNERS = ['association_admin', 'regulator_admin'];

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function SimulatorPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const runId = positive(params.get('run'));
  const run = useRunSimulation();
  const saved = useSavedRun(runId);

  const grants = (user?.roles ?? []).filter((r) => RUNNERS.includes(r.role));
  const mayRun = grants.length > 0;
  const national = grants.some((r) => r.scope.kind === 'nation');
  const provinceGrant = grants.find((r) => r.scope.kind === 'province' && r.scope.provinceId != null);
  const fixedProvinceId = !national && provinceGrant ? Number(provinceGrant.scope.provinceId) : null;

  const open = (id: number) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('run', String(id));
      return next;
    });
  const result = run.data && (runId == null || run.data.id === runId) ? run.data : saved.data;

  return (
    <Stack>
      <PageTitle title={t('simulator.title')} subtitle={t('simulator.subtitle')} />
      {mayRun ? (
        <SimulationForm
          initialScheduleId={positive(params.get('schedule'))}
          initialMoveService={params.get('move')}
          fixedProvinceId={fixedProvinceId}
          running={run.isPending}
          error={run.error}
          onRun={(input) =>
            run.mutate(input, {
              onSuccess: (r) => {
                if (r.id != null) open(r.id);
              },
            })
          }
        />
      ) : (
        <Text c="dimmed" data-testid="simulator-read-only">
          {t('simulator.readOnly')}
        </Text>
      )}
      {run.isPending ? <Text role="status">{t('simulator.running')}</Text> : null}
      <ProblemAlert error={saved.error} data-testid="saved-run-problem" />
      {result ? (
        <ResultView result={result} />
      ) : saved.isFetching ? (
        <Text role="status">{t('common.loading')}</Text>
      ) : null}
      <SavedRuns openId={result?.id ?? runId} onOpen={open} />
    </Stack>
  );
}
