import '../i18n/index.ts';
import { Alert, Badge, Button, Card, Group, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#web/app/api-client.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useSecondsLeft } from '#web/ui/use-seconds-left.ts';
import { useAttempt, useSubmitAttempt } from '../api/exams';
import type { ExamAttempt } from '../api/exams';

const LETTERS_FA = ['الف', 'ب', 'ج', 'د', 'هـ', 'و'];

/**
 * /exams/:attemptId — one timed sitting: a countdown, one radio group per question, and a submit
 * that asks for confirmation. After submission it shows the score, pass or fail and which answers
 * were right; when the time is up it says so plainly (the server refuses late answer sheets).
 */
export function ExamAttemptPage() {
  const { t } = useTranslation();
  const id = Number(useParams().attemptId);
  const attempt = useAttempt(id);
  return (
    <Stack data-testid="exam-attempt-page">
      <PageTitle title={attempt.data?.exam.titleFa ?? t('nav.exam')} subtitle={t('training.attempt.subtitle')} />
      <ProblemAlert error={attempt.error} />
      {attempt.data ? <AttemptBody attempt={attempt.data} /> : null}
      <Group>
        <Button component={Link} to="/training" variant="subtle">
          {t('training.attempt.back')}
        </Button>
      </Group>
    </Stack>
  );
}

function Countdown({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return (
    <Card withBorder padding="sm" data-testid="exam-countdown" style={{ position: 'sticky', top: 8, zIndex: 2 }}>
      <Group justify="space-between">
        <Text fw={600}>{t('training.attempt.timeLeft')}</Text>
        {/* Read out once a minute at most: the live region announces the minute, not every second. */}
        <Text fw={800} fz="xl" c={seconds < 60 ? 'red' : undefined} dir="ltr" aria-hidden="true">
          {digits(`${mm}:${ss}`)}
        </Text>
        <span
          className="sr-only"
          style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
          aria-live="polite"
        >
          {t('training.attempt.minutesLeft', { n: digits(Math.ceil(seconds / 60)) })}
        </span>
      </Group>
    </Card>
  );
}

function AttemptBody({ attempt }: { attempt: ExamAttempt }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const secondsLeft = useSecondsLeft(attempt.status === 'in-progress' ? Date.parse(attempt.deadlineAt) : null);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmitAttempt(attempt.id);
  const timeOver =
    attempt.status === 'expired' ||
    (attempt.status === 'in-progress' && secondsLeft === 0) ||
    (isApiError(submit.error) && submit.error.code === 'exam_time_over');
  const submitted = attempt.status === 'submitted';
  const answered = Object.keys(answers).length;

  const send = () => {
    setConfirming(false);
    submit.mutate(answers);
  };

  return (
    <Stack>
      <Group gap="sm">
        <Badge variant="light">{t('training.attempt.number', { n: digits(attempt.attemptNumber) })}</Badge>
        <Badge variant="light">{t('training.attempt.passMark', { n: digits(attempt.exam.passPercent) })}</Badge>
      </Group>

      {submitted ? (
        <Alert
          color={attempt.passed ? 'teal' : 'red'}
          title={attempt.passed ? t('training.attempt.passed') : t('training.attempt.failed')}
          data-testid="exam-result"
          role="status"
        >
          {t('training.attempt.score', {
            score: digits(attempt.scorePercent ?? 0),
            pass: digits(attempt.exam.passPercent),
          })}
        </Alert>
      ) : timeOver ? (
        <Alert color="red" title={t('training.attempt.timeOverTitle')} data-testid="exam-time-over" role="alert">
          {t('training.attempt.timeOver')}
        </Alert>
      ) : (
        <Countdown seconds={secondsLeft} />
      )}

      {submit.error && !timeOver ? <ProblemAlert error={submit.error} /> : null}

      {attempt.questions.map((q, i) => {
        const chosen = submitted ? attempt.answers?.[String(q.id)] : answers[String(q.id)];
        const right = attempt.correctness?.[String(q.id)];
        return (
          <Card key={q.id} withBorder padding="md" data-testid={`question-${q.id}`}>
            <Radio.Group
              name={`q-${q.id}`}
              label={
                <Text span fw={600}>
                  {digits(i + 1)}. {q.textFa}
                </Text>
              }
              value={chosen == null ? null : String(chosen)}
              onChange={(v) => setAnswers((a) => ({ ...a, [String(q.id)]: Number(v) }))}
              data-testid={`question-group-${q.id}`}
              aria-label={t('training.attempt.questionLabel', { n: digits(i + 1) })}
            >
              <Stack gap={6} mt="xs">
                {q.options.map((option, oi) => (
                  <Radio
                    // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
                    key={oi}
                    value={String(oi)}
                    label={`${LETTERS_FA[oi] ?? digits(oi + 1)}) ${option}`}
                    disabled={submitted || timeOver}
                    data-testid={`option-${q.id}-${oi}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {submitted ? (
              <Text mt="xs" size="sm" fw={600} c={right ? 'teal' : 'red'} data-testid={`question-outcome-${q.id}`}>
                {right
                  ? t('training.attempt.right')
                  : chosen == null
                    ? t('training.attempt.unanswered')
                    : t('training.attempt.wrong')}
              </Text>
            ) : null}
          </Card>
        );
      })}

      {!submitted && !timeOver ? (
        <Group>
          <Button onClick={() => setConfirming(true)} loading={submit.isPending} data-testid="submit-exam">
            {t('training.attempt.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('training.attempt.answered', { n: digits(answered), total: digits(attempt.questions.length) })}
          </Text>
        </Group>
      ) : null}

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        closeButtonProps={{ 'aria-label': t('training.attempt.keepGoing') }}
        title={
          <Title order={2} size="h4">
            {t('training.attempt.confirmTitle')}
          </Title>
        }
        centered
      >
        <Stack>
          <Text>
            {t('training.attempt.confirmText', { n: digits(answered), total: digits(attempt.questions.length) })}
          </Text>
          {answered < attempt.questions.length ? (
            <Text c="orange" size="sm">
              {t('training.attempt.unansweredWarning')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('training.attempt.keepGoing')}
            </Button>
            <Button onClick={send} data-testid="confirm-submit-exam">
              {t('training.attempt.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
