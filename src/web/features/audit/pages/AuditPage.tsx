import { Alert, Button, Code, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useCreateCheckpoint } from '../api/create-checkpoint';
import { type AuditEvent, useAuditEvents } from '../api/get-audit-events';
import { useVerifyAudit } from '../api/verify-audit';

/** /audit — the append-only audit log and a check of its hash chain (regulator only). */
export function AuditPage() {
  const { t } = useTranslation();
  const { count, digits } = useDigits();
  const [page, setPage] = useState(1);
  const events = useAuditEvents(page);
  const verify = useVerifyAudit();
  const checkpoint = useCreateCheckpoint();

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
      cell: (e) => e.actor?.displayName ?? t('audit.log.system'),
      csv: (e) => e.actor?.displayName ?? t('audit.log.system'),
    },
    {
      key: 'action',
      header: t('audit.log.columns.action'),
      cell: (e) => <Code className="daftar-mono">{e.action}</Code>,
      csv: (e) => e.action,
    },
    {
      key: 'entity',
      header: t('audit.log.columns.entity'),
      cell: (e) => (
        <bdi dir="ltr">
          {e.entityType}:{e.entityId}
        </bdi>
      ),
      csv: (e) => `${e.entityType}:${e.entityId}`,
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
        }
      />

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
        error={events.error}
        paging={events.data ? { ...events.data, onChange: setPage } : undefined}
        csvFileName="audit-events.csv"
        minWidth={800}
        rowProps={() => ({ 'data-testid': 'audit-row' })}
      />
    </Stack>
  );
}
