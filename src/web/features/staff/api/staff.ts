/** The staff registry and employment API, as the web app uses it. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput, type CallResult } from '#web/app/api-client.ts';

export type StaffListItem = CallResult<'operators.staff'>['items'][number];
export type StaffFilter = CallInput<'operators.staff'>['query'];
export type StaffRecord = CallResult<'operators.staffRecord'>;
export type Contract = StaffRecord['contracts'][number];
export type InsurancePeriod = StaffRecord['insurance'][number];
export type ContractType = Contract['type'];
export type LicenceStatus = NonNullable<StaffListItem['licence']>['status'];
type ContractInput = CallInput<'operators.createContract'>['body'];
type WorkforceStats = CallResult<'operators.workforce'>;
/** One office's or one province's figures. */
export type OfficeStats = WorkforceStats['offices'][number];
export type ProvinceStats = WorkforceStats['provinces'][number];
export type Stats = OfficeStats | ProvinceStats;
export type StaffAlert = CallResult<'operators.alerts'>['items'][number];

export { CONTRACT_TYPES, EDUCATION_LEVELS } from '#server/modules/operators/values';

const staffListQueryOptions = (filter: StaffFilter) =>
  queryOptions({
    queryKey: ['staff', 'list', filter],
    queryFn: ({ signal }) => call('operators.staff', { query: filter }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useStaffList = (filter: StaffFilter) => useQuery(staffListQueryOptions(filter));

const staffRecordQueryOptions = (id: string | undefined) =>
  queryOptions({
    queryKey: ['staff', 'record', id],
    queryFn: ({ signal }) => call('operators.staffRecord', { params: { id } }, { signal }),
    enabled: !!id,
  });

export const useStaffRecord = (id: string | undefined) => useQuery(staffRecordQueryOptions(id));

const ownRecordQueryOptions = () =>
  queryOptions({
    queryKey: ['staff', 'own'],
    queryFn: ({ signal }) => call('operators.ownRecord', undefined, { signal }),
  });

export const useOwnRecord = () => useQuery(ownRecordQueryOptions());

export const useOffices = (provinceId: string | null | undefined) =>
  useQuery({
    queryKey: ['offices', 'directory', provinceId ?? 'all'],
    queryFn: ({ signal }) =>
      call('offices.directory', { query: { provinceId: provinceId ?? undefined, pageSize: 200 } }, { signal }),
  });

const alertsQueryOptions = () =>
  queryOptions({
    queryKey: ['employment', 'alerts'],
    queryFn: ({ signal }) => call('operators.alerts', { query: {} }, { signal }),
  });

export const useAlerts = () => useQuery(alertsQueryOptions());

const workforceStatsQueryOptions = (provinceId: string | null) =>
  queryOptions({
    queryKey: ['employment', 'stats', provinceId],
    queryFn: ({ signal }) =>
      call('operators.workforce', { query: { provinceId: provinceId ?? undefined } }, { signal }),
    placeholderData: keepPreviousData,
  });

export const useWorkforceStats = (provinceId: string | null) => useQuery(workforceStatsQueryOptions(provinceId));

/** Every write refreshes the person's record and the lists that summarise it. */
function useStaffMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      client
        .invalidateQueries({ queryKey: ['staff'] })
        .then(() => client.invalidateQueries({ queryKey: ['employment'] })),
  });
}

export const useAddContract = (personId: number) =>
  useStaffMutation((body: ContractInput) => call('operators.createContract', { params: { id: personId }, body }));
export const useTerminateContract = () =>
  useStaffMutation(({ id, ...body }: { id: number } & CallInput<'operators.terminateContract'>['body']) =>
    call('operators.terminateContract', { params: { id }, body }),
  );
export const useAddInsurance = (personId: number) =>
  useStaffMutation((body: CallInput<'operators.addInsurance'>['body']) =>
    call('operators.addInsurance', { params: { id: personId }, body }),
  );
export const useEndInsurance = () =>
  useStaffMutation(({ id, endsOn }: { id: number; endsOn: string }) =>
    call('operators.endInsurance', { params: { id }, body: { endsOn } }),
  );
export const useUpdateProfile = (personId: number) =>
  useStaffMutation((body: CallInput<'operators.updateProfile'>['body']) =>
    call('operators.updateProfile', { params: { id: personId }, body }),
  );

/** The photo goes as the raw image body (the server judges its type by content). */
export const useUploadPhoto = (personId: number) =>
  useStaffMutation((file: File) =>
    call('operators.uploadPhoto', {
      params: { id: personId },
      file,
      mediaType: file.type === 'image/png' ? 'image/png' : 'image/jpeg',
    }),
  );
