import '../i18n/index.ts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Popover,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToJalali, parseJalaliDate, tehranIsoDate } from '#core/jalali';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useAuth } from '#web/app/auth.tsx';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { JalaliDateInput } from '#web/ui/JalaliDateInput.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import {
  useAddHoliday,
  useConfirmLunar,
  useHolidays,
  useMoveLunar,
  useRemoveHoliday,
  type Holiday,
} from '../api/holidays';

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
          notifications.show({
            color: 'teal',
            message: t('notices.holidays.added'),
            closeButtonProps: { 'aria-label': t('common.close') },
          });
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
        <Title order={2} size="h4">
          {t('notices.holidays.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <JalaliDateInput
            label={t('notices.holidays.date')}
            value={date}
            onChange={setDate}
            required
            serverError={errorOf('date') ?? null}
            data-testid="holiday-date"
          />
          <TextInput
            label={t('notices.holidays.titleFa')}
            value={titleFa}
            onChange={(e) => setTitleFa(e.currentTarget.value)}
            required
            error={errorOf('titleFa')}
            data-testid="holiday-title-fa"
          />
          <TextInput
            label={t('notices.holidays.titleEn')}
            dir="ltr"
            value={titleEn}
            onChange={(e) => setTitleEn(e.currentTarget.value)}
            required
            error={errorOf('titleEn')}
            data-testid="holiday-title-en"
          />
        </SimpleGrid>
        <ProblemAlert error={add.error} shownFields={['date', 'titleFa', 'titleEn']} />
        <Group>
          <Button type="submit" loading={add.isPending} data-testid="holiday-submit">
            {t('notices.holidays.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Where a holiday comes from, and whether a lunar one was checked against the official calendar (dark text on light badges: readable contrast). */
function SourceBadges({ holiday }: { holiday: Holiday }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  return (
    <Group gap={4}>
      {holiday.holidays.map((p) => {
        const title = lang === 'fa' ? p.titleFa : p.titleEn;
        if (p.origin === 'solar')
          return (
            <Badge key={title} color="gray" variant="light" c="dark.9">
              {t('notices.holidays.fixed')}
            </Badge>
          );
        if (p.origin === 'added')
          return (
            <Badge key={title} color="blue" variant="light" c="dark.9">
              {t('notices.holidays.addedByAdmin')}
            </Badge>
          );
        if (!p.confirmed) {
          return (
            <Tooltip key={title} label={t('notices.holidays.computedHint')} multiline w={260}>
              <Badge color="orange" variant="light" c="dark.9" data-testid="holiday-computed">
                {t('notices.holidays.computed')}
              </Badge>
            </Tooltip>
          );
        }
        return (
          <Badge key={title} color="teal" variant="light" c="dark.9" data-testid="holiday-confirmed">
            {p.computedDayJalali
              ? t('notices.holidays.movedFrom', { day: digits(p.computedDayJalali.replace(/-/g, '/')) })
              : t('notices.holidays.confirmed')}
          </Badge>
        );
      })}
    </Group>
  );
}

/** The regulator's actions on a lunar holiday: confirm it, or move it to its official day. */
function LunarActions({ holiday }: { holiday: Holiday }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const confirm = useConfirmLunar();
  const move = useMoveLunar();
  const [opened, setOpened] = useState(false);
  const [to, setTo] = useState('');
  const lunar = holiday.holidays.find((p) => p.origin === 'lunar');
  if (!lunar) return null;
  const serverError = fieldErrorsOf(move.error, lang).to;
  return (
    <Group gap={4} wrap="nowrap">
      {!lunar.confirmed ? (
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          loading={confirm.isPending}
          onClick={() => confirm.mutate(holiday.jalali)}
          data-testid={`holiday-confirm-${holiday.jalali}`}
        >
          {t('notices.holidays.confirm')}
        </Button>
      ) : null}
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        trapFocus
        returnFocus
        withinPortal
        shadow="md"
      >
        <Popover.Target>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpened((o) => !o)}
            data-testid={`holiday-move-${holiday.jalali}`}
          >
            {t('notices.holidays.move')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack
            component="form"
            gap="xs"
            w={260}
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              if (!to) return;
              move.mutate(
                { from: holiday.jalali, to },
                {
                  onSuccess: () => {
                    setOpened(false);
                    setTo('');
                    notifications.show({
                      color: 'teal',
                      message: t('notices.holidays.moved'),
                      closeButtonProps: { 'aria-label': t('common.close') },
                    });
                  },
                },
              );
            }}
          >
            <Text size="sm">{t('notices.holidays.moveHint')}</Text>
            <JalaliDateInput
              label={t('notices.holidays.moveTo')}
              value={to}
              onChange={setTo}
              serverError={serverError ?? null}
              data-testid="holiday-move-to"
            />
            <ProblemAlert error={move.error} shownFields={['to']} />
            <Button type="submit" size="xs" loading={move.isPending} data-testid="holiday-move-submit">
              {t('notices.holidays.moveSubmit')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

/** /admin/holidays — the holiday calendar behind legal deadlines (regulator edits, Association reads). */
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
  const restore = useAddHoliday();
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const unconfirmed = holidays.data?.items.filter((h) => h.computed).length ?? 0;

  const columns: DataColumn<Holiday>[] = [
    {
      key: 'date',
      header: t('notices.holidays.date'),
      cell: (h) => <JalaliDate value={h.day} />,
      sortValue: (h) => h.day,
      csv: (h) => h.jalali,
      numeric: true,
    },
    {
      key: 'weekday',
      header: t('notices.holidays.weekday'),
      cell: (h) => t(`notices.weekdays.${h.weekday}`),
      csv: (h) => t(`notices.weekdays.${h.weekday}`),
    },
    {
      key: 'title',
      header: t('notices.holidays.titleCol'),
      cell: (h) => (lang === 'fa' ? h.titleFa : h.titleEn),
      csv: (h) => (lang === 'fa' ? h.titleFa : h.titleEn),
    },
    {
      key: 'source',
      header: t('notices.holidays.source'),
      cell: (h) => <SourceBadges holiday={h} />,
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: t('notices.holidays.actions'),
            cell: (h: Holiday) => (
              <Group gap={4} wrap="nowrap">
                <LunarActions holiday={h} />
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
              </Group>
            ),
          },
        ]
      : []),
  ];

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
      <ProblemAlert error={holidays.error ?? remove.error ?? restore.error} />
      <Text size="sm">{t('notices.holidays.lawKnown')}</Text>
      {unconfirmed ? (
        <Alert color="orange" variant="outline" data-testid="holidays-unconfirmed">
          {t('notices.holidays.unconfirmed', { n: digits(unconfirmed) })}
        </Alert>
      ) : null}
      {canEdit ? <AddHolidayForm /> : null}
      <DataTable
        testId="holidays-table"
        caption={holidays.data ? t('notices.holidays.caption', { year: digits(holidays.data.year) }) : undefined}
        columns={columns}
        rowKey={(h) => h.day}
        rows={holidays.data?.items}
        isPending={holidays.isPending}
        isFetching={holidays.isFetching}
        pageSize="all"
        csvFileName={holidays.data ? `holidays-${holidays.data.year}.csv` : undefined}
        minWidth={720}
        rowProps={(h) => ({ 'data-testid': 'holiday-row', 'data-jalali': h.jalali, 'data-computed': h.computed })}
      />
      {holidays.data?.removed.length ? (
        <Card withBorder data-testid="holidays-removed">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('notices.holidays.removedTitle')}
            </Title>
            {holidays.data.removed.map((r) => (
              <Group key={r.day} justify="space-between">
                <Text size="sm">
                  <JalaliDate value={r.day} /> — {lang === 'fa' ? r.titleFa : r.titleEn}
                </Text>
                {canEdit ? (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={restore.isPending}
                    onClick={() => restore.mutate({ date: r.jalali, titleFa: r.titleFa, titleEn: r.titleEn })}
                  >
                    {t('notices.holidays.restore')}
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('notices.holidays.fridays')}
      </Text>
    </Stack>
  );
}
