/**
 * Routes, in react-router's declarative mode (useRoutes inside a BrowserRouter: the data router's
 * loaders and actions were never used, and it is half of react-router's weight). Each feature
 * declares its pages in its own `routes.ts`; this assembles them under the layouts and the role
 * gates. Every page is a lazy component (its own chunk); the shell (layout, Mantine, i18n, query
 * client) is shared. Role checks only decide what is offered — the server enforces access.
 */
import { type ComponentType, lazy, type ReactElement } from 'react';
import { type RouteObject, useRoutes } from 'react-router';
import type { PageKey } from './access';
import { FEATURE_ROUTES } from './feature-routes';
import { PublicLayout } from './layout/PublicLayout';
import type { FeatureRoute } from './routes/feature-route.ts';
import { RedirectIfSignedIn, RequireAuth, RoleGate } from './routes/guards';
import { NotFoundPage } from './routes/NotFoundPage';

/**
 * A page fetched when its route is first shown, with the Mantine CSS beyond the shell's
 * (mantine-styles-rest.ts) fetched beside it — unless it is light (only its own chunk; the parts it
 * shows later bring the rest of the CSS with them).
 */
function lazyPage({ load, light }: FeatureRoute): ReactElement {
  const Page = lazy(async () => {
    if (light) return { default: await load() };
    const [component] = await Promise.all([load(), import('./mantine-styles-rest.ts')]);
    return { default: component as ComponentType };
  });
  return <Page />;
}

function route(page: FeatureRoute): RouteObject {
  return page.path === '/' ? { index: true, element: lazyPage(page) } : { path: page.path, element: lazyPage(page) };
}

function placed(access: FeatureRoute['access']): RouteObject[] {
  return FEATURE_ROUTES.filter((page) => page.access === access).map(route);
}

/** The gated pages, one RoleGate per page key, in the order the features name them. */
function gated(): RouteObject[] {
  const keys = [...new Set(FEATURE_ROUTES.map((page) => page.access))].filter(
    (access): access is PageKey => !['guest', 'public', 'signed-in'].includes(access),
  );
  return keys.map((key) => ({ element: <RoleGate page={key} />, children: placed(key) }));
}

/** The signed-in shell (navigation, user menu) is its own chunk: the sign-in pages do not load it. */
const AppLayout = lazy(async () => ({ default: (await import('./layout/AppLayout')).AppLayout }));

const routes: RouteObject[] = [
  {
    element: (
      <RedirectIfSignedIn>
        <PublicLayout />
      </RedirectIfSignedIn>
    ),
    children: placed('guest'),
  },
  // The office finder and the deadline calculator are public: citizens use them without signing in.
  { element: <PublicLayout wide />, children: placed('public') },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [...gated(), ...placed('signed-in'), { path: '*', element: <NotFoundPage /> }],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
