import '../i18n/index.ts';
import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useOfficeServices } from '#web/features/catalog/api/services.ts';
import { useOffices } from '../api/get-offices';
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

      <ProblemAlert error={offices.error} />

      {offices.data ? (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover withTableBorder data-testid="offices-table" aria-busy={offices.isFetching}>
              <Table.Caption>{t('offices.list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('offices.list.columns.code')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.province')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.city')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.address')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.phone')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.services')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offices.data.items.map((o) => (
                  <Table.Tr key={o.id} data-testid="offices-row">
                    <Table.Td>
                      <PersianDigits ltr>{o.code}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/offices/${o.id}`} data-testid="offices-link">
                        {text(o.name)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{text(o.province.name)}</Table.Td>
                    <Table.Td>{text(o.city.name)}</Table.Td>
                    <Table.Td>
                      <PersianDigits>{o.address}</PersianDigits>
                    </Table.Td>
                    <Table.Td>{o.phone ? <PersianDigits ltr>{o.phone}</PersianDigits> : '—'}</Table.Td>
                    <Table.Td>
                      <ServiceBadges codes={o.services} max={3} first={service} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[o.status] ?? 'gray'}>
                        {t(`offices.status.${o.status}`, { defaultValue: o.status })}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {offices.data.items.length === 0 ? <Text>{t('common.nothingFound')}</Text> : null}
          <Pager
            page={offices.data.page}
            pageSize={offices.data.pageSize}
            total={offices.data.total}
            onChange={setPage}
          />
        </>
      ) : offices.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
