import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useOfficeServices } from '#web/features/catalog/api/services.ts';

/** The services an office offers, by their catalog titles. */
export function ServiceBadges({ codes, max, first }: { codes: string[]; max?: number; first?: string | null }) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const services = useOfficeServices().data ?? [];
  const title = (code: string) => text(services.find((s) => s.code === code)?.title) || code;
  if (codes.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('offices.detail.noServices')}
      </Text>
    );
  // The service someone searched for leads, so they see why the office is listed.
  const ordered = first && codes.includes(first) ? [first, ...codes.filter((c) => c !== first)] : codes;
  const shown = max ? ordered.slice(0, max) : ordered;
  return (
    <Group gap={6}>
      {shown.map((c) => (
        <Badge key={c} variant="light" color="indigo" tt="none" data-testid="office-service">
          {title(c)}
        </Badge>
      ))}
      {max && codes.length > max ? (
        <Text size="sm" c="dimmed">
          {t('offices.list.moreServices', { count: codes.length - max, formatted: digits(codes.length - max) })}
        </Text>
      ) : null}
    </Group>
  );
}
