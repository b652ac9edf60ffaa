/**
 * The last day of a limit as a person reads it, and — once, plainly — where it moved from:
 * «آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد». The words come from
 * `#core/deadline-wording`, so the notice pages, the calculator and printed text say the same.
 */
import { Text, type TextProps } from '@mantine/core';
import { COUNTING_RULE, lastDayWording, type MovedDay } from '#core/deadline-wording';
import { useLang } from '#web/app/i18n/index.ts';

export function DeadlineLine({ lastDay, moved, ...rest }: { lastDay: string; moved: readonly MovedDay[] } & TextProps) {
  const { lang } = useLang();
  const w = lastDayWording(lastDay, moved, lang);
  return (
    <Text {...rest} data-testid="deadline-line">
      {w.label}: {w.weekday}{' '}
      {/* The date in the same words as where it moved from: «۵ دی ۱۴۰۵», "5 Dey 1405" (not "Dey 5, 1405 AP"). */}
      <b data-testid="deadline-last-day">{w.date}</b>
      {w.moved ? <span data-testid="deadline-moved"> — {w.moved}</span> : null}
    </Text>
  );
}

/** How a limit from a notice is counted, in one sentence with its articles. */
export function CountingRule(props: TextProps) {
  const { lang } = useLang();
  return (
    <Text size="sm" {...props} data-testid="deadline-rule">
      {COUNTING_RULE[lang]}
    </Text>
  );
}
