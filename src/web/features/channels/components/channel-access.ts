/**
 * What the signed-in user may do on the channels page, mirroring the server's policy (which decides
 * for real): the regulator changes policies; national oversight sees every province's statistics,
 * a province's association or inspector only their own.
 */
import type { CurrentUser, Role } from '#web/app/auth.tsx';

const STATS_ROLES: Role[] = ['association_admin', 'regulator_admin', 'inspector'];

export const canChangePolicy = (user: CurrentUser | null) =>
  (user?.roles ?? []).some((g) => g.role === 'regulator_admin');

export function statsScope(user: CurrentUser | null): {
  national: boolean;
  provinces: { id: number; label: CurrentUser['roles'][number]['scope']['label'] }[];
} {
  const grants = (user?.roles ?? []).filter((g) => STATS_ROLES.includes(g.role));
  return {
    national: grants.some((g) => g.scope.kind === 'nation'),
    provinces: grants
      .filter((g) => g.scope.kind === 'province' && g.scope.provinceId != null)
      .map((g) => ({ id: Number(g.scope.provinceId), label: g.scope.label })),
  };
}
