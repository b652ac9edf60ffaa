/**
 * A deadline as a citizen reads it: days left (Persian digits), the last day in Jalali, and a
 * clear note when the last day moved off a Friday or an official holiday (Art. 444).
 */
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { Deadline } from '../api/types';

export function DaysLeftBadge({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  if (deadline.expired) return <Badge color="gray" data-testid="deadline-days-left">{t('portal.deadline.expired')}</Badge>;
  const color = deadline.daysLeft <= 3 ? 'red' : deadline.daysLeft <= 7 ? 'orange' : 'teal';
  return (
    <Badge color={color} size="lg" data-testid="deadline-days-left">
      {deadline.daysLeft === 0 ? t('portal.deadline.today') : t('portal.deadline.daysLeft', { n: digits(deadline.daysLeft) })}
    </Badge>
  );
}

export function DeadlineInfo({ deadline, compact = false }: { deadline: Deadline; compact?: boolean }) {
  const { t } = useTranslation();
  const { digits, text } = useDigits();
  // Pink 9 (a dark crimson): 5.8:1 on the alert's blue 1 and 7.2:1 on white. No orange shade reaches
  // 4.5:1 on blue 1 (orange 9 is 3.5:1, which failed axe), and red 9 falls just short there (4.4:1).
  const moved = deadline.movedFrom ? (
    <Text size="sm" c="pink.9" data-testid="deadline-moved">
      {deadline.movedReason === 'friday'
        ? t('portal.deadline.movedFriday')
        : t('portal.deadline.movedHoliday', { title: deadline.holidayTitle ? text(deadline.holidayTitle) : t('portal.deadline.officialHoliday') })}{' '}
      (<JalaliDate value={deadline.movedFrom} />)
    </Text>
  ) : null;
  if (compact) {
    return (
      <Stack gap={2} data-testid="deadline">
        <Group gap="xs">
          <DaysLeftBadge deadline={deadline} />
          <Text size="sm">
            {t('portal.deadline.lastDay')}: <b data-testid="deadline-last-day"><JalaliDate value={deadline.lastDay} /></b>
          </Text>
        </Group>
        {moved}
      </Stack>
    );
  }
  return (
    <Alert color={deadline.expired ? 'gray' : 'blue'} title={t('portal.deadline.title', { days: digits(deadline.days) })} data-testid="deadline">
      <Stack gap={6}>
        <Group gap="sm">
          <DaysLeftBadge deadline={deadline} />
          <Text>
            {t('portal.deadline.lastDay')}: <b data-testid="deadline-last-day"><JalaliDate value={deadline.lastDay} /></b>
          </Text>
        </Group>
        {moved}
        <Text size="sm" c="dimmed">
          {t('portal.deadline.rule')}
        </Text>
      </Stack>
    </Alert>
  );
}
