import '../i18n/index.ts';
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { Money } from '#web/ui/Money.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { CONTRACT_TYPES, useAlerts, useWorkforceStats, type Stats } from '../api/staff';
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
  const statCells = (s: Stats) => (
    <>
      <Table.Td>{count(s.headcount)}</Table.Td>
      <Table.Td>{count(s.insured)}</Table.Td>
      <Table.Td>{percent(s.coverageRate)}</Table.Td>
      <Table.Td>
        {CONTRACT_TYPES.filter((c) => s.contractTypes[c] > 0)
          .map((c) => `${t(`staff.contractTypes.${c}`)}: ${count(s.contractTypes[c])}`)
          .join(lang === 'fa' ? '، ' : ', ') || '—'}
      </Table.Td>
      <Table.Td>{percent(s.fullTimeShare)}</Table.Td>
      <Table.Td>{s.averageWageRials === null ? '—' : <Money rials={s.averageWageRials} />}</Table.Td>
      <Table.Td>{percent(s.turnover)}</Table.Td>
    </>
  );
  const statHeads = (
    ['headcount', 'insured', 'coverage', 'types', 'fullTimeShare', 'averageWage', 'turnover'] as const
  ).map((c) => (
    <Table.Th scope="col" key={c}>
      {t(`staff.workforce.columns.${c}`)}
    </Table.Th>
  ));

  return (
    <Stack>
      <PageTitle title={t('staff.workforce.title')} subtitle={t('staff.workforce.subtitle')} />

      <Paper withBorder p="md" component="section" aria-labelledby="alerts-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="alerts-title">
            {t('staff.workforce.alerts')}
          </Title>
          <ProblemAlert error={alerts.error} />
          {alerts.data && alerts.data.items.length === 0 ? <Text>{t('staff.workforce.noAlerts')}</Text> : null}
          {alerts.data && alerts.data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={700}>
              <Table striped withTableBorder data-testid="alerts-table">
                <Table.Caption>{t('staff.workforce.alertsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {(['kind', 'person', 'office', 'dueOn'] as const).map((c) => (
                      <Table.Th scope="col" key={c}>
                        {t(`staff.workforce.columns.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {alerts.data.items.map((a) => (
                    <Table.Tr key={a.key} data-testid="alert-row" data-kind={a.kind}>
                      <Table.Td>{t(`staff.alertKinds.${a.kind}`)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/staff/${a.person.id}`}>
                          {a.person.name.first} {a.person.name.last}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{officeLabel(a.office, text, digits)}</Table.Td>
                      <Table.Td>{a.dueOn ? <JalaliDate value={a.dueOn} /> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
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
            <Table.ScrollContainer minWidth={900}>
              <Table striped withTableBorder data-testid="province-stats">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('staff.workforce.columns.province')}</Table.Th>
                    {statHeads}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.data.provinces.map((p) => (
                    <Table.Tr key={p.province.id} data-testid="province-stats-row">
                      <Table.Th scope="row">{text(p.province.name)}</Table.Th>
                      {statCells(p)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="per-office-title">
            <Title order={2} size="h4" id="per-office-title" mb="sm">
              {t('staff.workforce.perOffice')}
            </Title>
            <Table.ScrollContainer minWidth={900}>
              <Table striped withTableBorder data-testid="office-stats">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('staff.workforce.columns.office')}</Table.Th>
                    {statHeads}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.data.offices.map((o) => (
                    <Table.Tr key={o.office.id} data-testid="office-stats-row">
                      <Table.Th scope="row">{officeLabel(o.office, text, digits)}</Table.Th>
                      {statCells(o)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
