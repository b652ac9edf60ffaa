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

type AnswerBody = CallInput<'quality.answerInspection'>['body'];

/** The office manager's corrective actions for an inspection's failed items. */
export function useAnswerInspection(inspectionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) => call('quality.answerInspection', { params: { id: inspectionId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quality'] }),
  });
}
