import '../i18n/index.ts';
import {
  Anchor,
  Button,
  Card,
  CloseButton,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { parseJalaliDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { ATTENDANCE_MODES, PARTICIPANT_ROLES } from '#server/modules/hearings/values';
import { type ScheduleHearingInput, useCaseForHearing, useJudges, useScheduleHearing } from '../api/hearings';

type Participant = ScheduleHearingInput['participants'][number];
type Row = {
  key: number;
  nationalId: string;
  role: Participant['role'];
  mode: Participant['mode'];
  officeId: string | null;
  interpretsFor: string | null;
};

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
let nextKey = 1;
const blank = (): Row => ({
  key: nextKey++,
  nationalId: '',
  role: 'witness',
  mode: 'home',
  officeId: null,
  interpretsFor: null,
});

/**
 * /hearings/new?case=ID — the clerk schedules a video hearing of a case: Jalali day, Tehran time,
 * length, the presiding judge, and each participant with their role and where they attend from
 * (court, an office whose booth is booked for them, or home). Every participant then receives the
 * summons as an e-notice and SMS reminders the day before and an hour before.
 */
export function ScheduleHearingPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const caseId = Number(params.get('case') ?? 0);
  const kase = useCaseForHearing(caseId);
  const judges = useJudges(caseId);
  const schedule = useScheduleHearing();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState<number | string>(45);
  const [judge, setJudge] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const parties = kase.data?.parties ?? [];
  // The case's parties with an e-account start the list, each at home; the clerk adds others.
  const list: Row[] =
    rows ??
    parties
      .filter((p) => p.hasEAccount && p.nationalId)
      .map((p) => ({ ...blank(), nationalId: p.nationalId!, role: 'party' as const }));
  const setRow = (key: number, patch: Partial<Row>) =>
    setRows(list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const server = fieldErrorsOf(schedule.error, lang);
  const latinTime = toLatinDigits(time.trim());
  const local: Record<string, string> = {};
  if (!date) local.date = t('common.required');
  else if (!parseJalaliDate(date)) local.date = t('ui.jalaliDate.invalid');
  if (!latinTime) local.time = t('common.required');
  else if (!TIME.test(latinTime)) local.time = t('hearings.schedule.invalidTime');
  const minutes = enteredNumber(duration);
  if (minutes === undefined) local.durationMinutes = t('common.required');
  else if (!Number.isInteger(minutes) || minutes < 10 || minutes > 480)
    local.durationMinutes = t('hearings.schedule.durationRange');
  if (!judge) local.judgeUserId = t('common.required');
  if (!list.length) local.participants = t('hearings.schedule.noParticipants');
  list.forEach((r, i) => {
    if (!r.nationalId) local[`participants.${i}.nationalId`] = t('common.required');
    if (r.mode === 'office' && !r.officeId) local[`participants.${i}.officeId`] = t('common.required');
    if (r.role === 'interpreter' && !r.interpretsFor) local[`participants.${i}.interpretsFor`] = t('common.required');
  });
  const errorOf = (f: string) => server[f] ?? (submitted ? local[f] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    schedule.mutate(
      {
        caseId,
        date: date as unknown as ScheduleHearingInput['date'],
        time: latinTime,
        durationMinutes: minutes,
        judgeUserId: Number(judge),
        participants: list.map((r) => ({
          nationalId: r.nationalId,
          role: r.role,
          mode: r.mode,
          ...(r.mode === 'office' && r.officeId ? { officeId: Number(r.officeId) } : {}),
          ...(r.role === 'interpreter' && r.interpretsFor ? { interpretsFor: r.interpretsFor } : {}),
        })) as ScheduleHearingInput['participants'],
      },
      { onSuccess: (h) => navigate(`/hearings/${h.id}`) },
    );
  };

  return (
    <Stack>
      <PageTitle
        title={t('hearings.schedule.title')}
        subtitle={kase.data ? <RefNumber value={kase.data.caseNumber} /> : undefined}
        actions={
          <Anchor component={Link} to={caseId ? `/court/cases/${caseId}` : '/court/cases'}>
            {t('hearings.schedule.back')}
          </Anchor>
        }
      />
      <ProblemAlert error={kase.error ?? judges.error} />
      <Card withBorder component="form" onSubmit={submit} noValidate data-testid="schedule-hearing-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <JalaliDateInput
              label={t('hearings.schedule.date')}
              value={date}
              onChange={setDate}
              required
              serverError={errorOf('date') ?? null}
              data-testid="hearing-date"
            />
            <DigitsInput
              label={t('hearings.schedule.time')}
              description={t('hearings.schedule.timeHint')}
              placeholder={digits('09:30')}
              value={time}
              onChange={setTime}
              required
              error={errorOf('time')}
              data-testid="hearing-time"
            />
            <NumberInput
              label={t('hearings.schedule.duration')}
              value={duration}
              onChange={setDuration}
              min={10}
              max={480}
              allowDecimal={false}
              required
              error={errorOf('durationMinutes')}
              data-testid="hearing-duration"
            />
            <Select
              label={t('hearings.fields.judge')}
              data={(judges.data?.items ?? []).map((j) => ({ value: String(j.userId), label: j.name }))}
              value={judge}
              onChange={setJudge}
              required
              error={errorOf('judgeUserId')}
              comboboxProps={{ withinPortal: true }}
              data-testid="hearing-judge"
            />
          </SimpleGrid>
          <Text fw={600}>{t('hearings.fields.participants')}</Text>
          <Text size="sm" c="dimmed">
            {t('hearings.schedule.participantsHint')}
          </Text>
          {list.map((r, i) => (
            <Card withBorder key={r.key} padding="sm" data-testid="hearing-participant">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {parties.find((p) => p.nationalId === r.nationalId)?.name ??
                      t('hearings.schedule.participantN', { n: digits(i + 1) })}
                  </Text>
                  <CloseButton
                    aria-label={t('hearings.schedule.remove')}
                    onClick={() => setRows(list.filter((q) => q.key !== r.key))}
                  />
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NationalIdField
                    value={r.nationalId}
                    onChange={(v) => setRow(r.key, { nationalId: v })}
                    required
                    forceValidate={submitted}
                    serverError={errorOf(`participants.${i}.nationalId`) ?? null}
                    data-testid={`participant-${i}-national-id`}
                  />
                  <Select
                    label={t('hearings.schedule.role')}
                    data={PARTICIPANT_ROLES.map((role) => ({ value: role, label: t(`hearings.roles.${role}`) }))}
                    value={r.role}
                    onChange={(v) => v && setRow(r.key, { role: v as Row['role'] })}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    data-testid={`participant-${i}-role`}
                  />
                </SimpleGrid>
                <SegmentedControl
                  aria-label={t('hearings.schedule.mode')}
                  value={r.mode}
                  onChange={(v) => setRow(r.key, { mode: v as Row['mode'] })}
                  data={ATTENDANCE_MODES.map((m) => ({ value: m, label: t(`hearings.modes.${m}`) }))}
                  data-testid={`participant-${i}-mode`}
                />
                {r.mode === 'office' ? (
                  <OfficeSelect
                    label={t('hearings.schedule.office')}
                    description={t('hearings.schedule.officeHint')}
                    value={r.officeId}
                    onChange={(v) => setRow(r.key, { officeId: v })}
                    error={errorOf(`participants.${i}.officeId`)}
                    data-testid={`participant-${i}-office`}
                  />
                ) : errorOf(`participants.${i}.officeId`) ? (
                  <Text size="sm" c="red">
                    {errorOf(`participants.${i}.officeId`)}
                  </Text>
                ) : null}
                {r.role === 'interpreter' ? (
                  <Select
                    label={t('hearings.schedule.interpretsFor')}
                    data={list
                      .filter((q) => q.key !== r.key && q.nationalId)
                      .map((q) => ({
                        value: q.nationalId,
                        label: parties.find((p) => p.nationalId === q.nationalId)?.name ?? digits(q.nationalId),
                      }))}
                    value={r.interpretsFor}
                    onChange={(v) => setRow(r.key, { interpretsFor: v })}
                    error={errorOf(`participants.${i}.interpretsFor`)}
                    comboboxProps={{ withinPortal: true }}
                  />
                ) : null}
              </Stack>
            </Card>
          ))}
          {errorOf('participants') ? (
            <Text size="sm" c="red">
              {errorOf('participants')}
            </Text>
          ) : null}
          <Group>
            <Button variant="light" onClick={() => setRows([...list, blank()])} data-testid="add-participant">
              {t('hearings.schedule.add')}
            </Button>
          </Group>
          <ProblemAlert
            error={schedule.error}
            shownFields={['date', 'time', 'durationMinutes', 'judgeUserId', ...Object.keys(server)]}
          />
          <Group>
            <Button type="submit" loading={schedule.isPending} disabled={!caseId} data-testid="hearing-submit">
              {t('hearings.schedule.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
