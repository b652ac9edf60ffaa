/** Small pieces shared by the schedule pages: who may draft or approve, state badges, change in percent. */
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '#web/app/auth.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { ScheduleState } from '../api/schedules';

/** Drafts are national: the national association or the regulator prepares them. */
export const canDraft = (user: CurrentUser | null) =>
  !!user?.roles.some(
    (g) => g.role === 'regulator_admin' || (g.role === 'association_admin' && g.scope.kind === 'nation'),
  );
export const canApprove = (user: CurrentUser | null) => !!user?.roles.some((g) => g.role === 'regulator_admin');

const STATE_COLOR: Record<ScheduleState, string> = {
  draft: 'indigo',
  upcoming: 'blue',
  'in-force': 'teal',
  superseded: 'gray',
};

export function StateBadge({ state }: { state: ScheduleState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid="schedule-state">
      {t(`tariffs.schedules.state.${state}`)}
    </Badge>
  );
}

/** «+۹٫۷٪», red when fees go up, green when down; a dash when there is nothing to compare with. */
export function ChangePercent({ value }: { value: number | null }) {
  const { lang } = useDigits();
  if (value == null)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  const text = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
  return (
    <Text span c={value > 0 ? 'red.9' : value < 0 ? 'teal.9' : undefined} dir="ltr">
      {text}
      {lang === 'fa' ? '٪' : '%'}
    </Text>
  );
}

/** A Jalali ISO date (1404-01-01) as people read it (۱۴۰۴/۰۱/۰۱). */
export function JalaliDay({ value }: { value: string | null }) {
  const { digits } = useDigits();
  return value ? (
    <bdi>{digits(value.replace(/-/g, '/'))}</bdi>
  ) : (
    <Text span c="dimmed">
      —
    </Text>
  );
}
