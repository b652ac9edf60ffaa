import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '#web/app/api-client.ts';
import { useLang } from '#web/app/i18n/index.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useRecordAttendance, useSession } from '../api/sessions';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

type Mark = { status: 'attended' | 'absent'; hours: number | string };

/** A session's roster, and attendance with hours for every enrolled person, saved in one step. */
export function SessionRoster({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const detail = useSession(sessionId);
  const record = useRecordAttendance(sessionId);
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  const s = detail.data?.session;
  const people = (detail.data?.enrolments ?? []).filter((e) => e.status !== 'cancelled');

  useEffect(() => {
    if (!detail.data) return;
    setMarks(
      Object.fromEntries(
        detail.data.enrolments
          .filter((e) => e.status !== 'cancelled')
          .map((e) => [
            e.userId,
            {
              status: e.status === 'absent' ? 'absent' : 'attended',
              hours: e.status === 'attended' ? e.attendedHours : detail.data.session.course.hours,
            },
          ]),
      ),
    );
  }, [detail.data]);

  const errors = fieldErrorsOf(record.error, lang);
  const markOf = (userId: number): Mark => marks[userId] ?? { status: 'attended', hours: 0 };
  const save = () =>
    record.mutate(
      people.map((p) => {
        const mark = markOf(p.userId);
        // An absence shows 0 hours; an attendance's blank hours go absent, for the server to name.
        return {
          userId: p.userId,
          status: mark.status,
          hours: mark.status === 'absent' ? 0 : enteredNumber(mark.hours),
        };
      }),
    );

  // Each person's place in the roster names their fields in the server's answer (entries.<i>.hours).
  const rows = people.map((p, i) => ({ ...p, index: i, name: `${p.firstName} ${p.lastName}` }));
  const columns: DataColumn<(typeof rows)[number]>[] = [
    {
      key: 'person',
      header: t('training.admin.person'),
      cell: (p) => (
        <>
          {p.name}{' '}
          <Text span size="xs" c="dimmed" dir="ltr">
            {p.username}
          </Text>
        </>
      ),
      sortValue: (p) => `${p.lastName} ${p.firstName}`,
    },
    {
      key: 'office',
      header: t('training.admin.office'),
      cell: (p) => (p.officeCode ? digits(p.officeCode) : '—'),
      sortValue: (p) => p.officeCode,
    },
    {
      key: 'attendance',
      header: t('training.admin.attendance'),
      cell: (p) => {
        const mark = markOf(p.userId);
        return (
          <Select
            aria-label={t('training.admin.attendanceOf', { name: p.name })}
            value={mark.status}
            allowDeselect={false}
            data={[
              { value: 'attended', label: t('training.status.attended') },
              { value: 'absent', label: t('training.status.absent') },
            ]}
            onChange={(v) =>
              setMarks((m) => ({
                ...m,
                [p.userId]: { ...mark, status: (v ?? 'attended') as Mark['status'] },
              }))
            }
            error={errors[`entries.${p.index}.userId`]}
            data-testid={`attendance-status-${p.userId}`}
          />
        );
      },
    },
    {
      key: 'hours',
      header: t('training.admin.hoursAttended'),
      cell: (p) => {
        const mark = markOf(p.userId);
        return (
          <NumberInput
            aria-label={t('training.admin.hoursOf', { name: p.name })}
            value={mark.status === 'absent' ? 0 : mark.hours}
            disabled={mark.status === 'absent'}
            min={0}
            max={s?.course.hours}
            allowDecimal={false}
            error={errors[`entries.${p.index}.hours`]}
            onChange={(v) => setMarks((m) => ({ ...m, [p.userId]: { ...mark, hours: v } }))}
            data-testid={`attendance-hours-${p.userId}`}
          />
        );
      },
    },
  ];

  return (
    <Paper withBorder p="lg" data-testid="session-roster" aria-labelledby="roster-title">
      <Stack>
        <Title order={2} size="h4" id="roster-title">
          {t('training.admin.roster')}
          {s ? ` — ${s.course.code}، ${digits(s.startsOnJalali.replace(/-/g, '/'))}` : ''}
        </Title>
        <ProblemAlert error={detail.error ?? record.error} shownFields={Object.keys(errors)} />
        {record.isSuccess ? (
          <Alert color="teal" role="status">
            {t('training.admin.attendanceSaved')}
          </Alert>
        ) : null}
        {detail.data ? (
          <DataTable
            testId="roster-table"
            label={t('training.admin.roster')}
            columns={columns}
            rowKey={(p) => p.userId}
            rows={rows}
            pageSize="all"
            empty={t('training.admin.nobodyEnrolled')}
            minWidth={600}
            rowProps={(p) => ({ 'data-testid': `roster-row-${p.userId}` })}
          />
        ) : null}
        {people.length > 0 ? (
          <Group>
            <Button onClick={save} loading={record.isPending} data-testid="save-attendance">
              {t('training.admin.saveAttendance')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
