import '../i18n/index.ts';
import { Anchor, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toLatinDigits } from '#core/persian-digits';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable, type SortState } from '#web/ui/DataTable.tsx';
import { sortParam } from '#web/ui/data-table-rows.ts';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { EFFECTIVE_STATUSES, type EffectiveStatus, type Licence, useLicences } from '../api/licences';
import { ExpiryWithDaysLeft } from '../components/DaysLeft';
import { IssueLicenceForm } from '../components/IssueLicenceForm';
import { LicenceStatusBadge } from '../components/LicenceStatusBadge';
import { OwnLicences } from '../components/OwnLicences';

const PAGE_SIZE = 20;
/** The roles that list licences in their scope, and those that hold one (the server's `licences.read` and `licences.read-own`). */
const LIST_ROLES = ['office_manager', 'association_admin', 'regulator_admin', 'inspector'];
const HOLDER_ROLES = ['operator', 'office_manager', 'consultant'];

/**
 * /licences — the staff member's own licence (operators, managers, consultants) and, for managers
 * and oversight, the activity licences in their scope; the association issues new ones here.
 */
export function LicencesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const roles = (user?.roles ?? []).map((r) => r.role as string);
  const lists = roles.some((r) => LIST_ROLES.includes(r));
  const holds = roles.some((r) => HOLDER_ROLES.includes(r));
  if (!lists) {
    return (
      <Stack>
        <PageTitle title={t('licences.mine.title')} subtitle={t('licences.mine.subtitle')} />
        <OwnLicences withTitle={false} />
      </Stack>
    );
  }
  return <ScopeLicences withOwn={holds} />;
}

function ScopeLicences({ withOwn }: { withOwn: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const { user } = useAuth();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(toLatinDigits(search.trim()), 300);
  const [status, setStatus] = useState<EffectiveStatus | null>(null);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [expiringSoon, setExpiringSoon] = useState(false);
  const [page, setPage] = useState(1);
  const [issuing, setIssuing] = useState(false);
  // The server sorts the whole list (the soonest expiry first until a header is clicked).
  const [sort, setSort] = useState<SortState | null>(null);
  const licences = useLicences({
    q,
    status: status ?? undefined,
    provinceId,
    officeId,
    expiringWithinDays: expiringSoon ? 30 : null,
    sort: sortParam(sort),
    page,
    pageSize: PAGE_SIZE,
  });
  const mayIssue = (user?.roles ?? []).some((r) => r.role === 'association_admin');
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const office = (l: Licence) => (lang === 'fa' ? l.office.nameFa : l.office.nameEn);
  const columns: DataColumn<Licence>[] = [
    {
      key: 'number',
      header: t('licences.columns.number'),
      cell: (l) => (
        <Anchor component={Link} to={`/licences/${l.id}`} data-testid="licences-open">
          <PersianDigits ltr>{l.number}</PersianDigits>
        </Anchor>
      ),
      sortValue: (l) => l.number,
    },
    {
      key: 'holder',
      header: t('licences.columns.holder'),
      cell: (l) => (
        <>
          {l.holder.firstName} {l.holder.lastName}
          <Text size="xs" c="gray.8">
            <bdi dir="ltr">{l.holder.username}</bdi>
          </Text>
        </>
      ),
      sortValue: (l) => `${l.holder.lastName} ${l.holder.firstName}`,
      csv: (l) => `${l.holder.firstName} ${l.holder.lastName}`,
    },
    { key: 'office', header: t('licences.columns.office'), cell: office, sortValue: office },
    {
      key: 'services',
      header: t('licences.columns.services'),
      cell: (l) => t('licences.servicesCount', { count: l.services.length, formatted: digits(l.services.length) }),
      sortValue: (l) => l.services.length,
      csv: (l) => l.services.join(' '),
      numeric: true,
    },
    {
      key: 'status',
      header: t('licences.columns.status'),
      cell: (l) => <LicenceStatusBadge status={l.effectiveStatus} />,
      sortValue: (l) => t(`licences.status.${l.effectiveStatus}`),
    },
    {
      key: 'expires',
      header: t('licences.columns.expires'),
      cell: (l) => <ExpiryWithDaysLeft expiresOn={l.expiresOn} daysLeft={l.daysLeft} />,
      sortValue: (l) => l.expiresOn,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('licences.title')}
        subtitle={t('licences.subtitle')}
        actions={
          mayIssue && !issuing ? (
            <Button onClick={() => setIssuing(true)} data-testid="licences-issue">
              {t('licences.issue.open')}
            </Button>
          ) : undefined
        }
      />
      {issuing ? <IssueLicenceForm onCancel={() => setIssuing(false)} /> : null}
      {withOwn ? <OwnLicences /> : null}

      <Group align="flex-end" role="search" aria-label={t('licences.searchLabel')}>
        <TextInput
          label={t('licences.search')}
          placeholder={t('licences.searchPlaceholder')}
          value={search}
          onChange={(e) => filtered(setSearch)(e.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 260 }}
          data-testid="licences-search"
        />
        <Select
          label={t('licences.statusFilter')}
          placeholder={t('licences.allStatuses')}
          data={EFFECTIVE_STATUSES.map((s) => ({ value: s, label: t(`licences.status.${s}`) }))}
          value={status}
          onChange={(v) => filtered(setStatus)(v as EffectiveStatus | null)}
          clearable
          w={{ base: '100%', sm: 180 }}
          data-testid="licences-status-filter"
        />
        <ProvinceSelect
          value={provinceId}
          onChange={filtered(setProvinceId)}
          clearable
          w={{ base: '100%', sm: 200 }}
          data-testid="licences-province"
        />
        <OfficeSelect
          provinceId={provinceId}
          value={officeId}
          onChange={filtered(setOfficeId)}
          w={{ base: '100%', sm: 280 }}
          data-testid="licences-office"
        />
        <Checkbox
          label={t('licences.expiringSoon')}
          checked={expiringSoon}
          onChange={(e) => filtered(setExpiringSoon)(e.currentTarget.checked)}
          mb={8}
          data-testid="licences-expiring"
        />
      </Group>

      <DataTable
        testId="licences-table"
        caption={t('licences.caption')}
        columns={columns}
        rowKey={(l) => l.id}
        rows={licences.data?.items}
        isPending={licences.isPending}
        isFetching={licences.isFetching}
        error={licences.error}
        paging={licences.data ? { ...licences.data, onChange: setPage } : undefined}
        sort={sort}
        onSortChange={setSort}
        csvFileName="licences.csv"
        minWidth={900}
        rowProps={() => ({ 'data-testid': 'licences-row' })}
      />
    </Stack>
  );
}
