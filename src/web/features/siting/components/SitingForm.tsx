/**
 * What to optimize: the province (a province's association is held to its own; national roles may
 * leave it empty for the whole country), the coverage radius, how many new offices at most, the
 * solver (fast or exact) and which candidate kinds to offer. Server errors sit next to their fields.
 */
import { Button, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import type { SitingInput } from '../api/siting';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

const SHOWN = ['provinceId', 'radiusKm', 'k', 'solver', 'candidates', 'breakEvenVolume'];

export function SitingForm({
  fixedProvinceId,
  provinceId,
  onProvince,
  running,
  error,
  onRun,
}: {
  fixedProvinceId: number | null;
  provinceId: number | null;
  onProvince: (id: number | null) => void;
  running: boolean;
  error: unknown;
  onRun: (input: SitingInput) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [radiusKm, setRadiusKm] = useState<string | number>(15);
  const [k, setK] = useState<string | number>(3);
  const [solver, setSolver] = useState<SitingInput['solver']>('heuristic');
  const [candidates, setCandidates] = useState<SitingInput['candidates']>('both');
  const [breakEven, setBreakEven] = useState<string | number>('');
  const errors = fieldErrorsOf(error, lang);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A blank radius or count goes absent, and the server names it as required; a blank
    // break-even volume is not given.
    onRun({
      provinceId,
      radiusKm: enteredNumber(radiusKm),
      k: enteredNumber(k),
      solver,
      candidates,
      breakEvenVolume: enteredNumber(breakEven),
    });
  };

  return (
    <FormSection
      title={t('siting.form.title')}
      onSubmit={submit}
      formTestId="siting-form"
      actions={
        <Button type="submit" loading={running} data-testid="siting-run">
          {t('siting.form.run')}
        </Button>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <ProvinceSelect
          value={provinceId != null ? String(provinceId) : null}
          onChange={(v) => onProvince(v ? Number(v) : null)}
          disabled={fixedProvinceId != null}
          clearable={fixedProvinceId == null}
          placeholder={t('siting.form.wholeCountry')}
          description={fixedProvinceId != null ? t('siting.form.ownProvince') : t('siting.form.provinceHint')}
          error={errors.provinceId}
          data-testid="siting-province"
        />
        <NumberInput
          label={t('siting.form.radius')}
          description={t('siting.form.radiusHint')}
          value={radiusKm}
          onChange={setRadiusKm}
          decimalScale={1}
          error={errors.radiusKm}
          data-testid="siting-radius"
        />
        <NumberInput
          label={t('siting.form.k')}
          description={t('siting.form.kHint')}
          value={k}
          onChange={setK}
          allowDecimal={false}
          error={errors.k}
          data-testid="siting-k"
        />
        <NumberInput
          label={t('siting.form.breakEven')}
          description={t('siting.form.breakEvenHint')}
          placeholder={t('siting.form.breakEvenPlaceholder')}
          value={breakEven}
          onChange={setBreakEven}
          min={1}
          thousandSeparator
          error={errors.breakEvenVolume}
          data-testid="siting-break-even"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('siting.form.solver')}
          </Text>
          <SegmentedControl
            value={solver}
            onChange={(v) => setSolver(v as SitingInput['solver'])}
            data={[
              { value: 'heuristic', label: t('siting.solver.heuristic') },
              { value: 'exact', label: t('siting.solver.exact') },
            ]}
            data-testid="siting-solver"
          />
          <Text size="xs" c="dimmed">
            {t(`siting.form.solverHint.${solver}`)}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('siting.form.candidates')}
          </Text>
          <SegmentedControl
            value={candidates}
            onChange={(v) => setCandidates(v as SitingInput['candidates'])}
            data={(['both', 'cities', 'sites'] as const).map((c) => ({
              value: c,
              label: t(`siting.candidates.${c}`),
            }))}
            data-testid="siting-candidate-kinds"
          />
          {errors.candidates ? (
            <Text size="xs" c="red">
              {errors.candidates}
            </Text>
          ) : null}
        </Stack>
      </SimpleGrid>
      <ProblemAlert error={error} shownFields={SHOWN} data-testid="siting-problem" />
    </FormSection>
  );
}
