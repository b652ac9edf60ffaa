/** How an office's hours read: «باز است تا ۱۷:۰۰», «بسته — بازگشایی فردا ساعت ۰۸:۰۰», today's periods. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang, type Lang } from '#web/app/i18n/index.ts';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { FinderOffice, OpeningPeriod } from '../api/find-offices';

/** A distance in kilometres to one decimal, with the locale's digits and decimal separator («۵٫۱»). */
function formatKm(km: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(km);
}

export function useKm() {
  const { lang } = useLang();
  return (km: number) => formatKm(km, lang);
}

/** A day's periods as «۰۸:۰۰–۱۷:۰۰», or «closed». */
export function Periods({ periods }: { periods: OpeningPeriod[] }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  if (periods.length === 0)
    return (
      <Text span c="dimmed" size="sm">
        {t('officeFinder.hours.closed')}
      </Text>
    );
  return (
    <>
      {periods.map((p, i) => (
        <bdi key={p.opens} dir="ltr" style={{ marginInlineStart: i ? 8 : 0 }}>
          {digits(`${p.opens}–${p.closes}`)}
        </bdi>
      ))}
    </>
  );
}

/** The open-now badge and what follows it: until when, or when it next opens. */
export function OpenState({ office }: { office: FinderOffice }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  if (office.openNow) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Badge color="teal" variant="light" data-testid="finder-open">
          {t('officeFinder.open.now')}
        </Badge>
        {office.closesAt ? (
          <Text size="sm">{t('officeFinder.open.until', { time: digits(office.closesAt) })}</Text>
        ) : null}
      </Group>
    );
  }
  const next = office.nextOpening;
  const when = !next
    ? null
    : next.daysAhead === 0
      ? t('officeFinder.open.today')
      : next.daysAhead === 1
        ? t('officeFinder.open.tomorrow')
        : t(`officeFinder.days.${next.day}`);
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color="gray" variant="light" data-testid="finder-closed">
        {t('officeFinder.open.closed')}
      </Badge>
      {next ? <Text size="sm">{t('officeFinder.open.next', { when, time: digits(next.opens) })}</Text> : null}
    </Group>
  );
}
