import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channels } from '../api/channel-policies';

const COLORS: Record<Channels, string> = { office: 'blue', online: 'teal', both: 'grape' };

/** Office only / online only / both, as a coloured badge. */
export function PolicyBadge({ channels }: { channels: Channels }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[channels]} variant="light" data-testid="policy-badge" data-channels={channels}>
      {t(`channels.policy.${channels}`)}
    </Badge>
  );
}
