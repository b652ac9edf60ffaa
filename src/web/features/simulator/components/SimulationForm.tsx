/**
 * What to simulate: the schedule (a draft or an approved one), the baseline (the one in force
 * today unless chosen), the period of recorded volume in Jalali months (the last twelve full
 * months by default), the province (a province's association is held to its own) and channel
 * moves with their assumptions. Server errors are shown next to their fields.
 */
import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addJalaliMonths, formatJalaliMonth, jalaliMonthOfIso, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useSchedules, type ChannelMove, type SimulationInput } from '../api/simulator';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

const MONTHS_BACK = 48;

function defaultPeriod(today = tehranIsoDate()): { fromMonth: string; toMonth: string } {
  const thisMonth = jalaliMonthOfIso(today);
  return { fromMonth: addJalaliMonths(thisMonth, -12), toMonth: addJalaliMonths(thisMonth, -1) };
}

export function SimulationForm({
  initialScheduleId,
  initialMoveService,
  fixedProvinceId,
  running,
  error,
  onRun,
}: {
  initialScheduleId: number | null;
  /** A service to start a move online for (the channels page's "simulate moving it online"). */
  initialMoveService?: string | null;
  /** A province's association simulates its own province only. */
  fixedProvinceId: number | null;
  running: boolean;
  error: unknown;
  onRun: (input: SimulationInput) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits, text } = useDigits();
  const schedules = useSchedules();
  const services = useCatalogServices();
  const [scheduleId, setScheduleId] = useState<string | null>(initialScheduleId ? String(initialScheduleId) : null);
  const [baselineId, setBaselineId] = useState<string | null>(null);
  const [period, setPeriod] = useState(defaultPeriod);
  const [provinceId, setProvinceId] = useState<string | null>(fixedProvinceId ? String(fixedProvinceId) : null);
  const [moves, setMoves] = useState<ChannelMove[]>(() =>
    initialMoveService ? [{ service: initialMoveService, to: 'online', sharePercent: 50, lostPercent: 0 }] : [],
  );
  const errors = fieldErrorsOf(error, lang);

  const thisMonth = jalaliMonthOfIso(tehranIsoDate());
  const months = Array.from({ length: MONTHS_BACK }, (_, i) => addJalaliMonths(thisMonth, -i)).map((m) => ({
    value: m,
    label: digits(formatJalaliMonth(m, lang)),
  }));
  const title = (s: { titleFa: string; titleEn: string }) => (lang === 'fa' ? s.titleFa : s.titleEn);
  const scheduleOptions = (schedules.data?.items ?? []).map((s) => ({
    value: String(s.id),
    label: `${title(s)} (${digits(s.code)}) — ${t(`simulator.state.${s.state}`)}`,
  }));
  const approvedOptions = (schedules.data?.items ?? [])
    .filter((s) => s.status === 'approved')
    .map((s) => ({
      value: String(s.id),
      label: `${title(s)} (${digits(s.code)}) — ${t(`simulator.state.${s.state}`)}`,
    }));
  const serviceOptions = (services.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.title) }));
  const setMove = (i: number, patch: Partial<ChannelMove>) =>
    setMoves((all) => all.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const moveError = (i: number, field: string) => errors[`channelMoves.${i}.${field}`];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRun({
      scheduleId: scheduleId ? Number(scheduleId) : null,
      baselineScheduleId: baselineId ? Number(baselineId) : null,
      fromMonth: period.fromMonth,
      toMonth: period.toMonth,
      provinceId: provinceId ? Number(provinceId) : null,
      channelMoves: moves,
    });
  };

  const shown = [
    'scheduleId',
    'baselineScheduleId',
    'fromMonth',
    'toMonth',
    'provinceId',
    'channelMoves',
    ...moves.flatMap((_, i) => ['service', 'to', 'sharePercent', 'lostPercent'].map((f) => `channelMoves.${i}.${f}`)),
  ];

  return (
    <FormSection
      title={t('simulator.form.title')}
      onSubmit={submit}
      formTestId="simulator-form"
      actions={
        <Button type="submit" loading={running} data-testid="simulator-run">
          {t('simulator.form.run')}
        </Button>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label={t('simulator.form.schedule')}
          description={t('simulator.form.scheduleHint')}
          placeholder={t('simulator.form.schedulePlaceholder')}
          data={scheduleOptions}
          value={scheduleId}
          onChange={setScheduleId}
          searchable
          required
          error={errors.scheduleId}
          data-testid="simulator-schedule"
        />
        <Select
          label={t('simulator.form.baseline')}
          description={t('simulator.form.baselineHint')}
          placeholder={t('simulator.form.baselinePlaceholder')}
          data={approvedOptions}
          value={baselineId}
          onChange={setBaselineId}
          clearable
          error={errors.baselineScheduleId}
          data-testid="simulator-baseline"
        />
        <Select
          label={t('simulator.form.fromMonth')}
          data={months}
          value={period.fromMonth}
          onChange={(v) => v && setPeriod((p) => ({ ...p, fromMonth: v }))}
          allowDeselect={false}
          error={errors.fromMonth}
          data-testid="simulator-from"
        />
        <Select
          label={t('simulator.form.toMonth')}
          data={months}
          value={period.toMonth}
          onChange={(v) => v && setPeriod((p) => ({ ...p, toMonth: v }))}
          allowDeselect={false}
          error={errors.toMonth}
          data-testid="simulator-to"
        />
        <ProvinceSelect
          value={provinceId}
          onChange={setProvinceId}
          disabled={fixedProvinceId != null}
          clearable={fixedProvinceId == null}
          placeholder={t('simulator.form.wholeCountry')}
          description={fixedProvinceId != null ? t('simulator.form.ownProvince') : undefined}
          error={errors.provinceId}
          data-testid="simulator-province"
        />
      </SimpleGrid>

      <Stack gap="xs" data-testid="simulator-moves">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('simulator.moves.title')}
          </Title>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              setMoves((all) => [
                ...all,
                { service: serviceOptions[0]?.value ?? '', to: 'online', sharePercent: 10, lostPercent: 0 },
              ])
            }
            disabled={moves.length >= 50}
            data-testid="simulator-add-move"
          >
            {t('simulator.moves.add')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('simulator.moves.explain')}
        </Text>
        {moves.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
          <Group key={i} align="flex-start" gap="sm" wrap="wrap" data-testid="simulator-move">
            <Select
              label={t('simulator.moves.service')}
              data={serviceOptions}
              value={m.service}
              onChange={(v) => setMove(i, { service: v ?? '' })}
              searchable
              w={{ base: '100%', sm: 240 }}
              error={moveError(i, 'service')}
              data-testid="move-service"
            />
            <Select
              label={t('simulator.moves.to')}
              data={[
                { value: 'online', label: t('simulator.moves.toOnline') },
                { value: 'office', label: t('simulator.moves.toOffice') },
              ]}
              value={m.to}
              onChange={(v) => setMove(i, { to: (v ?? 'online') as ChannelMove['to'] })}
              allowDeselect={false}
              w={{ base: '100%', sm: 200 }}
              error={moveError(i, 'to')}
              data-testid="move-to"
            />
            <NumberInput
              label={t('simulator.moves.share')}
              value={m.sharePercent}
              onChange={(v) => setMove(i, { sharePercent: enteredNumber(v) })}
              suffix={lang === 'fa' ? '٪' : '%'}
              w={{ base: '45%', sm: 130 }}
              error={moveError(i, 'sharePercent')}
              data-testid="move-share"
            />
            <NumberInput
              label={t('simulator.moves.lost')}
              value={m.lostPercent}
              onChange={(v) => setMove(i, { lostPercent: enteredNumber(v) })}
              suffix={lang === 'fa' ? '٪' : '%'}
              w={{ base: '45%', sm: 130 }}
              error={moveError(i, 'lostPercent')}
              data-testid="move-lost"
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              onClick={() => setMoves((all) => all.filter((_, j) => j !== i))}
              aria-label={t('simulator.moves.remove')}
              data-testid="move-remove"
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        {errors.channelMoves ? (
          <Text size="sm" c="red.8">
            {errors.channelMoves}
          </Text>
        ) : null}
      </Stack>

      <ProblemAlert error={error} shownFields={shown} data-testid="simulator-problem" />
    </FormSection>
  );
}
