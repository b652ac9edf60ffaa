import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dayAndMonth, movedOverPhrase, weekdayName } from '#core/deadline-wording';
import { jalaliToIso, parseJalaliDate } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useUnsentFilings } from '../api/unsent-filings';

const isoOf = (jalali: string) => jalaliToIso(parseJalaliDate(jalali)!);

/**
 * Paid filings of the office not yet sent to court: a quiet line during the day, a warning in the
 * last hours of the office's day (its own opening hours) and after it closes, and all day on the last
 * working day before an official holiday, naming the closed days and the day the office opens again;
 * the list a click away. Nothing at all when every paid filing has been sent.
 */
export function UnsentFilingsAlert() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const { lang } = useLang();
  const unsent = useUnsentFilings();
  const d = unsent.data;
  if (!d || d.count === 0) return null;
  const count = digits(d.count);
  const closesAt = d.day.closesAt ? digits(d.day.closesAt) : '';
  const ahead = d.day.beforeHoliday;
  const message = !d.warn
    ? t('counter.unsent.count', { count })
    : (d.day.minutesLeft ?? 0) <= 0
      ? t('counter.unsent.closed', { count, closesAt })
      : ahead
        ? t('counter.unsent.beforeHoliday', {
            count,
            closesAt,
            days: movedOverPhrase(
              ahead.closed.map((c) => ({ date: isoOf(c.date), reason: c.reason, title: c.title })),
              lang,
            ),
            reopens: ahead.reopensOn
              ? `${weekdayName(isoOf(ahead.reopensOn), lang)} ${dayAndMonth(isoOf(ahead.reopensOn), lang)}`
              : '…',
          })
        : t('counter.unsent.warning', { count, closesAt });
  return (
    <Alert
      // A deep red keeps white text readable (WCAG AA); the quiet note is the light blue of information.
      color={d.warn ? 'red.9' : 'blue'}
      variant={d.warn ? 'filled' : 'light'}
      title={t('counter.unsent.title')}
      role={d.warn ? 'alert' : 'status'}
      data-testid="unsent-filings"
      data-warn={d.warn}
      data-before-holiday={ahead ? 'true' : undefined}
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm" data-testid="unsent-filings-message">
          {message}
        </Text>
        <Anchor
          component={Link}
          to="/filings?status=paid"
          size="sm"
          c={d.warn ? 'white' : undefined}
          fw={700}
          underline="always"
          data-testid="unsent-filings-list"
        >
          {t('counter.unsent.list')}
        </Anchor>
      </Group>
    </Alert>
  );
}
