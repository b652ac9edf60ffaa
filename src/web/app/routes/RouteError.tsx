import { Alert, Button, Container, Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Shown when a page fails to load (e.g. a stale chunk after a deploy) or throws while rendering. */
function RouteError() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Alert color="red" title={t('common.errorTitle')} role="alert">
          {t('common.pageFailed')}
        </Alert>
        <Button component={Link} to="/" variant="light" w="fit-content">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}

class Boundary extends Component<{ pathname: string; children: ReactNode }, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): Partial<{ failedAt: string | null }> {
    return { failedAt: '' };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
    this.setState({ failedAt: this.props.pathname });
  }

  override componentDidUpdate(): void {
    // Going to another address leaves the failed page behind.
    if (this.state.failedAt && this.state.failedAt !== this.props.pathname) this.setState({ failedAt: null });
  }

  override render() {
    return this.state.failedAt === null ? this.props.children : <RouteError />;
  }
}

/** Catches a page's failure (rendering or loading its chunk) and shows RouteError until the address changes. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary pathname={pathname}>{children}</Boundary>;
}
