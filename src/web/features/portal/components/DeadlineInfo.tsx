/**
 * A deadline as a citizen reads it: days left (Persian digits), the last day with its weekday, why
 * it moved when it did (Art. 444), and how a limit from a notice is counted, in one sentence.
 */
import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CountingRule, DeadlineLine } from '#web/ui/DeadlineLine.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { Deadline } from '../api/get-overview';

function DaysLeftBadge({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  if (deadline.expired)
    return (
      <Badge color="gray" data-testid="deadline-days-left">
        {t('portal.deadline.expired')}
      </Badge>
    );
  const color = deadline.daysLeft <= 3 ? 'red' : deadline.daysLeft <= 7 ? 'orange' : 'teal';
  return (
    <Badge color={color} size="lg" data-testid="deadline-days-left">
      {deadline.daysLeft === 0
        ? t('portal.deadline.today')
        : t('portal.deadline.daysLeft', { n: digits(deadline.daysLeft) })}
    </Badge>
  );
}

export function DeadlineInfo({
  deadline,
  compact = false,
  action,
}: {
  deadline: Deadline;
  compact?: boolean;
  /** A further link under the full view, e.g. adding the last day to a calendar. */
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  if (compact) {
    return (
      <Stack gap={2} data-testid="deadline">
        <Group gap="xs" wrap="wrap">
          <DaysLeftBadge deadline={deadline} />
          <DeadlineLine size="sm" lastDay={deadline.lastDay} moved={deadline.moved} />
        </Group>
      </Stack>
    );
  }
  return (
    <Alert
      color={deadline.expired ? 'gray' : 'blue'}
      title={t('portal.deadline.title', { days: digits(deadline.days) })}
      data-testid="deadline"
    >
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <DaysLeftBadge deadline={deadline} />
          <DeadlineLine lastDay={deadline.lastDay} moved={deadline.moved} />
        </Group>
        <CountingRule />
        <Text size="sm">
          <Anchor component={Link} to="/deadline">
            {t('portal.deadline.calculator')}
          </Anchor>
        </Text>
        {action}
      </Stack>
    </Alert>
  );
}
