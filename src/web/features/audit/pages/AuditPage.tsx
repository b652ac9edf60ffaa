import '../i18n/index.ts';
import { Alert, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useCreateCheckpoint } from '../api/create-checkpoint';
import { type AuditEvent, type AuditFilters, useAuditEvents } from '../api/get-audit-events';
import { useVerifyAudit } from '../api/verify-audit';
import { ACTION_CODES, actionLabel, ENTITY_TYPES, entityLabel } from '../labels';

interface FilterForm {
  who: string;
  action: string | null;
  entityType: string | null;
  entityId: string;
  from: string;
  to: string;
}
const NO_FILTERS: FilterForm = { who: '', action: null, entityType: null, entityId: '', from: '', to: '' };

/** The form as the server's query: empty fields left out. */
function asQuery(form: FilterForm): AuditFilters {
  return {
    who: form.who.trim() || undefined,
    action: (form.action ?? undefined) as AuditFilters['action'],
    entityType: (form.entityType ?? undefined) as AuditFilters['entityType'],
    entityId: form.entityId.trim() || undefined,
    from: form.from || undefined,
    to: form.to || undefined,
  };
}

/**
 * /audit — the append-only audit log with its filters (who, what, when, which object) and, for the
 * regulator, a check of its hash chain and a signed checkpoint. National oversight reads every
 * event; a province's association the events of its province and its own actions (the server decides).
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { user } = useAuth();
  const { count, digits } = useDigits();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<FilterForm>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters, page);
  const verify = useVerifyAudit();
  const checkpoint = useCreateCheckpoint();
  const regulator = user?.roles.some((g) => g.role === 'regulator_admin') ?? false;
  const national = user?.roles.some((g) => g.scope.kind === 'nation') ?? false;
  const fieldErrors = fieldErrorsOf(events.error, lang);
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(asQuery(form));
    setPage(1);
  };
  const clear = () => {
    setForm(NO_FILTERS);
    setFilters({});
    setPage(1);
  };
  const actionOptions = ACTION_CODES.map((code) => ({ value: code, label: actionLabel(t, code) }));
  const entityOptions = ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(t, type) }));

  const columns: DataColumn<AuditEvent>[] = [
    {
      key: 'seq',
      header: t('audit.log.columns.seq'),
      cell: (e) => <PersianDigits>{e.seq}</PersianDigits>,
      csv: (e) => e.seq,
      numeric: true,
    },
    {
      key: 'at',
      header: t('audit.log.columns.at'),
      cell: (e) => <JalaliDate value={e.at} withTime />,
      csv: (e) => e.at,
      numeric: true,
    },
    {
      key: 'actor',
      header: t('audit.log.columns.actor'),
      cell: (e) => e.actor?.displayName || e.actor?.username || t('audit.log.system'),
      csv: (e) => e.actor?.displayName || e.actor?.username || t('audit.log.system'),
    },
    {
      key: 'action',
      header: t('audit.log.columns.action'),
      cell: (e) => <span title={e.action}>{actionLabel(t, e.action)}</span>,
      csv: (e) => actionLabel(t, e.action),
    },
    {
      key: 'entity',
      header: t('audit.log.columns.entity'),
      cell: (e) => (
        <span title={`${e.entityType}:${e.entityId}`}>
          {entityLabel(t, e.entityType)}{' '}
          <bdi dir="ltr">{/^\d+$/.test(e.entityId) ? digits(e.entityId) : e.entityId}</bdi>
        </span>
      ),
      csv: (e) => `${entityLabel(t, e.entityType)} ${e.entityId}`,
    },
    {
      key: 'source',
      header: t('audit.log.columns.source'),
      cell: (e) => (e.source ? <bdi dir="ltr">{e.source}</bdi> : '—'),
      csv: (e) => e.source ?? '',
    },
    {
      key: 'hash',
      header: t('audit.log.columns.hash'),
      cell: (e) => (
        <Code className="daftar-mono" title={e.hash}>
          {e.hash.slice(0, 12)}…
        </Code>
      ),
      csv: (e) => e.hash,
    },
  ];

  return (
    <Stack>
      <PageTitle
        title={t('audit.log.title')}
        subtitle={t('audit.log.subtitle')}
        actions={
          regulator ? (
            <Group gap="xs">
              <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
                {t('audit.verify.button')}
              </Button>
              <Button
                variant="light"
                onClick={() => checkpoint.mutate()}
                loading={checkpoint.isPending}
                data-testid="audit-checkpoint"
              >
                {t('audit.checkpoint.button')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Text size="sm" data-testid="audit-scope">
        {national ? t('audit.scope.all') : t('audit.scope.province')}
      </Text>

      <Paper
        withBorder
        p="sm"
        component="form"
        onSubmit={apply}
        aria-label={t('audit.filters.title')}
        data-testid="audit-filters"
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label={t('audit.filters.who')}
            placeholder={t('audit.filters.whoPlaceholder')}
            value={form.who}
            onChange={(e) => set('who', e.currentTarget.value)}
            error={fieldErrors.who}
            data-testid="audit-filter-who"
          />
          <Select
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.anyAction')}
            data={actionOptions}
            value={form.action}
            onChange={(v) => set('action', v)}
            searchable
            clearable
            error={fieldErrors.action}
            data-testid="audit-filter-action"
          />
          <Select
            label={t('audit.filters.entityType')}
            placeholder={t('audit.filters.anyEntity')}
            data={entityOptions}
            value={form.entityType}
            onChange={(v) => set('entityType', v)}
            searchable
            clearable
            error={fieldErrors.entityType}
            data-testid="audit-filter-entity-type"
          />
          <TextInput
            label={t('audit.filters.entityId')}
            value={form.entityId}
            onChange={(e) => set('entityId', e.currentTarget.value)}
            error={fieldErrors.entityId}
            data-testid="audit-filter-entity-id"
          />
          <JalaliDateInput
            label={t('audit.filters.from')}
            value={form.from}
            onChange={(v) => set('from', v)}
            serverError={fieldErrors.from}
            data-testid="audit-filter-from"
          />
          <JalaliDateInput
            label={t('audit.filters.to')}
            value={form.to}
            onChange={(v) => set('to', v)}
            serverError={fieldErrors.to}
            data-testid="audit-filter-to"
          />
        </SimpleGrid>
        <Group mt="sm" gap="xs">
          <Button type="submit" data-testid="audit-filter-apply">
            {t('audit.filters.apply')}
          </Button>
          <Button variant="default" onClick={clear} data-testid="audit-filter-clear">
            {t('audit.filters.clear')}
          </Button>
        </Group>
      </Paper>

      <div aria-live="polite">
        {verify.data ? (
          verify.data.ok ? (
            <Alert color="teal" variant="light" title={t('audit.verify.okTitle')} data-testid="audit-verify-result">
              {t('audit.verify.ok', { checked: count(verify.data.checked) })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" title={t('audit.verify.brokenTitle')} data-testid="audit-verify-result">
              {t('audit.verify.broken', {
                checked: count(verify.data.checked),
                seq: digits(verify.data.firstBroken?.seq ?? '?'),
                reason: verify.data.firstBroken?.reason ?? '',
              })}
            </Alert>
          )
        ) : null}
        <ProblemAlert error={verify.error} />
        {checkpoint.data ? (
          <Alert
            color="blue"
            variant="light"
            title={t('audit.checkpoint.doneTitle')}
            data-testid="audit-checkpoint-result"
          >
            {t('audit.checkpoint.done', { seq: digits(checkpoint.data.seq), key: checkpoint.data.keyId })}
          </Alert>
        ) : null}
        <ProblemAlert error={checkpoint.error} />
      </div>

      <DataTable
        testId="audit-table"
        caption={t('audit.log.caption')}
        columns={columns}
        rowKey={(e) => e.seq}
        rows={events.data?.items}
        isPending={events.isPending}
        isFetching={events.isFetching}
        error={Object.keys(fieldErrors).length ? undefined : events.error}
        paging={events.data ? { ...events.data, onChange: setPage } : undefined}
        csvFileName="audit-events.csv"
        minWidth={800}
        rowProps={() => ({ 'data-testid': 'audit-row' })}
      />
    </Stack>
  );
}
