import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function BrandTitle({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={to} underline="never" c="inherit" data-testid="brand">
      <Text component="span" fw={700} size="lg">
        {t('app.name')}
      </Text>
      <Text component="span" size="sm" visibleFrom="sm">
        {' — '}
        {t('app.tagline')}
      </Text>
    </Anchor>
  );
}
