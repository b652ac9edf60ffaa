import { Badge, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalali } from '#core/jalali';
import { useLang } from '#web/app/i18n/index.ts';
import { Pager } from '#web/ui/Pager.tsx';
import { ProblemAlert } from '#web/ui/ProblemAlert.tsx';
import { useDigits } from '#web/ui/PersianDigits.tsx';
import { useExamResults, useExams } from '../api/exams';

/** An exam's results for the candidates the reader oversees (their office, their province, or the nation). */
export function ExamResults() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { digits } = useDigits();
  const exams = useExams();
  const [examId, setExamId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const results = useExamResults(examId ? Number(examId) : null, page);
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
        {results.data ? (
          <>
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('training.results.candidate')}</Table.Th>
                    <Table.Th scope="col">{t('training.admin.office')}</Table.Th>
                    <Table.Th scope="col">{t('training.results.attempt')}</Table.Th>
                    <Table.Th scope="col">{t('training.results.score')}</Table.Th>
                    <Table.Th scope="col">{t('training.exams.result')}</Table.Th>
                    <Table.Th scope="col">{t('training.results.submittedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.data.items.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text size="sm" c="dimmed">
                          {t('training.results.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  {results.data.items.map((r) => (
                    <Table.Tr key={r.attemptId} data-testid="result-row">
                      <Table.Td>
                        {r.candidate.firstName} {r.candidate.lastName}
                      </Table.Td>
                      <Table.Td>{r.officeCode ? digits(r.officeCode) : '—'}</Table.Td>
                      <Table.Td>{digits(r.attemptNumber)}</Table.Td>
                      <Table.Td>{r.scorePercent == null ? '—' : `${digits(r.scorePercent)}٪`}</Table.Td>
                      <Table.Td>
                        {r.status === 'submitted' ? (
                          <Badge color={r.passed ? 'teal' : 'red'} variant="light">
                            {r.passed ? t('training.exams.passed') : t('training.exams.notPassed')}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light">
                            {t(`training.results.status.${r.status}`)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{r.submittedAt ? formatJalali(r.submittedAt, lang, true) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              page={results.data.page}
              pageSize={results.data.pageSize}
              total={results.data.total}
              onChange={setPage}
              testId="results-pager"
            />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
