import '../i18n/index.ts';
import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import { useAuth } from '#web/app/auth.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { RefNumber } from '#web/ui/RefNumber.tsx';
import { type BoothBooking, type BoothCheck, useBoothCalendar, useCheckIn } from '../api/hearings';
import { BoothCheckBadge } from '../components/BoothCheckBadge';

/** The operator checks the participant's national ID card and the code on their summons, then admits them to the booth. */
function CheckInForm({ booking }: { booking: BoothBooking }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn();
  const [nationalId, setNationalId] = useState('');
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    checkIn.mutate({
      hearingId: booking.hearingId,
      participantId: booking.participantId,
      nationalId,
      code: code.trim(),
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="check-in-form">
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <NationalIdField
            value={nationalId}
            onChange={(v) => setNationalId(v)}
            required
            data-testid="check-in-national-id"
          />
          <TextInput
            label={t('hearings.booths.code')}
            description={t('hearings.booths.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            inputMode="numeric"
            required
            data-testid="check-in-code"
          />
          <Button type="submit" loading={checkIn.isPending} data-testid="check-in-submit">
            {t('hearings.booths.admit')}
          </Button>
        </Group>
        <ProblemAlert error={checkIn.error} />
      </Stack>
    </form>
  );
}

/** Each booth of the office with its device's check for the day, and the way to run one. */
function BoothChecks({ booths, checks, date }: { booths: number; checks: BoothCheck[]; date: string }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('hearings.boothCheck.heading')}</Text>
        <Text size="sm" c="dimmed">
          {t('hearings.boothCheck.hint')}
        </Text>
        {Array.from({ length: booths }, (_, i) => i + 1).map((n) => {
          const check = checks.find((c) => c.boothNo === n);
          return (
            <Group key={n} justify="space-between" wrap="wrap" data-testid={`booth-${n}`}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="outline">{t('hearings.booths.boothN', { n: digits(n) })}</Badge>
                <BoothCheckBadge check={check} />
                {check ? (
                  <Text size="xs" c="dimmed">
                    {t('hearings.boothCheck.by', { name: check.by.name })}{' '}
                    <JalaliDate value={check.checkedAt} withTime />
                  </Text>
                ) : null}
              </Group>
              <Button
                size="xs"
                variant="light"
                component={Link}
                to={`/hearings/booths/${n}/check?date=${encodeURIComponent(date)}`}
                data-testid={`booth-check-${n}`}
              >
                {t('hearings.boothCheck.run')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

/** /hearings/booths — the office's hearing booths on a day: each booking, and the check-in of who comes to attend. */
export function BoothCalendarPage() {
  const { t } = useTranslation();
  const { text, digits } = useDigits();
  const { user } = useAuth();
  const officeId =
    user?.roles.find((g) => (g.role === 'operator' || g.role === 'office_manager') && g.scope.officeId)?.scope
      .officeId ?? null;
  const [search] = useSearchParams();
  const [date, setDate] = useState(() => search.get('date') ?? formatJalaliIso(isoToJalali(tehranIsoDate())));
  const calendar = useBoothCalendar(officeId, date);
  const c = calendar.data;
  return (
    <Stack>
      <PageTitle title={t('hearings.booths.title')} subtitle={c ? text(c.office.name) : undefined} />
      <JalaliDateInput label={t('hearings.booths.day')} value={date} onChange={setDate} data-testid="booths-date" />
      <ProblemAlert error={calendar.error} />
      {c ? (
        <Text size="sm" c="dimmed">
          {t('hearings.booths.count', { n: digits(c.booths) })}
        </Text>
      ) : null}
      {c && c.booths > 0 ? <BoothChecks booths={c.booths} checks={c.checks} date={date} /> : null}
      {c && c.bookings.length === 0 ? <Text c="dimmed">{t('hearings.booths.empty')}</Text> : null}
      {c?.bookings.map((b) => (
        <Card withBorder key={b.participantId} data-testid="booth-booking">
          <Stack gap="xs">
            <Group justify="space-between">
              <Group gap="xs">
                <Badge variant="light">{t('hearings.booths.boothN', { n: digits(b.boothNo) })}</Badge>
                <Text fw={600}>{b.name}</Text>
                <Text size="sm">— {t(`hearings.roles.${b.role}`)}</Text>
                <BoothCheckBadge check={c.checks.find((k) => k.boothNo === b.boothNo)} />
              </Group>
              <Text size="sm">
                <JalaliDate value={b.startsAt} withTime />
              </Text>
            </Group>
            <Text size="sm">
              {t('hearings.fields.case')}: <RefNumber value={b.caseNumber} /> · {t(`hearings.states.${b.hearingState}`)}
            </Text>
            {b.checkIn ? (
              <Text size="sm" c="teal" data-testid="checked-in">
                {t('hearings.booths.checkedIn', { name: b.checkIn.by.name })}{' '}
                <JalaliDate value={b.checkIn.at} withTime />
              </Text>
            ) : b.hearingState === 'adjourned' || b.hearingState === 'closed' ? null : (
              <CheckInForm booking={b} />
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
