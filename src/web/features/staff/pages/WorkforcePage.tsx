import '../i18n/index.ts';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import {
  CONTRACT_TYPES,
  type OfficeStats,
  type ProvinceStats,
  type StaffAlert,
  type Stats,
  useAlerts,
  useWorkforceStats,
} from '../api/staff';
import { officeLabel } from '../components/badges';

/** /workforce — today's employment alerts and the workforce statistics per office and per province. */
export function WorkforcePage() {
  const { t } = useTranslation();
  const { text, digits, count, lang } = useDigits();
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const alerts = useAlerts();
  const stats = useWorkforceStats(provinceId);
  const percent = (v: number | null) =>
    v === null
      ? '—'
      : new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(
          v,
        );
  const types = (s: Stats) =>
    CONTRACT_TYPES.filter((c) => s.contractTypes[c] > 0)
      .map((c) => `${t(`staff.contractTypes.${c}`)}: ${count(s.contractTypes[c])}`)
      .join(lang === 'fa' ? '، ' : ', ') || '—';
  /** The figures' columns, after the column naming the office or the province. */
  const statColumns = <S extends Stats>(first: DataColumn<S>): DataColumn<S>[] => [
    first,
    {
      key: 'headcount',
      header: t('staff.workforce.columns.headcount'),
      cell: (s) => count(s.headcount),
      sortValue: (s) => s.headcount,
      numeric: true,
    },
    {
      key: 'insured',
      header: t('staff.workforce.columns.insured'),
      cell: (s) => count(s.insured),
      sortValue: (s) => s.insured,
      numeric: true,
    },
    {
      key: 'coverage',
      header: t('staff.workforce.columns.coverage'),
      cell: (s) => percent(s.coverageRate),
      sortValue: (s) => s.coverageRate,
      numeric: true,
    },
    { key: 'types', header: t('staff.workforce.columns.types'), cell: types },
    {
      key: 'fullTimeShare',
      header: t('staff.workforce.columns.fullTimeShare'),
      cell: (s) => percent(s.fullTimeShare),
      sortValue: (s) => s.fullTimeShare,
      numeric: true,
    },
    {
      key: 'averageWage',
      header: t('staff.workforce.columns.averageWage'),
      cell: (s) => (s.averageWageRials === null ? '—' : <Money rials={s.averageWageRials} />),
      sortValue: (s) => s.averageWageRials,
      numeric: true,
    },
    {
      key: 'turnover',
      header: t('staff.workforce.columns.turnover'),
      cell: (s) => percent(s.turnover),
      sortValue: (s) => s.turnover,
      numeric: true,
    },
  ];
  const provinceColumns = statColumns<ProvinceStats>({
    key: 'province',
    header: t('staff.workforce.columns.province'),
    cell: (p) => text(p.province.name),
    sortValue: (p) => text(p.province.name),
    rowHeader: true,
  });
  const officeColumns = statColumns<OfficeStats>({
    key: 'office',
    header: t('staff.workforce.columns.office'),
    cell: (o) => officeLabel(o.office, text, digits),
    sortValue: (o) => o.office.code,
    rowHeader: true,
  });
  const alertColumns: DataColumn<StaffAlert>[] = [
    {
      key: 'kind',
      header: t('staff.workforce.columns.kind'),
      cell: (a) => t(`staff.alertKinds.${a.kind}`),
      sortValue: (a) => t(`staff.alertKinds.${a.kind}`),
    },
    {
      key: 'person',
      header: t('staff.workforce.columns.person'),
      cell: (a) => (
        <Anchor component={Link} to={`/staff/${a.person.id}`}>
          {a.person.name.first} {a.person.name.last}
        </Anchor>
      ),
      sortValue: (a) => `${a.person.name.last} ${a.person.name.first}`,
    },
    {
      key: 'office',
      header: t('staff.workforce.columns.office'),
      cell: (a) => officeLabel(a.office, text, digits),
      sortValue: (a) => a.office.code,
    },
    {
      key: 'dueOn',
      header: t('staff.workforce.columns.dueOn'),
      cell: (a) => (a.dueOn ? <JalaliDate value={a.dueOn} /> : '—'),
      sortValue: (a) => a.dueOn,
    },
  ];

  return (
    <Stack>
      <PageTitle title={t('staff.workforce.title')} subtitle={t('staff.workforce.subtitle')} />

      <Paper withBorder p="md" component="section" aria-labelledby="alerts-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="alerts-title">
            {t('staff.workforce.alerts')}
          </Title>
          <DataTable
            testId="alerts-table"
            caption={t('staff.workforce.alertsCaption')}
            columns={alertColumns}
            rowKey={(a) => a.key}
            rows={alerts.data?.items}
            isPending={alerts.isPending}
            error={alerts.error}
            empty={t('staff.workforce.noAlerts')}
            minWidth={700}
            rowProps={(a) => ({ 'data-testid': 'alert-row', 'data-kind': a.kind })}
          />
        </Stack>
      </Paper>

      <ProvinceSelect
        value={provinceId}
        onChange={setProvinceId}
        w={{ base: '100%', sm: 240 }}
        data-testid="workforce-province"
      />
      <ProblemAlert error={stats.error} />
      {stats.data ? (
        <>
          <Text size="sm" c="dimmed">
            {t('staff.workforce.statsDay', { date: '' })}
            <JalaliDate value={stats.data.day} />
          </Text>
          <Paper withBorder p="md" component="section" aria-labelledby="per-province-title">
            <Title order={2} size="h4" id="per-province-title" mb="sm">
              {t('staff.workforce.perProvince')}
            </Title>
            <DataTable
              testId="province-stats"
              label={t('staff.workforce.perProvince')}
              columns={provinceColumns}
              rowKey={(p) => p.province.id}
              rows={stats.data.provinces}
              isFetching={stats.isFetching}
              pageSize="all"
              minWidth={900}
              rowProps={() => ({ 'data-testid': 'province-stats-row' })}
            />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="per-office-title">
            <Title order={2} size="h4" id="per-office-title" mb="sm">
              {t('staff.workforce.perOffice')}
            </Title>
            <DataTable
              testId="office-stats"
              label={t('staff.workforce.perOffice')}
              columns={officeColumns}
              rowKey={(o) => o.office.id}
              rows={stats.data.offices}
              isFetching={stats.isFetching}
              pageSize={50}
              csvFileName="workforce-offices.csv"
              minWidth={900}
              rowProps={() => ({ 'data-testid': 'office-stats-row' })}
            />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
