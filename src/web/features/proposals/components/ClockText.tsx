/** A review clock in words: working days elapsed of the limit, the last day in time, stopped, or overdue. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatJalali } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { ProposalClock } from '../api/proposals';

const CLOCK_COLOR: Record<ProposalClock['state'], string> = {
  running: 'blue',
  reminder: 'orange',
  paused: 'gray',
  overdue: 'red',
  met: 'teal',
  late: 'grape',
};

export function ClockText({ clock, testId }: { clock: ProposalClock; testId?: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const words = t(`proposals.clock.${clock.state}`, {
    elapsed: digits(clock.elapsed),
    limit: digits(clock.limitDays),
    remaining: digits(Math.max(0, clock.remaining)),
    over: digits(clock.daysOver),
    due: clock.dueOn ? formatJalali(clock.dueOn, lang) : '—',
  });
  return (
    <Group gap={4} data-testid={testId} data-state={clock.state}>
      <Badge variant="light" color={CLOCK_COLOR[clock.state]} style={{ flexShrink: 0 }}>
        {t(`proposals.clock.states.${clock.state}`)}
      </Badge>
      <Text size="sm">{words}</Text>
    </Group>
  );
}
