import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ForbiddenPage } from './ForbiddenPage';
import { canOpen, homePath, type PageKey } from '../access';
import { useAuth } from '../auth';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}

/** Signed-in area: sends signed-out visitors to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: React.ReactNode }) {
  const { user, isLoading, error } = useAuth();
  const location = useLocation();
  if (isLoading) return <FullPageLoader />;
  if (error) return <ProblemAlert error={error} />;
  if (!user) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

/** Sign-in pages: a signed-in person goes straight home. */
export function RedirectIfSignedIn({ children }: { children: React.ReactNode }) {
  const { user, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <FullPageLoader />;
  if (user) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from?.startsWith('/') && !from.startsWith('/sign-in') ? from : homePath(user)} replace />;
  }
  return <>{children}</>;
}

/**
 * A page only some roles may open. Others are told so, with the way home — never sent elsewhere
 * without a word; only the dashboard, which is home, sends a person to their own home.
 */
export function RoleGate({ page }: { page: PageKey }) {
  const { user } = useAuth();
  if (canOpen(user, page)) return <Outlet />;
  if (page === 'dashboard') return <Navigate to="/profile" replace />;
  return <ForbiddenPage home={homePath(user)} />;
}
