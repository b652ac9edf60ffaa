import { Alert, Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A page the person's role may not open: said plainly, with the way back to their own home. */
export function ForbiddenPage({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="forbidden-page">
      <Title order={1} size="h3">
        {t('common.forbidden.title')}
      </Title>
      <Alert color="yellow" role="alert">
        {t('common.forbidden.body')}
      </Alert>
      <Button component={Link} to={home} variant="light" w="fit-content" data-testid="forbidden-home">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
