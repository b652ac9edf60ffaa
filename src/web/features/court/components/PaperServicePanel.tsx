/**
 * A notice's paper service, for the parties without an e-account (Civil Procedure Code Arts. 68–70):
 * each party with the state of its service and the deadline that runs from it, the printable notice
 * for the court's bailiff, and — for a clerk — the form that records the bailiff's report. Server
 * field errors appear under their fields.
 */
import { Anchor, Button, Card, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatJalali, parseJalaliDate } from '#core/jalali';
import { PAPER_SERVICE_MANNERS, type PaperServiceManner } from '#core/paper-service';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { DataTable, type DataColumn } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import type { CourtCase } from '../api/get-cases';
import { useRecordPaperService } from '../api/paper-service';

type Notice = CourtCase['notices'][number];
type Party = CourtCase['parties'][number];
type PaperRow = { party: Party; service: Notice['paperServices'][number] | null };

function RecordServiceForm({ notice, party, onDone }: { notice: Notice; party: Party; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const record = useRecordPaperService(notice.id, party.id);
  const [servedOn, setServedOn] = useState('');
  const [manner, setManner] = useState<PaperServiceManner | ''>('');
  const [recipientName, setRecipientName] = useState('');
  const [recipientRelation, setRecipientRelation] = useState('');
  const [report, setReport] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrorsOf(record.error, lang);
  const residence = manner === 'residence';
  const local: Record<string, string> = {};
  if (!servedOn || !parseJalaliDate(servedOn)) local.servedOn = t('common.required');
  if (!manner) local.manner = t('common.required');
  if (residence && !recipientName.trim()) local.recipientName = t('common.required');
  if (residence && !recipientRelation.trim()) local.recipientRelation = t('common.required');
  const errorOf = (f: string) => server[f] ?? (submitted ? local[f] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length || !manner) return;
    record.mutate(
      {
        servedOn,
        manner,
        ...(residence ? { recipientName: recipientName.trim(), recipientRelation: recipientRelation.trim() } : {}),
        ...(report.trim() ? { bailiffReport: report.trim() } : {}),
      },
      {
        onSuccess: (s) => {
          notifications.show({
            color: 'teal',
            message: t('court.paper.done', { name: s.name, date: formatJalali(s.servedOn, lang) }),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          onDone();
        },
      },
    );
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="paper-form">
      <Stack>
        <Title order={3} size="h5">
          {t('court.paper.formTitle', { name: party.name })}
        </Title>
        <JalaliDateInput
          label={t('court.paper.servedOn')}
          value={servedOn}
          onChange={setServedOn}
          required
          serverError={errorOf('servedOn') ?? null}
          data-testid="paper-served-on"
        />
        <Radio.Group
          label={t('court.paper.manner')}
          value={manner}
          onChange={(v) => setManner(v as PaperServiceManner)}
          required
          error={errorOf('manner')}
          data-testid="paper-manner"
        >
          <Stack gap={6} mt={4}>
            {PAPER_SERVICE_MANNERS.map((m) => (
              <Radio key={m} value={m} label={t(`court.paper.manners.${m}`)} data-testid={`paper-manner-${m}`} />
            ))}
          </Stack>
        </Radio.Group>
        {residence ? (
          <Group grow align="flex-start">
            <TextInput
              label={t('court.paper.recipientName')}
              description={t('court.paper.recipientHint')}
              value={recipientName}
              onChange={(e) => setRecipientName(e.currentTarget.value)}
              required
              error={errorOf('recipientName')}
              data-testid="paper-recipient-name"
            />
            <TextInput
              label={t('court.paper.recipientRelation')}
              value={recipientRelation}
              onChange={(e) => setRecipientRelation(e.currentTarget.value)}
              required
              error={errorOf('recipientRelation')}
              data-testid="paper-recipient-relation"
            />
          </Group>
        ) : null}
        <Textarea
          label={t('court.paper.report')}
          autosize
          minRows={2}
          value={report}
          onChange={(e) => setReport(e.currentTarget.value)}
          error={errorOf('bailiffReport')}
          data-testid="paper-report"
        />
        <ProblemAlert
          error={record.error}
          shownFields={['servedOn', 'manner', 'recipientName', 'recipientRelation', 'bailiffReport']}
        />
        <Group>
          <Button type="submit" loading={record.isPending} data-testid="paper-submit">
            {t('court.paper.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PaperServicePanel({
  caseId,
  notice,
  parties,
  mayRecord,
}: {
  caseId: number;
  notice: Notice;
  parties: Party[];
  mayRecord: boolean;
}) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const [open, setOpen] = useState<number | null>(null);
  const rows: PaperRow[] = parties
    .filter((p) => !p.hasEAccount)
    .map((party) => ({ party, service: notice.paperServices.find((s) => s.partyId === party.id) ?? null }));
  if (!rows.length) return null;
  const columns: DataColumn<PaperRow>[] = [
    { key: 'party', header: t('court.paper.party'), rowHeader: true, cell: (r) => r.party.name },
    { key: 'address', header: t('court.paper.address'), cell: (r) => r.party.address ?? '—' },
    {
      key: 'status',
      header: t('court.paper.status'),
      cell: (r) =>
        r.service ? (
          <Stack gap={2}>
            <Text size="sm" data-testid="paper-served">
              <JalaliDate value={r.service.servedOn} /> — {t(`court.paper.kinds.${r.service.serviceKind}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`court.paper.manners.${r.service.manner}`)}
            </Text>
            {r.service.deadlineDate ? (
              <Text size="sm" data-testid="paper-deadline">
                {t('court.paper.deadline', { days: digits(r.service.deadlineDays ?? 0) })}{' '}
                <JalaliDate value={r.service.deadlineDate} />
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('court.paper.notServed')}
          </Text>
        ),
    },
    {
      key: 'actions',
      header: t('court.queue.action'),
      hideHeader: true,
      cell: (r) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor
            component={Link}
            to={`/court/cases/${caseId}/notices/${notice.id}/paper/${r.party.id}`}
            data-testid={`paper-print-${r.party.id}`}
          >
            {t('court.paper.print')}
          </Anchor>
          {mayRecord && !r.service ? (
            <Button
              size="xs"
              variant="light"
              onClick={() => setOpen(open === r.party.id ? null : r.party.id)}
              aria-expanded={open === r.party.id}
              data-testid={`paper-record-${r.party.id}`}
            >
              {t('court.paper.record')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  const opened = rows.find((r) => r.party.id === open && !r.service);
  return (
    <Stack gap="xs" mt="sm" data-testid="paper-service">
      <Text fw={600} size="sm">
        {t('court.paper.title')}
      </Text>
      <DataTable
        testId="paper-service-table"
        label={t('court.paper.caption')}
        columns={columns}
        rowKey={(r) => r.party.id}
        rows={rows}
        pageSize="all"
        minWidth={640}
        rowProps={(r) => ({ 'data-party': r.party.id, 'data-served': r.service ? 'yes' : 'no' })}
      />
      {opened ? <RecordServiceForm notice={notice} party={opened.party} onDone={() => setOpen(null)} /> : null}
    </Stack>
  );
}
