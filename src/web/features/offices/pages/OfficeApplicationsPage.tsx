/** /office-applications — the queue of applications to open an office, by status and province, within the caller's scope. */
import '../i18n/index.ts';
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useApplications } from '../api/applications';
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
          <SegmentedControl
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
      <ProblemAlert error={apps.error} />
      {apps.data ? (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table
              striped
              highlightOnHover
              withTableBorder
              data-testid="applications-table"
              aria-busy={apps.isFetching}
            >
              <Table.Caption>{t('offices.applications.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('offices.applications.columns.id')}</Table.Th>
                  <Table.Th scope="col">{t('offices.apply.proposedName')}</Table.Th>
                  <Table.Th scope="col">{t('offices.applications.columns.founder')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.province')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.city')}</Table.Th>
                  <Table.Th scope="col">{t('offices.applications.columns.filed')}</Table.Th>
                  <Table.Th scope="col">{t('offices.list.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {apps.data.items.map((a) => (
                  <Table.Tr key={a.id} data-testid="applications-row">
                    <Table.Td>
                      <PersianDigits ltr>{a.id}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/office-applications/${a.id}`} data-testid="applications-link">
                        {a.proposedNameFa}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {a.founder.firstName} {a.founder.lastName}
                    </Table.Td>
                    <Table.Td>{text(a.province.name)}</Table.Td>
                    <Table.Td>{text(a.city.name)}</Table.Td>
                    <Table.Td>
                      <JalaliDate value={a.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={APPLICATION_STATUS_COLOR[a.status]}>
                        {t(`offices.applications.status.${a.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {apps.data.items.length === 0 ? <Text>{t('common.nothingFound')}</Text> : null}
          <Pager page={apps.data.page} pageSize={apps.data.pageSize} total={apps.data.total} onChange={setPage} />
        </>
      ) : apps.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
