/**
 * /s/:token — the survey an SMS link opens after a counter service, without signing in, made for a
 * phone: how satisfied (1–5), would they come back, and anything to add; answered once, within
 * seven days. An expired or used link says so in words.
 */
import '../i18n/index.ts';
import { Alert, Button, Card, Container, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAnswerSurvey, useSurvey } from '../api/survey';

const SCORES = ['5', '4', '3', '2', '1'] as const;

export function SurveyPage() {
  const { t } = useTranslation();
  const { lang, digits, text } = useDigits();
  const token = useParams().token ?? '';
  const survey = useSurvey(token);
  const answer = useAnswerSurvey(token);
  const [satisfaction, setSatisfaction] = useState<string | null>(null);
  const [wouldReturn, setWouldReturn] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(answer.error, lang);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!satisfaction || !wouldReturn) {
      setMissing(true);
      return;
    }
    answer.mutate({ satisfaction: Number(satisfaction), wouldReturn: wouldReturn === 'yes', comment: comment || null });
  };

  return (
    <Container size={480} px="sm" py="lg">
      <Stack>
        <Title order={1} size="h3">
          {t('quality.survey.title')}
        </Title>
        {answer.isSuccess ? (
          <Alert color="green" title={t('quality.survey.thanksTitle')} data-testid="survey-thanks">
            {t('quality.survey.thanks')}
          </Alert>
        ) : survey.error ? (
          <ProblemAlert error={survey.error} data-testid="survey-problem" />
        ) : survey.data ? (
          <Card withBorder component="form" onSubmit={submit} noValidate data-testid="survey-form" p={0}>
            <Stack p="md">
              <Text data-testid="survey-office">
                {t('quality.survey.about', { office: text(survey.data.office) })}
                {survey.data.service ? ` — ${text(survey.data.service)}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {t('quality.survey.until')} <JalaliDate value={survey.data.expiresAt} />
              </Text>
              <Radio.Group
                label={t('quality.survey.satisfaction')}
                value={satisfaction}
                onChange={setSatisfaction}
                error={errors.satisfaction ?? (missing && !satisfaction ? t('quality.survey.required') : undefined)}
                withAsterisk
              >
                <Stack gap="xs" mt="xs">
                  {SCORES.map((s) => (
                    <Radio
                      key={s}
                      value={s}
                      label={`${digits(s)} — ${t(`quality.survey.score.${s}`)}`}
                      data-testid={`survey-score-${s}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group
                label={t('quality.survey.wouldReturn')}
                value={wouldReturn}
                onChange={setWouldReturn}
                error={errors.wouldReturn ?? (missing && !wouldReturn ? t('quality.survey.required') : undefined)}
                withAsterisk
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="yes" label={t('quality.survey.yes')} data-testid="survey-return-yes" />
                  <Radio value="no" label={t('quality.survey.no')} data-testid="survey-return-no" />
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('quality.survey.comment')}
                description={t('quality.survey.commentHint')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={3}
                error={errors.comment}
                data-testid="survey-comment"
              />
              <ProblemAlert error={answer.error} shownFields={['satisfaction', 'wouldReturn', 'comment']} />
              <Button type="submit" loading={answer.isPending} fullWidth data-testid="survey-submit">
                {t('quality.survey.submit')}
              </Button>
            </Stack>
          </Card>
        ) : (
          <Text c="dimmed">{t('common.loading')}</Text>
        )}
      </Stack>
    </Container>
  );
}
