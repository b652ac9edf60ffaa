/** An office's quality in the finder: stars from its score with the number of citizens' ratings, or "not enough data". */
import { Group, Rating, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import type { FinderOffice } from '../api/find-offices';

export function QualityStars({ quality }: { quality: FinderOffice['quality'] }) {
  const { t } = useTranslation();
  const { digits, count } = useDigits();
  if (quality.stars == null)
    return (
      <Text size="sm" c="dimmed" data-testid="finder-stars" data-stars="">
        {t('officeFinder.stars.notEnough')}
      </Text>
    );
  const label = t('officeFinder.stars.label', { stars: digits(String(quality.stars)), n: count(quality.ratings) });
  return (
    <Group gap={6} wrap="nowrap" data-testid="finder-stars" data-stars={quality.stars} role="img" aria-label={label}>
      {/* The stars read from the start of the line in either direction. */}
      <Rating value={quality.stars} fractions={2} readOnly size="sm" aria-hidden="true" />
      <Text size="sm" aria-hidden="true">
        {digits(String(quality.stars))}
      </Text>
      <Text size="sm" c="dimmed" aria-hidden="true">
        {t('officeFinder.stars.ratings', { n: count(quality.ratings) })}
      </Text>
    </Group>
  );
}
