import '../i18n/index.ts';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { useAuth } from '#web/app/auth.tsx';
import { isApiError } from '#web/app/api-client.ts';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type Course, useCourses } from '../api/courses';
import { useExams, useStartAttempt } from '../api/exams';
import { type CourseSession, useCancelEnrolment, useEnrol, useMyTraining, useSessions } from '../api/sessions';
import type { Exam } from '../api/exams';
import { EnrolStaffButton } from '../components/EnrolStaffButton';
import { ExamResults } from '../components/ExamResults';

const STAFF_ROLES = ['operator', 'office_manager', 'consultant'];
/** Who reads exam results (the server filters them to the reader's office or province). */
const RESULT_READERS = ['office_manager', 'inspector', 'association_admin', 'regulator_admin'];

/**
 * /training — the course catalog, upcoming sessions with places left, one's own exams (start or
 * resume) and one's continuing-education hours. Office staff enrol and sit exams here; oversight
 * reads the catalog and the schedule.
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = !!user?.roles.some((g) => STAFF_ROLES.includes(g.role) && g.scope.kind === 'office');
  return (
    <Stack data-testid="training-page">
      <PageTitle title={t('training.title')} subtitle={t('training.subtitle')} />
      {isStaff ? <MyStanding /> : null}
      {isStaff ? <MyExams /> : null}
      {user?.roles.some((g) => RESULT_READERS.includes(g.role)) ? <ExamResults /> : null}
      <UpcomingSessions isStaff={isStaff} />
      <Catalog />
    </Stack>
  );
}

function MyStanding() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const me = useMyTraining();
  const d = me.data;
  return (
    <Card withBorder padding="lg" data-testid="my-training">
      <Title order={2} size="h4" mb="sm">
        {t('training.mine.title')}
      </Title>
      <ProblemAlert error={me.error} />
      {d ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder padding="sm" data-testid="my-ce-hours">
            <Text size="xs" c="dimmed">
              {t('training.mine.ceHours', { since: digits(d.continuingSinceJalali.replace(/-/g, '/')) })}
            </Text>
            <Text fw={800} fz="xl">
              {t('training.mine.hours', { n: digits(d.continuingHours) })}
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {t('training.mine.completed')}
            </Text>
            <Group gap="xs" mt={4}>
              {d.qualifications.filter((q) => q.qualified).length === 0 ? (
                <Text size="sm">{t('training.mine.none')}</Text>
              ) : null}
              {d.qualifications
                .filter((q) => q.qualified)
                .map((q) => (
                  <Badge key={q.courseId} color="teal" variant="light">
                    {q.code} — {q.titleFa}
                  </Badge>
                ))}
            </Group>
          </Card>
        </SimpleGrid>
      ) : null}
    </Card>
  );
}

/** Start an exam, or go back to the attempt under way. */
function ExamAction({ exam }: { exam: Exam }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAttempt();
  const m = exam.mine;
  const onStart = () =>
    start.mutate(exam.id, {
      onSuccess: (attempt) => navigate(`/exams/${attempt.id}`),
      onError: (error) => {
        // Another tab already started one: take the candidate back to it.
        if (
          isApiError(error) &&
          error.code === 'exam_attempt_in_progress' &&
          typeof error.problem.attemptId === 'number'
        )
          navigate(`/exams/${error.problem.attemptId}`);
      },
    });
  return (
    <>
      {m.passed && !m.inProgressAttemptId ? null : m.inProgressAttemptId ? (
        <Button
          size="xs"
          onClick={() => navigate(`/exams/${m.inProgressAttemptId}`)}
          data-testid={`resume-exam-${exam.id}`}
        >
          {t('training.exams.resume')}
        </Button>
      ) : (
        <Button
          size="xs"
          onClick={onStart}
          loading={start.isPending}
          disabled={m.attemptsLeft === 0}
          data-testid={`start-exam-${exam.id}`}
          aria-label={t('training.exams.startLabel', { title: exam.titleFa })}
        >
          {t('training.exams.start')}
        </Button>
      )}
      {start.error && !(isApiError(start.error) && start.error.code === 'exam_attempt_in_progress') ? (
        <ProblemAlert error={start.error} />
      ) : null}
    </>
  );
}

function MyExams() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const exams = useExams();
  const columns: DataColumn<Exam>[] = [
    {
      key: 'exam',
      header: t('training.exams.exam'),
      cell: (exam) => (
        <>
          <Text fw={600}>{exam.titleFa}</Text>
          <Text size="xs" c="dimmed">
            {exam.course.code} —{' '}
            {t('training.exams.rules', {
              count: digits(exam.questionCount),
              minutes: digits(exam.durationMinutes),
              pass: digits(exam.passPercent),
            })}
          </Text>
        </>
      ),
    },
    {
      key: 'attemptsLeft',
      header: t('training.exams.attemptsLeft'),
      cell: (exam) => `${digits(exam.mine.attemptsLeft)} / ${digits(exam.maxAttempts)}`,
      numeric: true,
    },
    {
      key: 'bestScore',
      header: t('training.exams.bestScore'),
      cell: (exam) => (exam.mine.bestScore == null ? '—' : `${digits(exam.mine.bestScore)}٪`),
      numeric: true,
    },
    {
      key: 'result',
      header: t('training.exams.result'),
      cell: (exam) =>
        exam.mine.passed ? (
          <Badge color="teal">{t('training.exams.passed')}</Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('training.exams.notPassed')}
          </Badge>
        ),
    },
    {
      key: 'actions',
      header: t('training.exams.actions'),
      hideHeader: true,
      cell: (exam) => <ExamAction exam={exam} />,
    },
  ];
  return (
    <Card withBorder padding="lg" data-testid="my-exams">
      <Title order={2} size="h4" mb="sm">
        {t('training.exams.title')}
      </Title>
      <DataTable
        testId="my-exams-table"
        label={t('training.exams.title')}
        columns={columns}
        rowKey={(e) => e.id}
        rows={exams.data?.items}
        isPending={exams.isPending}
        isFetching={exams.isFetching}
        error={exams.error}
        pageSize="all"
        empty={t('training.exams.none')}
        minWidth={600}
        rowProps={(e) => ({ 'data-testid': `exam-row-${e.id}` })}
      />
    </Card>
  );
}

function UpcomingSessions({ isStaff }: { isStaff: boolean }) {
  const { t } = useTranslation();
  const { digits, lang } = useDigits();
  const { user } = useAuth();
  const managedOffice = user?.roles.find((g) => g.role === 'office_manager' && g.scope.kind === 'office')?.scope
    .officeId;
  const sessions = useSessions({ upcoming: true });
  const enrol = useEnrol();
  const cancel = useCancelEnrolment();
  const columns: DataColumn<CourseSession>[] = [
    {
      key: 'course',
      header: t('training.sessions.course'),
      cell: (s) => `${s.course.code} — ${lang === 'fa' ? s.course.titleFa : s.course.titleEn}`,
      sortValue: (s) => s.course.code,
    },
    {
      key: 'dates',
      header: t('training.sessions.dates'),
      cell: (s) => `${digits(s.startsOnJalali.replace(/-/g, '/'))} – ${digits(s.endsOnJalali.replace(/-/g, '/'))}`,
      sortValue: (s) => s.startsOnJalali,
    },
    { key: 'location', header: t('training.sessions.location'), cell: (s) => s.location, sortValue: (s) => s.location },
    {
      key: 'seatsLeft',
      header: t('training.sessions.seatsLeft'),
      cell: (s) => `${digits(s.seatsLeft)} / ${digits(s.capacity)}`,
      sortValue: (s) => s.seatsLeft,
      numeric: true,
    },
    ...(isStaff
      ? [
          {
            key: 'actions',
            header: t('training.sessions.actions'),
            hideHeader: true,
            cell: (s: CourseSession) => (
              <>
                {s.myStatus && s.myStatus !== 'cancelled' ? (
                  <Group gap={4} wrap="nowrap">
                    <Badge color="teal" variant="light">
                      {t(`training.status.${s.myStatus}`)}
                    </Badge>
                    {s.myStatus === 'enrolled' && !s.started ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={cancel.isPending && cancel.variables?.sessionId === s.id}
                        onClick={() => cancel.mutate({ sessionId: s.id, userId: Number(user?.id) })}
                        data-testid={`cancel-enrolment-${s.id}`}
                        aria-label={t('training.sessions.cancelLabel', { course: s.course.titleFa })}
                      >
                        {t('training.sessions.cancel')}
                      </Button>
                    ) : null}
                  </Group>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    disabled={s.seatsLeft === 0}
                    loading={enrol.isPending && enrol.variables?.sessionId === s.id}
                    onClick={() => enrol.mutate({ sessionId: s.id })}
                    data-testid={`enrol-${s.id}`}
                    aria-label={t('training.sessions.enrolLabel', { course: s.course.titleFa })}
                  >
                    {s.seatsLeft === 0 ? t('training.sessions.full') : t('training.sessions.enrol')}
                  </Button>
                )}
                {managedOffice != null ? <EnrolStaffButton session={s} officeId={Number(managedOffice)} /> : null}
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card withBorder padding="lg" data-testid="upcoming-sessions">
      <Title order={2} size="h4" mb="sm">
        {t('training.sessions.title')}
      </Title>
      <ProblemAlert error={enrol.error ?? cancel.error} />
      {enrol.isSuccess ? (
        <Alert color="teal" role="status">
          {t('training.sessions.enrolled')}
        </Alert>
      ) : null}
      <DataTable
        testId="upcoming-sessions-table"
        label={t('training.sessions.title')}
        columns={columns}
        rowKey={(s) => s.id}
        rows={sessions.data?.items}
        isPending={sessions.isPending}
        isFetching={sessions.isFetching}
        error={sessions.error}
        pageSize={20}
        empty={t('training.sessions.none')}
        minWidth={700}
        rowProps={(s) => ({ 'data-testid': `session-row-${s.id}` })}
      />
    </Card>
  );
}

function Catalog() {
  const { t } = useTranslation();
  const { digits, lang } = useDigits();
  const courses = useCourses();
  const services = useCatalogServices();
  const serviceName = (code: string) => services.data?.items.find((s) => s.code === code)?.title[lang] ?? code;
  const title = (c: Course) => (lang === 'fa' ? c.titleFa : c.titleEn);
  const columns: DataColumn<Course>[] = [
    {
      key: 'code',
      header: t('training.catalog.code'),
      cell: (c) => c.code,
      sortValue: (c) => c.code,
      cellProps: () => ({ style: { whiteSpace: 'nowrap' } }),
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
      key: 'services',
      header: t('training.catalog.services'),
      cell: (c) => <Text size="sm">{c.serviceCodes.map(serviceName).join(lang === 'fa' ? '، ' : ', ') || '—'}</Text>,
    },
  ];
  return (
    <Card withBorder padding="lg" data-testid="course-catalog">
      <Title order={2} size="h4" mb="sm">
        {t('training.catalog.title')}
      </Title>
      <DataTable
        testId="catalog-table"
        label={t('training.catalog.title')}
        columns={columns}
        rowKey={(c) => c.id}
        rows={courses.data?.items}
        isPending={courses.isPending}
        isFetching={courses.isFetching}
        error={courses.error}
        pageSize="all"
        minWidth={600}
      />
    </Card>
  );
}
