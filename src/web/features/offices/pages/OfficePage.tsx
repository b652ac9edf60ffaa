/**
 * /offices/:id — one office: its public facts, weekly hours and the services it offers today; for
 * those who keep or oversee it, its status over time and competencies, with the regulator's
 * decisions and the manager's or association's profile editing.
 */
import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOffice, useOfficeHistory, type Competency, type StatusEvent } from '../api/get-office';
import type { Office } from '../api/get-offices';
import { CompetencyForm } from '../components/CompetencyForm';
import { canEditProfile, canSeeHistory, isRegulator } from '../components/office-access';
import { OpeningHoursTable } from '../components/OpeningHoursTable';
import { ProfileForm } from '../components/ProfileForm';
import { ServiceBadges } from '../components/ServiceBadges';
import { StatusForm } from '../components/StatusForm';

export const STATUS_COLOR: Record<string, string> = {
  active: 'teal',
  suspended: 'orange',
  closed: 'gray',
  withdrawn: 'red',
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

export function OfficePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { user } = useAuth();
  const office = useOffice(id);
  const o = office.data;
  const showHistory = !!o && canSeeHistory(user, o);
  const history = useOfficeHistory(id, showHistory);
  const regulator = isRegulator(user);
  const [editing, setEditing] = useState(false);
  const [statusTo, setStatusTo] = useState<Office['status'] | null>(null);
  const [competencyTo, setCompetencyTo] = useState<{ code: string; next: Competency['status'] } | null>(null);

  if (!o) return office.error ? <ProblemAlert error={office.error} /> : <Text>{t('common.loading')}</Text>;

  const day = (iso: string) => <PersianDigits ltr>{iso.replace(/-/g, '/')}</PersianDigits>;
  const statusColumns: DataColumn<StatusEvent>[] = [
    {
      key: 'status',
      header: t('offices.list.columns.status'),
      cell: (e) => (
        <Badge variant="light" color={STATUS_COLOR[e.status]}>
          {t(`offices.status.${e.status}`)}
        </Badge>
      ),
      sortValue: (e) => t(`offices.status.${e.status}`),
    },
    {
      key: 'from',
      header: t('offices.detail.from'),
      cell: (e) => day(e.fromDate),
      sortValue: (e) => e.fromDate,
      numeric: true,
    },
    {
      key: 'until',
      header: t('offices.detail.until'),
      cell: (e) => (e.untilDate ? day(e.untilDate) : '—'),
      sortValue: (e) => e.untilDate,
      numeric: true,
    },
    { key: 'reason', header: t('offices.statusForm.reason'), cell: (e) => e.reason ?? '—' },
  ];
  const competencyAction = (c: Competency, next: Competency['status'], color: string) => (
    <Button
      size="compact-xs"
      variant="subtle"
      color={color}
      onClick={() => setCompetencyTo({ code: c.serviceCode, next })}
      aria-label={`${t(`offices.competency.action.${next}`)} — ${text(c.service)}`}
    >
      {t(`offices.competency.action.${next}`)}
    </Button>
  );
  const competencyColumns: DataColumn<Competency>[] = [
    {
      key: 'service',
      header: t('offices.detail.service'),
      cell: (c) => (
        <>
          {text(c.service)}{' '}
          {c.pilot ? (
            <Badge size="xs" variant="outline">
              {t('offices.competency.pilot')}
            </Badge>
          ) : null}
        </>
      ),
      sortValue: (c) => text(c.service),
    },
    {
      key: 'status',
      header: t('offices.list.columns.status'),
      cell: (c) => (
        <>
          <Badge variant="light" color={STATUS_COLOR[c.status]}>
            {t(`offices.competency.status.${c.status}`)}
          </Badge>
          {c.reason && c.status !== 'active' ? (
            <Text size="xs" c="dimmed">
              {c.reason}
            </Text>
          ) : null}
        </>
      ),
      sortValue: (c) => t(`offices.competency.status.${c.status}`),
    },
    {
      key: 'validity',
      header: t('offices.detail.validity'),
      cell: (c) => (
        <>
          {day(c.validFrom)}
          {c.validUntil ? <> – {day(c.validUntil)}</> : null}
        </>
      ),
      sortValue: (c) => c.validFrom,
      numeric: true,
    },
    ...(regulator
      ? [
          {
            key: 'actions',
            header: t('offices.detail.actions'),
            cell: (c: Competency) => (
              <Group gap={4} wrap="nowrap">
                {c.status === 'active' ? competencyAction(c, 'suspended', 'orange') : null}
                {c.status === 'suspended' ? competencyAction(c, 'active', 'teal') : null}
                {c.status !== 'withdrawn' ? competencyAction(c, 'withdrawn', 'red') : null}
              </Group>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <PageTitle
        title={text(o.name)}
        subtitle={
          <>
            {t('offices.detail.licence')} <PersianDigits ltr>{o.code}</PersianDigits>
          </>
        }
        actions={
          <>
            <Badge size="lg" variant="light" color={STATUS_COLOR[o.status]} data-testid="office-status">
              {t(`offices.status.${o.status}`)}
            </Badge>
            {o.status !== 'closed' && canEditProfile(user, o) ? (
              <Button variant="light" onClick={() => setEditing(true)} data-testid="office-edit">
                {t('offices.profile.edit')}
              </Button>
            ) : null}
            <Anchor component={Link} to="/offices">
              {t('offices.detail.back')}
            </Anchor>
          </>
        }
      />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('offices.detail.facts')}
          </Title>
          <SimpleGrid cols={2}>
            <Fact label={t('offices.list.columns.province')}>{text(o.province.name)}</Fact>
            <Fact label={t('offices.list.columns.city')}>{text(o.city.name)}</Fact>
            <Fact label={t('offices.list.columns.address')}>
              <PersianDigits>{o.address}</PersianDigits>
            </Fact>
            <Fact label={t('offices.list.columns.phone')}>
              {o.phone ? <PersianDigits ltr>{o.phone}</PersianDigits> : '—'}
            </Fact>
            <Fact label={t('offices.profile.counters')}>
              <span data-testid="office-counters">{digits(o.counters)}</span>
            </Fact>
            <Fact label={t('offices.profile.hearingBooths')}>{digits(o.hearingBooths)}</Fact>
            <Fact label={t('offices.detail.location')}>
              {o.location ? (
                <Anchor
                  href={`https://www.openstreetmap.org/?mlat=${o.location.lat}&mlon=${o.location.lon}#map=17/${o.location.lat}/${o.location.lon}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  <bdi dir="ltr">{digits(`${o.location.lat.toFixed(4)}, ${o.location.lon.toFixed(4)}`)}</bdi>
                </Anchor>
              ) : (
                '—'
              )}
            </Fact>
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('offices.detail.hours')}
          </Title>
          <OpeningHoursTable hours={o.openingHours} />
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('offices.detail.services')}
        </Title>
        <ServiceBadges codes={o.services} />
      </Card>

      {showHistory ? (
        <>
          <ProblemAlert error={history.error} />
          {history.data ? (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <Card withBorder data-testid="office-history">
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4">
                    {t('offices.detail.statusHistory')}
                  </Title>
                  {regulator ? (
                    <Group gap="xs">
                      {o.status === 'active' ? (
                        <Button
                          size="xs"
                          color="orange"
                          variant="light"
                          onClick={() => setStatusTo('suspended')}
                          data-testid="office-suspend"
                        >
                          {t('offices.statusForm.action.suspended')}
                        </Button>
                      ) : null}
                      {o.status === 'suspended' ? (
                        <Button
                          size="xs"
                          color="teal"
                          variant="light"
                          onClick={() => setStatusTo('active')}
                          data-testid="office-reinstate"
                        >
                          {t('offices.statusForm.action.active')}
                        </Button>
                      ) : null}
                      {o.status !== 'closed' ? (
                        <Button size="xs" color="red" variant="light" onClick={() => setStatusTo('closed')}>
                          {t('offices.statusForm.action.closed')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Group>
                <DataTable
                  testId="office-status-history"
                  caption={t('offices.detail.statusHistoryCaption')}
                  columns={statusColumns}
                  rowKey={(e) => e.id}
                  rows={history.data.statusEvents}
                  pageSize={10}
                  minWidth={480}
                />
              </Card>
              <Card withBorder data-testid="office-competencies">
                <Title order={2} size="h4" mb="sm">
                  {t('offices.detail.competencies')}
                </Title>
                <DataTable
                  testId="office-competencies-table"
                  caption={t('offices.detail.competenciesCaption')}
                  columns={competencyColumns}
                  rowKey={(c) => c.serviceCode}
                  rows={history.data.competencies}
                  empty={t('offices.detail.noCompetencies')}
                  minWidth={520}
                />
              </Card>
            </SimpleGrid>
          ) : null}
        </>
      ) : null}

      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('offices.profile.edit')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing ? <ProfileForm office={o} onDone={() => setEditing(false)} /> : null}
      </Modal>
      <Modal
        opened={statusTo != null}
        onClose={() => setStatusTo(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={statusTo ? t(`offices.statusForm.action.${statusTo}`) : ''}
      >
        {statusTo ? <StatusForm officeId={id} next={statusTo} onDone={() => setStatusTo(null)} /> : null}
      </Modal>
      <Modal
        opened={competencyTo != null}
        onClose={() => setCompetencyTo(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={competencyTo ? t(`offices.competency.action.${competencyTo.next}`) : ''}
      >
        {competencyTo ? (
          <CompetencyForm
            officeId={id}
            serviceCode={competencyTo.code}
            next={competencyTo.next}
            onDone={() => setCompetencyTo(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
