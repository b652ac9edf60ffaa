/**
 * The association's form to add a consultant to the registry or change one: the licence and its
 * expiry, fields, languages, the fee within the province's range, and where and when they sit
 * (offices with a room, or video, with weekly hours). Saving writes the record, then the sittings;
 * whatever the server refuses comes back as field errors shown under their fields, in the
 * reader's language.
 */
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toLatinDigits } from '#core/persian-digits';
import {
  CONSULTANT_KINDS,
  CONSULTATION_FIELDS,
  CONSULTATION_LANGUAGES,
  CONSULTATION_MODES,
} from '#server/modules/consultation/values';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { Money } from '#web/ui/Money.tsx';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { OfficeSelect } from '#web/ui/OfficeSelect.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { ProvinceSelect } from '#web/ui/ProvinceSelect.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useSaveConsultant, type ConsultantInput, type FeeRange, type RegistryEntry } from '../api/registry';

type Mode = (typeof CONSULTATION_MODES)[number];
interface Period {
  day: number;
  opens: string;
  closes: string;
}
interface SittingForm {
  mode: Mode;
  officeId: string | null;
  room: number | string;
  hours: Period[];
}

const WEEK = [0, 1, 2, 3, 4, 5, 6] as const;
const SESSION_MINUTES = ['30', '45', '60', '90'] as const;

function formOf(c: RegistryEntry | null) {
  return {
    kind: (c?.kind ?? 'lawyer') as ConsultantInput['kind'],
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    licenceNumber: c?.licenceNumber ?? '',
    licenceExpiresOn: c?.licenceExpiresOn ?? '',
    provinceId: c ? String(c.provinceId) : null,
    fields: (c?.fields ?? []) as ConsultantInput['fields'],
    languages: (c?.languages ?? ['fa']) as ConsultantInput['languages'],
    feeRials: (c?.feeRials ?? '') as number | string,
    sessionMinutes: String(c?.sessionMinutes ?? 45),
    cutoffHours: (c?.cutoffHours ?? 24) as number | string,
    active: c?.active ?? true,
    username: c?.username ?? '',
    sittings: (c?.sittings ?? []).map<SittingForm>((s) => ({
      mode: s.mode,
      officeId: s.office ? String(s.office.id) : null,
      room: s.room ?? '',
      hours: s.hours,
    })),
  };
}

export function ConsultantEditor({
  entry,
  ranges,
  onDone,
}: {
  entry: RegistryEntry | null;
  ranges: FeeRange[];
  onDone: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const [form, setForm] = useState(() => formOf(entry));
  const save = useSaveConsultant(entry?.id ?? null);
  const errors = fieldErrorsOf(save.error, lang);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setSitting = (i: number, change: Partial<SittingForm>) =>
    set(
      'sittings',
      form.sittings.map((s, j) => (j === i ? { ...s, ...change } : s)),
    );
  const range = ranges.find((r) => String(r.provinceId) === form.provinceId);
  const shown = [
    'kind',
    'firstName',
    'lastName',
    'licenceNumber',
    'licenceExpiresOn',
    'provinceId',
    'fields',
    'languages',
    'feeRials',
    'sessionMinutes',
    'cutoffHours',
    'username',
    ...form.sittings.flatMap((s, i) => [
      `sittings.${i}.officeId`,
      `sittings.${i}.room`,
      `sittings.${i}.hours`,
      ...s.hours.flatMap((_, k) => ['day', 'opens', 'closes'].map((f) => `sittings.${i}.hours.${k}.${f}`)),
    ]),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const consultant: ConsultantInput = {
      kind: form.kind,
      firstName: form.firstName,
      lastName: form.lastName,
      licenceNumber: toLatinDigits(form.licenceNumber),
      licenceExpiresOn: form.licenceExpiresOn,
      provinceId: form.provinceId ? Number(form.provinceId) : undefined,
      fields: form.fields,
      languages: form.languages,
      // A blank fee or cutoff goes absent, so the server names it as required.
      feeRials: enteredNumber(form.feeRials),
      sessionMinutes: Number(form.sessionMinutes) as ConsultantInput['sessionMinutes'],
      cutoffHours: enteredNumber(form.cutoffHours),
      active: form.active,
      username: form.username.trim() ? form.username.trim() : null,
    };
    const sittings = form.sittings.map((s) => ({
      mode: s.mode,
      ...(s.mode === 'office'
        ? { officeId: s.officeId ? Number(s.officeId) : null, room: enteredNumber(s.room) ?? null }
        : {}),
      hours: s.hours.map((h) => ({
        day: h.day,
        opens: toLatinDigits(h.opens.trim()),
        closes: toLatinDigits(h.closes.trim()),
      })),
    }));
    save.mutate({ consultant, sittings }, { onSuccess: (saved) => onDone(saved.id) });
  };

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="consultant-editor">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {entry ? t('consultation.editor.editTitle', { name: entry.name }) : t('consultation.editor.newTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={t('consultation.registry.kind')}
            data={CONSULTANT_KINDS.map((k) => ({ value: k, label: t(`consultation.kinds.${k}`) }))}
            value={form.kind}
            onChange={(v) => v && set('kind', v as ConsultantInput['kind'])}
            allowDeselect={false}
            error={errors.kind}
            data-testid="consultant-kind"
          />
          <TextInput
            label={t('consultation.editor.firstName')}
            value={form.firstName}
            onChange={(e) => set('firstName', e.currentTarget.value)}
            error={errors.firstName}
            data-testid="consultant-first-name"
          />
          <TextInput
            label={t('consultation.editor.lastName')}
            value={form.lastName}
            onChange={(e) => set('lastName', e.currentTarget.value)}
            error={errors.lastName}
            data-testid="consultant-last-name"
          />
          <TextInput
            label={t('consultation.registry.licence')}
            value={form.licenceNumber}
            onChange={(e) => set('licenceNumber', e.currentTarget.value)}
            error={errors.licenceNumber}
            dir="ltr"
            data-testid="consultant-licence"
          />
          <JalaliDateInput
            label={t('consultation.registry.expires')}
            value={form.licenceExpiresOn}
            onChange={(v) => set('licenceExpiresOn', v)}
            serverError={errors.licenceExpiresOn}
            data-testid="consultant-licence-expires"
          />
          <ProvinceSelect
            value={form.provinceId}
            onChange={(v) => set('provinceId', v)}
            error={errors.provinceId}
            data-testid="consultant-province"
          />
          <MultiSelect
            label={t('consultation.editor.fields')}
            data={CONSULTATION_FIELDS.map((f) => ({ value: f, label: t(`consultation.fields.${f}`) }))}
            value={form.fields}
            onChange={(v) => set('fields', v as ConsultantInput['fields'])}
            error={errors.fields}
            comboboxProps={{ withinPortal: true }}
            data-testid="consultant-fields"
          />
          <MultiSelect
            label={t('consultation.book.languages')}
            data={CONSULTATION_LANGUAGES.map((l) => ({ value: l, label: t(`consultation.languages.${l}`) }))}
            value={form.languages}
            onChange={(v) => set('languages', v as ConsultantInput['languages'])}
            error={errors.languages}
            comboboxProps={{ withinPortal: true }}
            data-testid="consultant-languages"
          />
          <NumberInput
            label={t('consultation.editor.fee')}
            description={
              range ? (
                <>
                  {t('consultation.editor.range')}: <Money rials={range.minRials} /> – <Money rials={range.maxRials} />
                </>
              ) : undefined
            }
            value={form.feeRials}
            onChange={(v) => set('feeRials', v)}
            min={0}
            allowDecimal={false}
            thousandSeparator
            error={errors.feeRials}
            data-testid="consultant-fee"
          />
          <Select
            label={t('consultation.editor.sessionMinutes')}
            data={SESSION_MINUTES.map((m) => ({ value: m, label: t('consultation.book.minutes', { n: digits(m) }) }))}
            value={form.sessionMinutes}
            onChange={(v) => v && set('sessionMinutes', v)}
            allowDeselect={false}
            error={errors.sessionMinutes}
          />
          <NumberInput
            label={t('consultation.editor.cutoffHours')}
            value={form.cutoffHours}
            onChange={(v) => set('cutoffHours', v)}
            min={0}
            max={168}
            allowDecimal={false}
            error={errors.cutoffHours}
            data-testid="consultant-cutoff"
          />
          <TextInput
            label={t('consultation.editor.username')}
            value={form.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={errors.username}
            dir="ltr"
            data-testid="consultant-username"
          />
        </SimpleGrid>
        <Checkbox
          label={t('consultation.editor.active')}
          checked={form.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />

        <Title order={3} size="h5">
          {t('consultation.editor.sittings')}
        </Title>
        {form.sittings.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sitting has no identity of its own until saved
          <Card key={i} withBorder data-testid={`sitting-${i}`}>
            <Stack gap="xs">
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t('consultation.book.place')}
                  data={CONSULTATION_MODES.map((m) => ({ value: m, label: t(`consultation.modes.${m}`) }))}
                  value={s.mode}
                  onChange={(v) => v && setSitting(i, { mode: v as Mode })}
                  allowDeselect={false}
                  w={180}
                  data-testid={`sitting-${i}-mode`}
                />
                {s.mode === 'office' ? (
                  <>
                    <OfficeSelect
                      provinceId={form.provinceId}
                      value={s.officeId}
                      onChange={(v) => setSitting(i, { officeId: v })}
                      error={errors[`sittings.${i}.officeId`]}
                      w={320}
                      data-testid={`sitting-${i}-office`}
                    />
                    <NumberInput
                      label={t('consultation.editor.room')}
                      value={s.room}
                      onChange={(v) => setSitting(i, { room: v })}
                      min={1}
                      max={20}
                      allowDecimal={false}
                      error={errors[`sittings.${i}.room`]}
                      w={110}
                      data-testid={`sitting-${i}-room`}
                    />
                  </>
                ) : null}
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    set(
                      'sittings',
                      form.sittings.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('consultation.editor.removeSitting')}
                </Button>
              </Group>
              {errors[`sittings.${i}.hours`] ? (
                <Text c="red" size="sm">
                  {errors[`sittings.${i}.hours`]}
                </Text>
              ) : null}
              {s.hours.map((h, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a period is its place in the list
                <Group key={k} gap="xs" align="flex-start" wrap="wrap">
                  <Select
                    aria-label={t('consultation.editor.day')}
                    data={WEEK.map((d) => ({ value: String(d), label: t(`consultation.week.${d}`) }))}
                    value={String(h.day)}
                    onChange={(v) =>
                      setSitting(i, { hours: s.hours.map((p, j) => (j === k ? { ...p, day: Number(v ?? 0) } : p)) })
                    }
                    allowDeselect={false}
                    error={errors[`sittings.${i}.hours.${k}.day`]}
                    w={130}
                  />
                  {(['opens', 'closes'] as const).map((edge) => (
                    <TextInput
                      key={edge}
                      aria-label={t(`consultation.editor.${edge}`)}
                      placeholder={digits(edge === 'opens' ? '09:00' : '12:00')}
                      value={digits(h[edge])}
                      onChange={(e) => {
                        const value = toLatinDigits(e.currentTarget.value);
                        setSitting(i, { hours: s.hours.map((p, j) => (j === k ? { ...p, [edge]: value } : p)) });
                      }}
                      error={errors[`sittings.${i}.hours.${k}.${edge}`]}
                      dir="ltr"
                      w={90}
                      data-testid={`sitting-${i}-hours-${k}-${edge}`}
                    />
                  ))}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('consultation.editor.removePeriod')}
                    onClick={() => setSitting(i, { hours: s.hours.filter((_, j) => j !== k) })}
                    mt={4}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                onClick={() =>
                  setSitting(i, {
                    hours: [
                      ...s.hours,
                      {
                        day: (s.hours.at(-1)?.day ?? -1) + 1 > 5 ? 0 : (s.hours.at(-1)?.day ?? -1) + 1,
                        opens: '09:00',
                        closes: '12:00',
                      },
                    ],
                  })
                }
                data-testid={`sitting-${i}-add-period`}
              >
                {t('consultation.editor.addPeriod')}
              </Button>
            </Stack>
          </Card>
        ))}
        <Button
          variant="light"
          w="fit-content"
          onClick={() =>
            set('sittings', [
              ...form.sittings,
              { mode: 'office', officeId: null, room: 1, hours: [{ day: 0, opens: '09:00', closes: '12:00' }] },
            ])
          }
          data-testid="consultant-add-sitting"
        >
          {t('consultation.editor.addSitting')}
        </Button>

        <ProblemAlert error={save.error} shownFields={shown} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="consultant-save">
            {t('consultation.editor.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
