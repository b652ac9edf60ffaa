import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { dirOf, useLang } from './i18n';
import { queryClient } from './query-client';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

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
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
