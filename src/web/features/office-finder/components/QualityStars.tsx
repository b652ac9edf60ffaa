/**
 * An office's quality in the finder: stars from its latest month with enough data, with that month
 * and its number of citizens' ratings, or "not enough data".
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatJalaliMonth } from '#core/jalali';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { FinderOffice } from '../api/find-offices';

const FIVE = '★★★★★';

export function QualityStars({ quality }: { quality: FinderOffice['quality'] }) {
  const { t } = useTranslation();
  const { digits, count, lang } = useDigits();
  if (quality.stars == null)
    return (
      <Text size="sm" c="dimmed" data-testid="finder-stars" data-stars="">
        {t('officeFinder.stars.notEnough')}
      </Text>
    );
  // «۴٫۵» in Persian, with the Persian decimal separator.
  const figure = digits(String(quality.stars)).replace('.', lang === 'fa' ? '٫' : '.');
  const label = t('officeFinder.stars.label', { stars: figure, n: count(quality.ratings) });
  return (
    <Group gap={6} wrap="nowrap" data-testid="finder-stars" data-stars={quality.stars} role="img" aria-label={label}>
      {/* Grey stars with the gold share laid over them from the line's start (the right, in Persian). */}
      <span aria-hidden="true" style={{ position: 'relative', display: 'inline-block', lineHeight: 1 }}>
        <span style={{ color: 'var(--mantine-color-gray-4)' }}>{FIVE}</span>
        <span
          style={{
            position: 'absolute',
            insetInlineStart: 0,
            top: 0,
            width: `${(quality.stars / 5) * 100}%`,
            overflow: 'hidden',
            whiteSpace: 'nowrap',
            color: 'var(--mantine-color-yellow-6)',
          }}
        >
          {FIVE}
        </span>
      </span>
      <Text size="sm" fw={600} aria-hidden="true">
        {figure}
      </Text>
      <Text size="sm" c="dimmed" aria-hidden="true">
        {t('officeFinder.stars.ratings', { n: count(quality.ratings), month: formatJalaliMonth(quality.month, lang) })}
      </Text>
    </Group>
  );
}
