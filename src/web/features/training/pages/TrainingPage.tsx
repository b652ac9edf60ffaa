import '../i18n/index.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogServices } from '#web/features/catalog/api/services.ts';
import { useAuth } from '#web/app/auth.tsx';
import { isApiError } from '#web/app/api-client.ts';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useCourses } from '../api/courses';
import { useExams, useStartAttempt } from '../api/exams';
import { useCancelEnrolment, useEnrol, useMyTraining, useSessions } from '../api/sessions';
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

function ExamRow({ exam }: { exam: Exam }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
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
    <Table.Tr data-testid={`exam-row-${exam.id}`}>
      <Table.Td>
        <Text fw={600}>{exam.titleFa}</Text>
        <Text size="xs" c="dimmed">
          {exam.course.code} —{' '}
          {t('training.exams.rules', {
            count: digits(exam.questionCount),
            minutes: digits(exam.durationMinutes),
            pass: digits(exam.passPercent),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {digits(m.attemptsLeft)} / {digits(exam.maxAttempts)}
      </Table.Td>
      <Table.Td>{m.bestScore == null ? '—' : `${digits(m.bestScore)}٪`}</Table.Td>
      <Table.Td>
        {m.passed ? (
          <Badge color="teal">{t('training.exams.passed')}</Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('training.exams.notPassed')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
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
      </Table.Td>
    </Table.Tr>
  );
}

function MyExams() {
  const { t } = useTranslation();
  const exams = useExams();
  return (
    <Card withBorder padding="lg" data-testid="my-exams">
      <Title order={2} size="h4" mb="sm">
        {t('training.exams.title')}
      </Title>
      <ProblemAlert error={exams.error} />
      <Table.ScrollContainer minWidth={600}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.exams.exam')}</Table.Th>
              <Table.Th scope="col">{t('training.exams.attemptsLeft')}</Table.Th>
              <Table.Th scope="col">{t('training.exams.bestScore')}</Table.Th>
              <Table.Th scope="col">{t('training.exams.result')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('training.exams.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exams.data?.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    {t('training.exams.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {exams.data?.items.map((e) => (
              <ExamRow key={e.id} exam={e} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
  return (
    <Card withBorder padding="lg" data-testid="upcoming-sessions">
      <Title order={2} size="h4" mb="sm">
        {t('training.sessions.title')}
      </Title>
      <ProblemAlert error={sessions.error ?? enrol.error ?? cancel.error} />
      {enrol.isSuccess ? (
        <Alert color="teal" role="status">
          {t('training.sessions.enrolled')}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={700}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.sessions.course')}</Table.Th>
              <Table.Th scope="col">{t('training.sessions.dates')}</Table.Th>
              <Table.Th scope="col">{t('training.sessions.location')}</Table.Th>
              <Table.Th scope="col">{t('training.sessions.seatsLeft')}</Table.Th>
              {isStaff ? (
                <Table.Th scope="col">
                  <VisuallyHidden>{t('training.sessions.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data?.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    {t('training.sessions.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {sessions.data?.items.map((s) => (
              <Table.Tr key={s.id} data-testid={`session-row-${s.id}`}>
                <Table.Td>
                  {s.course.code} — {lang === 'fa' ? s.course.titleFa : s.course.titleEn}
                </Table.Td>
                <Table.Td>
                  {digits(s.startsOnJalali.replace(/-/g, '/'))} – {digits(s.endsOnJalali.replace(/-/g, '/'))}
                </Table.Td>
                <Table.Td>{s.location}</Table.Td>
                <Table.Td>
                  {digits(s.seatsLeft)} / {digits(s.capacity)}
                </Table.Td>
                {isStaff ? (
                  <Table.Td>
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
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function Catalog() {
  const { t } = useTranslation();
  const { digits, lang } = useDigits();
  const courses = useCourses();
  const services = useCatalogServices();
  const serviceName = (code: string) => services.data?.items.find((s) => s.code === code)?.title[lang] ?? code;
  return (
    <Card withBorder padding="lg" data-testid="course-catalog">
      <Title order={2} size="h4" mb="sm">
        {t('training.catalog.title')}
      </Title>
      <ProblemAlert error={courses.error} />
      <Table.ScrollContainer minWidth={600}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.catalog.code')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.course')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.kind')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.hours')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.services')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.data?.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.code}</Table.Td>
                <Table.Td>{lang === 'fa' ? c.titleFa : c.titleEn}</Table.Td>
                <Table.Td>{t(`training.kind.${c.kind}`)}</Table.Td>
                <Table.Td>{digits(c.hours)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{c.serviceCodes.map(serviceName).join(lang === 'fa' ? '، ' : ', ') || '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
