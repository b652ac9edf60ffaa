import { Button, Card, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidLegalId, isValidNationalId } from '#core/identifiers';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';
import { type LegalPerson, useCreateLegalPerson, useLegalPersons } from '../api/legal-persons';

const FIELDS = ['nationalCompanyId', 'name', 'registrationNumber', 'provinceId', 'address', 'agentNationalId'];

/** Companies (legal persons) by their 11-digit national company ID: search and register. */
export function LegalPersonsPanel() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useLegalPersons(q, page);
  const create = useCreateLegalPerson();
  const [form, setForm] = useState({
    nationalCompanyId: '',
    name: '',
    registrationNumber: '',
    provinceId: null as string | null,
    address: '',
    agentNationalId: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const companyId = toLatinDigits(form.nationalCompanyId).replace(/\s/g, '');

  const local = useMemo(() => {
    const e: Record<string, string> = {};
    if (!companyId) e.nationalCompanyId = t('common.required');
    else if (!isValidLegalId(companyId)) e.nationalCompanyId = t('eaccounts.parties.companyIdInvalid');
    if (form.name.trim().length < 2) e.name = t('common.required');
    if (!form.registrationNumber.trim()) e.registrationNumber = t('common.required');
    if (!form.provinceId) e.provinceId = t('common.required');
    if (form.agentNationalId && !isValidNationalId(form.agentNationalId))
      e.agentNationalId = t('ui.nationalId.invalid');
    return e;
  }, [form, companyId, t]);
  const server = fieldErrorsOf(create.error, lang);
  const live =
    companyId.length >= 11 && !isValidLegalId(companyId) ? t('eaccounts.parties.companyIdInvalid') : undefined;
  const errorOf = (f: string) =>
    server[f] ?? (f === 'nationalCompanyId' ? live : undefined) ?? (submitted ? local[f] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    create.mutate(
      {
        nationalCompanyId: companyId,
        name: form.name.trim(),
        registrationNumber: form.registrationNumber.trim(),
        provinceId: Number(form.provinceId),
        ...(form.address.trim() ? { address: form.address.trim() } : {}),
        ...(form.agentNationalId ? { agentNationalId: form.agentNationalId } : {}),
      },
      {
        onSuccess: (lp) => {
          notifications.show({
            color: 'teal',
            title: t('eaccounts.parties.companyCreated'),
            message: lp.name,
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          setForm({
            nationalCompanyId: '',
            name: '',
            registrationNumber: '',
            provinceId: null,
            address: '',
            agentNationalId: '',
          });
          setSubmitted(false);
          setQ(lp.nationalCompanyId);
        },
      },
    );
  };

  const columns: DataColumn<LegalPerson>[] = [
    {
      key: 'nationalCompanyId',
      header: t('eaccounts.parties.companyId'),
      cell: (lp) => <bdi dir="ltr">{digits(lp.nationalCompanyId)}</bdi>,
    },
    { key: 'name', header: t('eaccounts.parties.companyName'), cell: (lp) => lp.name },
    {
      key: 'registrationNumber',
      header: t('eaccounts.parties.registrationNumber'),
      cell: (lp) => <bdi dir="ltr">{lp.registrationNumber ? digits(lp.registrationNumber) : '—'}</bdi>,
    },
    { key: 'agent', header: t('eaccounts.parties.agent'), cell: (lp) => (lp.agent ? lp.agent.name : '—') },
  ];

  return (
    <Stack>
      <Card withBorder component="form" onSubmit={submit} noValidate data-testid="legal-person-form">
        <Title order={2} size="h5" mb="sm">
          {t('eaccounts.parties.newCompany')}
        </Title>
        <ProblemAlert error={create.error} shownFields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <DigitsInput
            label={t('eaccounts.parties.companyId')}
            description={t('eaccounts.parties.companyIdHint')}
            value={form.nationalCompanyId}
            onChange={(v) => set('nationalCompanyId', v)}
            maxLength={14}
            required
            error={errorOf('nationalCompanyId')}
            data-testid="company-id"
          />
          <TextInput
            label={t('eaccounts.parties.companyName')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
            error={errorOf('name')}
            data-testid="company-name"
          />
          <TextInput
            label={t('eaccounts.parties.registrationNumber')}
            value={form.registrationNumber}
            onChange={(e) => set('registrationNumber', e.currentTarget.value)}
            dir="ltr"
            required
            error={errorOf('registrationNumber')}
            data-testid="company-registration"
          />
          <ProvinceSelect
            label={t('eaccounts.parties.province')}
            placeholder={t('eaccounts.form.provincePlaceholder')}
            value={form.provinceId}
            onChange={(v) => set('provinceId', v)}
            required
            clearable={false}
            error={errorOf('provinceId')}
            data-testid="company-province"
          />
          <NationalIdField
            label={t('eaccounts.parties.agent')}
            description={t('eaccounts.parties.agentHint')}
            value={form.agentNationalId}
            onChange={(v) => set('agentNationalId', v)}
            serverError={errorOf('agentNationalId')}
            data-testid="company-agent"
          />
          <TextInput
            label={t('eaccounts.form.address')}
            value={form.address}
            onChange={(e) => set('address', e.currentTarget.value)}
            error={errorOf('address')}
            data-testid="company-address"
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={create.isPending} data-testid="company-submit">
            {t('eaccounts.parties.register')}
          </Button>
        </Group>
      </Card>

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">
            {t('eaccounts.parties.companies')}
          </Title>
          <TextInput
            placeholder={t('eaccounts.parties.searchCompanies')}
            aria-label={t('eaccounts.parties.searchCompanies')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            data-testid="company-search"
            w={280}
          />
        </Group>
        <DataTable
          testId="companies-table"
          label={t('eaccounts.parties.companies')}
          columns={columns}
          rowKey={(lp) => lp.id}
          rows={list.data?.items}
          isPending={list.isPending}
          isFetching={list.isFetching}
          error={list.error}
          paging={list.data ? { ...list.data, onChange: setPage } : undefined}
          minWidth={600}
        />
      </Card>
    </Stack>
  );
}
