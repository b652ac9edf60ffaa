import '../i18n/index.ts';
import { Alert, Badge, Button, Card, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEXT_STEPS } from '#server/modules/consultation/values';
import { DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { dayQueryOptions, useAttendance, useWriteNote, type NoteInput, type Session } from '../api/sessions';

function NoteEditor({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [advice, setAdvice] = useState(session.note?.advice ?? '');
  const [documentsToBring, setDocuments] = useState(session.note?.documentsToBring ?? '');
  const [nextStep, setNextStep] = useState<NoteInput['nextStep']>(session.note?.nextStep ?? 'none');
  const write = useWriteNote();
  const attendance = useAttendance();
  return (
    <Card withBorder data-testid="consultation-note-editor">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {session.citizen.name} — <JalaliDate value={session.startsAt} withTime />
        </Title>
        <Textarea
          label={t('consultation.day.advice')}
          value={advice}
          onChange={(e) => setAdvice(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          data-testid="note-advice"
        />
        <Textarea
          label={t('consultation.day.documents')}
          value={documentsToBring}
          onChange={(e) => setDocuments(e.currentTarget.value)}
          maxLength={2000}
          data-testid="note-documents"
        />
        <Select
          label={t('consultation.day.nextStep')}
          data={NEXT_STEPS.map((s) => ({ value: s, label: t(`consultation.nextSteps.${s}`) }))}
          value={nextStep}
          onChange={(v) => setNextStep((v ?? 'none') as NoteInput['nextStep'])}
          maw={320}
          data-testid="note-next-step"
        />
        <ProblemAlert error={write.error ?? attendance.error} />
        {write.isSuccess ? (
          <Alert color="green" variant="light">
            {t('consultation.day.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button
            onClick={() => write.mutate({ id: session.id, advice, documentsToBring, nextStep })}
            loading={write.isPending}
            disabled={!advice.trim()}
            data-testid="note-save"
          >
            {t('consultation.day.save')}
          </Button>
          {session.status === 'confirmed' && session.started ? (
            <>
              <Button variant="light" onClick={() => attendance.mutate({ id: session.id, outcome: 'held' })}>
                {t('consultation.day.held')}
              </Button>
              <Button
                variant="light"
                color="orange"
                onClick={() => attendance.mutate({ id: session.id, outcome: 'citizen-no-show' })}
              >
                {t('consultation.day.noShow')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** /consultation/sessions — the consultant's sessions of today, each opening the note editor. */
export function ConsultantDayPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const day = useQuery(dayQueryOptions(null));
  const [openId, setOpenId] = useState<number | null>(null);
  const open = day.data?.items.find((s) => s.id === openId) ?? null;
  return (
    <Stack>
      <PageTitle title={t('consultation.day.title')} />
      <DataTable<Session>
        testId="consultation-day"
        label={t('consultation.day.title')}
        rows={day.data?.items}
        isPending={day.isPending}
        error={day.error}
        rowKey={(s) => s.id}
        empty={t('consultation.day.empty')}
        onRowClick={(s) => setOpenId(s.id)}
        isSelected={(s) => s.id === openId}
        columns={[
          { key: 'time', header: t('consultation.mine.when'), cell: (s) => <JalaliDate value={s.startsAt} withTime /> },
          { key: 'citizen', header: t('consultation.day.citizen'), rowHeader: true, cell: (s) => s.citizen.name },
          { key: 'field', header: t('consultation.book.field'), cell: (s) => t(`consultation.fields.${s.field}`) },
          {
            key: 'place',
            header: t('consultation.book.place'),
            cell: (s) =>
              s.office
                ? `${text(s.office.name)} — ${t('consultation.book.room', { n: digits(s.room ?? 1) })}`
                : t('consultation.modes.video'),
          },
          {
            key: 'status',
            header: t('consultation.day.status'),
            hideHeader: true,
            cell: (s) => <Badge variant="light">{t(`consultation.status.${s.status}`)}</Badge>,
          },
        ]}
      />
      {open ? <NoteEditor key={open.id} session={open} /> : null}
    </Stack>
  );
}
