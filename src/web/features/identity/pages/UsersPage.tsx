import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES, type Role } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useUsers, type StaffUser } from '../api/get-users';
import { RoleBadges } from '../components/RoleList';
import { SetPasswordModal } from '../components/SetPasswordModal';

const PAGE_SIZE = 20;

/** /users — staff in the caller's scope, with search, role filter and paging. */
export function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [page, setPage] = useState(1);
  const users = useUsers({ q, role: role ?? undefined, page, pageSize: PAGE_SIZE });
  const [passwordFor, setPasswordFor] = useState<StaffUser | null>(null);

  const roleOptions = ROLES.filter((r) => r !== 'citizen').map((r) => ({ value: r, label: t(`roles.${r}`) }));

  return (
    <Stack>
      <PageTitle
        title={t('identity.users.title')}
        subtitle={t('identity.users.subtitle')}
        actions={
          <Button component={Link} to="/users/new" data-testid="users-new">
            {t('identity.users.new')}
          </Button>
        }
      />
      <Group align="flex-end" role="search" aria-label={t('identity.users.searchLabel')}>
        <TextInput
          label={t('identity.users.search')}
          placeholder={t('identity.users.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          type="search"
          w={{ base: '100%', sm: 320 }}
          data-testid="users-search"
        />
        <Select
          label={t('identity.users.roleFilter')}
          placeholder={t('identity.users.allRoles')}
          data={roleOptions}
          value={role}
          onChange={(value) => {
            setRole(value as Role | null);
            setPage(1);
          }}
          clearable
          w={{ base: '100%', sm: 240 }}
          data-testid="users-role-filter"
        />
      </Group>

      <ProblemAlert error={users.error} />

      {users.data ? (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover withTableBorder data-testid="users-table" aria-busy={users.isFetching}>
              <Table.Caption>{t('identity.users.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('identity.users.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.username')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.nationalId')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.mobile')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.roles')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('identity.users.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((u) => (
                  <Table.Tr key={u.id} data-testid="users-row">
                    <Table.Td>{u.displayName}</Table.Td>
                    <Table.Td>
                      <bdi dir="ltr">{u.username}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <PersianDigits ltr>{u.nationalId ?? ''}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <PersianDigits ltr>{u.mobile ?? ''}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadges roles={u.roles} />
                    </Table.Td>
                    <Table.Td>
                      {u.disabled ? (
                        <Badge color="gray" variant="light">
                          {t('identity.users.disabled')}
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          {t('identity.users.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <JalaliDate value={u.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setPasswordFor(u)}
                        aria-label={t('identity.setPassword.forUser', { name: u.displayName })}
                        data-testid="users-set-password"
                      >
                        {t('identity.setPassword.action')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {users.data.items.length === 0 ? <Text>{t('common.nothingFound')}</Text> : null}
          <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onChange={setPage} />
        </>
      ) : users.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
      <SetPasswordModal user={passwordFor} onClose={() => setPasswordFor(null)} />
    </Stack>
  );
}
