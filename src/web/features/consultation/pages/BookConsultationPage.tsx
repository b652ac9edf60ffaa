import '../i18n/index.ts';
import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_FIELDS } from '#server/modules/consultation/values';
import { useAuth } from '#web/app/auth.tsx';
import { DataTable } from '#web/ui/DataTable.tsx';
import { Money } from '#web/ui/Money.tsx';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useBook } from '../api/bookings';
import { consultantsQueryOptions, slotsQueryOptions, type ConsultantCard, type Slot } from '../api/consultants';
import { consultantFieldAndFeeColumns } from '../components/consultant-columns.tsx';

type Field = (typeof CONSULTATION_FIELDS)[number];

/** A consultant's place as a choice: an office and room, or video. */
const placeKey = (s: ConsultantCard['sittings'][number]) => (s.mode === 'video' ? 'video' : `office:${s.office!.id}`);

/**
 * /consultation/book — a citizen books a consultation online, or an operator at the counter for a
 * citizen: field → consultant → place → a free slot (Jalali day, Tehran time) → the bank.
 */
export function BookConsultationPage() {
  const { t } = useTranslation();
  const { digits, text, lang } = useDigits();
  const { user } = useAuth();
  const atCounter = user?.kind === 'staff';
  const [field, setField] = useState<Field | null>(null);
  const [consultantId, setConsultantId] = useState<number | null>(null);
  const [place, setPlace] = useState<string | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [citizenId, setCitizenId] = useState<number | string>('');
  const consultants = useQuery(consultantsQueryOptions(field));
  const chosen = consultants.data?.items.find((c) => c.id === consultantId) ?? null;
  const sitting = chosen?.sittings.find((s) => placeKey(s) === place) ?? null;
  const slots = useQuery({
    ...slotsQueryOptions(consultantId ?? 0, {
      mode: sitting?.mode ?? 'video',
      officeId: sitting?.office?.id,
      days: 14,
    }),
    enabled: sitting != null,
  });
  const book = useBook();
  const errors = fieldErrorsOf(book.error, lang);

  const byDay = new Map<string, Slot[]>();
  for (const s of slots.data?.items ?? []) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);

  const submit = () => {
    if (!chosen || !sitting || !slot) return;
    book.mutate(
      {
        consultantId: chosen.id,
        mode: sitting.mode,
        officeId: sitting.office?.id ?? null,
        startsAt: slot,
        field: field ?? (chosen.fields[0] as Field),
        ...(atCounter ? { citizenId: enteredNumber(citizenId) } : {}),
      },
      {
        onSuccess: (answer) => {
          if (answer.payment.paymentId) window.location.assign(answer.payment.redirectUrl);
          else window.location.assign('/consultation/mine');
        },
      },
    );
  };

  return (
    <Stack>
      <PageTitle title={t('consultation.book.title')} subtitle={t('consultation.book.subtitle')} />
      <Select
        label={t('consultation.book.field')}
        placeholder={t('consultation.book.anyField')}
        data={CONSULTATION_FIELDS.map((f) => ({ value: f, label: t(`consultation.fields.${f}`) }))}
        value={field}
        onChange={(v) => {
          setField(v as Field | null);
          setConsultantId(null);
          setPlace(null);
          setSlot(null);
        }}
        clearable
        maw={360}
        data-testid="consultation-field"
      />
      <DataTable<ConsultantCard>
        testId="consultation-consultants"
        label={t('consultation.book.consultant')}
        rows={consultants.data?.items}
        isPending={consultants.isPending}
        error={consultants.error}
        rowKey={(c) => c.id}
        empty={t('consultation.book.noConsultants')}
        onRowClick={(c) => {
          setConsultantId(c.id);
          setPlace(c.sittings[0] ? placeKey(c.sittings[0]) : null);
          setSlot(null);
        }}
        isSelected={(c) => c.id === consultantId}
        columns={[
          { key: 'name', header: t('consultation.book.consultant'), rowHeader: true, cell: (c) => c.name },
          { key: 'kind', header: t('consultation.registry.kind'), cell: (c) => t(`consultation.kinds.${c.kind}`) },
          ...consultantFieldAndFeeColumns(t),
          {
            key: 'minutes',
            header: t('consultation.book.minutes', { n: '' }).trim(),
            cell: (c) => t('consultation.book.minutes', { n: digits(c.sessionMinutes) }),
          },
        ]}
      />
      {chosen ? (
        <Card withBorder data-testid="consultation-chosen">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {chosen.name}
            </Title>
            <Select
              label={t('consultation.book.place')}
              data={chosen.sittings.map((s) => ({
                value: placeKey(s),
                label:
                  s.mode === 'video'
                    ? t('consultation.modes.video')
                    : `${text(s.office!.name)} — ${t('consultation.book.room', { n: digits(s.room ?? 1) })}`,
              }))}
              value={place}
              onChange={(v) => {
                setPlace(v);
                setSlot(null);
              }}
              maw={420}
              data-testid="consultation-place"
            />
            <Text fw={600}>{t('consultation.book.slots')}</Text>
            <ProblemAlert error={slots.error} />
            {slots.data && slots.data.items.length === 0 ? (
              <Text c="dimmed">{t('consultation.book.noSlots')}</Text>
            ) : null}
            <Stack gap="xs" data-testid="consultation-slots">
              {[...byDay.entries()].map(([day, list]) => (
                <Group key={day} gap="xs" align="center">
                  <Badge variant="light" miw={110}>
                    {digits(day.replaceAll('-', '/'))}
                  </Badge>
                  {list.map((s) => (
                    <Button
                      key={s.startsAt}
                      size="compact-sm"
                      variant={slot === s.startsAt ? 'filled' : 'default'}
                      aria-pressed={slot === s.startsAt}
                      onClick={() => setSlot(s.startsAt)}
                      data-testid={`slot-${s.day}-${s.time}`}
                    >
                      {digits(s.time)}
                    </Button>
                  ))}
                </Group>
              ))}
            </Stack>
            {atCounter ? (
              <NumberInput
                label={t('consultation.book.citizenId')}
                value={citizenId}
                onChange={setCitizenId}
                min={1}
                allowDecimal={false}
                maw={240}
                error={errors.citizenId}
                data-testid="consultation-citizen"
              />
            ) : null}
            <Alert variant="light">{t('consultation.book.cutoff', { n: digits(chosen.cutoffHours) })}</Alert>
            <ProblemAlert error={book.error} shownFields={atCounter ? ['citizenId'] : []} />
            <Group>
              <Button
                onClick={submit}
                disabled={!slot || (atCounter && !citizenId)}
                loading={book.isPending}
                data-testid="consultation-pay"
              >
                {t('consultation.book.pay')}
              </Button>
              <Text>
                <Money rials={chosen.feeRials} />
              </Text>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
