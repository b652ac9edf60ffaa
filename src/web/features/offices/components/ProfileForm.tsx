/**
 * The office's profile as its manager or association keeps it: contact, location, weekly hours
 * (checked as typed with the same rules as the server) and capacity.
 */
import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openingHoursProblems } from '#core/office-hours';
import { toLatinDigits } from '#core/persian-digits';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import type { Office, OpeningPeriod } from '../api/get-offices';
import { useUpdateProfile } from '../api/office-actions';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { DigitsInput } from '#web/ui/DigitsInput.tsx';

const SHOWN = ['phone', 'address', 'location', 'counters', 'hearingBooths'];

export function ProfileForm({ office, onDone }: { office: Office; onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const update = useUpdateProfile(String(office.id));
  const [phone, setPhone] = useState(office.phone ?? '');
  const [address, setAddress] = useState(office.address);
  const [lat, setLat] = useState<string | number>(office.location?.lat ?? '');
  const [lon, setLon] = useState<string | number>(office.location?.lon ?? '');
  const [counters, setCounters] = useState<string | number>(office.counters);
  const [booths, setBooths] = useState<string | number>(office.hearingBooths);
  const [hours, setHours] = useState<OpeningPeriod[]>(office.openingHours);

  const server = fieldErrorsOf(update.error, lang);
  const local = Object.fromEntries(
    openingHoursProblems(hours).map((p) => [
      `openingHours.${p.index}.${p.field}`,
      t(`offices.hours.problems.${p.problem}`),
    ]),
  );
  const errorOf = (key: string) => local[key] ?? server[key];
  const dayOptions = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: t(`offices.days.${d}`) }));
  const setPeriod = (i: number, patch: Partial<OpeningPeriod>) =>
    setHours((h) => h.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (Object.keys(local).length) return;
    update.mutate(
      {
        phone: phone.trim() ? toLatinDigits(phone.trim()) : null,
        address,
        // Both coordinates blank: no location. One of them blank goes absent, and the server names it.
        location:
          enteredNumber(lat) === undefined && enteredNumber(lon) === undefined
            ? null
            : { lat: enteredNumber(lat), lon: enteredNumber(lon) },
        openingHours: hours,
        counters: enteredNumber(counters),
        hearingBooths: enteredNumber(booths),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('offices.profile.saved'),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
          onDone();
        },
      },
    );
  }

  const shownHours = hours.flatMap((_, i) => ['day', 'opens', 'closes'].map((f) => `openingHours.${i}.${f}`));
  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('offices.profile.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={server.phone}
            dir="ltr"
          />
          <TextInput
            label={t('offices.profile.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={server.address}
            required
          />
          <NumberInput
            label={t('offices.profile.lat')}
            value={lat}
            onChange={setLat}
            decimalScale={5}
            error={server.location ?? server['location.lat']}
          />
          <NumberInput
            label={t('offices.profile.lon')}
            value={lon}
            onChange={setLon}
            decimalScale={5}
            error={server['location.lon']}
          />
          <NumberInput
            label={t('offices.profile.counters')}
            value={counters}
            onChange={setCounters}
            min={1}
            max={50}
            error={server.counters}
            data-testid="profile-counters"
          />
          <NumberInput
            label={t('offices.profile.hearingBooths')}
            value={booths}
            onChange={setBooths}
            min={0}
            max={20}
            error={server.hearingBooths}
          />
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('offices.detail.hours')}
        </Title>
        {hours.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('offices.hours.none')}
          </Text>
        ) : null}
        {hours.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
          <Group key={i} align="flex-start" data-testid="profile-period">
            <Select
              label={t('offices.hours.day')}
              data={dayOptions}
              value={String(p.day)}
              onChange={(v) => setPeriod(i, { day: Number(v ?? 0) })}
              w={140}
              error={errorOf(`openingHours.${i}.day`)}
              allowDeselect={false}
            />
            <DigitsInput
              label={t('offices.hours.opens')}
              value={p.opens}
              onChange={(v) => setPeriod(i, { opens: v })}
              w={110}
              placeholder="08:00"
              error={errorOf(`openingHours.${i}.opens`)}
            />
            <DigitsInput
              label={t('offices.hours.closes')}
              value={p.closes}
              onChange={(v) => setPeriod(i, { closes: v })}
              w={110}
              placeholder="17:00"
              error={errorOf(`openingHours.${i}.closes`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={t('offices.hours.remove', { day: t(`offices.days.${p.day}`) })}
              onClick={() => setHours((h) => h.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => setHours((h) => [...h, { day: 0, opens: '08:00', closes: '16:00' }])}>
            {t('offices.hours.add')}
          </Button>
        </Group>
        <ProblemAlert error={update.error} shownFields={[...SHOWN, 'location.lat', 'location.lon', ...shownHours]} />
        <Group>
          <Button type="submit" loading={update.isPending} data-testid="profile-save">
            {t('offices.profile.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
