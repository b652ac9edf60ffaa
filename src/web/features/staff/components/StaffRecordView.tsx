/** A staff member's record as read on /staff/:id and /my-record; the manager's forms appear where they may change it. */
import { Anchor, Avatar, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import type { Contract, InsurancePeriod, StaffRecord } from '../api/staff';
import { InsuredBadge, LicenceBadge } from './badges';
import { ContractForm, EndInsuranceModal, InsuranceForm, ProfileForm, TerminateModal } from './EmploymentForms';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function StaffRecordView({
  record,
  photoVersion,
  readOnly = false,
}: {
  record: StaffRecord;
  photoVersion: number;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const [terminating, setTerminating] = useState<Contract | null>(null);
  const [ending, setEnding] = useState<InsurancePeriod | null>(null);
  const fullName = `${record.name.first} ${record.name.last}`;
  const canManage = record.canManage && !readOnly;
  const managed = (officeId: number) => canManage && record.manageableOfficeIds.includes(officeId);

  const ended = (to: string | null) => (to ? <JalaliDate value={to} /> : '—');

  const contractColumns: DataColumn<Contract>[] = [
    {
      key: 'office',
      header: t('staff.columns.office'),
      cell: (c) => digits(c.office.code),
      sortValue: (c) => c.office.code,
    },
    {
      key: 'type',
      header: t('staff.columns.type'),
      cell: (c) => `${t(`staff.contractTypes.${c.type}`)} · ${t(c.fullTime ? 'staff.fullTime' : 'staff.partTime')}`,
    },
    { key: 'hours', header: t('staff.columns.hours'), cell: (c) => digits(c.weeklyHours), numeric: true },
    {
      key: 'wage',
      header: t('staff.columns.wage'),
      cell: (c) => <Money rials={c.monthlyWageRials} />,
      numeric: true,
    },
    {
      key: 'startsOn',
      header: t('staff.columns.startsOn'),
      cell: (c) => <JalaliDate value={c.startsOn} />,
      sortValue: (c) => c.startsOn,
    },
    { key: 'endsOn', header: t('staff.columns.endsOn'), cell: (c) => ended(c.endsOn), sortValue: (c) => c.endsOn },
    {
      key: 'status',
      header: t('staff.columns.status'),
      cell: (c) =>
        c.terminatedOn ? (
          <Badge color="red" variant="light">
            {t('staff.record.terminated', { date: '' })}
            <JalaliDate value={c.terminatedOn} />
          </Badge>
        ) : (
          <Badge color={c.inForce ? 'teal' : 'gray'} variant="light">
            {t(c.inForce ? 'staff.record.inForce' : 'staff.record.ended')}
          </Badge>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('staff.columns.actions'),
            cell: (c: Contract) =>
              managed(c.office.id) &&
              !c.terminatedOn &&
              (c.inForce || c.startsOn > new Date().toISOString().slice(0, 10)) ? (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setTerminating(c)}
                  data-testid="contract-terminate"
                  aria-label={t('staff.terminate.forContract', {
                    type: t(`staff.contractTypes.${c.type}`),
                    date: digits(c.startsOn),
                  })}
                >
                  {t('staff.terminate.action')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const insuranceColumns: DataColumn<InsurancePeriod>[] = [
    {
      key: 'office',
      header: t('staff.columns.office'),
      cell: (i) => digits(i.office.code),
      sortValue: (i) => i.office.code,
    },
    {
      key: 'number',
      header: t('staff.columns.number'),
      cell: (i) => <PersianDigits ltr>{i.insuranceNumber}</PersianDigits>,
    },
    {
      key: 'startsOn',
      header: t('staff.columns.startsOn'),
      cell: (i) => <JalaliDate value={i.startsOn} />,
      sortValue: (i) => i.startsOn,
    },
    { key: 'endsOn', header: t('staff.columns.endsOn'), cell: (i) => ended(i.endsOn), sortValue: (i) => i.endsOn },
    {
      key: 'status',
      header: t('staff.columns.status'),
      cell: (i) =>
        i.current ? (
          <Badge color="teal" variant="light">
            {t('staff.record.coverageNow')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('staff.record.ended')}
          </Badge>
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: t('staff.columns.actions'),
            cell: (i: InsurancePeriod) =>
              managed(i.office.id) && !i.endsOn ? (
                <Button size="compact-sm" variant="subtle" onClick={() => setEnding(i)} data-testid="insurance-end">
                  {t('staff.endInsurance.action')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const licenceColumns: DataColumn<StaffRecord['licences'][number]>[] = [
    {
      key: 'number',
      header: t('staff.columns.number'),
      cell: (l) => (
        <Anchor component={Link} to={`/licences/${l.id}`}>
          <PersianDigits ltr>{l.number}</PersianDigits>
        </Anchor>
      ),
    },
    { key: 'office', header: t('staff.columns.office'), cell: (l) => digits(l.office.code) },
    { key: 'expiresOn', header: t('staff.columns.expiresOn'), cell: (l) => <JalaliDate value={l.expiresOn} /> },
    { key: 'status', header: t('staff.columns.status'), cell: (l) => <LicenceBadge status={l.status} /> },
  ];

  const trainingColumns: DataColumn<StaffRecord['training']['courses'][number]>[] = [
    {
      key: 'course',
      header: t('staff.columns.course'),
      cell: (c) => (
        <>
          <bdi dir="ltr">{c.code}</bdi> — {c.titleFa}
        </>
      ),
    },
    {
      key: 'status',
      header: t('staff.columns.status'),
      cell: (c) => (
        <Group gap={4}>
          <Badge variant="light" color={c.attended ? 'teal' : 'gray'}>
            {t(c.attended ? 'staff.record.attended' : 'staff.record.notAttended')}
          </Badge>
          {c.hasExam ? (
            <Badge variant="light" color={c.examPassed ? 'teal' : 'gray'}>
              {t(c.examPassed ? 'staff.record.examPassed' : 'staff.record.examPending')}
            </Badge>
          ) : null}
          {c.qualified ? (
            <Badge variant="filled" color="teal">
              {t('staff.record.qualified')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
  ];

  const officeColumns: DataColumn<StaffRecord['offices'][number]>[] = [
    { key: 'office', header: t('staff.columns.office'), cell: (o) => text(o.office.name) },
    { key: 'from', header: t('staff.record.from'), cell: (o) => ended(o.from) },
    {
      key: 'to',
      header: t('staff.record.to'),
      cell: (o) => (o.to ? <JalaliDate value={o.to} /> : o.current ? t('staff.record.current') : '—'),
    },
  ];

  // The events have no identity of their own: their place in the history keys them.
  const history = record.history.map((h, i) => ({ ...h, key: `${h.kind}-${h.on}-${i}` }));
  const historyColumns: DataColumn<(typeof history)[number]>[] = [
    { key: 'date', header: t('staff.columns.date'), cell: (h) => <JalaliDate value={h.on} /> },
    { key: 'event', header: t('staff.columns.event'), cell: (h) => t(`staff.history.${h.kind}`) },
    { key: 'office', header: t('staff.columns.office'), cell: (h) => (h.office ? digits(h.office.code) : '—') },
    {
      key: 'detail',
      header: t('staff.columns.detail'),
      cell: (h) => (h.detail ? historyDetail(h.kind, h.detail, t, digits) : '—'),
    },
  ];

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Group align="flex-start" wrap="wrap" gap="lg">
          {record.profile.hasPhoto ? (
            <Avatar
              src={`/api/v1/staff/${record.id}/photo?v=${photoVersion}`}
              alt={t('staff.record.photo', { name: fullName })}
              size={96}
              radius="md"
            />
          ) : (
            <Avatar size={96} radius="md" alt={t('staff.record.noPhoto')}>
              {record.name.first.slice(0, 1)}
            </Avatar>
          )}
          <Stack gap={4}>
            <Text fw={700} size="lg" data-testid="record-name">
              {fullName}
            </Text>
            <Text size="sm">
              {t('staff.record.nationalId')}:{' '}
              {record.nationalId ? <PersianDigits ltr>{record.nationalId}</PersianDigits> : '—'}
            </Text>
            <Text size="sm">
              {t('staff.record.username')}: <bdi dir="ltr">{record.username}</bdi>
            </Text>
            {record.mobile ? (
              <Text size="sm">
                {t('staff.record.mobile')}: <PersianDigits ltr>{record.mobile}</PersianDigits>
              </Text>
            ) : null}
            <Group gap="xs">
              {record.roles.map((r) => (
                <Badge key={`${r.role}-${r.office.id}`} variant="light">
                  {t(`staff.roles.${r.role}`)} — {text(r.office.name)}
                </Badge>
              ))}
              <InsuredBadge insured={record.insured} />
            </Group>
            <Text size="sm">
              {t('staff.record.educationLevel')}:{' '}
              {record.profile.educationLevel ? t(`staff.education.${record.profile.educationLevel}`) : '—'}
              {record.profile.educationField ? ` (${record.profile.educationField})` : ''}
            </Text>
            <Text size="sm">
              {t('staff.record.insuranceNumber')}:{' '}
              {record.profile.insuranceNumber ? (
                <PersianDigits ltr>{record.profile.insuranceNumber}</PersianDigits>
              ) : (
                '—'
              )}
            </Text>
          </Stack>
        </Group>
      </Paper>

      {canManage ? <ProfileForm record={record} /> : null}

      <Section title={t('staff.record.contracts')} id="contracts-title">
        <DataTable
          testId="contracts-table"
          label={t('staff.record.contracts')}
          columns={contractColumns}
          rowKey={(c) => c.id}
          rows={record.contracts}
          pageSize="all"
          empty={t('staff.record.noContracts')}
          minWidth={800}
          rowProps={() => ({ 'data-testid': 'contract-row' })}
        />
        {canManage ? <ContractForm personId={record.id} /> : null}
      </Section>

      <Section title={t('staff.record.insurance')} id="insurance-title">
        <DataTable
          testId="insurance-table"
          label={t('staff.record.insurance')}
          columns={insuranceColumns}
          rowKey={(i) => i.id}
          rows={record.insurance}
          pageSize="all"
          empty={t('staff.record.noInsurance')}
          minWidth={600}
          rowProps={() => ({ 'data-testid': 'insurance-row' })}
        />
        {canManage ? <InsuranceForm personId={record.id} defaultNumber={record.profile.insuranceNumber} /> : null}
      </Section>

      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('staff.record.licences')} id="licences-title">
            <DataTable
              testId="licences-table"
              label={t('staff.record.licences')}
              columns={licenceColumns}
              rowKey={(l) => l.id}
              rows={record.licences}
              pageSize="all"
              empty={t('staff.record.noLicences')}
              minWidth={400}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t('staff.record.training')} id="training-title">
            <Text size="sm">
              {t('staff.record.ceHours', { hours: digits(record.training.continuingEducationHours) })}
            </Text>
            <DataTable
              testId="training-table"
              label={t('staff.record.training')}
              columns={trainingColumns}
              rowKey={(c) => c.courseId}
              rows={record.training.courses}
              pageSize="all"
              minWidth={400}
            />
          </Section>
        </Grid.Col>
      </Grid>

      <Section title={t('staff.record.offices')} id="offices-title">
        <DataTable
          testId="record-offices-table"
          label={t('staff.record.offices')}
          columns={officeColumns}
          rowKey={(o) => o.office.id}
          rows={record.offices}
          pageSize="all"
          minWidth={400}
        />
      </Section>

      <Section title={t('staff.record.history')} id="history-title">
        <DataTable
          testId="history-table"
          label={t('staff.record.history')}
          columns={historyColumns}
          rowKey={(h) => h.key}
          rows={history}
          pageSize={20}
          empty={t('staff.record.noHistory')}
          minWidth={600}
        />
      </Section>

      <TerminateModal contract={terminating} onClose={() => setTerminating(null)} />
      <EndInsuranceModal period={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}

/** Role and contract-type codes read as words; numbers in the reader's digits. */
function historyDetail(kind: string, detail: string, t: (k: string) => string, digits: (v: string) => string): string {
  if (kind === 'role-granted') return t(`staff.roles.${detail}`);
  if (kind === 'contract-started' || kind === 'contract-ended') return t(`staff.contractTypes.${detail}`);
  return digits(detail);
}
