import '../i18n/index.ts';
import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDaysIso, formatJalali, formatJalaliIso, isoToJalali, parseJalaliDate } from '#core/jalali';
import { tehranClock } from '#core/office-finder';
import { NEXT_STEPS } from '#server/modules/consultation/values';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
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
          {session.callOpen ? (
            <Button
              component={Link}
              to={`/consultation/call/${session.id}`}
              variant="filled"
              color="violet"
              data-testid="join-call"
            >
              {t('consultation.call.join')}
            </Button>
          ) : null}
          {session.status === 'confirmed' && session.started ? (
            <>
              <Button variant="light" onClick={() => attendance.mutate({ id: session.id, outcome: 'held' })}>
                {t('consultation.day.held')}
              </Button>
              <Button
                variant="light"
                color="orange"
                onClick={() => attendance.mutate({ id: session.id, outcome: 'citizen-no-show' })}
                data-testid="citizen-no-show"
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

const HOUR = 60;
/** Minutes since Tehran's midnight of an instant. */
const tehranMinutes = (iso: string) => tehranClock(new Date(iso)).minutes;

/** The day as a calendar: one row per hour of Tehran's clock, each session in the hour it starts. */
function DayCalendar({
  sessions,
  openId,
  onOpen,
}: {
  sessions: Session[];
  openId: number | null;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const starts = sessions.map((s) => Math.floor(tehranMinutes(s.startsAt) / HOUR));
  const first = Math.min(8, ...starts);
  const last = Math.max(19, ...starts);
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <Stack gap={0} className="consultation-calendar" role="list" aria-label={t('consultation.day.calendar')}>
      {hours.map((h) => {
        const inHour = sessions.filter((s) => Math.floor(tehranMinutes(s.startsAt) / HOUR) === h);
        return (
          <Group
            key={h}
            role="listitem"
            gap="sm"
            wrap="nowrap"
            align="stretch"
            mih={44}
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            data-hour={h}
          >
            <Text size="sm" c="dimmed" w={56} pt={6} style={{ flexShrink: 0 }}>
              <bdi dir="ltr">{digits(`${String(h).padStart(2, '0')}:00`)}</bdi>
            </Text>
            <Stack gap={4} py={4} style={{ flex: 1 }}>
              {inHour.map((s) => {
                const m = tehranMinutes(s.startsAt);
                const e = tehranMinutes(s.endsAt);
                const hhmm = (x: number) =>
                  `${String(Math.floor(x / HOUR)).padStart(2, '0')}:${String(x % HOUR).padStart(2, '0')}`;
                return (
                  <UnstyledButton
                    key={s.id}
                    onClick={() => onOpen(s.id)}
                    aria-pressed={s.id === openId}
                    data-testid={`session-${s.id}`}
                    data-status={s.status}
                    style={{
                      borderInlineStart: `4px solid var(--mantine-color-${s.mode === 'video' ? 'violet' : 'blue'}-6)`,
                      background: s.id === openId ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
                      borderRadius: 4,
                      padding: '4px 8px',
                    }}
                  >
                    <Group gap="xs" wrap="wrap" justify="space-between">
                      <Text size="sm" fw={600}>
                        <bdi dir="ltr">{digits(`${hhmm(m)}–${hhmm(e)}`)}</bdi> {s.citizen.name}
                      </Text>
                      <Badge variant="light" size="sm">
                        {t(`consultation.status.${s.status}`)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`consultation.fields.${s.field}`)} —{' '}
                      {s.office
                        ? `${text(s.office.name)} — ${t('consultation.book.room', { n: digits(s.room ?? 1) })}`
                        : t('consultation.modes.video')}
                    </Text>
                  </UnstyledButton>
                );
              })}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}

/** /consultation/sessions — the consultant's day as a calendar on Tehran's clock (today by the server's clock), each session opening the note editor. */
export function ConsultantDayPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [date, setDate] = useState<string | null>(null);
  const day = useQuery(dayQueryOptions(date));
  const [openId, setOpenId] = useState<number | null>(null);
  const open = day.data?.items.find((s) => s.id === openId) ?? null;
  const shown = day.data?.dateIso ?? null;
  const move = (days: number) => {
    if (!shown) return;
    setDate(formatJalaliIso(isoToJalali(addDaysIso(shown, days))));
    setOpenId(null);
  };
  return (
    <Stack>
      <PageTitle title={t('consultation.day.title')} />
      <Group align="flex-end" wrap="wrap">
        <Button variant="default" onClick={() => move(-1)} disabled={!shown} data-testid="day-previous">
          {t('consultation.day.previous')}
        </Button>
        <JalaliDateInput
          label={t('consultation.day.date')}
          value={date ?? day.data?.date ?? ''}
          onChange={(v) => {
            if (parseJalaliDate(v)) {
              setDate(v);
              setOpenId(null);
            }
          }}
          w={180}
          data-testid="day-date"
        />
        <Button variant="default" onClick={() => move(1)} disabled={!shown} data-testid="day-next">
          {t('consultation.day.next')}
        </Button>
      </Group>
      <Card withBorder data-testid="consultation-day" data-date={day.data?.date}>
        <Title order={2} size="h5" mb="xs">
          {day.data ? formatJalali(day.data.dateIso, lang) : null}
        </Title>
        <ProblemAlert error={day.error} />
        {day.data && day.data.items.length === 0 ? <Text c="dimmed">{t('consultation.day.empty')}</Text> : null}
        {day.data ? <DayCalendar sessions={day.data.items} openId={openId} onOpen={setOpenId} /> : null}
      </Card>
      {open ? <NoteEditor key={open.id} session={open} /> : null}
    </Stack>
  );
}
