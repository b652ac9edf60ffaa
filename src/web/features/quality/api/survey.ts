/** The survey an SMS link opens, and its answer (no sign-in). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput } from '#web/app/api-client.ts';

const surveyQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['quality', 'survey', token],
    queryFn: ({ signal }) => call('quality.survey', { params: { token } }, { signal }),
    retry: false,
  });

export const useSurvey = (token: string) => useQuery(surveyQueryOptions(token));

export function useAnswerSurvey(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<'quality.answerSurvey'>['body']) =>
      call('quality.answerSurvey', { params: { token }, body }),
    onSuccess: () => client.removeQueries({ queryKey: ['quality', 'survey', token] }),
  });
}
