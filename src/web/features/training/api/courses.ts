import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type Course = CallResult<'operators.courses'>['items'][number];
export type CourseInput = CallInput<'operators.createCourse'>['body'];

const coursesQueryOptions = (includeInactive = false) =>
  queryOptions({
    queryKey: ['training', 'courses', includeInactive],
    queryFn: ({ signal }) =>
      call('operators.courses', { query: { includeInactive: includeInactive ? 'true' : undefined } }, { signal }),
  });

export function useCourses(includeInactive = false) {
  return useQuery(coursesQueryOptions(includeInactive));
}

/** Creates a course, or edits one when `id` is given. */
export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: CourseInput }) =>
      id
        ? call('operators.updateCourse', { params: { id }, body: input })
        : call('operators.createCourse', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}
