import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { BankQuestion, Exam, ExamAttempt, ExamInput, ExamResult, QuestionInput } from './types';

export function useExams(params: { courseId?: number; includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: ['training', 'exams', params],
    queryFn: ({ signal }) =>
      api<{ items: Exam[] }>('/api/v1/training/exams', {
        params: { courseId: params.courseId, includeInactive: params.includeInactive ? 'true' : undefined },
        signal,
      }),
  });
}

/** Creates an exam of a course, or edits one when `id` is given. */
export function useSaveExam(courseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: ExamInput }) =>
      api<Exam>(id ? `/api/v1/training/exams/${id}` : `/api/v1/training/courses/${courseId}/exams`, {
        method: id ? 'PUT' : 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useQuestions(courseId: number) {
  return useQuery({
    queryKey: ['training', 'questions', courseId],
    queryFn: ({ signal }) =>
      api<{ items: BankQuestion[]; activeCount: number }>(`/api/v1/training/courses/${courseId}/questions`, { signal }),
  });
}

/** Adds a question to a course's bank, or edits one when `id` is given. */
export function useSaveQuestion(courseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: QuestionInput }) =>
      api<BankQuestion>(id ? `/api/v1/training/questions/${id}` : `/api/v1/training/courses/${courseId}/questions`, {
        method: id ? 'PUT' : 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useDeactivateQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<BankQuestion>(`/api/v1/training/questions/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useStartAttempt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (examId: number) => api<ExamAttempt>(`/api/v1/training/exams/${examId}/attempts`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training', 'exams'] }),
  });
}

export function useAttempt(id: number) {
  return useQuery({
    queryKey: ['training', 'attempt', id],
    queryFn: ({ signal }) => api<ExamAttempt>(`/api/v1/training/attempts/${id}`, { signal }),
  });
}

export function useSubmitAttempt(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, number>) =>
      api<ExamAttempt>(`/api/v1/training/attempts/${id}/submit`, { method: 'POST', body: { answers } }),
    onSuccess: (attempt) => {
      client.setQueryData(['training', 'attempt', id], attempt);
      void client.invalidateQueries({ queryKey: ['training', 'exams'] });
    },
  });
}

export function useExamResults(examId: number | null, page = 1) {
  return useQuery({
    queryKey: ['training', 'results', examId, page],
    queryFn: ({ signal }) =>
      api<{ items: ExamResult[]; total: number; page: number; pageSize: number }>(
        `/api/v1/training/exams/${examId}/results`,
        { params: { page, pageSize: 50 }, signal },
      ),
    enabled: examId != null,
  });
}
