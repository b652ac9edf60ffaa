/**
 * Recording an inspection of the office (docs/decisions/0050): the day of the visit, each checklist
 * item passed or failed with what the inspector saw, and the overall verdict. Every item must be
 * answered before the form is sent; the server's errors are shown beside the field they name.
 */
import { Button, Card, Group, Radio, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import {
  INSPECTION_ITEM_KEYS,
  INSPECTION_KINDS,
  INSPECTION_VERDICTS,
  type InspectionItem,
  type InspectionKind,
} from '#core/quality/inspection';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useRecordInspection } from '../api/inspections';

type Finding = { passed: boolean | null; note: string };

const blank = () =>
  Object.fromEntries(INSPECTION_ITEM_KEYS.map((k) => [k, { passed: null, note: '' }])) as Record<
    InspectionItem,
    Finding
  >;

export function InspectionForm({ officeId, onDone }: { officeId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const record = useRecordInspection(officeId);
  const [day, setDay] = useState(() => formatJalaliIso(isoToJalali(tehranIsoDate())));
  const [items, setItems] = useState(blank);
  const [verdict, setVerdict] = useState<string | null>(null);
  const [kind, setKind] = useState<InspectionKind>('scheduled');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(record.error, lang);
  const set = (k: InspectionItem, f: Partial<Finding>) => setItems((all) => ({ ...all, [k]: { ...all[k], ...f } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!verdict || INSPECTION_ITEM_KEYS.some((k) => items[k].passed == null)) {
      setMissing(true);
      return;
    }
    record.mutate(
      {
        inspectedOn: day,
        kind,
        items: Object.fromEntries(
          INSPECTION_ITEM_KEYS.map((k) => [k, { passed: items[k].passed === true, note: items[k].note || null }]),
        ) as Record<InspectionItem, { passed: boolean; note: string | null }>,
        verdict: verdict as (typeof INSPECTION_VERDICTS)[number],
        note: note || null,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="inspection-form">
      <Stack>
        <Title order={2} size="h4">
          {t('quality.inspection.formTitle')}
        </Title>
        <JalaliDateInput
          label={t('quality.inspection.day')}
          value={day}
          onChange={setDay}
          serverError={errors.inspectedOn}
          withAsterisk
          maw={240}
          data-testid="inspection-day"
        />
        <Radio.Group
          label={t('quality.inspection.kind')}
          value={kind}
          onChange={(v) => setKind(v as InspectionKind)}
          error={errors.kind}
        >
          <Group mt="xs">
            {INSPECTION_KINDS.map((k) => (
              <Radio
                key={k}
                value={k}
                label={t(`quality.inspection.kinds.${k}`)}
                data-testid={`inspection-kind-${k}`}
              />
            ))}
          </Group>
        </Radio.Group>
        {INSPECTION_ITEM_KEYS.map((k) => {
          const error =
            errors[`items.${k}`] ?? (missing && items[k].passed == null ? t('quality.inspection.choose') : undefined);
          return (
            <Stack key={k} gap={4} data-testid="inspection-item" data-item={k}>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" fw={500} id={`inspection-${k}`}>
                  {t(`quality.inspection.item.${k}`)}
                </Text>
                <SegmentedControl
                  aria-labelledby={`inspection-${k}`}
                  value={items[k].passed == null ? '' : items[k].passed ? 'pass' : 'fail'}
                  onChange={(v) => set(k, { passed: v === 'pass' })}
                  data={[
                    { value: 'pass', label: t('quality.inspection.pass') },
                    { value: 'fail', label: t('quality.inspection.fail') },
                  ]}
                  color={items[k].passed === false ? 'red.9' : 'teal.9'}
                  data-testid={`inspection-${k}`}
                />
              </Group>
              <TextInput
                aria-label={t('quality.inspection.itemNote', { item: t(`quality.inspection.item.${k}`) })}
                placeholder={t('quality.inspection.notePlaceholder')}
                value={items[k].note}
                onChange={(e) => set(k, { note: e.currentTarget.value })}
                maxLength={500}
                error={error ?? errors[`items.${k}.note`]}
                data-testid={`inspection-${k}-note`}
              />
            </Stack>
          );
        })}
        <Radio.Group
          label={t('quality.inspection.verdict')}
          value={verdict}
          onChange={setVerdict}
          error={errors.verdict ?? (missing && !verdict ? t('quality.inspection.choose') : undefined)}
          withAsterisk
        >
          <Group mt="xs">
            {INSPECTION_VERDICTS.map((v) => (
              <Radio
                key={v}
                value={v}
                label={t(`quality.inspection.verdicts.${v}`)}
                data-testid={`inspection-verdict-${v}`}
              />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('quality.inspection.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          error={errors.note}
          data-testid="inspection-note"
        />
        <ProblemAlert
          error={record.error}
          shownFields={['inspectedOn', 'kind', 'verdict', 'note', ...INSPECTION_ITEM_KEYS.map((k) => `items.${k}`)]}
        />
        <Group>
          <Button type="submit" loading={record.isPending} data-testid="inspection-submit">
            {t('quality.inspection.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('quality.inspection.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
