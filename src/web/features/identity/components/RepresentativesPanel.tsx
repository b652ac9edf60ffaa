import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidNationalId } from '#core/identifiers';
import { parseJalaliDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { isolate } from '#web/ui/reading-direction.ts';
import {
  type RepresentativeKind,
  type RepresentativeRow,
  useCreateRepresentative,
  useRepresentatives,
} from '../api/representatives';
import { REPRESENTATIVE_KINDS } from '#server/modules/accounts/values';

const KINDS: readonly RepresentativeKind[] = REPRESENTATIVE_KINDS;
const FIELDS = ['nationalId', 'kind', 'licenceNumber', 'issuer', 'validUntil'];

/** Representatives (lawyers with a bar licence, guardians, legal advisers): search and register. */
export function RepresentativesPanel() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useRepresentatives(q, page);
  const create = useCreateRepresentative();
  const [form, setForm] = useState({
    nationalId: '',
    kind: 'lawyer' as RepresentativeKind,
    licenceNumber: '',
    issuer: '',
    validUntil: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  const local = useMemo(() => {
    const e: Record<string, string> = {};
    if (!form.nationalId) e.nationalId = t('common.required');
    else if (!isValidNationalId(form.nationalId)) e.nationalId = t('ui.nationalId.invalid');
    if (form.kind === 'lawyer' && !form.licenceNumber.trim()) e.licenceNumber = t('eaccounts.parties.licenceRequired');
    if (form.kind === 'lawyer' && !form.issuer.trim()) e.issuer = t('eaccounts.parties.licenceRequired');
    if (form.validUntil && !parseJalaliDate(form.validUntil)) e.validUntil = t('ui.jalaliDate.invalid');
    return e;
  }, [form, t]);
  const server = fieldErrorsOf(create.error, lang);
  const errorOf = (f: string) => server[f] ?? (submitted ? local[f] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    create.mutate(
      {
        nationalId: form.nationalId,
        kind: form.kind,
        ...(form.licenceNumber.trim() ? { licenceNumber: form.licenceNumber.trim() } : {}),
        ...(form.issuer.trim() ? { issuer: form.issuer.trim() } : {}),
        ...(form.validUntil ? { validUntil: form.validUntil } : {}),
      },
      {
        onSuccess: (rep) => {
          notifications.show({
            color: 'teal',
            title: t('eaccounts.parties.repCreated'),
            message: t('eaccounts.parties.repCreatedMessage', { name: isolate(rep.name), id: isolate(digits(rep.id)) }),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          setForm({ nationalId: '', kind: 'lawyer', licenceNumber: '', issuer: '', validUntil: '' });
          setSubmitted(false);
          setQ(rep.nationalId);
        },
      },
    );
  };

  const columns: DataColumn<RepresentativeRow>[] = [
    { key: 'id', header: t('eaccounts.parties.repId'), cell: (r) => digits(r.id), cellProps: () => ({ fw: 700 }) },
    { key: 'name', header: t('eaccounts.parties.name'), cell: (r) => r.name },
    {
      key: 'kind',
      header: t('eaccounts.parties.kind'),
      cell: (r) => <Badge variant="light">{t(`eaccounts.parties.kinds.${r.kind}`)}</Badge>,
    },
    {
      key: 'licenceNumber',
      header: t('eaccounts.parties.licenceNumber'),
      cell: (r) => <bdi dir="ltr">{r.licenceNumber ? digits(r.licenceNumber) : '—'}</bdi>,
    },
    { key: 'issuer', header: t('eaccounts.parties.issuer'), cell: (r) => r.issuer ?? '—' },
    {
      key: 'validUntil',
      header: t('eaccounts.parties.validUntil'),
      // The server answers the Jalali day (YYYY-MM-DD), read here with slashes.
      cell: (r) => (r.validUntil ? digits(r.validUntil.replace(/-/g, '/')) : '—'),
    },
  ];

  return (
    <Stack>
      <Card withBorder component="form" onSubmit={submit} noValidate data-testid="representative-form">
        <Title order={2} size="h5" mb="sm">
          {t('eaccounts.parties.newRep')}
        </Title>
        <ProblemAlert error={create.error} shownFields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <NationalIdField
            description={t('eaccounts.parties.repNationalIdHint')}
            value={form.nationalId}
            onChange={(v) => set('nationalId', v)}
            required
            forceValidate={submitted}
            serverError={errorOf('nationalId')}
            data-testid="rep-national-id"
          />
          <Select
            label={t('eaccounts.parties.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`eaccounts.parties.kinds.${k}`) }))}
            value={form.kind}
            onChange={(v) => v && set('kind', v as RepresentativeKind)}
            allowDeselect={false}
            required
            error={errorOf('kind')}
            comboboxProps={{ withinPortal: true }}
            data-testid="rep-kind"
          />
          <TextInput
            label={t('eaccounts.parties.licenceNumber')}
            value={form.licenceNumber}
            onChange={(e) => set('licenceNumber', e.currentTarget.value)}
            dir="ltr"
            required={form.kind === 'lawyer'}
            error={errorOf('licenceNumber')}
            data-testid="rep-licence"
          />
          <TextInput
            label={t('eaccounts.parties.issuer')}
            placeholder={t('eaccounts.parties.issuerPlaceholder')}
            value={form.issuer}
            onChange={(e) => set('issuer', e.currentTarget.value)}
            required={form.kind === 'lawyer'}
            error={errorOf('issuer')}
            data-testid="rep-issuer"
          />
          <JalaliDateInput
            label={t('eaccounts.parties.validUntil')}
            value={form.validUntil}
            onChange={(v) => set('validUntil', v)}
            serverError={errorOf('validUntil')}
            data-testid="rep-valid-until"
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={create.isPending} data-testid="rep-submit">
            {t('eaccounts.parties.register')}
          </Button>
        </Group>
      </Card>

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">
            {t('eaccounts.parties.reps')}
          </Title>
          <TextInput
            placeholder={t('eaccounts.parties.searchReps')}
            aria-label={t('eaccounts.parties.searchReps')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            data-testid="rep-search"
            w={280}
          />
        </Group>
        <DataTable
          testId="reps-table"
          label={t('eaccounts.parties.reps')}
          columns={columns}
          rowKey={(r) => r.id}
          rows={list.data?.items}
          isPending={list.isPending}
          isFetching={list.isFetching}
          error={list.error}
          paging={list.data ? { ...list.data, onChange: setPage } : undefined}
          minWidth={700}
        />
      </Card>
    </Stack>
  );
}
