/**
 * The office manager's answer to an inspection (docs/decisions/0063): for every failed item a
 * corrective action and the day it will be done by. The server's errors are shown beside the item.
 */
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { InspectionItem } from '#core/quality/inspection';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAnswerInspection } from '../api/inspections';

export function InspectionAnswerForm({ inspectionId, failed }: { inspectionId: number; failed: InspectionItem[] }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const answer = useAnswerInspection(inspectionId);
  const today = formatJalaliIso(isoToJalali(tehranIsoDate()));
  const [rows, setRows] = useState(
    () =>
      Object.fromEntries(failed.map((k) => [k, { action: '', dueOn: today }])) as Record<
        InspectionItem,
        { action: string; dueOn: string }
      >,
  );
  const errors = fieldErrorsOf(answer.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    answer.mutate({ answers: Object.fromEntries(failed.map((k) => [k, rows[k]])) });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="inspection-answer-form">
      <Stack gap="xs">
        <Text fw={500}>{t('quality.inspection.answerTitle')}</Text>
        {failed.map((k) => (
          <Group key={k} align="flex-start" wrap="wrap" gap="xs">
            <TextInput
              label={t('quality.inspection.action', { item: t(`quality.inspection.item.${k}`) })}
              value={rows[k].action}
              onChange={(e) => {
                const action = e.currentTarget.value;
                setRows((all) => ({ ...all, [k]: { ...all[k], action } }));
              }}
              maxLength={1000}
              withAsterisk
              style={{ flex: '1 1 16rem' }}
              error={errors[`answers.${k}.action`] ?? errors[`answers.${k}`]}
              data-testid={`inspection-answer-${k}`}
            />
            <JalaliDateInput
              label={t('quality.inspection.dueOn')}
              value={rows[k].dueOn}
              onChange={(dueOn) => setRows((all) => ({ ...all, [k]: { ...all[k], dueOn } }))}
              serverError={errors[`answers.${k}.dueOn`]}
              withAsterisk
              maw={200}
            />
          </Group>
        ))}
        <ProblemAlert
          error={answer.error}
          shownFields={failed.flatMap((k) => [`answers.${k}`, `answers.${k}.action`, `answers.${k}.dueOn`])}
        />
        <Group>
          <Button type="submit" size="compact-md" loading={answer.isPending} data-testid="inspection-answer-submit">
            {t('quality.inspection.answerSubmit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
