import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type OfficeApplication = CallResult<'offices.application'>;
export type ApplicationStatus = OfficeApplication['status'];
export type ApplicationInput = CallInput<'offices.apply'>['body'];
/** One application as the queue lists it. */
export type ApplicationSummary = CallResult<'offices.applications'>['items'][number];

/** The founders' degrees an application names: the server's lists. */
export { DEGREE_FIELDS, DEGREE_LEVELS } from '#server/modules/offices/values';

/** The list's filter as the page keeps it (no status or province is null). */
export type ApplicationsFilter = Omit<CallInput<'offices.applications'>['query'], 'status' | 'provinceId'> & {
  status?: string | null;
  provinceId?: string | null;
  page: number;
  pageSize: number;
};

const applicationsQueryOptions = (filter: ApplicationsFilter) =>
  queryOptions({
    queryKey: ['office-applications', 'list', filter],
    queryFn: ({ signal }) =>
      call(
        'offices.applications',
        { query: { ...filter, status: (filter.status ?? undefined) as ApplicationStatus | undefined } },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
export const useApplications = (filter: ApplicationsFilter, enabled = true) =>
  useQuery({ ...applicationsQueryOptions(filter), enabled });

const applicationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['office-applications', 'one', id],
    queryFn: ({ signal }) => call('offices.application', { params: { id } }, { signal }),
  });
export const useApplication = (id: string) => useQuery(applicationQueryOptions(id));

function useApplicationMutation<I>(fn: (input: I) => Promise<OfficeApplication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['office-applications'] }),
        queryClient.invalidateQueries({ queryKey: ['offices'] }),
      ]),
  });
}

export const useSubmitApplication = () =>
  useApplicationMutation((body: ApplicationInput) => call('offices.apply', { body }));
export const useReviewApplication = (id: string) =>
  useApplicationMutation((body: CallInput<'offices.review'>['body']) =>
    call('offices.review', { params: { id }, body }),
  );
export const useDecideApplication = (id: string) =>
  useApplicationMutation((body: CallInput<'offices.decide'>['body']) =>
    call('offices.decide', { params: { id }, body }),
  );

/** The province's cities for the application form. */
const citiesQueryOptions = (provinceId: string | null) =>
  queryOptions({
    queryKey: ['geo', 'cities', provinceId],
    queryFn: ({ signal }) => call('geo.cities', { params: { id: provinceId } }, { signal }),
    enabled: !!provinceId,
    staleTime: 60 * 60_000,
  });
export const useCities = (provinceId: string | null) => useQuery(citiesQueryOptions(provinceId));
