/**
 * The case's hearings, and for an arbitrator sitting on it while the term runs, the form that sets
 * one: a Jalali day, a Tehran time, the seat office or video, and a note (every party gets an SMS).
 */
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
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
import { type ArbitrationCase, useScheduleHearing } from '../api/arbitrations';

type Place = (typeof HEARING_PLACES)[number];

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
          <Stack key={h.id} gap={0} data-testid={`arbitration-hearing-${h.id}`}>
            <Text fw={600}>
              <JalaliDate value={h.startsAt} withTime /> — {t(`arbitration.hearing.places.${h.place}`)}
            </Text>
            {h.note ? (
              <Text size="sm" dir="auto">
                {h.note}
              </Text>
            ) : null}
          </Stack>
        ))}
        {mayHold ? <HearingForm kase={kase} /> : null}
      </Stack>
    </Card>
  );
}
