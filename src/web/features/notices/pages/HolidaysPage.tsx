import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToJalali, parseJalaliDate, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useAddHoliday, useHolidays, useRemoveHoliday } from '../api/holidays';

function AddHolidayForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const add = useAddHoliday();
  const [date, setDate] = useState('');
  const [titleFa, setTitleFa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const server = fieldErrorsOf(add.error, lang);
  const local: Record<string, string> = {};
  if (!date) local.date = t('common.required');
  else if (!parseJalaliDate(date)) local.date = t('ui.jalaliDate.invalid');
  if (titleFa.trim().length < 2) local.titleFa = t('common.required');
  if (titleEn.trim().length < 2) local.titleEn = t('common.required');
  const errorOf = (f: string) => server[f] ?? (submitted ? local[f] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    add.mutate(
      { date, titleFa: titleFa.trim(), titleEn: titleEn.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('notices.holidays.added') });
          setDate('');
          setTitleFa('');
          setTitleEn('');
          setSubmitted(false);
        },
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="holiday-form">
      <Stack>
        <Title order={2} size="h4">{t('notices.holidays.add')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <JalaliDateInput label={t('notices.holidays.date')} value={date} onChange={setDate} required serverError={errorOf('date') ?? null} data-testid="holiday-date" />
          <TextInput label={t('notices.holidays.titleFa')} value={titleFa} onChange={(e) => setTitleFa(e.currentTarget.value)} required error={errorOf('titleFa')} data-testid="holiday-title-fa" />
          <TextInput label={t('notices.holidays.titleEn')} dir="ltr" value={titleEn} onChange={(e) => setTitleEn(e.currentTarget.value)} required error={errorOf('titleEn')} data-testid="holiday-title-en" />
        </SimpleGrid>
        <ProblemAlert error={add.error} shownFields={['date', 'titleFa', 'titleEn']} />
        <Group>
          <Button type="submit" loading={add.isPending} data-testid="holiday-submit">{t('notices.holidays.submit')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** /admin/holidays — the official holiday calendar behind legal deadlines (regulator edits, Association reads). */
export function HolidaysPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const { user } = useAuth();
  const canEdit = !!user?.roles.some((g) => g.role === 'regulator_admin');
  const thisYear = isoToJalali(tehranIsoDate()).jy;
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const remove = useRemoveHoliday();
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <Stack>
      <PageTitle
        title={t('notices.holidays.title')}
        subtitle={t('notices.holidays.subtitle')}
        actions={
          <Select
            aria-label={t('notices.holidays.year')}
            data={years.map((y) => ({ value: String(y), label: digits(y) }))}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            w={120}
            data-testid="holiday-year"
          />
        }
      />
      <ProblemAlert error={holidays.error ?? remove.error} />
      {canEdit ? <AddHolidayForm /> : null}
      {holidays.data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder data-testid="holidays-table">
            <Table.Caption>{t('notices.holidays.caption', { year: digits(holidays.data.year) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notices.holidays.date')}</Table.Th>
                <Table.Th scope="col">{t('notices.holidays.weekday')}</Table.Th>
                <Table.Th scope="col">{t('notices.holidays.titleCol')}</Table.Th>
                <Table.Th scope="col">{t('notices.holidays.source')}</Table.Th>
                {canEdit ? <Table.Th scope="col">{t('notices.holidays.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {holidays.data.items.map((h) => (
                <Table.Tr key={h.day} data-testid="holiday-row" data-computed={h.computed}>
                  <Table.Td><JalaliDate value={h.day} /></Table.Td>
                  <Table.Td>{t(`notices.weekdays.${h.weekday}`)}</Table.Td>
                  <Table.Td>{lang === 'fa' ? h.titleFa : h.titleEn}</Table.Td>
                  <Table.Td>
                    {h.computed ? (
                      <Tooltip label={t('notices.holidays.computedHint')} multiline w={260}>
                        <Badge color="orange" variant="light" data-testid="holiday-computed">{t('notices.holidays.computed')}</Badge>
                      </Tooltip>
                    ) : (
                      <Badge color="gray" variant="light">{t('notices.holidays.fixed')}</Badge>
                    )}
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('notices.holidays.remove')}
                        title={t('notices.holidays.remove')}
                        loading={remove.isPending && remove.variables === h.jalali}
                        onClick={() => {
                          if (window.confirm(t('notices.holidays.confirmRemove'))) remove.mutate(h.jalali);
                        }}
                        data-testid={`holiday-remove-${h.jalali}`}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : holidays.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : null}
      <Text size="sm" c="dimmed">{t('notices.holidays.fridays')}</Text>
    </Stack>
  );
}
