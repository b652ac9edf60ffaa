import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { dirOf, useLang } from './i18n';
import { queryClient } from './query-client';
import { AppRouter } from './AppRouter';
import { AppRoutes } from './router';
import { FullPageLoader } from './routes/guards';
import { RouteErrorBoundary } from './routes/RouteError';
import { cssVariablesResolver, theme } from './theme';

/**
 * The notifications' container (toasts) is fetched after the first page: nothing shows a toast
 * before someone acts, and a toast shown earlier waits in the store until the container mounts.
 */
const Toasts = lazy(() => import('./Toasts.tsx'));

/** Keeps Mantine's direction context in step with the language (fa → rtl, en → ltr). */
function DirectionSync() {
  const { lang } = useLang();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(dirOf(lang));
  }, [lang, setDirection]);
  return null;
}

export function App() {
  const { lang } = useLang();
  return (
    <DirectionProvider initialDirection={dirOf(lang)} detectDirection={false}>
      <DirectionSync />
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Suspense fallback={null}>
          <Toasts />
        </Suspense>
        <QueryClientProvider client={queryClient}>
          <AppRouter>
            <RouteErrorBoundary>
              <Suspense fallback={<FullPageLoader />}>
                <AppRoutes />
              </Suspense>
            </RouteErrorBoundary>
          </AppRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
