import { Badge, Card, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DataColumn, DataTable, type SortState } from '#web/ui/DataTable.tsx';
import { sortParam } from '#web/ui/data-table-rows.ts';
import { JalaliDate } from '#web/ui/JalaliDate.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { type ExamResult, useExamResults, useExams } from '../api/exams';

/** An exam's results for the candidates the reader oversees (their office, their province, or the nation). */
export function ExamResults() {
  const { t } = useTranslation();
  const { digits } = useDigits();
  const exams = useExams();
  const [examId, setExamId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // The server sorts every attempt (the latest first until a header is clicked).
  const [sort, setSort] = useState<SortState | null>(null);
  const results = useExamResults(examId ? Number(examId) : null, page, sortParam(sort));
  const outcome = (r: ExamResult) =>
    r.status === 'submitted'
      ? t(r.passed ? 'training.exams.passed' : 'training.exams.notPassed')
      : t(`training.results.status.${r.status}`);
  const columns: DataColumn<ExamResult>[] = [
    {
      key: 'candidate',
      header: t('training.results.candidate'),
      cell: (r) => `${r.candidate.firstName} ${r.candidate.lastName}`,
      sortValue: (r) => `${r.candidate.lastName} ${r.candidate.firstName}`,
      csv: (r) => `${r.candidate.firstName} ${r.candidate.lastName}`,
    },
    {
      key: 'office',
      header: t('training.admin.office'),
      cell: (r) => (r.officeCode ? digits(r.officeCode) : '—'),
      sortValue: (r) => r.officeCode,
    },
    {
      key: 'attempt',
      header: t('training.results.attempt'),
      cell: (r) => digits(r.attemptNumber),
      sortValue: (r) => r.attemptNumber,
      numeric: true,
    },
    {
      key: 'score',
      header: t('training.results.score'),
      cell: (r) => (r.scorePercent == null ? '—' : `${digits(r.scorePercent)}٪`),
      sortValue: (r) => r.scorePercent,
      numeric: true,
    },
    {
      key: 'result',
      header: t('training.exams.result'),
      cell: (r) => (
        <Badge color={r.status === 'submitted' ? (r.passed ? 'teal' : 'red') : 'gray'} variant="light">
          {outcome(r)}
        </Badge>
      ),
      sortValue: outcome,
    },
    {
      key: 'submittedAt',
      header: t('training.results.submittedAt'),
      cell: (r) => (r.submittedAt ? <JalaliDate value={r.submittedAt} withTime /> : '—'),
      sortValue: (r) => r.submittedAt,
      numeric: true,
    },
  ];
  return (
    <Card withBorder padding="lg" data-testid="exam-results">
      <Stack>
        <Title order={2} size="h4">
          {t('training.results.title')}
        </Title>
        <Select
          label={t('training.results.exam')}
          value={examId}
          onChange={(v) => {
            setExamId(v);
            setPage(1);
          }}
          data-testid="results-exam"
          data={(exams.data?.items ?? []).map((e) => ({
            value: String(e.id),
            label: `${e.course.code} — ${e.titleFa}`,
          }))}
          comboboxProps={{ withinPortal: true }}
        />
        <ProblemAlert error={exams.error ?? results.error} />
        {examId ? (
          <DataTable
            testId="results-table"
            label={t('training.results.title')}
            columns={columns}
            rowKey={(r) => r.attemptId}
            rows={results.data?.items}
            isPending={results.isPending}
            isFetching={results.isFetching}
            paging={results.data ? { ...results.data, onChange: setPage } : undefined}
            sort={sort}
            onSortChange={setSort}
            empty={t('training.results.none')}
            csvFileName="exam-results.csv"
            minWidth={600}
            rowProps={() => ({ 'data-testid': 'result-row' })}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
