import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleGrant } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';

/** Compact role badges for tables: «اپراتور · دفتر ۱۲۳». */
export function RoleBadges({ roles }: { roles: RoleGrant[] }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  return (
    <Group gap={4}>
      {roles.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
        <Badge key={`${g.role}-${i}`} variant="light" radius="sm" tt="none" title={text(g.scope.label)}>
          {t(`roles.${g.role}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** A person's roles with the scope each applies to. */
export function RoleTable({ roles }: { roles: RoleGrant[] }) {
  const { t } = useTranslation();
  const { text } = useDigits();
  // The grants have no identity of their own: their place in the list keys them.
  const rows = roles.map((g, i) => ({ ...g, key: `${g.role}-${i}` }));
  const columns: DataColumn<(typeof rows)[number]>[] = [
    { key: 'role', header: t('identity.profile.role'), cell: (g) => t(`roles.${g.role}`) },
    { key: 'scopeKind', header: t('identity.profile.scopeKind'), cell: (g) => t(`scopes.${g.scope.kind}`) },
    { key: 'scope', header: t('identity.profile.scope'), cell: (g) => text(g.scope.label) },
  ];
  return (
    <DataTable
      testId="profile-roles"
      label={t('identity.profile.rolesTitle')}
      columns={columns}
      rowKey={(g) => g.key}
      rows={rows}
      pageSize="all"
      empty={t('identity.profile.noRoles')}
      minWidth={400}
    />
  );
}
