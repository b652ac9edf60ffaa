import '../i18n/index.ts';
import { Anchor, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable, type SortState } from '#web/ui/DataTable.tsx';
import { sortParam } from '#web/ui/data-table-rows.ts';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { type StaffFilter, type StaffListItem, useOffices, useStaffList } from '../api/staff';
import { ContractSummary, InsuredBadge, LicenceBadge } from '../components/badges';

const PAGE_SIZE = 20;
const LICENCE_FILTERS = ['valid', 'expiring', 'expired', 'suspended', 'revoked', 'none'];

/** /staff — the registry of office staff within the caller's scope. */
export function StaffRegistryPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [licence, setLicence] = useState<string | null>(null);
  const [insured, setInsured] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // The server sorts the whole registry, by name or national ID (by last name until a header is clicked).
  const [sort, setSort] = useState<SortState | null>(null);
  const staff = useStaffList({
    q,
    provinceId,
    officeId,
    // The selects offer only the values the filter takes.
    role: (role ?? undefined) as StaffFilter['role'],
    licence: (licence ?? undefined) as StaffFilter['licence'],
    insured: (insured ?? undefined) as StaffFilter['insured'],
    sort: sortParam(sort),
    page,
    pageSize: PAGE_SIZE,
  });
  const offices = useOffices(provinceId);
  const columns: DataColumn<StaffListItem>[] = [
    {
      key: 'name',
      header: t('staff.registry.columns.name'),
      cell: (s) => (
        <Anchor component={Link} to={`/staff/${s.id}`} data-testid="staff-link">
          {s.name.first} {s.name.last}
        </Anchor>
      ),
      sortValue: (s) => `${s.name.last} ${s.name.first}`,
      csv: (s) => `${s.name.first} ${s.name.last}`,
    },
    {
      key: 'nationalId',
      header: t('staff.registry.columns.nationalId'),
      cell: (s) => (s.nationalId ? <PersianDigits ltr>{s.nationalId}</PersianDigits> : '—'),
      sortValue: (s) => s.nationalId,
    },
    {
      key: 'roles',
      header: t('staff.registry.columns.roles'),
      cell: (s) =>
        s.roles.map((r) => (
          <div key={`${r.role}-${r.office.id}`}>
            {t(`staff.roles.${r.role}`)} — <PersianDigits>{r.office.code}</PersianDigits>
          </div>
        )),
      csv: (s) => s.roles.map((r) => `${t(`staff.roles.${r.role}`)} — ${r.office.code}`).join('; '),
    },
    {
      key: 'education',
      header: t('staff.registry.columns.education'),
      cell: (s) => (s.educationLevel ? t(`staff.education.${s.educationLevel}`) : '—'),
      csv: (s) => (s.educationLevel ? t(`staff.education.${s.educationLevel}`) : null),
    },
    {
      key: 'licence',
      header: t('staff.registry.columns.licence'),
      cell: (s) => <LicenceBadge status={s.licence?.status ?? null} expiresOn={s.licence?.expiresOn} />,
      csv: (s) =>
        [t(`staff.licenceStatus.${s.licence?.status ?? 'none'}`), s.licence?.expiresOn].filter(Boolean).join(' '),
    },
    {
      key: 'contract',
      header: t('staff.registry.columns.contract'),
      cell: (s) => <ContractSummary contract={s.contract} />,
      csv: (s) =>
        s.contract
          ? [
              t(`staff.contractTypes.${s.contract.type}`),
              t(s.contract.fullTime ? 'staff.fullTime' : 'staff.partTime'),
              s.contract.endsOn,
            ]
              .filter(Boolean)
              .join(' ')
          : t('staff.noContract'),
    },
    {
      key: 'insurance',
      header: t('staff.registry.columns.insurance'),
      cell: (s) => <InsuredBadge insured={s.insured} />,
      csv: (s) => t(s.insured ? 'staff.insuredBadge.yes' : 'staff.insuredBadge.no'),
    },
  ];
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack>
      <PageTitle title={t('staff.registry.title')} subtitle={t('staff.registry.subtitle')} />
      <Group align="flex-end" role="search" aria-label={t('staff.registry.searchLabel')} wrap="wrap">
        <TextInput
          label={t('staff.registry.search')}
          placeholder={t('staff.registry.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 260 }}
          data-testid="staff-search"
        />
        <ProvinceSelect
          value={provinceId}
          onChange={filtered((v: string | null) => {
            setProvinceId(v);
            setOfficeId(null);
          })}
          w={{ base: '100%', sm: 180 }}
          data-testid="staff-province"
        />
        <Select
          label={t('staff.registry.office')}
          placeholder={t('staff.registry.allOffices')}
          clearable
          searchable
          value={officeId}
          onChange={filtered(setOfficeId)}
          data={(offices.data?.items ?? []).map((o) => ({
            value: String(o.id),
            label: `${text({ fa: o.code, en: o.code })} — ${text(o.name)}`,
          }))}
          w={{ base: '100%', sm: 220 }}
          data-testid="staff-office"
        />
        <Select
          label={t('staff.registry.role')}
          placeholder={t('staff.registry.allRoles')}
          clearable
          value={role}
          onChange={filtered(setRole)}
          data={['operator', 'office_manager', 'consultant'].map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
          w={{ base: '100%', sm: 160 }}
          data-testid="staff-role"
        />
        <Select
          label={t('staff.registry.licence')}
          placeholder={t('staff.registry.anyLicence')}
          clearable
          value={licence}
          onChange={filtered(setLicence)}
          data={LICENCE_FILTERS.map((l) => ({ value: l, label: t(`staff.licenceFilter.${l}`) }))}
          w={{ base: '100%', sm: 180 }}
          data-testid="staff-licence"
        />
        <Select
          label={t('staff.registry.insured')}
          placeholder={t('staff.registry.anyInsurance')}
          clearable
          value={insured}
          onChange={filtered(setInsured)}
          data={['true', 'false'].map((v) => ({ value: v, label: t(`staff.insuredFilter.${v}`) }))}
          w={{ base: '100%', sm: 140 }}
          data-testid="staff-insured"
        />
      </Group>

      <DataTable
        testId="staff-table"
        caption={t('staff.registry.caption')}
        columns={columns}
        rowKey={(s) => s.id}
        rows={staff.data?.items}
        isPending={staff.isPending}
        isFetching={staff.isFetching}
        error={staff.error}
        paging={staff.data ? { ...staff.data, onChange: setPage } : undefined}
        sort={sort}
        onSortChange={setSort}
        csvFileName="staff-registry.csv"
        minWidth={900}
        rowProps={() => ({ 'data-testid': 'staff-row' })}
      />
    </Stack>
  );
}
