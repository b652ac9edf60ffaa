import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '#web/app/api-client.ts';
import type { Course, CourseInput } from './types';

const coursesQueryOptions = (includeInactive = false) =>
  queryOptions({
    queryKey: ['training', 'courses', includeInactive],
    queryFn: ({ signal }) =>
      api<{ items: Course[] }>('/api/v1/training/courses', {
        params: { includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }),
  });

export function useCourses(includeInactive = false) {
  return useQuery(coursesQueryOptions(includeInactive));
}

/** Creates a course, or edits one when `id` is given. */
export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: CourseInput }) =>
      api<Course>(id ? `/api/v1/training/courses/${id}` : '/api/v1/training/courses', {
        method: id ? 'PUT' : 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}
