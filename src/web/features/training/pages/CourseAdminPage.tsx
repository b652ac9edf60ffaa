import '../i18n/index.ts';
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable } from '#web/ui/DataTable.tsx';
import { PageTitle } from '#web/ui/PageTitle.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useCourses } from '../api/courses';
import { useDeactivateQuestion, useExams, useQuestions } from '../api/exams';
import { ExamForm } from '../components/ExamForm';
import { QuestionEditor } from '../components/QuestionEditor';

/**
 * /training/courses/:id — a course's question bank (add, edit, deactivate; the correct option
 * marked) and its exams (create, edit). The bank and the exams are national: kept by the national
 * association.
 */
export function CourseAdminPage() {
  const { t } = useTranslation();
  const courseId = Number(useParams().id);
  const courses = useCourses(true);
  const course = courses.data?.items.find((c) => c.id === courseId);
  return (
    <Stack data-testid="course-admin-page">
      <PageTitle
        title={course ? `${course.code} — ${course.titleFa}` : t('nav.trainingAdmin')}
        subtitle={t('training.bank.subtitle')}
      />
      <Group>
        <Button component={Link} to="/training/admin" variant="subtle" size="xs">
          {t('training.bank.back')}
        </Button>
      </Group>
      <ProblemAlert error={courses.error} />
      <CourseExams courseId={courseId} />
      <QuestionBank courseId={courseId} />
    </Stack>
  );
}

function CourseExams({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const exams = useExams({ courseId, includeInactive: true });
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <Card withBorder padding="lg" data-testid="course-exams">
      <Title order={2} size="h4" mb="sm">
        {t('training.examAdmin.title2')}
      </Title>
      <ProblemAlert error={exams.error} />
      <Stack>
        {exams.data?.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('training.examAdmin.none')}
          </Text>
        ) : null}
        {exams.data?.items.map((e) =>
          editing === e.id ? (
            <ExamForm key={e.id} courseId={courseId} exam={e} onDone={() => setEditing(null)} />
          ) : (
            <Group key={e.id} justify="space-between" data-testid={`course-exam-${e.id}`}>
              <div>
                <Text fw={600}>
                  {e.titleFa}{' '}
                  {e.active ? null : (
                    <Badge size="xs" color="gray">
                      {t('training.admin.inactive')}
                    </Badge>
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('training.exams.rules', {
                    count: digits(e.questionCount),
                    minutes: digits(e.durationMinutes),
                    pass: digits(e.passPercent),
                  })}{' '}
                  — {t('training.examAdmin.attempts', { n: digits(e.maxAttempts) })}
                </Text>
              </div>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setEditing(e.id)}
                aria-label={t('training.examAdmin.editLabel', { title: e.titleFa })}
              >
                {t('training.admin.edit')}
              </Button>
            </Group>
          ),
        )}
        <ExamForm courseId={courseId} />
      </Stack>
    </Card>
  );
}

function QuestionBank({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const questions = useQuestions(courseId);
  const deactivate = useDeactivateQuestion();
  const [editing, setEditing] = useState<number | null>(null);
  const LETTERS = ['الف', 'ب', 'ج', 'د', 'هـ', 'و'];
  // A question is named by its place in the bank (the number read in the buttons' labels).
  const rows = questions.data?.items.map((q, i) => ({ ...q, n: i + 1 }));
  const columns: DataColumn<NonNullable<typeof rows>[number]>[] = [
    { key: 'n', header: '#', cell: (q) => digits(q.n) },
    {
      key: 'text',
      header: t('training.bank.text'),
      // The question being edited is edited in place.
      cell: (q) =>
        editing === q.id ? (
          <QuestionEditor courseId={courseId} question={q} onDone={() => setEditing(null)} />
        ) : (
          <>
            <Text size="sm" fw={600}>
              {q.textFa}
            </Text>
            <List size="sm" spacing={0}>
              {q.options.map((o, oi) => (
                <List.Item
                  // biome-ignore lint/suspicious/noArrayIndexKey: the options have no identity of their own; the position is the key
                  key={oi}
                  fw={oi === q.correctIndex ? 700 : undefined}
                  c={oi === q.correctIndex ? 'teal' : undefined}
                >
                  {LETTERS[oi]}) {o} {oi === q.correctIndex ? `(${t('training.bank.correct')})` : ''}
                </List.Item>
              ))}
            </List>
          </>
        ),
    },
    { key: 'drawn', header: t('training.bank.drawn'), cell: (q) => digits(q.timesDrawn), numeric: true },
    {
      key: 'actions',
      header: t('training.admin.actions'),
      cell: (q) =>
        editing === q.id ? null : (
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setEditing(q.id)}
              aria-label={t('training.bank.editLabel', { n: digits(q.n) })}
            >
              {t('training.admin.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => deactivate.mutate(q.id)}
              aria-label={t('training.bank.deactivateLabel', { n: digits(q.n) })}
              data-testid={`deactivate-question-${q.id}`}
            >
              {t('training.bank.deactivate')}
            </Button>
          </Group>
        ),
    },
  ];
  return (
    <Card withBorder padding="lg" data-testid="question-bank">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('training.bank.title')}
        </Title>
        {questions.data ? (
          <Badge variant="light" data-testid="bank-size">
            {t('training.bank.activeCount', { n: digits(questions.data.activeCount) })}
          </Badge>
        ) : null}
      </Group>
      <ProblemAlert error={questions.error ?? deactivate.error} />
      <Stack>
        <QuestionEditor courseId={courseId} />
        <DataTable
          testId="bank-table"
          label={t('training.bank.title')}
          columns={columns}
          rowKey={(q) => q.id}
          rows={rows}
          isPending={questions.isPending}
          pageSize="all"
          minWidth={600}
          rowProps={(q) => (editing === q.id ? {} : { 'data-testid': `bank-question-${q.id}` })}
        />
      </Stack>
    </Card>
  );
}
