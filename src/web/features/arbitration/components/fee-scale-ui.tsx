/** Small pieces of the fee-scale screen: a rate in basis points as people read it, and a scale's standing. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScaleStanding } from '#core/arbitration/fees';
import { useLang } from '#web/app/i18n/index.ts';

/** «۲٪», «۰٫۲۵٪»: basis points are hundredths of a percent. */
export function Rate({ basisPoints }: { basisPoints: number }) {
  const { lang } = useLang();
  const text = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 2 }).format(
    basisPoints / 100,
  );
  return (
    <bdi>
      {text}
      {lang === 'fa' ? '٪' : '%'}
    </bdi>
  );
}

const STANDING_COLOR: Record<ScaleStanding, string> = {
  upcoming: 'blue',
  'in-force': 'teal',
  past: 'gray',
  withdrawn: 'dark',
};

export function StandingBadge({ standing }: { standing: ScaleStanding }) {
  const { t } = useTranslation();
  return (
    // Never cut short in a narrow column (a phone): the word is the point.
    <Badge color={STANDING_COLOR[standing]} variant="light" miw="max-content" data-testid="fee-scale-standing">
      {t(`arbitration.feeScales.standing.${standing}`)}
    </Badge>
  );
}
