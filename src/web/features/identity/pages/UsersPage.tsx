import { Badge, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES, type Role } from '#web/app/auth.tsx';
import { type DataColumn, DataTable, type SortState } from '#web/ui/DataTable.tsx';
import { sortParam } from '#web/ui/data-table-rows.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { useUsers, type StaffUser, type UsersFilter } from '../api/get-users';
import { RoleBadges } from '../components/RoleList';
import { SetPasswordModal } from '../components/SetPasswordModal';

const PAGE_SIZE = 20;

/** /users — staff in the caller's scope, with search, role filter and paging. */
export function UsersPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [page, setPage] = useState(1);
  // The server sorts the whole list (the newest account first until a header is clicked).
  const [sort, setSort] = useState<SortState | null>(null);
  const users = useUsers({
    q,
    role: role ?? undefined,
    sort: sortParam<NonNullable<UsersFilter['sort']>>(sort),
    page,
    pageSize: PAGE_SIZE,
  });
  const [passwordFor, setPasswordFor] = useState<StaffUser | null>(null);

  const roleOptions = ROLES.filter((r) => r !== 'citizen').map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const status = (u: StaffUser) => t(u.disabled ? 'identity.users.disabled' : 'identity.users.active');
  const columns: DataColumn<StaffUser>[] = [
    {
      key: 'name',
      header: t('identity.users.columns.name'),
      cell: (u) => u.displayName,
      sortValue: (u) => u.displayName,
    },
    {
      key: 'username',
      header: t('identity.users.columns.username'),
      cell: (u) => <bdi dir="ltr">{u.username}</bdi>,
      sortValue: (u) => u.username,
    },
    {
      key: 'nationalId',
      header: t('identity.users.columns.nationalId'),
      cell: (u) => <PersianDigits ltr>{u.nationalId ?? ''}</PersianDigits>,
      sortValue: (u) => u.nationalId,
    },
    {
      key: 'mobile',
      header: t('identity.users.columns.mobile'),
      cell: (u) => <PersianDigits ltr>{u.mobile ?? ''}</PersianDigits>,
      csv: (u) => u.mobile,
    },
    {
      key: 'roles',
      header: t('identity.users.columns.roles'),
      cell: (u) => <RoleBadges roles={u.roles} />,
      csv: (u) => u.roles.map((g) => `${t(`roles.${g.role}`)} (${text(g.scope.label)})`).join('; '),
    },
    {
      key: 'status',
      header: t('identity.users.columns.status'),
      cell: (u) => (
        <Badge color={u.disabled ? 'gray' : 'teal'} variant="light">
          {status(u)}
        </Badge>
      ),
      sortValue: status,
    },
    {
      key: 'createdAt',
      header: t('identity.users.columns.createdAt'),
      cell: (u) => <JalaliDate value={u.createdAt} />,
      sortValue: (u) => u.createdAt,
    },
    {
      key: 'actions',
      header: t('identity.users.columns.actions'),
      cell: (u) => (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setPasswordFor(u)}
          aria-label={t('identity.setPassword.forUser', { name: u.displayName })}
          data-testid="users-set-password"
        >
          {t('identity.setPassword.action')}
        </Button>
      ),
    },
  ];

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

      <DataTable
        testId="users-table"
        caption={t('identity.users.caption')}
        columns={columns}
        rowKey={(u) => u.id}
        rows={users.data?.items}
        isPending={users.isPending}
        isFetching={users.isFetching}
        error={users.error}
        paging={users.data ? { ...users.data, onChange: setPage } : undefined}
        sort={sort}
        onSortChange={setSort}
        csvFileName="users.csv"
        minWidth={800}
        rowProps={() => ({ 'data-testid': 'users-row' })}
      />
      <SetPasswordModal user={passwordFor} onClose={() => setPasswordFor(null)} />
    </Stack>
  );
}
