/**
 * /competencies — where a service can be had: per province, active offices and those competent for
 * it today; and for the regulator, the grant form (named offices, or every active office of some
 * provinces as a pilot).
 */
import '../i18n/index.ts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { officeOptionsQueryOptions, provincesQueryOptions } from '#web/ui/geo.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useOfficeServices, type CatalogService } from '#web/features/catalog/api/services.ts';
import { type ProvinceCoverage, useCoverage, useGrantCompetencies } from '../api/competencies';
import { isRegulator } from '../components/office-access';

export function CompetenciesPage() {
  const { t } = useTranslation();
  const { text, count, digits } = useDigits();
  const { user } = useAuth();
  const services = useOfficeServices().data ?? [];
  const [serviceCode, setServiceCode] = useState<string | null>('licence-renewal');
  const coverage = useCoverage(serviceCode);
  const percent = (part: number, whole: number) => (whole ? `${digits(Math.round((100 * part) / whole))}٪` : '—');
  const share = (p: ProvinceCoverage) =>
    p.activeOffices ? Math.round((100 * p.competentOffices) / p.activeOffices) : null;
  const columns: DataColumn<ProvinceCoverage>[] = [
    {
      key: 'province',
      header: t('offices.list.columns.province'),
      cell: (p) => text(p.province.name),
      sortValue: (p) => text(p.province.name),
    },
    {
      key: 'active',
      header: t('offices.competencies.active'),
      cell: (p) => count(p.activeOffices),
      sortValue: (p) => p.activeOffices,
      numeric: true,
    },
    {
      key: 'competent',
      header: t('offices.competencies.competent'),
      cell: (p) => count(p.competentOffices),
      sortValue: (p) => p.competentOffices,
      numeric: true,
    },
    {
      key: 'pilot',
      header: t('offices.competencies.pilot'),
      cell: (p) => count(p.pilotOffices),
      sortValue: (p) => p.pilotOffices,
      numeric: true,
    },
    {
      key: 'share',
      header: t('offices.competencies.share'),
      cell: (p) => percent(p.competentOffices, p.activeOffices),
      sortValue: share,
      numeric: true,
    },
  ];

  return (
    <Stack>
      <PageTitle title={t('offices.competencies.title')} subtitle={t('offices.competencies.subtitle')} />
      <Select
        label={t('offices.detail.service')}
        data={services.map((s) => ({ value: s.code, label: text(s.title) }))}
        value={serviceCode}
        onChange={setServiceCode}
        searchable
        allowDeselect={false}
        w={{ base: '100%', sm: 360 }}
        comboboxProps={{ withinPortal: true }}
        data-testid="coverage-service"
      />
      <ProblemAlert error={coverage.error} />
      {coverage.data ? (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('offices.competencies.coverage', { service: text(coverage.data.service.title) })}
            </Title>
            <Text data-testid="coverage-totals">
              {t('offices.competencies.totals', {
                competent: count(coverage.data.totals.competentOffices),
                active: count(coverage.data.totals.activeOffices),
              })}
            </Text>
          </Group>
          <DataTable
            testId="coverage-table"
            caption={t('offices.competencies.caption')}
            columns={columns}
            rowKey={(p) => p.province.id}
            rows={coverage.data.provinces.filter((p) => p.activeOffices > 0)}
            isFetching={coverage.isFetching}
            pageSize="all"
            minWidth={560}
            csvFileName={`coverage-${coverage.data.service.code}.csv`}
            rowProps={() => ({ 'data-testid': 'coverage-row' })}
          />
        </Card>
      ) : null}
      {isRegulator(user) ? <GrantForm services={services} serviceCode={serviceCode} /> : null}
    </Stack>
  );
}

function GrantForm({ services, serviceCode: initial }: { services: CatalogService[]; serviceCode: string | null }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { text, count } = useDigits();
  const grant = useGrantCompetencies();
  const provinces = useQuery(provincesQueryOptions());
  const [target, setTarget] = useState<'provinces' | 'offices'>('provinces');
  const offices = useQuery({ ...officeOptionsQueryOptions({}), enabled: target === 'offices' });
  const [serviceCode, setServiceCode] = useState<string | null>(initial);
  const [provinceIds, setProvinceIds] = useState<string[]>([]);
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  const [validFrom, setValidFrom] = useState(() => formatJalaliIso(isoToJalali(tehranIsoDate())));
  const [validUntil, setValidUntil] = useState('');
  const [pilot, setPilot] = useState(true);
  const [reason, setReason] = useState('');
  const errors = fieldErrorsOf(grant.error, lang);

  function submit(e: FormEvent) {
    e.preventDefault();
    grant.mutate({
      serviceCode: serviceCode ?? '',
      ...(target === 'provinces' ? { provinceIds: provinceIds.map(Number) } : { officeIds: officeIds.map(Number) }),
      validFrom,
      validUntil: validUntil || undefined,
      pilot,
      reason: reason.trim() || undefined,
    });
  }

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('offices.competencies.grantTitle')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="grant-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('offices.detail.service')}
              data={services.map((s) => ({ value: s.code, label: text(s.title) }))}
              value={serviceCode}
              onChange={setServiceCode}
              searchable
              error={errors.serviceCode}
              required
              comboboxProps={{ withinPortal: true }}
              data-testid="grant-service"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="grant-target-label">
                {t('offices.competencies.target')}
              </Text>
              <SegmentedControl
                aria-labelledby="grant-target-label"
                value={target}
                onChange={(v) => setTarget(v as 'provinces' | 'offices')}
                data={[
                  { value: 'provinces', label: t('offices.competencies.toProvinces') },
                  { value: 'offices', label: t('offices.competencies.toOffices') },
                ]}
              />
            </Stack>
            {target === 'provinces' ? (
              <MultiSelect
                label={t('offices.competencies.provinces')}
                data={(provinces.data?.items ?? []).map((p) => ({ value: String(p.id), label: text(p.name) }))}
                value={provinceIds}
                onChange={setProvinceIds}
                searchable
                error={errors.provinceIds ?? errors.officeIds}
                comboboxProps={{ withinPortal: true }}
                data-testid="grant-provinces"
              />
            ) : (
              <MultiSelect
                label={t('offices.competencies.offices')}
                data={(offices.data?.items ?? []).map((o) => ({
                  value: String(o.id),
                  label: `${o.code} — ${text(o.name)}`,
                }))}
                value={officeIds}
                onChange={setOfficeIds}
                searchable
                error={errors.officeIds}
                comboboxProps={{ withinPortal: true }}
                data-testid="grant-offices"
              />
            )}
            <Checkbox
              label={t('offices.competencies.pilotFlag')}
              checked={pilot}
              onChange={(e) => setPilot(e.currentTarget.checked)}
              mt={28}
            />
            <JalaliDateInput
              label={t('offices.competencies.validFrom')}
              value={validFrom}
              onChange={setValidFrom}
              serverError={errors.validFrom}
              required
              data-testid="grant-from"
            />
            <JalaliDateInput
              label={t('offices.competencies.validUntil')}
              value={validUntil}
              onChange={setValidUntil}
              serverError={errors.validUntil}
            />
          </SimpleGrid>
          <Textarea
            label={t('offices.competencies.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ProblemAlert
            error={grant.error}
            shownFields={['serviceCode', 'provinceIds', 'officeIds', 'validFrom', 'validUntil']}
          />
          {grant.data ? (
            <Alert color="teal" data-testid="grant-result">
              {t('offices.competencies.result', {
                granted: count(grant.data.granted),
                reactivated: count(grant.data.reactivated),
                held: count(grant.data.alreadyHeld),
              })}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={grant.isPending} data-testid="grant-submit">
              {t('offices.competencies.grant')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
