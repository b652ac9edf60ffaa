/** /office-applications — the queue of applications to open an office, by status and province, within the caller's scope. */
import '../i18n/index.ts';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Choices } from '#web/ui/Choices.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { type ApplicationSummary, useApplications } from '../api/applications';
import { hasRole, isRegulator } from '../components/office-access';
import { APPLICATION_STATUS_COLOR } from './ApplyOfficePage';

const PAGE_SIZE = 20;
const QUEUES = ['submitted', 'recommended', 'not-recommended', 'approved', 'rejected', 'all'] as const;

export function OfficeApplicationsPage() {
  const { t } = useTranslation();
  const { text } = useDigits();
  const { user } = useAuth();
  // Each desk opens on its own work: the association on what awaits review, the regulator on what awaits decision.
  const [queue, setQueue] = useState<(typeof QUEUES)[number]>(isRegulator(user) ? 'recommended' : 'submitted');
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const national = (user?.roles ?? []).some((g) => g.scope.kind === 'nation');
  const apps = useApplications({ status: queue === 'all' ? null : queue, provinceId, page, pageSize: PAGE_SIZE });

  const columns: DataColumn<ApplicationSummary>[] = [
    {
      key: 'id',
      header: t('offices.applications.columns.id'),
      cell: (a) => <PersianDigits ltr>{a.id}</PersianDigits>,
      csv: (a) => a.id,
      numeric: true,
    },
    {
      key: 'name',
      header: t('offices.apply.proposedName'),
      cell: (a) => (
        <Anchor component={Link} to={`/office-applications/${a.id}`} data-testid="applications-link">
          {a.proposedNameFa}
        </Anchor>
      ),
      csv: (a) => a.proposedNameFa,
    },
    {
      key: 'founder',
      header: t('offices.applications.columns.founder'),
      cell: (a) => `${a.founder.firstName} ${a.founder.lastName}`,
      csv: (a) => `${a.founder.firstName} ${a.founder.lastName}`,
    },
    {
      key: 'province',
      header: t('offices.list.columns.province'),
      cell: (a) => text(a.province.name),
      csv: (a) => text(a.province.name),
    },
    {
      key: 'city',
      header: t('offices.list.columns.city'),
      cell: (a) => text(a.city.name),
      csv: (a) => text(a.city.name),
    },
    {
      key: 'filed',
      header: t('offices.applications.columns.filed'),
      cell: (a) => <JalaliDate value={a.createdAt} />,
      csv: (a) => a.createdAt,
      numeric: true,
    },
    {
      key: 'status',
      header: t('offices.list.columns.status'),
      cell: (a) => (
        <Badge variant="light" color={APPLICATION_STATUS_COLOR[a.status]}>
          {t(`offices.applications.status.${a.status}`)}
        </Badge>
      ),
      csv: (a) => t(`offices.applications.status.${a.status}`),
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('offices.applications.title')}
        subtitle={t('offices.applications.subtitle')}
        actions={
          hasRole(user, 'association_admin') ? (
            <Anchor component={Link} to="/offices/apply">
              {t('offices.applications.fileNew')}
            </Anchor>
          ) : null
        }
      />
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="queue-label">
            {t('offices.applications.queue')}
          </Text>
          <Choices
            aria-labelledby="queue-label"
            value={queue}
            onChange={(v) => {
              setQueue(v as (typeof QUEUES)[number]);
              setPage(1);
            }}
            data={QUEUES.map((q) => ({
              value: q,
              label: q === 'all' ? t('offices.applications.all') : t(`offices.applications.status.${q}`),
            }))}
            data-testid="applications-queue"
          />
        </Stack>
        {national ? (
          <ProvinceSelect
            value={provinceId}
            onChange={(v) => {
              setProvinceId(v);
              setPage(1);
            }}
            w={{ base: '100%', sm: 240 }}
          />
        ) : null}
      </Group>
      <DataTable
        testId="applications-table"
        caption={t('offices.applications.caption')}
        columns={columns}
        rowKey={(a) => a.id}
        rows={apps.data?.items}
        isPending={apps.isPending}
        isFetching={apps.isFetching}
        error={apps.error}
        paging={apps.data ? { ...apps.data, onChange: setPage } : undefined}
        minWidth={800}
        csvFileName="office-applications.csv"
        rowProps={() => ({ 'data-testid': 'applications-row' })}
      />
    </Stack>
  );
}
