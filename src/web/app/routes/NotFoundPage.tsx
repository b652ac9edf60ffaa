import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <h1
        className="visually-hidden-heading"
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
      >
        {t('common.notFound.title')}
      </h1>
      <Alert color="yellow" title={t('common.notFound.title')}>
        {t('common.notFound.body')}
      </Alert>
      <Button component={Link} to="/" variant="light" w="fit-content">
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
