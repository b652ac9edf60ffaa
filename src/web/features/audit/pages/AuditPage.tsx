import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { Pager } from '#web/ui/Pager.tsx';
import { PersianDigits, useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useCreateCheckpoint } from '../api/create-checkpoint';
import { useAuditEvents } from '../api/get-audit-events';
import { useVerifyAudit } from '../api/verify-audit';

/** /audit — the append-only audit log and a check of its hash chain (regulator only). */
export function AuditPage() {
  const { t } = useTranslation();
  const { count, digits } = useDigits();
  const [page, setPage] = useState(1);
  const events = useAuditEvents(page);
  const verify = useVerifyAudit();
  const checkpoint = useCreateCheckpoint();

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

      <ProblemAlert error={events.error} />

      {events.data ? (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped withTableBorder data-testid="audit-table">
              <Table.Caption>{t('audit.log.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.log.columns.seq')}</Table.Th>
                  <Table.Th scope="col">{t('audit.log.columns.at')}</Table.Th>
                  <Table.Th scope="col">{t('audit.log.columns.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.log.columns.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.log.columns.entity')}</Table.Th>
                  <Table.Th scope="col">{t('audit.log.columns.hash')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((e) => (
                  <Table.Tr key={e.seq} data-testid="audit-row">
                    <Table.Td>
                      <PersianDigits>{e.seq}</PersianDigits>
                    </Table.Td>
                    <Table.Td>
                      <JalaliDate value={e.at} withTime />
                    </Table.Td>
                    <Table.Td>{e.actor?.displayName ?? t('audit.log.system')}</Table.Td>
                    <Table.Td>
                      <Code className="daftar-mono">{e.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      <bdi dir="ltr">
                        {e.entityType}:{e.entityId}
                      </bdi>
                    </Table.Td>
                    <Table.Td>
                      <Code className="daftar-mono" title={e.hash}>
                        {e.hash.slice(0, 12)}…
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.data.items.length === 0 ? <Text>{t('common.nothingFound')}</Text> : null}
          <Pager page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} onChange={setPage} />
        </>
      ) : events.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
    </Stack>
  );
}
