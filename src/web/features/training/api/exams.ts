import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Exam = CallResult<'operators.exams'>['items'][number];
export type ExamInput = CallInput<'operators.createExam'>['body'];
export type BankQuestion = CallResult<'operators.questions'>['items'][number];
export type QuestionInput = CallInput<'operators.addQuestion'>['body'];
export type ExamAttempt = CallResult<'operators.attempt'>;
export type ExamResult = CallResult<'operators.examResults'>['items'][number];

const examsQueryOptions = (params: { courseId?: number; includeInactive?: boolean } = {}) =>
  queryOptions({
    queryKey: ['training', 'exams', params],
    queryFn: ({ signal }) =>
      call(
        'operators.exams',
        { query: { courseId: params.courseId, includeInactive: params.includeInactive ? 'true' : undefined } },
        { signal },
      ),
  });

export function useExams(params: { courseId?: number; includeInactive?: boolean } = {}) {
  return useQuery(examsQueryOptions(params));
}

/** Creates an exam of a course, or edits one when `id` is given. */
export function useSaveExam(courseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: ExamInput }) =>
      id
        ? call('operators.updateExam', { params: { id }, body: input })
        : call('operators.createExam', { params: { id: courseId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

const questionsQueryOptions = (courseId: number) =>
  queryOptions({
    queryKey: ['training', 'questions', courseId],
    queryFn: ({ signal }) => call('operators.questions', { params: { id: courseId }, query: {} }, { signal }),
  });

export function useQuestions(courseId: number) {
  return useQuery(questionsQueryOptions(courseId));
}

/** Adds a question to a course's bank, or edits one when `id` is given. */
export function useSaveQuestion(courseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: QuestionInput }) =>
      id
        ? call('operators.updateQuestion', { params: { id }, body: input })
        : call('operators.addQuestion', { params: { id: courseId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useDeactivateQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('operators.deactivateQuestion', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useStartAttempt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (examId: number) => call('operators.startAttempt', { params: { id: examId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training', 'exams'] }),
  });
}

const attemptQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['training', 'attempt', id],
    queryFn: ({ signal }) => call('operators.attempt', { params: { id } }, { signal }),
  });

export function useAttempt(id: number) {
  return useQuery(attemptQueryOptions(id));
}

export function useSubmitAttempt(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, number>) =>
      call('operators.submitAttempt', { params: { id }, body: { answers } }),
    onSuccess: (attempt) => {
      client.setQueryData(attemptQueryOptions(id).queryKey, attempt);
      void client.invalidateQueries({ queryKey: ['training', 'exams'] });
    },
  });
}

type ResultsSort = CallInput<'operators.examResults'>['query']['sort'];

const examResultsQueryOptions = (examId: number | null, page = 1, sort?: ResultsSort) =>
  queryOptions({
    queryKey: ['training', 'results', examId, page, sort],
    queryFn: ({ signal }) =>
      call('operators.examResults', { params: { id: examId ?? 0 }, query: { page, pageSize: 50, sort } }, { signal }),
    enabled: examId != null,
  });

export function useExamResults(examId: number | null, page = 1, sort?: ResultsSort) {
  return useQuery(examResultsQueryOptions(examId, page, sort));
}
