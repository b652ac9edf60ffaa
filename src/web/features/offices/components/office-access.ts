/**
 * What the signed-in user may do on an office's page, mirroring the server's policy (which decides
 * for real): it only keeps buttons away from people whose requests would be refused.
 */
import type { CurrentUser, Role } from '#web/app/auth.tsx';

interface OfficePlace {
  id: number;
  province: { id: number };
}

function grants(user: CurrentUser | null, roles: Role[], office: OfficePlace): boolean {
  return (user?.roles ?? []).some(({ role, scope }) => {
    if (!roles.includes(role)) return false;
    if (scope.kind === 'nation') return true;
    if (scope.kind === 'province') return Number(scope.provinceId) === office.province.id;
    if (scope.kind === 'office') return Number(scope.officeId) === office.id;
    return false;
  });
}

export const canEditProfile = (user: CurrentUser | null, office: OfficePlace) =>
  grants(user, ['office_manager', 'association_admin', 'regulator_admin'], office);
export const canSeeHistory = (user: CurrentUser | null, office: OfficePlace) =>
  grants(user, ['office_manager', 'inspector', 'association_admin', 'regulator_admin'], office);
export const isRegulator = (user: CurrentUser | null) => (user?.roles ?? []).some((g) => g.role === 'regulator_admin');
export const hasRole = (user: CurrentUser | null, role: Role) => (user?.roles ?? []).some((g) => g.role === role);
