/**
 * The count drawn on small Jalali month calendars (Saturday first): the day of delivery (not
 * counted), the counted days, closed days inside the limit (counted all the same), the closed days
 * the last day moved over, and the last day itself. Months wholly inside a long limit are folded
 * into one line. Each day says what it is in words too, for screen readers and for print.
 */
import { Box, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { JALALI_MONTH_NAMES_EN, JALALI_MONTH_NAMES_FA, jalaliToIso, parseJalaliDate, weekdayOfIso } from '#core/jalali';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { DeadlineResult } from '../api/compute-deadline';

export type DayRole = 'delivery' | 'counted' | 'countedClosed' | 'moved' | 'last' | 'outside';

const STYLE: Record<DayRole, CSSProperties> = {
  delivery: {
    background: 'var(--mantine-color-gray-2)',
    color: 'var(--mantine-color-dark-9)',
    outline: '2px dashed var(--mantine-color-gray-7)',
    outlineOffset: -3,
  },
  counted: { background: 'var(--mantine-color-blue-1)', color: 'var(--mantine-color-dark-9)' },
  countedClosed: {
    background: 'var(--mantine-color-blue-0)',
    color: 'var(--mantine-color-red-9)',
    fontWeight: 700,
    textDecoration: 'underline dotted',
  },
  moved: {
    background: 'var(--mantine-color-orange-1)',
    color: 'var(--mantine-color-dark-9)',
    textDecoration: 'line-through',
  },
  last: {
    background: 'var(--mantine-color-teal-9)',
    color: 'white',
    fontWeight: 700,
    boxShadow: '0 0 0 2px var(--mantine-color-teal-9)',
  },
  outside: { color: 'var(--mantine-color-gray-7)' },
};

const iso = (jalali: string) => jalaliToIso(parseJalaliDate(jalali)!);
const monthKey = (jalali: string) => jalali.slice(0, 7);
const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
const keyOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** What each day of the count is. */
function dayRoles(result: DeadlineResult): (jalali: string) => DayRole {
  const moved = new Set(result.moved.map((m) => m.date));
  const closed = new Set(result.closedWithinLimit.map((c) => c.date));
  return (day) => {
    if (day === result.deliveredOn) return 'delivery';
    if (day === result.lastDay) return 'last';
    if (moved.has(day)) return 'moved';
    if (day >= result.firstCountedDay && day <= result.lastCountedDay)
      return closed.has(day) ? 'countedClosed' : 'counted';
    return 'outside';
  };
}

/** The months to draw: delivery's, and from the last counted day's to the last day's; those between are folded. */
function monthsShown(result: DeadlineResult): (string | { folded: number })[] {
  const keys = [
    ...new Set([
      monthKey(result.deliveredOn),
      monthKey(result.lastCountedDay),
      monthKey(result.nominalLastDay),
      monthKey(result.lastDay),
    ]),
  ];
  const out: (string | { folded: number })[] = [];
  keys.forEach((k, i) => {
    if (i > 0) {
      const gap = monthIndex(k) - monthIndex(keys[i - 1]) - 1;
      if (gap === 1) out.push(keyOf(monthIndex(k) - 1));
      else if (gap > 1) out.push({ folded: gap });
    }
    out.push(k);
  });
  return out;
}

const WEEK_FA = ['ش', 'ی', 'د', 'س', 'چ', 'پ', 'ج'];
const WEEK_EN = ['Sa', 'Su', 'Mo', 'Tu', 'We', 'Th', 'Fr'];

function Month({ month, role }: { month: string; role: (jalali: string) => DayRole }) {
  const { t } = useTranslation();
  const { lang, digits } = useDigits();
  const [jy, jm] = month.split('-').map(Number);
  const first = jalaliToIso({ jy, jm, jd: 1 });
  const next = jalaliToIso(jm === 12 ? { jy: jy + 1, jm: 1, jd: 1 } : { jy, jm: jm + 1, jd: 1 });
  const length = Math.round((Date.parse(next) - Date.parse(first)) / 86_400_000);
  // Columns run Saturday … Friday: Saturday (6) is column 0.
  const offset = (weekdayOfIso(first) + 1) % 7;
  const cells: (number | null)[] = [...Array(offset).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const name = `${(lang === 'fa' ? JALALI_MONTH_NAMES_FA : JALALI_MONTH_NAMES_EN)[jm - 1]} ${digits(jy)}`;
  return (
    <Box
      component="table"
      data-testid="count-month"
      data-month={month}
      style={{ borderCollapse: 'separate', borderSpacing: 3, margin: '0 auto' }}
    >
      <caption style={{ fontWeight: 700, paddingBottom: 4 }}>{name}</caption>
      <thead>
        <tr>
          {(lang === 'fa' ? WEEK_FA : WEEK_EN).map((d, i) => (
            <th key={d} scope="col" style={{ fontWeight: 600, fontSize: 13, width: 38 }}>
              <abbr title={t(`deadlineCalculator.weekdays.${i}`)} style={{ textDecoration: 'none' }}>
                {d}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
          <tr key={w}>
            {week.map((day, i) => {
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
              if (day == null) return <td key={i} />;
              const jalali = `${month}-${String(day).padStart(2, '0')}`;
              const r = role(jalali);
              return (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
                  key={i}
                  data-testid="count-day"
                  data-day={jalali}
                  data-role={r}
                  style={{ ...STYLE[r], width: 38, height: 34, textAlign: 'center', borderRadius: 6, fontSize: 14 }}
                >
                  <span aria-hidden="true">{digits(day)}</span>
                  <VisuallyHidden>{`${digits(day)} ${name}: ${t(`deadlineCalculator.roles.${r}`)}`}</VisuallyHidden>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

export function CountCalendar({ result }: { result: DeadlineResult }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const role = dayRoles(result);
  const legend: DayRole[] = ['delivery', 'counted', 'countedClosed', 'moved', 'last'];
  return (
    <Stack gap="sm" data-testid="count-calendar">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {monthsShown(result).map((m) =>
          typeof m === 'string' ? (
            <Month key={m} month={m} role={role} />
          ) : (
            <Text
              key={`folded-${m.folded}`}
              size="sm"
              ta="center"
              style={{ alignSelf: 'center' }}
              data-testid="count-folded"
            >
              {t('deadlineCalculator.folded', { n: digits(m.folded) })}
            </Text>
          ),
        )}
      </SimpleGrid>
      <Group
        gap="md"
        justify="center"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('deadlineCalculator.legend')}
      >
        {legend.map((r) => (
          <Group key={r} gap={6} component="li" wrap="nowrap">
            <Box
              aria-hidden="true"
              style={{
                ...STYLE[r],
                width: 22,
                height: 18,
                borderRadius: 4,
                fontSize: 11,
                textAlign: 'center',
                lineHeight: '18px',
              }}
            >
              {digits(1)}
            </Box>
            <Text size="sm">{t(`deadlineCalculator.roles.${r}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** The ISO day of a Jalali day in an answer (the wording and JalaliDate take ISO). */
export const isoOf = iso;
