/** The writes on one office: its profile, its status, its competencies. Each refreshes what it changed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput } from '#web/app/api-client.ts';

export type ProfileInput = CallInput<'offices.updateProfile'>['body'];
export type StatusInput = CallInput<'offices.changeStatus'>['body'];
export type CompetencyStatusInput = CallInput<'offices.changeCompetencyStatus'>['body'] & { serviceCode: string };

function useOfficeMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['offices'] }) });
}

export const useUpdateProfile = (id: string) =>
  useOfficeMutation((body: ProfileInput) => call('offices.updateProfile', { params: { id }, body }));

export const useChangeStatus = (id: string) =>
  useOfficeMutation((body: StatusInput) => call('offices.changeStatus', { params: { id }, body }));

export const useChangeCompetency = (id: string) =>
  useOfficeMutation(({ serviceCode, ...body }: CompetencyStatusInput) =>
    call('offices.changeCompetencyStatus', { params: { id, serviceCode }, body }),
  );
