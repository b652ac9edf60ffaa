/**
 * The case's hearings with their minutes, and for an arbitrator sitting on it while the term runs,
 * the form that sets one (a Jalali day, a Tehran time, the seat office or video, and a note; every
 * party gets an SMS) and, once a hearing has been held, the form that records its minutes.
 */
import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { HEARING_PLACES } from '#server/modules/arbitration/values';
import { type ArbitrationCase, useRecordMinutes, useScheduleHearing } from '../api/arbitrations';

type Place = (typeof HEARING_PLACES)[number];
type Hearing = ArbitrationCase['hearings'][number];

/** The minutes of a held hearing, written once by an arbitrator sitting on the case. */
function MinutesForm({ kase, hearing }: { kase: ArbitrationCase; hearing: Hearing }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const record = useRecordMinutes(kase.id);
  const [text, setText] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrorsOf(record.error, lang);
  const short = text.trim().length < 20;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (short) return;
    record.mutate({ hearingId: hearing.id, text: text.trim(), presentPartyIds: present.map(Number) });
  };
  return (
    <form onSubmit={submit} data-testid={`arbitration-minutes-form-${hearing.id}`}>
      <Stack gap="xs">
        <Textarea
          label={t('arbitration.hearing.minutes.text')}
          description={t('arbitration.hearing.minutes.textHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={20_000}
          autosize
          minRows={3}
          required
          error={server.text ?? (submitted && short ? t('arbitration.hearing.minutes.textShort') : undefined)}
          data-testid="arbitration-minutes-text"
        />
        <Checkbox.Group
          label={t('arbitration.hearing.minutes.present')}
          value={present}
          onChange={setPresent}
          error={server.presentPartyIds}
        >
          <Group gap="md" mt={4} wrap="wrap">
            {kase.parties.map((p) => (
              <Checkbox
                key={p.id}
                value={String(p.id)}
                label={`${p.name} (${t(`arbitration.case.${p.role}`)})`}
                data-testid={`arbitration-minutes-present-${p.id}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <ProblemAlert error={record.error} shownFields={['text', 'presentPartyIds']} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} data-testid="arbitration-minutes-submit">
            {t('arbitration.hearing.minutes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A hearing's recorded minutes: the text, who appeared, who recorded them and when. */
function Minutes({ kase, minutes }: { kase: ArbitrationCase; minutes: NonNullable<Hearing['minutes']> }) {
  const { t } = useTranslation();
  const present = kase.parties.filter((p) => minutes.presentPartyIds.includes(p.id));
  return (
    <Stack gap={2} data-testid="arbitration-minutes">
      <Text size="sm" fw={600}>
        {t('arbitration.hearing.minutes.title')}
      </Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
        {minutes.text}
      </Text>
      <Text size="sm">
        {t('arbitration.hearing.minutes.present')}:{' '}
        {present.length
          ? present.map((p) => `${p.name} (${t(`arbitration.case.${p.role}`)})`).join('، ')
          : t('arbitration.hearing.minutes.nonePresent')}
      </Text>
      <Text size="xs" c="dimmed">
        {minutes.recordedBy ? `${t('arbitration.hearing.minutes.recordedBy', { name: minutes.recordedBy })} — ` : ''}
        <JalaliDate value={minutes.recordedAt} withTime />
      </Text>
    </Stack>
  );
}

function HearingForm({ kase }: { kase: ArbitrationCase }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const schedule = useScheduleHearing(kase.id);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState<Place>('office');
  const [note, setNote] = useState('');
  const errors = fieldErrorsOf(schedule.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    schedule.mutate(
      { date, time, place, note: note.trim() },
      {
        onSuccess: () => {
          setDate('');
          setTime('');
          setNote('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} data-testid="arbitration-hearing-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <JalaliDateInput
            label={t('arbitration.hearing.date')}
            value={date}
            onChange={setDate}
            required
            serverError={errors.date ?? null}
            data-testid="arbitration-hearing-date"
          />
          <DigitsInput
            label={t('arbitration.hearing.time')}
            placeholder={digits('10:00')}
            value={time}
            onChange={setTime}
            required
            error={errors.time}
            data-testid="arbitration-hearing-time"
          />
          <Select
            label={t('arbitration.hearing.place')}
            data={HEARING_PLACES.map((p) => ({ value: p, label: t(`arbitration.hearing.places.${p}`) }))}
            value={place}
            onChange={(v) => v && setPlace(v as Place)}
            allowDeselect={false}
            data-testid="arbitration-hearing-place"
          />
        </SimpleGrid>
        <Textarea
          label={t('arbitration.hearing.note')}
          description={t('arbitration.hearing.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          error={errors.note}
        />
        <ProblemAlert error={schedule.error} shownFields={['date', 'time', 'place', 'note']} />
        <Group justify="flex-end">
          <Button type="submit" loading={schedule.isPending} data-testid="arbitration-hearing-submit">
            {t('arbitration.hearing.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function HearingsPanel({ kase, mayHold }: { kase: ArbitrationCase; mayHold: boolean }) {
  const { t } = useTranslation();
  if (!mayHold && kase.hearings.length === 0) return null;
  return (
    <Card withBorder data-testid="arbitration-hearings">
      <Title order={2} size="h4" mb="xs">
        {t('arbitration.hearing.title')}
      </Title>
      <Stack gap="xs">
        {kase.hearings.length === 0 ? <Text c="dimmed">{t('arbitration.hearing.none')}</Text> : null}
        {kase.hearings.map((h) => (
          <Stack key={h.id} gap={4} data-testid={`arbitration-hearing-${h.id}`}>
            <Text fw={600}>
              <JalaliDate value={h.startsAt} withTime /> — {t(`arbitration.hearing.places.${h.place}`)}
            </Text>
            {h.note ? (
              <Text size="sm" dir="auto">
                {h.note}
              </Text>
            ) : null}
            {h.minutes ? <Minutes kase={kase} minutes={h.minutes} /> : null}
            {mayHold && !h.minutes ? (
              new Date(h.startsAt).getTime() <= Date.now() ? (
                <MinutesForm kase={kase} hearing={h} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('arbitration.hearing.minutes.notHeld')}
                </Text>
              )
            ) : null}
          </Stack>
        ))}
        {mayHold ? <HearingForm kase={kase} /> : null}
      </Stack>
    </Card>
  );
}
