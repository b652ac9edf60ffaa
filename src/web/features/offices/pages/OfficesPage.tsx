import '../i18n/index.ts';
import { Anchor, Badge, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useOfficeServices } from '#web/features/catalog/api/services.ts';
import { type Office, useOffices } from '../api/get-offices';
import { ServiceBadges } from '../components/ServiceBadges';

const PAGE_SIZE = 20;

const STATUS_COLOR: Record<string, string> = { active: 'teal', suspended: 'orange', revoked: 'red', closed: 'gray' };

/** /offices — the list of judicial e-services offices, by province, name and the service one needs. */
export function OfficesPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // The service sought is in the address, so a filtered list can be shared or bookmarked.
  const [params, setParams] = useSearchParams();
  const service = params.get('service');
  const services = useOfficeServices().data ?? [];
  const offices = useOffices({ q, provinceId, service, page, pageSize: PAGE_SIZE });

  const columns: DataColumn<Office>[] = [
    { key: 'code', header: t('offices.list.columns.code'), cell: (o) => <PersianDigits ltr>{o.code}</PersianDigits> },
    {
      key: 'name',
      header: t('offices.list.columns.name'),
      cell: (o) => (
        <Anchor component={Link} to={`/offices/${o.id}`} data-testid="offices-link">
          {text(o.name)}
        </Anchor>
      ),
    },
    { key: 'province', header: t('offices.list.columns.province'), cell: (o) => text(o.province.name) },
    { key: 'city', header: t('offices.list.columns.city'), cell: (o) => text(o.city.name) },
    {
      key: 'address',
      header: t('offices.list.columns.address'),
      cell: (o) => <PersianDigits>{o.address}</PersianDigits>,
    },
    {
      key: 'phone',
      header: t('offices.list.columns.phone'),
      cell: (o) => (o.phone ? <PersianDigits ltr>{o.phone}</PersianDigits> : '—'),
    },
    {
      key: 'services',
      header: t('offices.list.columns.services'),
      cell: (o) => <ServiceBadges codes={o.services} max={3} first={service} />,
    },
    {
      key: 'status',
      header: t('offices.list.columns.status'),
      cell: (o) => (
        <Badge variant="light" color={STATUS_COLOR[o.status] ?? 'gray'}>
          {t(`offices.status.${o.status}`, { defaultValue: o.status })}
        </Badge>
      ),
    },
  ];

  return (
    <Stack>
      <PageTitle title={t('offices.list.title')} subtitle={t('offices.list.subtitle')} />
      <Group align="flex-end" role="search" aria-label={t('offices.list.searchLabel')}>
        <TextInput
          label={t('offices.list.search')}
          placeholder={t('offices.list.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 320 }}
          data-testid="offices-search"
        />
        <ProvinceSelect
          value={provinceId}
          onChange={(v) => {
            setProvinceId(v);
            setPage(1);
          }}
          w={{ base: '100%', sm: 240 }}
          data-testid="offices-province"
        />
        <Select
          label={t('offices.list.service')}
          placeholder={t('offices.list.serviceAll')}
          data={services.map((s) => ({ value: s.code, label: text(s.title) }))}
          value={service}
          onChange={(v) => {
            setParams(v ? { service: v } : {}, { replace: true });
            setPage(1);
          }}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          w={{ base: '100%', sm: 300 }}
          data-testid="offices-service"
        />
      </Group>

      <DataTable
        testId="offices-table"
        caption={t('offices.list.caption')}
        columns={columns}
        rowKey={(o) => o.id}
        rows={offices.data?.items}
        isPending={offices.isPending}
        isFetching={offices.isFetching}
        error={offices.error}
        paging={offices.data ? { ...offices.data, onChange: setPage } : undefined}
        minWidth={1000}
        rowProps={() => ({ 'data-testid': 'offices-row' })}
      />
    </Stack>
  );
}
