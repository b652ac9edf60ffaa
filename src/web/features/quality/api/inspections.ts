/** Recording an inspection of an office; the office's score (which lists the month's inspections) is read again after. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type CallInput } from '#web/app/api-client.ts';

type InspectionBody = CallInput<'quality.recordInspection'>['body'];

export function useRecordInspection(officeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InspectionBody) => call('quality.recordInspection', { params: { id: officeId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quality'] }),
  });
}
