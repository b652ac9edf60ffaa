/**
 * The new-draft form: code, titles, start (and for a past schedule its end), source and note, and
 * the schedule it starts from — copied, or indexed by an inflation rate with the rounding shown in
 * a live preview of every fee before and after.
 */
import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type PreviewLine, type ScheduleSummary, useCreateDraft, useIndexationPreview } from '../api/schedules';
import { ChangePercent } from './schedule-ui';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

const ROUNDINGS = ['auto', '1000', '5000', '10000', '50000'] as const;

export function NewDraftForm({ approved, onCancel }: { approved: ScheduleSummary[]; onCancel: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { count } = useDigits();
  const navigate = useNavigate();
  const create = useCreateDraft();
  const inForce = approved.find((s) => s.state === 'in-force') ?? approved[0];
  const [form, setForm] = useState({ code: '', titleFa: '', titleEn: '', from: '', to: '', source: '', note: '' });
  const [basedOn, setBasedOn] = useState<string | null>(inForce ? String(inForce.id) : null);
  const [indexed, setIndexed] = useState(true);
  const [rate, setRate] = useState<string | number>(10);
  const [rounding, setRounding] = useState<(typeof ROUNDINGS)[number]>('auto');
  const [mode, setMode] = useState<'nearest' | 'up'>('nearest');
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const errors = fieldErrorsOf(create.error, lang);

  // Indexed with the rate left blank: the rate goes absent and the server names it as required,
  // rather than the draft being created unindexed.
  const ratePercent = enteredNumber(rate);
  const indexation = indexed
    ? { ratePercent, roundingRials: rounding === 'auto' ? undefined : Number(rounding), mode }
    : undefined;
  const [previewInput] = useDebouncedValue(
    basedOn && indexation && ratePercent !== undefined
      ? { basedOnId: Number(basedOn), ...indexation, ratePercent }
      : null,
    300,
  );
  const preview = useIndexationPreview(previewInput);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        code: form.code,
        titleFa: form.titleFa,
        titleEn: form.titleEn,
        effectiveFrom: form.from,
        effectiveTo: form.to || undefined,
        source: form.source,
        note: form.note || undefined,
        basedOnId: basedOn ? Number(basedOn) : undefined,
        indexation,
      },
      { onSuccess: (draft) => navigate(`/tariffs/${draft.id}`) },
    );
  };

  const previewColumns: DataColumn<PreviewLine>[] = [
    {
      key: 'item',
      header: t('tariffs.schedules.item'),
      cell: (l) => (lang === 'fa' ? l.titleFa : l.titleEn),
      sortValue: (l) => (lang === 'fa' ? l.titleFa : l.titleEn),
      rowHeader: true,
    },
    {
      key: 'before',
      header: t('tariffs.schedules.before'),
      cell: (l) => (l.beforeRials != null ? <Money rials={l.beforeRials} /> : '—'),
      sortValue: (l) => l.beforeRials,
      numeric: true,
    },
    {
      key: 'after',
      header: t('tariffs.schedules.after'),
      cell: (l) => (l.afterRials != null ? <Money rials={l.afterRials} /> : '—'),
      sortValue: (l) => l.afterRials,
      numeric: true,
      cellProps: (l) => ({ 'data-testid': `preview-after-${l.code}` }),
    },
    {
      key: 'change',
      header: t('tariffs.schedules.change'),
      cell: (l) => <ChangePercent value={l.changePercent} />,
      sortValue: (l) => l.changePercent,
      numeric: true,
    },
  ];

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="new-draft-form">
      <Stack>
        <Title order={2} size="h4">
          {t('tariffs.schedules.newDraft')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <TextInput
            label={t('tariffs.schedules.code')}
            description={t('tariffs.schedules.codeHint')}
            dir="ltr"
            value={form.code}
            onChange={(e) => set('code')(e.currentTarget.value)}
            error={errors.code}
            required
            data-testid="draft-code"
          />
          <TextInput
            label={t('tariffs.schedules.titleFa')}
            value={form.titleFa}
            onChange={(e) => set('titleFa')(e.currentTarget.value)}
            error={errors.titleFa}
            required
            data-testid="draft-title-fa"
          />
          <TextInput
            label={t('tariffs.schedules.titleEn')}
            dir="ltr"
            value={form.titleEn}
            onChange={(e) => set('titleEn')(e.currentTarget.value)}
            error={errors.titleEn}
            required
            data-testid="draft-title-en"
          />
          <JalaliDateInput
            label={t('tariffs.schedules.effectiveFrom')}
            value={form.from}
            onChange={set('from')}
            serverError={errors.effectiveFrom ?? null}
            required
            data-testid="draft-from"
          />
          <JalaliDateInput
            label={t('tariffs.schedules.effectiveTo')}
            description={t('tariffs.schedules.effectiveToHint')}
            value={form.to}
            onChange={set('to')}
            serverError={errors.effectiveTo ?? null}
            data-testid="draft-to"
          />
          <TextInput
            label={t('tariffs.schedules.source')}
            description={t('tariffs.schedules.sourceHint')}
            value={form.source}
            onChange={(e) => set('source')(e.currentTarget.value)}
            error={errors.source}
            required
            data-testid="draft-source"
          />
        </SimpleGrid>
        <Textarea
          label={t('tariffs.schedules.note')}
          value={form.note}
          onChange={(e) => set('note')(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
          data-testid="draft-note"
        />

        <Title order={3} size="h5">
          {t('tariffs.schedules.basis')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Select
            label={t('tariffs.schedules.basedOn')}
            value={basedOn}
            onChange={setBasedOn}
            error={errors.basedOnId}
            data-testid="draft-based-on"
            data={approved.map((s) => ({ value: String(s.id), label: `${lang === 'fa' ? s.titleFa : s.titleEn}` }))}
          />
          <Switch
            mt="xl"
            label={t('tariffs.schedules.indexed')}
            checked={indexed}
            onChange={(e) => setIndexed(e.currentTarget.checked)}
            data-testid="indexation-on"
          />
          {indexed && (
            <>
              <NumberInput
                label={t('tariffs.schedules.rate')}
                value={rate}
                onChange={setRate}
                min={-50}
                max={500}
                decimalScale={2}
                suffix={lang === 'fa' ? '٪' : '%'}
                error={errors['indexation.ratePercent']}
                data-testid="indexation-rate"
              />
              <Select
                label={t('tariffs.schedules.rounding')}
                value={rounding}
                onChange={(v) => setRounding((v ?? 'auto') as typeof rounding)}
                allowDeselect={false}
                data-testid="indexation-rounding"
                data={ROUNDINGS.map((r) => ({
                  value: r,
                  label:
                    r === 'auto'
                      ? t('tariffs.schedules.roundingAuto')
                      : t('tariffs.schedules.roundingTo', { amount: count(Number(r)) }),
                }))}
              />
            </>
          )}
        </SimpleGrid>
        {indexed && (
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'nearest' | 'up')}
            data-testid="indexation-mode"
            data={[
              { value: 'nearest', label: t('tariffs.schedules.modeNearest') },
              { value: 'up', label: t('tariffs.schedules.modeUp') },
            ]}
          />
        )}

        {indexed && preview.data && (
          <Stack gap="xs">
            <Text fw={600}>{t('tariffs.schedules.preview')}</Text>
            <DataTable
              testId="indexation-preview"
              label={t('tariffs.schedules.preview')}
              columns={previewColumns}
              rowKey={(l) => l.code}
              rows={preview.data.items}
              pageSize="all"
              minWidth={520}
              rowProps={(l) => ({ 'data-testid': `preview-row-${l.code}` })}
            />
          </Stack>
        )}
        <ProblemAlert error={preview.error} />
        <ProblemAlert
          error={create.error}
          shownFields={[
            'code',
            'titleFa',
            'titleEn',
            'effectiveFrom',
            'effectiveTo',
            'source',
            'note',
            'basedOnId',
            'indexation.ratePercent',
          ]}
        />
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="save-draft">
            {t('tariffs.schedules.saveDraft')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('tariffs.schedules.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
