import '../i18n/index.ts';
import { Anchor, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { type StaffFilter, useOffices, useStaffList } from '../api/staff';
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
  const staff = useStaffList({
    q,
    provinceId,
    officeId,
    // The selects offer only the values the filter takes.
    role: (role ?? undefined) as StaffFilter['role'],
    licence: (licence ?? undefined) as StaffFilter['licence'],
    insured: (insured ?? undefined) as StaffFilter['insured'],
    page,
    pageSize: PAGE_SIZE,
  });
  const offices = useOffices(provinceId);
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

      <ProblemAlert error={staff.error} />

      {staff.data ? (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover withTableBorder data-testid="staff-table" aria-busy={staff.isFetching}>
              <Table.Caption>{t('staff.registry.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {(['name', 'nationalId', 'roles', 'education', 'licence', 'contract', 'insurance'] as const).map(
                    (c) => (
                      <Table.Th scope="col" key={c}>
                        {t(`staff.registry.columns.${c}`)}
                      </Table.Th>
                    ),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.items.map((s) => (
                  <Table.Tr key={s.id} data-testid="staff-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/${s.id}`} data-testid="staff-link">
                        {s.name.first} {s.name.last}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.nationalId ? <PersianDigits ltr>{s.nationalId}</PersianDigits> : '—'}</Table.Td>
                    <Table.Td>
                      {s.roles.map((r) => (
                        <div key={`${r.role}-${r.office.id}`}>
                          {t(`staff.roles.${r.role}`)} — <PersianDigits>{r.office.code}</PersianDigits>
                        </div>
                      ))}
                    </Table.Td>
                    <Table.Td>{s.educationLevel ? t(`staff.education.${s.educationLevel}`) : '—'}</Table.Td>
                    <Table.Td>
                      <LicenceBadge status={s.licence?.status ?? null} expiresOn={s.licence?.expiresOn} />
                    </Table.Td>
                    <Table.Td>
                      <ContractSummary contract={s.contract} />
                    </Table.Td>
                    <Table.Td>
                      <InsuredBadge insured={s.insured} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {staff.data.items.length === 0 ? <Text>{t('common.nothingFound')}</Text> : null}
          <Pager page={staff.data.page} pageSize={staff.data.pageSize} total={staff.data.total} onChange={setPage} />
        </>
      ) : staff.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
