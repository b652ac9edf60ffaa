import '../i18n/index.ts';
import { Anchor, Badge, Button, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#web/app/auth.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useCourses } from '../api/courses';
import { useSessions } from '../api/sessions';
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
  return (
    <Card withBorder padding="lg" data-testid="admin-courses">
      <Title order={2} size="h4" mb="sm">
        {t('training.catalog.title')}
      </Title>
      <ProblemAlert error={courses.error} />
      <Table.ScrollContainer minWidth={700}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.catalog.code')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.course')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.kind')}</Table.Th>
              <Table.Th scope="col">{t('training.catalog.hours')}</Table.Th>
              <Table.Th scope="col">{t('training.admin.bank')}</Table.Th>
              <Table.Th scope="col">{t('training.admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courses.data?.items.map((c) => (
              <Table.Tr key={c.id} data-testid={`admin-course-${c.code}`}>
                <Table.Td>
                  {c.code}{' '}
                  {c.active ? null : (
                    <Badge color="gray" size="xs">
                      {t('training.admin.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{lang === 'fa' ? c.titleFa : c.titleEn}</Table.Td>
                <Table.Td>{t(`training.kind.${c.kind}`)}</Table.Td>
                <Table.Td>{digits(c.hours)}</Table.Td>
                <Table.Td>{digits(c.bankSize)}</Table.Td>
                <Table.Td>
                  {national ? (
                    <>
                      <Anchor
                        component={Link}
                        to={`/training/courses/${c.id}`}
                        me="sm"
                        data-testid={`open-course-${c.code}`}
                      >
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
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function SessionList({ onRoster, selected }: { onRoster: (id: number) => void; selected: number | null }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const sessions = useSessions();
  return (
    <Card withBorder padding="lg" data-testid="admin-sessions">
      <Title order={2} size="h4" mb="sm">
        {t('training.sessions.all')}
      </Title>
      <ProblemAlert error={sessions.error} />
      <Table.ScrollContainer minWidth={500}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.sessions.course')}</Table.Th>
              <Table.Th scope="col">{t('training.sessions.dates')}</Table.Th>
              <Table.Th scope="col">{t('training.sessions.enrolledCount')}</Table.Th>
              <Table.Th scope="col">{t('training.admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data?.items.map((s) => (
              <Table.Tr key={s.id} bg={selected === s.id ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>{s.course.code}</Table.Td>
                <Table.Td>{digits(s.startsOnJalali.replace(/-/g, '/'))}</Table.Td>
                <Table.Td>
                  {digits(s.enrolled)} / {digits(s.capacity)}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => onRoster(s.id)}
                    data-testid={`roster-${s.id}`}
                    aria-label={t('training.admin.rosterOf', {
                      code: s.course.code,
                      date: digits(s.startsOnJalali.replace(/-/g, '/')),
                    })}
                  >
                    {t('training.admin.roster')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
