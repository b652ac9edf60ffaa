/**
 * One complaint as its readers see it: the office, what it is about, where it stands, the
 * manager's answer clock in working days, the answer and the association's decision with its
 * reasons. The office's manager answers here; the province's association decides here.
 */
import { Badge, Button, Card, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { type Complaint, useAnswerComplaint, useDecideComplaint } from '../api/complaints';

const STATE_COLOR = { received: 'blue', answered: 'violet', upheld: 'red', dismissed: 'gray' } as const;
const CLOCK_COLOR: Record<string, string> = {
  running: 'gray',
  reminder: 'yellow',
  overdue: 'red',
  met: 'green',
  late: 'orange',
  paused: 'gray',
};

function AnswerForm({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const answer = useAnswerComplaint(complaint.id);
  const [text, setText] = useState('');
  const errors = fieldErrorsOf(answer.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    answer.mutate({ answer: text });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="complaint-answer-form">
      <Stack gap="xs">
        <Textarea
          label={t('quality.complaint.answerLabel')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          withAsterisk
          error={errors.answer}
          data-testid="complaint-answer"
        />
        <ProblemAlert error={answer.error} shownFields={['answer']} />
        <Group>
          <Button type="submit" size="compact-md" loading={answer.isPending} data-testid="complaint-answer-submit">
            {t('quality.complaint.answerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionForm({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { lang } = useDigits();
  const decide = useDecideComplaint(complaint.id);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [reasons, setReasons] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(decide.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) {
      setMissing(true);
      return;
    }
    decide.mutate({ outcome: outcome as 'upheld' | 'dismissed', reasons });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="complaint-decision-form">
      <Stack gap="xs">
        <Radio.Group
          label={t('quality.complaint.outcome')}
          value={outcome}
          onChange={setOutcome}
          withAsterisk
          error={errors.outcome ?? (missing && !outcome ? t('quality.complaint.required') : undefined)}
        >
          <Group mt="xs">
            <Radio value="upheld" label={t('quality.complaint.states.upheld')} data-testid="complaint-upheld" />
            <Radio
              value="dismissed"
              label={t('quality.complaint.states.dismissed')}
              data-testid="complaint-dismissed"
            />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('quality.complaint.reasons')}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          withAsterisk
          error={errors.reasons}
          data-testid="complaint-reasons"
        />
        <ProblemAlert error={decide.error} shownFields={['outcome', 'reasons']} />
        <Group>
          <Button type="submit" size="compact-md" loading={decide.isPending} data-testid="complaint-decide">
            {t('quality.complaint.decide')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ComplaintCard({
  complaint: c,
  mayAnswer,
  mayDecide,
}: {
  complaint: Complaint;
  mayAnswer: boolean;
  mayDecide: boolean;
}) {
  const { t } = useTranslation();
  const d = useDigits();
  const clock = c.answerClock;
  return (
    <Card withBorder component="li" style={{ listStyle: 'none' }} data-testid="complaint" data-state={c.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{d.text(c.office.name)}</Text>
          <Group gap="xs">
            <Badge variant="light">{t(`quality.complaint.categories.${c.category}`)}</Badge>
            <Badge color={STATE_COLOR[c.state]} data-testid="complaint-state">
              {t(`quality.complaint.states.${c.state}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('quality.complaint.filed')} <JalaliDate value={c.filedOn} /> · {t('quality.complaint.occurred')}{' '}
          <JalaliDate value={c.occurredOn} /> · {t(`quality.complaint.channels.${c.channel}`)}
          {c.operator ? ` · ${t('quality.complaint.operator', { name: c.operator.name })}` : ''}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.text}
        </Text>
        <Group gap="xs">
          <Badge variant="dot" color={CLOCK_COLOR[clock.state]} data-testid="complaint-clock" data-clock={clock.state}>
            {t(`quality.complaint.clock.${clock.state}`, {
              elapsed: d.count(clock.elapsed),
              limit: d.count(clock.limitDays),
              over: d.count(clock.daysOver),
            })}
          </Badge>
          {clock.dueOn && c.state === 'received' ? (
            <Text size="xs" c="dimmed">
              {t('quality.complaint.dueOn')} <JalaliDate value={clock.dueOn} />
            </Text>
          ) : null}
          {c.remindedOn ? (
            <Text size="xs" c="dimmed" data-testid="complaint-reminded">
              {t('quality.complaint.remindedOn')} <JalaliDate value={c.remindedOn} />
            </Text>
          ) : null}
          {c.escalatedOn ? (
            <Badge variant="light" color="orange" data-testid="complaint-escalated">
              {t('quality.complaint.escalatedOn')} <JalaliDate value={c.escalatedOn} />
            </Badge>
          ) : null}
        </Group>
        {c.answer ? (
          <Text size="sm" data-testid="complaint-answer-text">
            <b>{t('quality.complaint.answerHeading')}</b> {c.answer}
          </Text>
        ) : null}
        {c.reasons ? (
          <Text size="sm" data-testid="complaint-reasons-text">
            <b>{t('quality.complaint.reasonsHeading')}</b> {c.reasons}
          </Text>
        ) : null}
        {mayAnswer && c.state === 'received' ? <AnswerForm complaint={c} /> : null}
        {mayDecide && c.decidable ? <DecisionForm complaint={c} /> : null}
      </Stack>
    </Card>
  );
}
