import { Alert, Button, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page fails to load (e.g. a stale chunk after a deploy) or throws while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Alert color={notFound ? 'yellow' : 'red'} title={notFound ? t('common.notFound.title') : t('common.errorTitle')} role="alert">
          {notFound ? t('common.notFound.body') : t('common.pageFailed')}
        </Alert>
        <Button component={Link} to="/" variant="light" w="fit-content">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}
