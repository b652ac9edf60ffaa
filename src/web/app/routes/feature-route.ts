import type { ComponentType } from 'react';
import type { PageKey } from '../access';

/**
 * One page of a feature, as the feature declares it in its own `routes.ts`; the router
 * (app/router.tsx) assembles them. `access` says where the page stands:
 * - 'guest': the sign-in pages, which a signed-in person skips;
 * - 'public': open to anyone, in the wide public layout (the finder, the deadline calculator);
 * - 'signed-in': any signed-in person;
 * - a PageKey: the roles of access.ts's PAGE_NEEDS.
 */
export interface FeatureRoute {
  /** '/' is the signed-in home. */
  path: string;
  access: 'guest' | 'public' | 'signed-in' | PageKey;
  /**
   * Fetched when first shown; keep the import literal (`import('./pages/X.tsx')`): the strings
   * test follows it to the page's strings.
   */
  load: () => Promise<ComponentType>;
  /**
   * A page that must stay light (the sign-in page, the counter) or imports the CSS it needs
   * itself: only its own chunk, without the rest of the Mantine CSS.
   */
  light?: boolean;
}
