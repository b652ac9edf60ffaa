import { ActionIcon, Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { FormSection } from '#web/ui/FormSection.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useSaveQuestion } from '../api/exams';
import type { BankQuestion } from '../api/exams';

/**
 * Adds a question to a course's bank (or edits `question`): its text, 2–6 options, and which one
 * is correct, chosen with a radio next to each option.
 */
export function QuestionEditor({
  courseId,
  question,
  onDone,
}: {
  courseId: number;
  question?: BankQuestion;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const save = useSaveQuestion(courseId);
  const [textFa, setTextFa] = useState(question?.textFa ?? '');
  const [options, setOptions] = useState<string[]>(question?.options ?? ['', '', '', '']);
  const [correct, setCorrect] = useState<string | null>(question ? String(question.correctIndex) : null);
  const errors = fieldErrorsOf(save.error, lang);
  const prefix = question ? `q${question.id}` : 'new';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: question?.id,
        input: {
          textFa,
          options,
          correctIndex: correct == null ? -1 : Number(correct),
          active: question?.active ?? true,
        },
      },
      {
        onSuccess: () => {
          if (!question) {
            setTextFa('');
            setOptions(['', '', '', '']);
            setCorrect(null);
          }
          onDone?.();
        },
      },
    );
  };

  return (
    <FormSection
      as="form"
      level={3}
      title={question ? t('training.bank.editQuestion') : t('training.bank.newQuestion')}
      onSubmit={submit}
      data-testid={question ? `question-editor-${question.id}` : 'question-form'}
      actions={
        <>
          <Button
            variant="default"
            size="xs"
            disabled={options.length >= 6}
            onClick={() => setOptions((o) => [...o, ''])}
            data-testid={`${prefix}-add-option`}
          >
            {t('training.bank.addOption')}
          </Button>
          <Button
            type="submit"
            size="xs"
            loading={save.isPending}
            data-testid={question ? `${prefix}-save` : 'add-question'}
          >
            {question ? t('training.bank.save') : t('training.bank.add')}
          </Button>
          {question ? (
            <Button variant="subtle" size="xs" onClick={onDone}>
              {t('training.bank.cancel')}
            </Button>
          ) : null}
        </>
      }
    >
      <ProblemAlert
        error={save.error}
        shownFields={['textFa', 'correctIndex', 'options', ...options.map((_, i) => `options.${i}`)]}
      />
      <Textarea
        label={t('training.bank.text')}
        value={textFa}
        onChange={(e) => setTextFa(e.currentTarget.value)}
        error={errors.textFa}
        required
        autosize
        minRows={2}
        data-testid={`${prefix}-question-text`}
      />
      <Radio.Group
        label={t('training.bank.correctOption')}
        description={t('training.bank.correctHint')}
        value={correct}
        onChange={setCorrect}
        error={errors.correctIndex}
        data-testid={`${prefix}-correct-group`}
      >
        <Stack gap={6} mt={4}>
          {options.map((option, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
            <Group key={i} gap="xs" wrap="nowrap">
              <Radio
                value={String(i)}
                aria-label={t('training.bank.markCorrect', { n: digits(i + 1) })}
                data-testid={`${prefix}-correct-${i}`}
              />
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('training.bank.option', { n: digits(i + 1) })}
                placeholder={t('training.bank.option', { n: digits(i + 1) })}
                value={option}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOptions((o) => o.map((x, j) => (j === i ? v : x)));
                }}
                error={errors[`options.${i}`]}
                data-testid={`${prefix}-option-${i}`}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={options.length <= 2}
                aria-label={t('training.bank.removeOption', { n: digits(i + 1) })}
                onClick={() => {
                  setOptions((o) => o.filter((_, j) => j !== i));
                  setCorrect(null);
                }}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      {errors.options ? (
        <div role="alert" style={{ color: 'var(--mantine-color-error)' }}>
          {errors.options}
        </div>
      ) : null}
    </FormSection>
  );
}
