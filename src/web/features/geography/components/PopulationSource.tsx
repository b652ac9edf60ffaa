/** Where a figure comes from, in words: census, estimate, GeoNames or an import (with its year). */
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';

/** The origin in words, its numbers written by `digits` (the reader's digits on screen, Latin ones in a file). */
export function populationSourceText(
  source: string | null,
  year: number | null,
  t: TFunction,
  digits: (value: string | number) => string = String,
): string {
  if (!source) return '';
  const imported = /^import:(\d+)$/.exec(source);
  const label = imported
    ? t('geography.source.import', { id: digits(imported[1]) })
    : source === 'census-1395'
      ? t('geography.source.census')
      : source.startsWith('estimate:')
        ? t('geography.source.estimate')
        : source === 'geonames'
          ? t('geography.source.geonames')
          : source;
  return year !== null ? `${label} (${digits(year)})` : label;
}

export function PopulationSource({ source, year }: { source: string | null; year: number | null }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  if (!source)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Text span size="sm" fs={source.startsWith('estimate:') ? 'italic' : undefined}>
      {populationSourceText(source, year, t, digits)}
    </Text>
  );
}
