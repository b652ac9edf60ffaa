import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleGrant } from '#web/app/auth.tsx';
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
  if (roles.length === 0) return <Text>{t('identity.profile.noRoles')}</Text>;
  return (
    <Table striped withTableBorder data-testid="profile-roles">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('identity.profile.role')}</Table.Th>
          <Table.Th scope="col">{t('identity.profile.scopeKind')}</Table.Th>
          <Table.Th scope="col">{t('identity.profile.scope')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {roles.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
          <Table.Tr key={`${g.role}-${i}`}>
            <Table.Td>{t(`roles.${g.role}`)}</Table.Td>
            <Table.Td>{t(`scopes.${g.scope.kind}`)}</Table.Td>
            <Table.Td>{text(g.scope.label)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
