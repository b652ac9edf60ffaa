import { Button, Group, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useSaveExam } from '../api/exams';
import type { Exam } from '../api/exams';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

/** Creates an exam of a course (or edits `exam`): questions drawn, time allowed, pass mark, attempts. */
export function ExamForm({ courseId, exam, onDone }: { courseId: number; exam?: Exam; onDone?: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const save = useSaveExam(courseId);
  const [titleFa, setTitleFa] = useState(exam?.titleFa ?? '');
  const [questionCount, setQuestionCount] = useState<number | string>(exam?.questionCount ?? 10);
  const [durationMinutes, setDuration] = useState<number | string>(exam?.durationMinutes ?? 20);
  const [passPercent, setPass] = useState<number | string>(exam?.passPercent ?? 70);
  const [maxAttempts, setAttempts] = useState<number | string>(exam?.maxAttempts ?? 3);
  const [active, setActive] = useState(exam?.active ?? true);
  const errors = fieldErrorsOf(save.error, lang);
  const prefix = exam ? `exam${exam.id}` : 'exam';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: exam?.id,
        input: {
          titleFa,
          questionCount: enteredNumber(questionCount),
          durationMinutes: enteredNumber(durationMinutes),
          passPercent: enteredNumber(passPercent),
          maxAttempts: enteredNumber(maxAttempts),
          active,
        },
      },
      {
        onSuccess: () => {
          if (!exam) setTitleFa('');
          onDone?.();
        },
      },
    );
  };

  return (
    <FormSection
      as="form"
      level={3}
      title={exam ? t('training.examAdmin.edit') : t('training.examAdmin.new')}
      onSubmit={submit}
      data-testid={exam ? `exam-editor-${exam.id}` : 'exam-form'}
      actions={
        <>
          <Button
            type="submit"
            size="xs"
            loading={save.isPending}
            data-testid={exam ? `${prefix}-save` : 'create-exam'}
          >
            {exam ? t('training.examAdmin.save') : t('training.examAdmin.create')}
          </Button>
          {exam ? (
            <Button variant="subtle" size="xs" onClick={onDone}>
              {t('training.bank.cancel')}
            </Button>
          ) : null}
        </>
      }
    >
      <ProblemAlert
        error={save.error}
        shownFields={['titleFa', 'questionCount', 'durationMinutes', 'passPercent', 'maxAttempts']}
      />
      <TextInput
        label={t('training.examAdmin.title')}
        value={titleFa}
        onChange={(e) => setTitleFa(e.currentTarget.value)}
        error={errors.titleFa}
        required
        data-testid={`${prefix}-title`}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('training.examAdmin.questionCount')}
          value={questionCount}
          onChange={setQuestionCount}
          min={1}
          max={100}
          allowDecimal={false}
          error={errors.questionCount}
          required
          data-testid={`${prefix}-question-count`}
        />
        <NumberInput
          label={t('training.examAdmin.duration')}
          value={durationMinutes}
          onChange={setDuration}
          min={1}
          max={240}
          allowDecimal={false}
          error={errors.durationMinutes}
          required
          data-testid={`${prefix}-duration`}
        />
        <NumberInput
          label={t('training.examAdmin.passPercent')}
          value={passPercent}
          onChange={setPass}
          min={1}
          max={100}
          allowDecimal={false}
          error={errors.passPercent}
          required
          data-testid={`${prefix}-pass-percent`}
        />
        <NumberInput
          label={t('training.examAdmin.maxAttempts')}
          value={maxAttempts}
          onChange={setAttempts}
          min={1}
          max={10}
          allowDecimal={false}
          error={errors.maxAttempts}
          required
          data-testid={`${prefix}-max-attempts`}
        />
      </Group>
      <Switch
        label={t('training.examAdmin.active')}
        checked={active}
        onChange={(e) => setActive(e.currentTarget.checked)}
        data-testid={`${prefix}-active`}
      />
    </FormSection>
  );
}
