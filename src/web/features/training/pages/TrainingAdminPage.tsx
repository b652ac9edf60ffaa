import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useCourses } from '../api/courses';
import { type CourseSession, useSessions } from '../api/sessions';
import type { Course } from '../api/courses';
import { CourseForm } from '../components/CourseForm';
import { SessionForm } from '../components/SessionForm';
import { SessionRoster } from '../components/SessionRoster';

/**
 * /training/admin — the association's desk: the national catalog (kept by the national
 * association), sessions (each province's association schedules its own), and a session's roster
 * where attendance and hours are recorded.
 */
export function TrainingAdminPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const national = !!user?.roles.some((g) => g.role === 'association_admin' && g.scope.kind === 'nation');
  const [editing, setEditing] = useState<Course | null>(null);
  const [rosterOf, setRosterOf] = useState<number | null>(null);
  return (
    <Stack data-testid="training-admin-page">
      <PageTitle title={t('nav.trainingAdmin')} subtitle={t('training.admin.subtitle')} />
      <CourseList national={national} onEdit={setEditing} />
      {national ? (
        <CourseForm key={editing?.id ?? 'new'} course={editing ?? undefined} onDone={() => setEditing(null)} />
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <SessionForm />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <SessionList onRoster={setRosterOf} selected={rosterOf} />
        </Grid.Col>
      </Grid>
      {rosterOf ? <SessionRoster sessionId={rosterOf} /> : null}
    </Stack>
  );
}

function CourseList({ national, onEdit }: { national: boolean; onEdit: (c: Course) => void }) {
  const { t } = useTranslation();
  const { digits, lang } = useDigits();
  const courses = useCourses(national);
  const title = (c: Course) => (lang === 'fa' ? c.titleFa : c.titleEn);
  const columns: DataColumn<Course>[] = [
    {
      key: 'code',
      header: t('training.catalog.code'),
      cell: (c) => (
        <>
          {c.code}{' '}
          {c.active ? null : (
            <Badge color="gray" size="xs">
              {t('training.admin.inactive')}
            </Badge>
          )}
        </>
      ),
      sortValue: (c) => c.code,
    },
    { key: 'course', header: t('training.catalog.course'), cell: title, sortValue: title },
    {
      key: 'kind',
      header: t('training.catalog.kind'),
      cell: (c) => t(`training.kind.${c.kind}`),
      sortValue: (c) => t(`training.kind.${c.kind}`),
    },
    {
      key: 'hours',
      header: t('training.catalog.hours'),
      cell: (c) => digits(c.hours),
      sortValue: (c) => c.hours,
      numeric: true,
    },
    {
      key: 'bank',
      header: t('training.admin.bank'),
      cell: (c) => digits(c.bankSize),
      sortValue: (c) => c.bankSize,
      numeric: true,
    },
    {
      key: 'actions',
      header: t('training.admin.actions'),
      cell: (c) =>
        national ? (
          <>
            <Anchor component={Link} to={`/training/courses/${c.id}`} me="sm" data-testid={`open-course-${c.code}`}>
              {t('training.admin.bankAndExams')}
            </Anchor>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onEdit(c)}
              aria-label={t('training.admin.editCourseLabel', { code: c.code })}
            >
              {t('training.admin.edit')}
            </Button>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        ),
    },
  ];
  return (
    <Card withBorder padding="lg" data-testid="admin-courses">
      <Title order={2} size="h4" mb="sm">
        {t('training.catalog.title')}
      </Title>
      <ProblemAlert error={courses.error} />
      <DataTable
        testId="admin-courses-table"
        label={t('training.catalog.title')}
        columns={columns}
        rowKey={(c) => c.id}
        rows={courses.data?.items}
        isPending={courses.isPending}
        isFetching={courses.isFetching}
        pageSize="all"
        minWidth={700}
        rowProps={(c) => ({ 'data-testid': `admin-course-${c.code}` })}
      />
    </Card>
  );
}

function SessionList({ onRoster, selected }: { onRoster: (id: number) => void; selected: number | null }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const sessions = useSessions();
  const date = (s: CourseSession) => digits(s.startsOnJalali.replace(/-/g, '/'));
  const columns: DataColumn<CourseSession>[] = [
    {
      key: 'course',
      header: t('training.sessions.course'),
      cell: (s) => s.course.code,
      sortValue: (s) => s.course.code,
    },
    { key: 'dates', header: t('training.sessions.dates'), cell: date, sortValue: (s) => s.startsOnJalali },
    {
      key: 'enrolled',
      header: t('training.sessions.enrolledCount'),
      cell: (s) => `${digits(s.enrolled)} / ${digits(s.capacity)}`,
      sortValue: (s) => s.enrolled,
      numeric: true,
    },
    {
      key: 'actions',
      header: t('training.admin.actions'),
      cell: (s) => (
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onRoster(s.id)}
          data-testid={`roster-${s.id}`}
          aria-label={t('training.admin.rosterOf', { code: s.course.code, date: date(s) })}
        >
          {t('training.admin.roster')}
        </Button>
      ),
    },
  ];
  return (
    <Card withBorder padding="lg" data-testid="admin-sessions">
      <Title order={2} size="h4" mb="sm">
        {t('training.sessions.all')}
      </Title>
      <ProblemAlert error={sessions.error} />
      <DataTable
        testId="admin-sessions-table"
        label={t('training.sessions.all')}
        columns={columns}
        rowKey={(s) => s.id}
        rows={sessions.data?.items}
        isPending={sessions.isPending}
        isFetching={sessions.isFetching}
        pageSize={20}
        minWidth={500}
        isSelected={(s) => selected === s.id}
      />
    </Card>
  );
}
